"""The pipeline: raw documents → cleaned documents → parsed → actors → events.

Documents are parsed in batches through spaCy's ``nlp.pipe`` and coded, in this process or,
with ``n_process``, in worker processes; cleaning failures come out as :class:`~communique.records.Failure` records in input
order, beside the coded documents.

One document can neither hang nor sink a batch: cleaning and coding each run under a time
limit (:mod:`communique.watchdog`), a text too long to parse in bounded memory is refused
before the parse, and an unexpected error in one document is recorded as its failure
(``internal-error``, logged with its traceback) while the batch goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from communique import watchdog
from communique.actors import resolve_actors
from communique.agreements import extract_agreements
from communique.clean import clean
from communique.clean.language import is_short
from communique.errors import InputError
from communique.events import EventCoder
from communique.nlp import load_model
from communique.records import CodedDocument, Document, Failure, RawDocument
from communique.statements import extract_statements
from communique.watchdog import TimeLimitExceeded

logger = logging.getLogger(__name__)

# Languages the event coder reads; other documents are stored with their metadata and a note.
CODED_LANGUAGES = frozenset({"en"})
# A text in Latin letters whose language cannot be told (mostly a short one, "Merkel met Macron
# in Paris.", all names) is read as English, with a note: this share of its letters must be ASCII.
SHORT_LATIN_SHARE = 0.9
SHORT_TEXT_NOTE = "language not identified (too short); read as English"
UNIDENTIFIED_NOTE = "language not identified; read as English"


def unidentified_note(document: Document) -> str:
    """The note on a document read as English because its language could not be told."""
    return SHORT_TEXT_NOTE if is_short(document.text) else UNIDENTIFIED_NOTE


def _read_as_english(document: Document) -> bool:
    """Whether the coder reads ``document``: English, or too short to tell and in Latin letters."""
    if document.language in CODED_LANGUAGES:
        return True
    if document.language is not None:
        return False
    letters = [ch for ch in document.text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= SHORT_LATIN_SHARE * len(letters)
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


def _code_batch(batch: list[Document | Failure], skipped: frozenset[int], batch_size: int,
                time_limit: float | None) -> Iterator[CodedDocument | Failure]:
    """Parse and code one batch, one result at a time (the items at the positions in
    ``skipped`` are not parsed).

    The batch is parsed and coded inside a spaCy memory zone, which forgets the strings its
    texts added to the model's shared vocabulary: without it every new name, number or typo
    would stay in memory for the life of the process (the records hold no spaCy objects).
    Zones must not nest, and one that is already open (a caller's, or that of another
    ``process()`` paused between two results) may end before our next result is asked for:
    then the whole batch is coded at once, so that none of its Docs outlives that zone.
    """
    global _warm
    nlp = load_model()
    if not _warm:
        # The first batch of a process is coded outside a zone, once: the tokenizer caches only
        # words met outside zones, and without its cache of common words every later batch is
        # tokenized from the rules (5-10 % slower). One batch's strings are kept for good.
        _warm = True
        yield from _coded_items(batch, skipped, batch_size, time_limit)
    elif nlp.vocab.in_memory_zone:  # type: ignore[attr-defined]  # a Cython attribute stubs lack
        yield from list(_coded_items(batch, skipped, batch_size, time_limit))
    else:
        with nlp.memory_zone():
            yield from _coded_items(batch, skipped, batch_size, time_limit)


# Whether this process has coded its first batch (outside a memory zone, to fill the caches).
_warm = False


def _coded_items(batch: list[Document | Failure], skipped: frozenset[int], batch_size: int,
                 time_limit: float | None) -> Iterator[CodedDocument | Failure]:
    nlp, coder = load_model(), _coder()
    readable = {i for i, d in enumerate(batch) if isinstance(d, Document) and _read_as_english(d)}
    english = [d for i, d in enumerate(batch) if isinstance(d, Document) and i in readable and i not in skipped
               and len(d.text) <= MAX_CODED_CHARS]
    parsed = iter(nlp.pipe((d.text for d in english), batch_size=batch_size))
    for i, item in enumerate(batch):
        if isinstance(item, Failure):
            yield item
        elif i in skipped:
            yield CodedDocument(doc=item)
        elif i in readable and len(item.text) > MAX_CODED_CHARS:
            yield _too_long(item)
        elif i in readable:
            if item.language is None:
                item = dataclasses.replace(item, notes=item.notes + (unidentified_note(item),))
            # Each result is handed out (and stored) before the next document is coded.
            yield _guarded_code(item, next(parsed), coder, time_limit)
        else:
            note = f"not coded: language {item.language or 'unknown'} (communique codes English)"
            yield CodedDocument(doc=dataclasses.replace(item, notes=item.notes + (note,)))


@lru_cache(maxsize=1)
def _coder() -> EventCoder:
    # COMMUNIQUE_BACK_OFF=1 adds the back-off to the learned sentence typer
    # (communique.events.typer) where the rules code nothing; off by default (docs/benchmarks.md
    # has why: it helps our own sentences, not real articles).
    return EventCoder(back_off=os.environ.get("COMMUNIQUE_BACK_OFF", "0") == "1")


def _batches(raws: Iterable[RawDocument | Failure], size: int, skip: Callable[[Document], bool] | None,
             time_limit: float | None) -> Iterator[tuple[list[Document | Failure], frozenset[int]]]:
    """Cleaned items in batches of ``size`` (or of MAX_BATCH_CHARS characters to parse), each
    with the positions that ``skip`` says need no parse."""
    pending: list[Document | Failure] = []
    chars = 0
    for raw in raws:
        item = raw if isinstance(raw, Failure) else _guarded_clean(raw, time_limit)
        pending.append(item)
        if isinstance(item, Document) and len(item.text) <= MAX_CODED_CHARS:
            chars += len(item.text)
        if len(pending) >= size or chars >= MAX_BATCH_CHARS:
            yield pending, _skipped(pending, skip)
            pending, chars = [], 0
    if pending:
        yield pending, _skipped(pending, skip)


def _skipped(batch: list[Document | Failure], skip: Callable[[Document], bool] | None) -> frozenset[int]:
    if skip is None:
        return frozenset()
    return frozenset(i for i, d in enumerate(batch) if isinstance(d, Document) and skip(d))


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

    With ``n_process`` > 1, batches are parsed *and coded* in that many worker processes
    (:mod:`communique.parallel`); this process cleans, asks ``skip`` and yields the records in
    input order, the same records as with one process.

    Each batch is coded inside a spaCy memory zone, open while its results are handed out:
    between two results, use the model through ``process()`` or :func:`code` only (they code
    a batch at once when a zone is open); a ``Doc`` made directly with it then is freed when
    the zone ends.
    """
    batches = _batches(raws, batch_size, skip, time_limit)
    if n_process > 1:
        from communique.parallel import code_in_workers

        yield from code_in_workers(batches, n_process, batch_size=batch_size, time_limit=time_limit)
        return
    for batch, skipped in batches:
        yield from _code_batch(batch, skipped, batch_size, time_limit)


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
