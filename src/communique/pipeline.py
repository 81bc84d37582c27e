"""The pipeline: raw documents → cleaned documents → parsed → actors → events.

Documents are parsed in batches through spaCy's ``nlp.pipe`` (with ``n_process`` for several
cores); cleaning failures come out as :class:`~communique.records.Failure` records in input
order, beside the coded documents.

One document can neither hang nor sink a batch: cleaning and coding each run under a time
limit (:mod:`communique.watchdog`), a text too long to parse in bounded memory is refused
before the parse, and an unexpected error in one document is recorded as its failure
(``internal-error``, logged with its traceback) while the batch goes on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from communique import watchdog
from communique.actors import resolve_actors
from communique.agreements import extract_agreements
from communique.clean import clean
from communique.errors import InputError
from communique.events import EventCoder
from communique.nlp import load_model
from communique.records import CodedDocument, Document, Failure, RawDocument
from communique.statements import extract_statements
from communique.watchdog import TimeLimitExceeded

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# Languages the event coder reads; other documents are stored with their metadata and a note.
CODED_LANGUAGES = frozenset({"en"})
# Documents per spaCy batch: large enough to amortize, small enough to keep memory flat.
BATCH_SIZE = 32
# Longest text that is parsed and coded. Measured with en_core_web_sm on news prose: the parse
# takes about 3 MB of memory per 1,000 characters at its peak (100,000 characters: 0.5 GB of
# peak RSS in all; 1,000,000, spaCy's own limit: 3.2 GB), and the coders' time grows faster
# than the length. Longer texts (book chapters, dumps) are recorded as too-large.
MAX_CODED_CHARS = 100_000
# A batch is parsed as soon as its texts reach this many characters, so that a batch of long
# articles stays within the memory of one longest text, three times over.
MAX_BATCH_CHARS = 3 * MAX_CODED_CHARS
# Seconds that cleaning one document, and then coding it, may take. A typical article takes
# well under a second for each; the limit is there for pathological inputs, not to be tuned.
DOCUMENT_TIME_LIMIT = 60.0


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


def _guarded_clean(raw: RawDocument, seconds: float | None) -> Document | Failure:
    try:
        with watchdog.time_limit(seconds):
            return clean(raw)
    except InputError as exc:
        return Failure(raw.source, "no-text", str(exc))
    except TimeLimitExceeded as exc:
        return Failure(raw.source, "timeout", f"cleaning {exc}; the page is pathological (or raise "
                       "the limit: communique ingest --time-limit SECONDS)")
    except Exception as exc:
        logger.exception("cleaning %s failed", raw.source)
        return Failure(raw.source, "internal-error", _bug(exc, "cleaning"))


def _guarded_code(document: Document, parsed, coder: EventCoder,  # type: ignore[no-untyped-def]
                  seconds: float | None) -> CodedDocument | Failure:
    try:
        with watchdog.time_limit(seconds):
            return _coded(document, parsed, coder)
    except TimeLimitExceeded as exc:
        return Failure(document.source, "timeout", f"coding {exc} ({len(document.text)} characters); "
                       "raise the limit with communique ingest --time-limit SECONDS")
    except Exception as exc:
        logger.exception("coding %s (document %s) failed", document.source, document.id)
        return Failure(document.source, "internal-error", _bug(exc, "coding"))


def _bug(exc: Exception, stage: str) -> str:
    return (f"{stage} raised {type(exc).__name__}: {exc} -- a bug in communique; please report "
            "it with this input")


def _too_long(document: Document) -> Failure:
    return Failure(document.source, "too-large",
                   f"text of {len(document.text)} characters after cleaning; communique codes at "
                   f"most {MAX_CODED_CHARS} in one document (split it into articles)")


def process(
    raws: Iterable[RawDocument | Failure],
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Document], bool] | None = None,
    time_limit: float | None = DOCUMENT_TIME_LIMIT,
) -> Iterator[CodedDocument | Failure]:
    """Clean, parse and code every raw document, yielding results in input order.

    Failures (given or raised while cleaning) pass through as :class:`Failure` records.
    Documents for which ``skip`` returns True (already stored, say) are not parsed: they come
    out as a :class:`CodedDocument` without actors or events. Cleaning one document, and coding
    it, may each take at most ``time_limit`` seconds (None: no limit; enforced in the main
    thread only); past it, the document becomes a ``timeout`` failure.

    Each batch is coded inside a spaCy memory zone, open while its results are handed out: between
    two results, use the model through ``process()`` or :func:`code` only (they code a batch at
    once when a zone is open); a ``Doc`` made directly with it then is freed when the zone ends.
    """
    nlp = load_model()
    coder = EventCoder()
    pending: list[Document | Failure] = []

    def coded(item: Document | Failure, parsed: Iterator[Doc], skipped: set[int]) -> CodedDocument | Failure:
        if isinstance(item, Failure):
            return item
        if id(item) in skipped:
            return CodedDocument(doc=item)
        if item.language in CODED_LANGUAGES and len(item.text) > MAX_CODED_CHARS:
            return _too_long(item)
        if item.language in CODED_LANGUAGES:
            return _guarded_code(item, next(parsed), coder, time_limit)
        note = f"not coded: language {item.language or 'unknown'} (communique codes English)"
        return CodedDocument(doc=dataclasses.replace(item, notes=item.notes + (note,)))

    def flush() -> Iterator[CodedDocument | Failure]:
        skipped = {id(d) for d in pending if isinstance(d, Document) and skip is not None and skip(d)}
        english = [d for d in pending if isinstance(d, Document) and d.language in CODED_LANGUAGES
                   and id(d) not in skipped and len(d.text) <= MAX_CODED_CHARS]
        # The batch is parsed and coded inside a spaCy memory zone, which forgets the strings and
        # lexemes its texts added to the shared vocabulary: without it every new name, number or
        # typo stays in memory for the life of the process. The records hold no spaCy objects.
        if nlp.vocab.in_memory_zone:
            # Zones must not nest, and the open one (a caller's, or that of another process()
            # waiting between two of its results) may end before our next result is asked for:
            # code the whole batch now, so that none of our Docs outlives it.
            parsed = iter(nlp.pipe((d.text for d in english), batch_size=batch_size, n_process=n_process))
            results = [coded(item, parsed, skipped) for item in pending]
            pending.clear()
            yield from results
            return
        with nlp.memory_zone():
            parsed = iter(nlp.pipe((d.text for d in english), batch_size=batch_size, n_process=n_process))
            for item in pending:  # each result is stored before the next is coded
                yield coded(item, parsed, skipped)
        pending.clear()

    chars = 0
    for raw in raws:
        item = raw if isinstance(raw, Failure) else _guarded_clean(raw, time_limit)
        pending.append(item)
        if isinstance(item, Document) and len(item.text) <= MAX_CODED_CHARS:
            chars += len(item.text)
        if len(pending) >= batch_size * max(1, n_process) or chars >= MAX_BATCH_CHARS:
            yield from flush()
            chars = 0
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
