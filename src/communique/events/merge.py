"""One event per real-world event: expanding compound parties, merging repeated mentions.

A directed event between several countries becomes one event per actor–recipient pair (the
PLOVER and POLECAT convention); mentions of one event in a document become one event with
several evidence spans.
"""

from __future__ import annotations

from dataclasses import replace

from communique.records import Entity, Event

__all__ = ["merge", "pairwise"]


def _codes(entities: tuple[Entity, ...]) -> frozenset[str]:
    return frozenset(e.code or e.entity_name for e in entities)


def _merge_key(event: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    """Parties of an event as merging sees them: one unordered set when symmetric."""
    if event.symmetric:
        return event.event, _codes(event.actor) | _codes(event.recipient), frozenset()
    return event.event, _codes(event.actor), _codes(event.recipient)


def _same_parties(a: Event, b: Event) -> bool:
    """Whether two events of one type are between the same parties. A joint mention ("the
    ministers exchanged views") matches a directed one between the same countries ("X
    visited Y") — the directed one says more, and merging keeps it."""
    if _merge_key(a) == _merge_key(b):
        return True
    if a.event != b.event:
        return False
    if a.symmetric != b.symmetric:
        return _codes(a.actor) | _codes(a.recipient) == _codes(b.actor) | _codes(b.recipient)
    # "China donated supplies" and "China delivered aid to Afghanistan": the mention without a
    # recipient is part of the one with it.
    return not a.symmetric and _codes(a.actor) == _codes(b.actor) and (not a.recipient or not b.recipient)


def merge(events: list[Event], doc_id: str) -> list[Event]:
    """One event per real-world event: same type and parties, compatible dates."""
    merged: list[Event] = []
    by_type: dict[str, list[int]] = {}  # only events of one type merge: compare within a type
    for event in events:
        flags = (event.negated, event.future, event.hypothetical)
        for i in by_type.get(event.event, ()):
            seen = merged[i]
            if (_same_parties(seen, event) and (seen.negated, seen.future, seen.hypothetical) == flags
                    and (seen.date is None or event.date is None or seen.date == event.date)):
                if (seen.symmetric and not event.symmetric) or (not seen.recipient and event.recipient):
                    # Keep the directed reading; the joint mention adds its evidence.
                    seen = replace(event, evidence=seen.evidence)
                if all(e.sentence != event.evidence[0].sentence for e in seen.evidence):
                    evidence = sorted(seen.evidence + event.evidence, key=lambda e: e.sentence)
                    seen = replace(seen, evidence=tuple(evidence))
                merged[i] = replace(seen, date=seen.date or event.date, date_precision=seen.date_precision or event.date_precision,
                                    mode=seen.mode or event.mode, confidence=max(seen.confidence, event.confidence))
                break
        else:
            by_type.setdefault(event.event, []).append(len(merged))
            merged.append(event)
    return [replace(e, id=f"{doc_id}-{n:03d}") for n, e in enumerate(merged, start=1)]


def _by_country(entities: tuple[Entity, ...]) -> list[tuple[Entity, ...]]:
    """Entities grouped by country code, in order of first mention; uncoded ones join the
    first group (or form one when nothing is coded)."""
    groups: dict[str | None, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.code, []).append(entity)
    uncoded = groups.pop(None, [])
    out = [tuple(group) for group in groups.values()]
    if not out:
        return [tuple(uncoded)] if uncoded else [()]
    out[0] = out[0] + tuple(uncoded)
    return out


def pairwise(event: Event) -> list[Event]:
    """A directed event between several countries, as one event per actor–recipient pair:
    "protesters burned the flags of the United States and Britain" is two PROTEST events.
    Joint (symmetric) events stay whole."""
    if event.symmetric:
        return [event]
    actors, recipients = _by_country(event.actor), _by_country(event.recipient)
    if len(actors) == 1 and len(recipients) == 1:
        return [event]
    pairs = [(a, r) for a in actors for r in recipients]
    # "urged the two countries' officials": the actor's own country among the recipients is
    # the actor's side of a collective reference, not a recipient of its own.
    foreign = [(a, r) for a, r in pairs if not (a and r and a[0].code == r[0].code)]
    return [replace(event, actor=a, recipient=r) for a, r in foreign or pairs]
