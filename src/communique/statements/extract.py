"""Attributed statements from a parsed, actor-resolved document.

The patterns, read sentence by sentence from the dependency parse:

* **indirect speech**: a reporting verb with a clausal complement ("X said that CLAIM", "CLAIM,
  X said", "X told reporters CLAIM", "…, adding that CLAIM"); the complement is the claim.
* **speech acts**: a verb whose own phrase is what was said ("X condemned the launch", "X
  called on Y to withdraw", "X told those present about Y"); the verb phrase is the claim.
* **direct speech**: a quotation attributed by a reporting verb around it (“CLAIM,” X said; X
  said: “CLAIM”; “CLAIM,” said X, the title of Y), across sentences too; and blocks introduced
  by a colon ("The commentary says:" followed by its text).
* **according to X, CLAIM**; a readout "attributable to" a spokesperson; a headline line
  "CLAIM: SPEAKER".

A statement needs a speaker that resolves to an actor (see :mod:`.speakers`); reported speech
nobody can be named for is not recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from communique.actors.resolve import DocActors
from communique.events.dates import resolve_date
from communique.nlp import doc_text, ents_in
from communique.records import Document, Entity, Evidence, Span, Statement
from communique.statements.quotes import Quote, find_quotes
from communique.statements.speakers import SpeakerResolver
from communique.statements.syntax import is_time, is_unreal, phrase_span, speaker_token, trimmed
from communique.statements.verbs import (
    DOCUMENT_NOUNS,
    MAX_BLOCK_SENTENCES,
    MIN_QUOTE_WORDS,
    OBJECT_REPORTS,
    QUOTE_VERBS,
    REPORTING_VERBS,
    SPEECH_ACTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Children of a speech-act verb that belong to its claim (the rest — conjoined verbs, other
# clauses, punctuation — are said separately or not at all).
CLAIM_DEPS = frozenset({
    "dobj", "dative", "prep", "xcomp", "ccomp", "oprd", "prt", "acomp", "attr", "agent", "advmod",
    "npadvmod",
})  # fmt: skip
# Speakers per statement at most ("X, Y and Z said"): one record each.
MAX_SPEAKERS = 4
# A claim lies inside a quotation when this share of its characters is quoted.
QUOTED_SHARE = 0.8
_BLANK_LINE = re.compile(r"\n\s*\n")
# A headline that attributes its claim: "Talks are a necessity: Iran FM", "Lavrov: Russia
# will respond". A line without a final full stop; the speaker side is a short name.
_HEADLINE = re.compile(
    r"^[ \t]*(?P<a>[^\n:]{2,200}?)[ \t]*:[ \t]+(?P<b>[^\n:]{2,200}?)[ \t]*$", re.MULTILINE
)
MAX_HEADLINE_SPEAKER_WORDS = 5
# "A spokesman gave the following answer to a question …:" introduces what the spokesman says.
ANNOUNCING_VERBS = frozenset(
    {"give", "issue", "release", "make", "publish", "deliver", "send", "carry"}
)
ANNOUNCED_TEXTS = frozenset(
    {
        "answer",
        "reply",
        "response",
        "statement",
        "commentary",
        "message",
        "speech",
        "remark",
        "declaration",
        "communique",
        "article",
        "editorial",
        "address",
    }
)
# Where prose breaks off: a blank line, or a line that does not end mid-sentence (a headline,
# a byline, a time stamp). spaCy often runs such lines into the next sentence.
_BREAK = re.compile(r"\n\s*\n|(?<=[^a-z,;\s])[ \t]*\n")


@dataclass(frozen=True, slots=True)
class _Found:
    speakers: tuple[Entity, ...]
    verb: str
    start: int
    end: int
    direct: bool
    sentence: int
    evidence_start: int
    evidence_end: int
    date: str | None = None
    date_precision: str | None = None
    # Where the speaker is named in the sentence (its words are not what the claim is about).
    speaker_span: tuple[int, int] = (0, 0)


class _Extractor:
    def __init__(self, sents: list[SpacySpan], document: Document, actors: DocActors) -> None:
        self.sents = sents
        self.doc = sents[0].doc
        self.text = doc_text(self.doc)
        self.document = document
        self.actors = actors
        self.quotes = [q for q in find_quotes(self.text)]
        self.speakers = SpeakerResolver(document=document, actors=actors, doc=self.doc)
        self.found: list[_Found] = []
        self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        dateline = document.dateline.text if document.dateline else None
        if dateline and dateline in self.text:
            # "Moscow, May 5 (TASS) --" is not part of the first sentence's speaker or claim.
            self._breaks = sorted([*self._breaks, self.text.index(dateline) + len(dateline)])
        self._sent_of_token = {}
        for i, sent in enumerate(sents):
            for token in sent:
                self._sent_of_token[token.i] = i

    # -- helpers --------------------------------------------------------------------------

    def _sentence_at(self, char: int) -> int:
        for i, sent in enumerate(self.sents):
            if sent.start_char <= char < sent.end_char:
                return i
        return len(self.sents) - 1

    def _segment(self, char: int) -> tuple[int, int]:
        """The stretch of unbroken prose around ``char``."""
        start, end = 0, len(self.text)
        for b in self._breaks:
            if b < char:
                start = b
            else:
                end = b
                break
        return start, end

    def _quote_around(self, start: int, end: int) -> tuple[Quote, bool] | None:
        """The quotation that holds nearly all of ``start:end`` (and whether the claim lies
        inside it, so that the whole quotation is the claim)."""
        for quote in self.quotes:
            inside = min(end, quote.end) - max(start, quote.start)
            if inside > 0 and inside >= QUOTED_SHARE * (end - start):
                return quote, start >= quote.start - 1 and end <= quote.end + 1
        return None

    def _covered(self, quote: Quote) -> bool:
        return any(
            min(f.end, quote.end) - max(f.start, quote.start) >= 0.5 * (quote.end - quote.start)
            for f in self.found
        )

    def _date_after(self, verb: Token) -> SpacySpan | None:
        """A time expression right after the verb ("said on Friday it had …"), which the
        parser often hangs on the clause that follows."""
        for ent in ents_in(verb.sent):
            if ent.label_ in {"DATE", "TIME"} and ent.start_char > verb.idx:
                between = self.text[verb.idx + len(verb) : ent.start_char]
                return (
                    ent
                    if re.fullmatch(r"\s*(?:on|late|early|earlier|later)?\s*", between)
                    else None
                )
        return None

    def _date(
        self, verb: Token, sent: SpacySpan, claim: tuple[int, int]
    ) -> tuple[str | None, str | None]:
        """The day the statement was made, when a time expression modifies the verb itself."""
        best: tuple[int, str, str] | None = None
        low, high = self._segment(verb.idx)
        after = self._date_after(verb)
        for ent in ents_in(sent):
            if ent.label_ not in {"DATE", "TIME"} or not low <= ent.start_char < high:
                continue
            if after is not None and ent.start_char == after.start_char:
                date, precision = resolve_date(ent.text, self.document.published)
                if date is not None:
                    return date, precision or "day"
            if any(q.start <= ent.start_char < q.end for q in self.quotes):
                continue  # "today" inside a quotation dates what is quoted, not the quoting
            node, hops = ent.root, 0
            while node.head.i != node.i and node.i != verb.i and hops < 4:
                node, hops = node.head, hops + 1
                if node.i != verb.i and node.pos_ in {"VERB", "AUX"}:
                    break  # the expression belongs to another clause
            if node.i != verb.i:
                continue
            date, precision = resolve_date(ent.text, self.document.published)
            if date is not None and (best is None or hops < best[0]):
                best = (hops, date, precision or "day")
        return (best[1], best[2]) if best else (None, None)

    def _add(
        self,
        speaker: Token | None,
        verb: Token | None,
        lemma: str,
        start: int,
        end: int,
        index: int,
        *,
        direct: bool = False,
        evidence: tuple[int, int] | None = None,
        speakers: list[Entity] | None = None,
        anchor: int | None = None,
    ) -> bool:
        sent = self.sents[index]
        if anchor is not None:
            # Keep the claim and the speaker within the prose around the reporting verb.
            low, high = self._segment(anchor)
            start, end = max(start, low), min(end, high)
        start, end = trimmed(self.text, start, end)
        if end - start < 2:
            return False
        if speakers is None:
            speakers = self.speakers.resolve(speaker, index) if speaker is not None else []
        if anchor is not None:
            low, high = self._segment(anchor)
            speakers = [
                e
                for e in speakers
                if not (sent.start_char <= e.start < sent.end_char) or low <= e.start < high
            ]
        if not speakers:
            return False
        around = self._quote_around(start, end)
        if around is not None:
            quote, within = around
            direct = True
            if within:  # the quotation may run on beyond the parsed clause, even the sentence
                start, end = trimmed(self.text, quote.start, quote.end)
        ev_start, ev_end = evidence or (min(sent.start_char, start), max(sent.end_char, end))
        date, precision = self._date(verb, sent, (start, end)) if verb is not None else (None, None)
        found = _Found(tuple(speakers[:MAX_SPEAKERS]), lemma, start, end, direct, index, ev_start, ev_end,
                       date, precision, phrase_span(speaker))  # fmt: skip
        self.found.append(found)
        for entity in speakers:
            self.speakers.record(index, entity, speaker, verb)
        return True

    # -- patterns -------------------------------------------------------------------------

    def _colon_block(
        self,
        verb: Token,
        speaker: Token | None,
        index: int,
        *,
        after: Token | None = None,
        label: str = "",
        reach: int = 60,
    ) -> bool:
        """ "X says:" (or "The following is attributable to X:") at the end of a line: the
        following lines are what X says."""
        after = after or verb
        # "says:", "said the following:", "says in a signed commentary:" ending the line
        m = re.match(rf"[^\n.:;\"“”]{{0,{reach}}}:[ \t]*\n", self.text[after.idx + len(after) :])
        if m is None or speaker is None:
            return False
        begin = after.idx + len(after) + m.end()
        rest = self.text[begin:]
        lead = len(rest) - len(rest.lstrip())
        begin += lead
        stop = _BLANK_LINE.search(self.text, begin)
        end = stop.start() if stop else len(self.text)
        speakers = self.speakers.resolve(speaker, index)
        if not speakers:
            return False
        first = self._sentence_at(begin)
        added = False
        for j in range(first, min(len(self.sents), first + MAX_BLOCK_SENTENCES)):
            sent = self.sents[j]
            if sent.start_char >= end:
                break
            s, e = max(sent.start_char, begin), min(sent.end_char, end)
            if len(re.findall(r"\w+", self.text[s:e])) < MIN_QUOTE_WORDS:
                continue
            added |= self._add(
                speaker,
                verb,
                label or verb.lemma_.lower(),
                s,
                e,
                j,
                direct=True,
                evidence=(s, e),
                speakers=speakers,
            )
        return added

    def _verb(self, verb: Token, index: int) -> None:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or is_unreal(verb):
            return
        if lemma not in REPORTING_VERBS and lemma not in SPEECH_ACTS:
            return
        speaker = speaker_token(verb, self.actors)
        if speaker is None:
            return
        if lemma == "read" and speaker.lemma_.lower() not in DOCUMENT_NOUNS:
            return  # "the statement reads:", not "he read the report"
        if self._colon_block(verb, speaker, index):
            return
        low, high = self._segment(verb.idx)
        # A headline run into the sentence can parse as the verb's clause: not the claim.
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and low <= c.idx < high]
        # "threatened to shell the towns where, it said, …": a clause after the verb's own
        # infinitive is misattached, not what was threatened.
        clauses = [
            c
            for c in clauses
            if not any(o.dep_ == "xcomp" and verb.i < o.i < c.i for o in verb.children)
        ]
        if lemma in REPORTING_VERBS and clauses:
            for clause in clauses:
                self._clause(verb, lemma, speaker, clause, index)
            return
        if self._speech_act(verb, lemma, speaker, index):
            return
        if lemma in REPORTING_VERBS and verb.dep_ == "parataxis":
            self._parenthetical(verb, lemma, speaker, index)
        elif lemma in REPORTING_VERBS:
            self._bare_report(verb, lemma, speaker, index)

    def _parenthetical(self, verb: Token, lemma: str, speaker: Token, index: int) -> bool:
        """ "The plan, he said, would fail": the clause around the aside is the claim."""
        host = verb.head
        skip = {t.i for t in verb.subtree}
        rest = [t for t in host.subtree if t.i not in skip and not t.is_punct and not t.is_space]
        if not rest:
            return False
        first, last = rest[0], rest[-1]
        return self._add(
            speaker, verb, lemma, first.idx, last.idx + len(last), index, anchor=verb.idx
        )

    def _clause(self, verb: Token, lemma: str, speaker: Token, clause: Token, index: int) -> bool:
        """ "X said (that) CLAIM", "CLAIM, X said": the clause is the claim. A quotation
        split by its attribution ( “A,” he said, “but B.” ) gives one claim per side."""
        start, last = clause.left_edge.idx, clause.right_edge
        # "X warned that A, while Y denied that B": B is Y's, not part of X's claim.
        rivals = [
            t.left_edge
            for t in clause.subtree
            if t.i > verb.i
            and t.lemma_.lower() in REPORTING_VERBS
            and any(m.dep_ == "mark" and m.lower_ in {"while", "whereas"} for m in t.children)
            and any(m.dep_ == "nsubj" for m in t.children)
        ]
        if rivals:
            cut = min(rivals, key=lambda t: t.i)
            last = verb.doc[max(cut.i - 1, verb.i)]
        after = self._date_after(verb)
        if after is not None and start <= after.start_char:
            start = max(start, after.end_char)  # "said on Friday it had …"
        return self._add(speaker, verb, lemma, start, last.idx + len(last), index, anchor=verb.idx)

    def _speech_act(self, verb: Token, lemma: str, speaker: Token, index: int) -> bool:
        """ "X condemned the launch": the verb phrase is the claim."""
        needs = SPEECH_ACTS.get(lemma)
        if not needs:
            return False
        # "told those present about X": the preposition may hang on the object.
        near = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.subtree)]
        deps = {c.dep_ for c in verb.children} | {
            f"prep:{c.lower_}" for c in near if c.dep_ == "prep"
        }
        if not needs & deps:
            return False
        # The phrase ends where a coordinated verb phrase begins ("called for X and urged Y").
        stop = min(
            (c.i for c in verb.children if c.dep_ in {"cc", "conj"} and c.i > verb.i),
            default=len(verb.doc),
        )
        parts = [
            c
            for c in verb.children
            if c.dep_ in CLAIM_DEPS and verb.i < c.i < stop and not is_time(c)
        ]
        if not parts:
            return False
        last = max((c.right_edge for c in parts), key=lambda t: t.i)
        return self._add(
            speaker, verb, lemma, verb.idx, last.idx + len(last), index, anchor=verb.idx
        )

    def _bare_report(self, verb: Token, lemma: str, speaker: Token, index: int) -> bool:
        """A reporting verb without a clause: its object ("rebels claiming shelling …
        continued", "reported fighting near X"), or, when the parse lost the clause, the
        words before a trailing attribution ("…, the agency reported on Tuesday.")."""
        objects = [
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "dobj"} and c.i > verb.i and c.pos_ != "PRON"
        ]
        if objects and lemma in OBJECT_REPORTS:
            first = min((c.left_edge for c in objects), key=lambda t: t.i)
            last = max((c.right_edge for c in objects), key=lambda t: t.i)
            if last.i - first.i >= 2:
                return self._add(
                    speaker, verb, lemma, first.idx, last.idx + len(last), index, anchor=verb.idx
                )
            return False
        if lemma not in QUOTE_VERBS or speaker.i > verb.i:
            return False
        sent = verb.sent
        tail = [t for t in sent if t.i > verb.i and not t.is_space]
        if any(t.pos_ in {"VERB", "AUX"} for t in tail):
            return False
        commas = [t for t in sent if t.i < speaker.i and t.text in {",", "”", '"'}]
        if not commas:
            return False
        comma = commas[-1]
        if any(
            t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}
            for t in sent
            if comma.i < t.i < verb.i
        ):
            return False
        low, _high = self._segment(verb.idx)
        return self._add(
            speaker, verb, lemma, max(sent.start_char, low), comma.idx, index, anchor=verb.idx
        )

    @staticmethod
    def _announces_text(token: Token) -> bool:
        """ "gave the following answer …:", "issued a statement:", "It went on:"."""
        lemma = token.lemma_.lower()
        if lemma in {"go", "continue"}:
            return lemma == "continue" or any(
                c.dep_ == "prt" and c.lower_ == "on" for c in token.children
            )
        objects = [c for c in token.children if c.dep_ == "dobj"]
        return lemma in ANNOUNCING_VERBS and any(
            o.lemma_.lower() in ANNOUNCED_TEXTS for o in objects
        )

    def _issued_block(self, token: Token, index: int) -> None:
        speaker = speaker_token(token, self.actors)
        if speaker is not None and not is_unreal(token):
            self._colon_block(token, speaker, index, label="say", reach=200)

    def _attributable(self, token: Token, index: int) -> None:
        """ "The following is attributable to Spokesperson X:" and the readout below it."""
        to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        source = (
            next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        )
        if source is not None:
            self._colon_block(token, source, index, after=source, label="attributable to")

    def _according(self, token: Token, index: int) -> None:
        """ "According to X, CLAIM" and "CLAIM, according to X"; read from the words rather
        than the parse, which often mangles the phrase."""
        to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        source = (
            next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        )
        if source is None:
            return
        sent = token.sent
        end_tok = source.right_edge
        # "the Russian agency TASS": a name right after the noun is the source's name.
        nxt = self.doc[end_tok.i + 1] if end_tok.i + 1 < sent.end else None
        by_token = self.actors.by_token
        if nxt is not None and nxt.i in by_token and source.i not in by_token:
            source = end_tok = nxt
            while end_tok.i + 1 < sent.end and by_token.get(end_tok.i + 1) == by_token[nxt.i]:
                end_tok = self.doc[end_tok.i + 1]
        after = [t for t in sent if t.i > end_tok.i and not t.is_punct and not t.is_space]
        if len(after) >= 3:
            start, end = end_tok.idx + len(end_tok), sent.end_char
        else:
            before = [
                t
                for t in sent
                if t.i < token.i and t.lower_ in {"but", ";", "and"} and t.dep_ in {"cc", "punct"}
            ]
            start = before[-1].idx + len(before[-1]) if before else sent.start_char
            end = token.idx
        self._add(source, None, "according to", start, end, index, anchor=token.idx)

    def _open_quotes(self, index: int) -> None:
        """Quotations ending in this sentence that no verb has claimed yet: attribute them to
        a reporting verb around them ( “…,” X said / X said: “…” )."""
        sent = self.sents[index]
        for quote in self.quotes:
            if (
                not (sent.start_char < quote.end <= sent.end_char)
                or quote.words < MIN_QUOTE_WORDS
                or self._covered(quote)
            ):
                continue
            first = self._sentence_at(quote.start)
            scope = range(max(0, first - 1), index + 1)
            best: tuple[int, Token, Token] | None = None
            for j in scope:
                for token in self.sents[j]:
                    if (
                        quote.start <= token.idx < quote.end
                        or token.lemma_.lower() not in QUOTE_VERBS
                    ):
                        continue
                    if token.pos_ not in {"VERB", "AUX"} or is_unreal(token):
                        continue
                    if j < first and not re.fullmatch(
                        r"[\s:,\"“«„]*",
                        self.text[token.idx + len(token) : quote.start].split(":", 1)[-1],
                    ):
                        continue
                    speaker = speaker_token(token, self.actors)
                    if speaker is None:
                        continue
                    distance = min(abs(token.idx - quote.end), abs(token.idx - quote.start))
                    if best is None or distance < best[0]:
                        best = (distance, token, speaker)
            if best is None:
                self._continued(quote, index)
                continue
            _, verb, speaker = best
            ev_start = self.sents[min(first, self._sent_of_token[verb.i])].start_char
            self._add(
                speaker,
                verb,
                verb.lemma_.lower(),
                quote.start,
                quote.end,
                index,
                direct=True,
                evidence=(ev_start, sent.end_char),
            )

    def _continued(self, quote: Quote, index: int) -> None:
        """A quotation right after an attributed one, in the same paragraph, goes on with the
        same speaker (“A,” she said. “B.”)."""
        previous = next(
            (f for f in reversed(self.found) if f.direct and f.end <= quote.start), None
        )
        if previous is None:
            return
        gap = self.text[previous.evidence_end : quote.start]
        if _BLANK_LINE.search(gap) or len(re.findall(r"\w+", gap)) > 0:
            return
        first = self._sentence_at(quote.start)
        self._add(
            None,
            None,
            previous.verb,
            quote.start,
            quote.end,
            index,
            direct=True,
            evidence=(self.sents[first].start_char, self.sents[index].end_char),
            speakers=list(previous.speakers),
        )

    # -- the document ---------------------------------------------------------------------

    def _headline(self, m: re.Match[str], index: int) -> None:
        """ "CLAIM: SPEAKER" or "SPEAKER: CLAIM" on a line of its own."""
        line = m.group(0).strip()
        if line[-1:] in '.!?"”' or len(re.findall(r"\w+", line)) < 5:
            return
        for who, what in (("b", "a"), ("a", "b")):
            start, end = m.start(who), m.end(who)
            if (
                len(m.group(who).split()) > MAX_HEADLINE_SPEAKER_WORDS
                or len(m.group(what).split()) < 3
            ):
                continue
            named = [
                e for e in self.actors.within(start, end) if e.code
            ]
            covered = sum(e.end - e.start for e in named)
            if named and covered >= 0.5 * (end - start):
                speakers = [self.speakers.complete(named[0])]
                self._add(
                    None,
                    None,
                    "say",
                    m.start(what),
                    m.end(what),
                    index,
                    evidence=(m.start(), m.end()),
                    speakers=speakers,
                )
                return

    def run(self) -> list[_Found]:
        headlines = list(_HEADLINE.finditer(self.text))
        for index, sent in enumerate(self.sents):
            for m in headlines:
                if sent.start_char <= m.start("a") < sent.end_char:
                    self._headline(m, index)
            self.speakers.begin_sentence(index, sent)
            for token in sent:
                if token.lower_ == "according" and token.dep_ == "prep":
                    self._according(token, index)
                elif token.lower_ == "attributable":
                    self._attributable(token, index)
                elif self._announces_text(token):
                    self._issued_block(token, index)
                elif token.lemma_.lower() in REPORTING_VERBS or token.lemma_.lower() in SPEECH_ACTS:
                    self._verb(token, index)
            self._open_quotes(index)
            self.speakers.end_sentence(index, sent)
        return self.found


def _about(actors: DocActors, found: _Found, speakers: tuple[Entity, ...]) -> tuple[Entity, ...]:
    names = {s.entity_name for s in speakers}
    out: list[Entity] = []
    low, high = found.speaker_span
    for entity in actors.within(found.start, found.end):
        if not (low <= entity.start < high) and entity.entity_name not in names:
            names.add(entity.entity_name)
            out.append(entity)
    return tuple(out)


def extract_statements(
    sents: list[SpacySpan], document: Document, actors: DocActors
) -> tuple[Statement, ...]:
    """Every attributed statement in a parsed document, in text order.

    Args:
        sents: the document's sentences (``list(parsed.sents)``).
        document: the cleaned document (its id and publication date are used).
        actors: the document's resolved actors (:func:`communique.actors.resolve_actors`).

    Returns:
        One :class:`~communique.records.Statement` per claim and speaker ("X and Y said" gives
        two), with ids ``<doc id>-s001`` … in text order.
    """
    if not sents:
        return ()
    found = _Extractor(list(sents), document, actors).run()
    text = doc_text(sents[0].doc)
    seen: set[tuple[str, int, int]] = set()
    records: list[Statement] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        for speaker in f.speakers:
            key = (speaker.entity_name, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            evidence = Evidence(
                sentence=f.sentence,
                start=f.evidence_start,
                end=f.evidence_end,
                text=text[f.evidence_start : f.evidence_end].strip(),
            )
            records.append(
                Statement(
                    id="",
                    doc_id=document.id,
                    speaker=speaker,
                    verb=f.verb,
                    claim=Span(f.start, f.end, text[f.start : f.end]),
                    evidence=evidence,
                    direct=f.direct,
                    about=_about(actors, f, (speaker,)),
                    date=f.date,
                    date_precision=f.date_precision,
                )
            )
    return tuple(replace(s, id=f"{document.id}-s{n:03d}") for n, s in enumerate(records, start=1))
