"""An article's text as HTML with its entities, evidence and claims marked.

The text is cut at every offset where a highlighted span starts or ends; each piece becomes
one element whose classes say which kinds of span cover it, so overlapping spans (an entity
inside an evidence sentence, two events stated by one sentence) need no nesting. Every piece
of text and every attribute value goes through :class:`markupsafe.Markup`'s escaping: the
article is untrusted input and never reaches the page as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

__all__ = ["Mark", "highlight", "marks_of"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``kind`` is ``entity``, ``evidence`` or ``claim``."""

    start: int
    end: int
    kind: str
    ref: str  # event or statement id; entity name for an entity
    label: str  # the tooltip


def _entity_label(entity: dict[str, Any]) -> str:
    details = " ".join(x for x in (entity.get("code"), entity.get("sector")) if x)
    label = entity.get("entity_name") or entity.get("entity_text") or ""
    if entity.get("office"):
        label += f", {entity['office']}"
    return f"{label} ({details})" if details else label


def marks_of(document: dict[str, Any]) -> list[Mark]:
    """The spans to highlight in a document as ``Store.document`` returns it."""
    marks: list[Mark] = []
    # The document's actors carry one mention each; events and statements name the mentions
    # that fill their roles, often later ones. Each stretch of text is marked once.
    entities = list(document.get("actors", []))
    for event in document.get("events", []):
        entities += event.get("actor", []) + event.get("recipient", [])
    entities += [s["speaker"] for s in document.get("statements", []) if s.get("speaker")]
    seen: set[tuple[int, int]] = set()
    for entity in entities:
        span = (entity.get("start", -1), entity.get("end", -1))
        if span in seen or span[0] < 0:
            continue
        seen.add(span)
        marks.append(Mark(span[0], span[1], "entity", entity.get("entity_name") or "",
                          _entity_label(entity)))
    for event in document.get("events", []):
        label = f"{event['event']}" + (f" ({event['mode']})" if event.get("mode") else "")
        for evidence in event.get("evidence", []):
            marks.append(Mark(evidence["start"], evidence["end"], "evidence", event["id"], label))
    for statement in document.get("statements", []):
        claim = statement.get("claim_info") or {}
        speaker = statement.get("speaker", {}).get("entity_name", "")
        marks.append(Mark(claim.get("start", -1), claim.get("end", -1), "claim", statement["id"],
                          f"claim by {speaker} ({statement.get('verb', '')})"))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as escaped HTML, each covered piece in a ``<span>`` (an ``<a>`` for entities).

    Spans outside the text or empty are ignored. Pieces carry ``data-ev``/``data-st`` with the
    ids of the events and statements that cover them; the first piece of each event's and
    statement's span has the anchor ``id="ev-…"``/``id="st-…"``.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    anchored: set[str] = set()
    pieces: list[Markup] = []
    for lo, hi in pairwise(cuts):
        covering = [m for m in valid if m.start <= lo and hi <= m.end]
        piece = text[lo:hi]
        if not covering:
            pieces.append(Markup.escape(piece))
            continue
        kinds = sorted({m.kind for m in covering})
        events = list(dict.fromkeys(m.ref for m in covering if m.kind == "evidence"))
        statements = list(dict.fromkeys(m.ref for m in covering if m.kind == "claim"))
        entity = next((m for m in covering if m.kind == "entity"), None)
        attributes = [Markup(' class="{}"').format(" ".join(f"hl-{k}" for k in kinds))]
        if events:
            attributes.append(Markup(' data-ev="{}"').format(" ".join(events)))
        if statements:
            attributes.append(Markup(' data-st="{}"').format(" ".join(statements)))
        new = [r for r in (f"ev-{e}" for e in events) if r not in anchored]
        new += [r for r in (f"st-{s}" for s in statements) if r not in anchored]
        if new:
            anchored.add(new[0])
            attributes.append(Markup(' id="{}"').format(new[0]))
        attributes.append(Markup(' title="{}"').format(" · ".join(dict.fromkeys(m.label for m in covering))))
        if entity is not None and entity.ref:
            href = "/actors/" + quote(entity.ref, safe="")
            pieces.append(Markup('<a href="{}"{}>{}</a>').format(href, Markup("").join(attributes), piece))
        else:
            pieces.append(Markup("<span{}>{}</span>").format(Markup("").join(attributes), piece))
    return Markup("").join(pieces)
