"""The words that mark attributed speech: reporting verbs, speech-act verbs, document nouns.

Hand-written by the communique authors from general English usage (not from any evaluation
text). A *reporting verb* introduces a claim in a clause or a quotation ("said that …",
"“…,” he said"); a *speech-act verb* is itself what was said, so the verb phrase is the claim
("condemned the launch", "called on Tehran to de-escalate").
"""

from __future__ import annotations

# fmt: off
# Verbs whose clausal complement (or an adjacent quotation) is the claim.
REPORTING_VERBS = frozenset({
    "accuse", "acknowledge", "add", "admit", "affirm", "agree", "allege", "announce", "answer", "read",
    "argue", "assert", "assure", "believe", "boast", "brief", "caution", "charge", "claim",
    "clarify", "comment", "complain", "concede", "conclude", "confirm", "contend", "counter",
    "declare", "demand", "denounce", "deny", "describe", "disclose", "emphasise", "emphasize",
    "estimate", "explain", "express", "forecast", "highlight", "hope", "indicate", "inform",
    "insist", "lament", "maintain", "mention", "note", "notify", "observe", "pledge", "point",
    "post", "predict", "proclaim", "promise", "quote", "reaffirm", "recall", "reiterate",
    "remark", "remind", "repeat", "reply", "report", "respond", "retort", "reveal", "say",
    "state", "stipulate", "stress", "suggest", "tell", "testify", "threaten", "tweet",
    "underline", "underscore", "urge", "voice", "vow", "warn", "write"
})

# Reporting verbs that attribute a quotation standing beside them ("“…,” she added").
QUOTE_VERBS = frozenset({
    "acknowledge", "add", "admit", "affirm", "announce", "answer", "argue", "ask", "assert",
    "claim", "comment", "complain", "conclude", "continue", "declare", "emphasise", "emphasize",
    "explain", "insist", "note", "observe", "post", "quote", "read", "recall", "reiterate", "remark",
    "reply", "report", "respond", "say", "state", "stress", "tell", "tweet", "urge", "warn",
    "write"
})

# Reporting verbs whose object, without a clause, is still what was said ("reported fighting
# near the town", "claiming shelling continued", "announced to end the mission").
OBJECT_REPORTS = frozenset({
    "allege", "announce", "claim", "confirm", "deny", "disclose", "mention", "predict", "propose",
    "report", "reveal", "suggest", "warn"
})

# A statement by this verb means its speaker issued a document of this kind: after "X
# reported …", "the report" is X's.
ISSUED_BY_VERB = {
    "report": "report",
    "state": "statement",
    "declare": "declaration",
    "comment": "commentary",
    "announce": "announcement",
    "write": "article",
    "post": "post",
    "tweet": "tweet",
}

# Verbs whose verb phrase is the claim when they have no clausal complement. Each needs one of
# the dependencies it is listed with (a preposition as "prep:on"), so that "called" in "a group
# called X" is not a statement.
SPEECH_ACTS: dict[str, frozenset[str]] = {
    "condemn": frozenset({"dobj"}),
    "denounce": frozenset({"ccomp", "dobj"}),
    "criticize": frozenset({"dobj"}),
    "criticise": frozenset({"dobj"}),
    "slam": frozenset({"dobj"}),
    "blast": frozenset({"dobj"}),
    "call": frozenset({"prep:for", "prep:on", "prep:upon"}),
    "urge": frozenset({"ccomp", "dobj", "xcomp"}),
    "demand": frozenset({"ccomp", "dobj"}),
    "appeal": frozenset({"prep:for", "prep:to"}),
    "thank": frozenset({"dobj"}),
    "praise": frozenset({"dobj"}),
    "commend": frozenset({"dobj"}),
    "hail": frozenset({"dobj"}),
    "welcome": frozenset({"dobj"}),
    "express": frozenset({"dobj"}),
    "voice": frozenset({"dobj"}),
    "convey": frozenset({"dobj"}),
    "mention": frozenset({"dobj"}),
    "emphasize": frozenset({"dobj"}),
    "emphasise": frozenset({"dobj"}),
    "stress": frozenset({"dobj"}),
    "underline": frozenset({"dobj"}),
    "underscore": frozenset({"dobj"}),
    "highlight": frozenset({"dobj"}),
    "reiterate": frozenset({"dobj"}),
    "reaffirm": frozenset({"dobj"}),
    "confirm": frozenset({"dobj"}),
    "deny": frozenset({"dobj"}),
    "reject": frozenset({"dobj"}),
    "dismiss": frozenset({"dobj"}),
    "announce": frozenset({"dobj"}),
    "declare": frozenset({"dobj"}),
    "report": frozenset({"dobj"}),
    "describe": frozenset({"prep:as"}),
    "tell": frozenset({"prep:about", "prep:of"}),
    "warn": frozenset({"prep:about", "prep:against", "prep:of"}),
    "accuse": frozenset({"prep:of"}),
    "blame": frozenset({"prep:for"}),
    "explain": frozenset({"dobj"}),
    "propose": frozenset({"dobj"}),
    "vow": frozenset({"xcomp"}),
    "pledge": frozenset({"dobj", "xcomp"}),
    "promise": frozenset({"xcomp"}),
    "threaten": frozenset({"xcomp"}),
}

# Nouns that stand for a text someone issued: "in a statement", "the commentary says".
DOCUMENT_NOUNS = frozenset({
    "address", "article", "briefing", "commentary", "communique", "communiqué", "declaration",
    "editorial", "interview", "letter", "message", "note", "op-ed", "post", "readout", "release",
    "remark", "remarks", "report", "speech", "statement", "tweet"
})

# Nouns that name a spokesperson rather than the body they speak for.
SPOKESPERSON_NOUNS = frozenset({
    "aide", "diplomat", "envoy", "interlocutor", "official", "representative", "source",
    "spokesman", "spokesmen", "spokespeople", "spokesperson", "spokeswoman"
})

# Auxiliaries and governing verbs that make a reporting verb not (yet) a statement.
UNREAL_AUX = frozenset({
    "'ll", "can", "could", "may", "might", "must", "shall", "should", "will", "would"
})
INTENT_HEADS = frozenset({
    "decline", "expect", "fail", "going", "hope", "intend", "likely", "plan", "prepare", "refuse",
    "schedule", "set", "want"
})
# fmt: on

# A quotation needs this many words to be taken as speech rather than a scare-quoted phrase.
MIN_QUOTE_WORDS = 4
# A block introduced by "X says:" runs for at most this many sentences.
MAX_BLOCK_SENTENCES = 12
