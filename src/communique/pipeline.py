"""The pipeline: raw documents → cleaned documents → parsed → actors → events.

Documents are parsed in batches through spaCy's ``nlp.pipe`` (with ``n_process`` for several
cores); cleaning failures come out as :class:`~communique.records.Failure` records in input
order, beside the coded documents.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator

from communique.actors import resolve_actors
from communique.agreements import extract_agreements
from communique.clean import clean
from communique.errors import InputError
from communique.events import EventCoder
from communique.nlp import load_model
from communique.records import CodedDocument, Document, Failure, RawDocument
from communique.statements import extract_statements

logger = logging.getLogger(__name__)

# Languages the event coder reads; other documents are stored with their metadata and a note.
CODED_LANGUAGES = frozenset({"en"})
# Documents per spaCy batch: large enough to amortize, small enough to keep memory flat.
BATCH_SIZE = 32


def _coded(document: Document, parsed, coder: EventCoder) -> CodedDocument:  # type: ignore[no-untyped-def]
    actors = resolve_actors(parsed, document)
    events = coder.code(list(parsed.sents), document, actors)
    # Negated, hypothetical and future events did not happen: not coded. (A promise or a
    # threat of a future act did happen: the coder gives it as AGREE or THREATEN.)
    factual = tuple(e for e in events if not (e.negated or e.hypothetical or e.future))
    sents = list(parsed.sents)
    agreements = extract_agreements(sents, document, actors)
    statements = extract_statements(sents, document, actors)
    return CodedDocument(doc=document, actors=actors.canonical(), events=factual, agreements=agreements,
                         statements=statements)


def process(
    raws: Iterable[RawDocument | Failure],
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Document], bool] | None = None,
) -> Iterator[CodedDocument | Failure]:
    """Clean, parse and code every raw document, yielding results in input order.

    Failures (given or raised while cleaning) pass through as :class:`Failure` records.
    Documents for which ``skip`` returns True (already stored, say) are not parsed: they come
    out as a :class:`CodedDocument` without actors or events.
    """
    nlp = load_model()
    coder = EventCoder()
    pending: list[Document | Failure] = []

    def flush() -> Iterator[CodedDocument | Failure]:
        skipped = {id(d) for d in pending if isinstance(d, Document) and skip is not None and skip(d)}
        english = [d for d in pending if isinstance(d, Document) and d.language in CODED_LANGUAGES and id(d) not in skipped]
        parsed = iter(nlp.pipe((d.text for d in english), batch_size=batch_size, n_process=n_process))
        for item in pending:
            if isinstance(item, Failure):
                yield item
            elif id(item) in skipped:
                yield CodedDocument(doc=item)
            elif item.language in CODED_LANGUAGES:
                yield _coded(item, next(parsed), coder)
            else:
                note = f"not coded: language {item.language or 'unknown'} (communique codes English)"
                yield CodedDocument(doc=dataclasses.replace(item, notes=item.notes + (note,)))
        pending.clear()

    for raw in raws:
        if isinstance(raw, Failure):
            pending.append(raw)
        else:
            try:
                pending.append(clean(raw))
            except InputError as exc:
                pending.append(Failure(raw.source, "no-text", str(exc)))
        if len(pending) >= batch_size * max(1, n_process):
            yield from flush()
    yield from flush()


def code(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    html: bool = False,
) -> CodedDocument:
    """Code one article.

    Args:
        text: the article's text (or HTML, with ``html=True``).
        published: publication date ``YYYY-MM-DD``; relative dates resolve against it.
        title, outlet, url: metadata to keep with the document.
        html: treat ``text`` as an HTML page and extract its main text first.

    Raises:
        InputError: the text is empty or the HTML has no main text.

    Example:
        >>> import communique
        >>> coded = communique.code(
        ...     "Moscow, May 5 (TASS) -- Russia and China signed a trade agreement on Monday.",
        ...     published="2025-05-05",
        ... )
        >>> [(e.event, e.date) for e in coded.events]
        [('SUPPORT', '2025-05-05')]
    """
    raw = RawDocument(
        source="<api>", text=None if html else text, html=text if html else None,
        published=published, title=title, outlet=outlet, url=url,
    )
    result = next(process([raw]))
    if isinstance(result, Failure):
        raise InputError(result.detail)
    return result
