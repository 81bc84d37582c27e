"""The words that mark attributed speech: reporting verbs, speech-act verbs, document nouns.

Hand-written by the communique authors from general English usage (not from any evaluation
text). A *reporting verb* introduces a claim in a clause or a quotation ("said that …",
"“…,” he said"); a *speech-act verb* is itself what was said, so the verb phrase is the claim
("condemned the launch", "called on Tehran to de-escalate").
"""

from __future__ import annotations

# Verbs whose clausal complement (or an adjacent quotation) is the claim.
REPORTING_VERBS = frozenset(
    {
        "say",
        "state",
        "stress",
        "note",
        "warn",
        "claim",
        "add",
        "tell",
        "announce",
        "insist",
        "explain",
        "emphasize",
        "emphasise",
        "complain",
        "report",
        "confirm",
        "declare",
        "assert",
        "argue",
        "maintain",
        "deny",
        "reiterate",
        "underline",
        "underscore",
        "indicate",
        "write",
        "comment",
        "remark",
        "observe",
        "acknowledge",
        "admit",
        "allege",
        "reveal",
        "disclose",
        "suggest",
        "predict",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "mention",
        "affirm",
        "reaffirm",
        "contend",
        "charge",
        "recall",
        "conclude",
        "point",
        "hope",
        "believe",
        "stipulate",
        "tweet",
        "post",
        "quote",
        "agree",
        "reply",
        "respond",
        "answer",
        "denounce",
        "accuse",
        "urge",
        "demand",
        "describe",
        "voice",
        "express",
        "highlight",
        "lament",
        "boast",
    }
)

# Reporting verbs that attribute a quotation standing beside them ("“…,” she added").
QUOTE_VERBS = frozenset(
    {
        "say",
        "add",
        "tell",
        "state",
        "write",
        "declare",
        "insist",
        "explain",
        "warn",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "reply",
        "respond",
        "answer",
        "ask",
        "conclude",
        "argue",
        "claim",
        "announce",
        "remark",
        "comment",
        "observe",
        "recall",
        "quote",
        "continue",
        "tweet",
        "post",
        "assert",
        "complain",
        "report",
        "affirm",
        "reiterate",
        "admit",
        "acknowledge",
        "urge",
    }
)

# Reporting verbs whose object, without a clause, is still what was said ("reported fighting
# near the town", "claiming shelling continued", "announced to end the mission").
OBJECT_REPORTS = frozenset(
    {
        "report",
        "claim",
        "allege",
        "announce",
        "confirm",
        "deny",
        "reveal",
        "disclose",
        "mention",
        "predict",
        "warn",
        "suggest",
        "propose",
    }
)

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

# Verbs whose verb phrase is the claim when they have no clausal complement. Each needs the
# dependency it is listed with, so that "called" in "a group called X" is not a statement.
# Values: the child dependencies (or prepositions, as "prep:on") one of which must be present.
SPEECH_ACTS: dict[str, frozenset[str]] = {
    "condemn": frozenset({"dobj"}),
    "denounce": frozenset({"dobj", "ccomp"}),
    "criticize": frozenset({"dobj"}),
    "criticise": frozenset({"dobj"}),
    "slam": frozenset({"dobj"}),
    "blast": frozenset({"dobj"}),
    "call": frozenset({"prep:on", "prep:upon", "prep:for"}),
    "urge": frozenset({"dobj", "xcomp", "ccomp"}),
    "demand": frozenset({"dobj", "ccomp"}),
    "appeal": frozenset({"prep:to", "prep:for"}),
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
    "warn": frozenset({"prep:of", "prep:against", "prep:about"}),
    "accuse": frozenset({"prep:of"}),
    "blame": frozenset({"prep:for"}),
    "explain": frozenset({"dobj"}),
    "propose": frozenset({"dobj"}),
    "vow": frozenset({"xcomp"}),
    "pledge": frozenset({"xcomp", "dobj"}),
    "promise": frozenset({"xcomp"}),
    "threaten": frozenset({"xcomp"}),
}

# Nouns that stand for a text someone issued: "in a statement", "the commentary says".
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "commentary",
        "editorial",
        "article",
        "report",
        "communique",
        "communiqué",
        "release",
        "readout",
        "note",
        "letter",
        "message",
        "declaration",
        "post",
        "tweet",
        "interview",
        "remark",
        "remarks",
        "briefing",
        "speech",
        "address",
        "op-ed",
    }
)

# Nouns that name a spokesperson rather than the body they speak for.
SPOKESPERSON_NOUNS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "spokesmen",
        "representative",
        "source",
        "official",
        "interlocutor",
        "aide",
        "envoy",
        "diplomat",
    }
)

# Auxiliaries and governing verbs that make a reporting verb not (yet) a statement.
UNREAL_AUX = frozenset(
    {"will", "shall", "would", "could", "might", "may", "should", "must", "can", "'ll"}
)
INTENT_HEADS = frozenset(
    {
        "expect",
        "plan",
        "intend",
        "want",
        "hope",
        "refuse",
        "decline",
        "fail",
        "prepare",
        "schedule",
        "set",
        "likely",
        "going",
    }
)

# A quotation needs this many words to be taken as speech rather than a scare-quoted phrase.
MIN_QUOTE_WORDS = 4
# A block introduced by "X says:" runs for at most this many sentences.
MAX_BLOCK_SENTENCES = 12
