"""Coding in local worker processes: each parses *and* codes its batches.

spaCy's own ``nlp.pipe(n_process=N)`` parallelizes the parse only: every parsed ``Doc`` is
serialized back to the calling process, which then codes the documents one by one on one core.
Here each worker process loads the model once, parses a batch and codes it, and only the
records (a small fraction of a ``Doc``'s bytes) come back. The calling process cleans the
inputs, asks which are already stored, and yields the results in input order.

At most two batches per worker are in flight, so memory stays bounded however long the
input is. A worker that dies (killed, out of memory) fails its batch's documents with a
recorded ``internal-error`` and is replaced; the other batches go on.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from communique.records import CodedDocument, Document, Failure

__all__ = ["code_in_workers"]

logger = logging.getLogger(__name__)

# Batches queued per worker beyond the one it codes: enough to keep it busy, few enough that
# memory does not grow with the input.
IN_FLIGHT_PER_WORKER = 2


def _start_worker() -> None:
    from communique.nlp import load_model

    load_model()


def _work(batch: list[Document | Failure], skipped: frozenset[int], batch_size: int,
          time_limit: float | None) -> list[CodedDocument | Failure]:
    from communique.pipeline import _code_batch

    return list(_code_batch(batch, skipped, batch_size, time_limit))


def _context() -> multiprocessing.context.BaseContext:
    # fork (where there is one) shares the loaded model with the workers, as spaCy's n_process does.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _lost(batch: list[Document | Failure], why: str) -> list[CodedDocument | Failure]:
    return [item if isinstance(item, Failure) else Failure(
        item.source, "internal-error", f"the worker process coding it {why}; run this input again "
        "alone (communique ingest FILE) to see whether it is the cause") for item in batch]


def code_in_workers(batches: Iterable[tuple[list[Document | Failure], frozenset[int]]], n_process: int, *,
                    batch_size: int, time_limit: float | None) -> Iterator[CodedDocument | Failure]:
    """Code ``batches`` (from :func:`communique.pipeline._batches`) in ``n_process`` worker
    processes, yielding their results in input order."""
    pool = _Pool(n_process, batch_size, time_limit)
    try:
        for batch, skipped in batches:
            pool.submit(batch, skipped)
            while len(pool.in_flight) > n_process * IN_FLIGHT_PER_WORKER:
                yield from pool.next()
        while pool.in_flight:
            yield from pool.next()
    finally:
        pool.close()


_Batch = list[Document | Failure]


class _Pool:
    """The worker processes and the batches in flight, oldest first."""

    def __init__(self, n_process: int, batch_size: int, time_limit: float | None) -> None:
        self.n_process, self.batch_size, self.time_limit = n_process, batch_size, time_limit
        self.executor = self._start()
        self.in_flight: deque[tuple[_Batch, frozenset[int], Future[list[CodedDocument | Failure]]]] = deque()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n_process, mp_context=_context(), initializer=_start_worker)

    def _submit(self, batch: _Batch, skipped: frozenset[int]) -> Future[list[CodedDocument | Failure]]:
        return self.executor.submit(_work, batch, skipped, self.batch_size, self.time_limit)

    def submit(self, batch: _Batch, skipped: frozenset[int]) -> None:
        self.in_flight.append((batch, skipped, self._submit(batch, skipped)))

    def next(self) -> list[CodedDocument | Failure]:
        """The results of the oldest batch (waiting for them)."""
        batch, skipped, future = self.in_flight.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # A worker died, and every batch in flight was lost with the pool: which one killed it
        # is not known. The oldest is coded again alone, in a new pool: if that one dies too,
        # the batch is the cause and its inputs are recorded as failed. Then the others go on.
        self._restart()
        try:
            results = self._submit(batch, skipped).result()
        except BrokenProcessPool:
            logger.error("a worker process died coding a batch of %d inputs; they are recorded as failed",
                         len(batch))
            self._restart()
            results = _lost(batch, "died (killed, or out of memory)")
        self.in_flight = deque((b, s, self._submit(b, s)) for b, s, _ in self.in_flight)
        return results

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        for _, _, future in self.in_flight:
            future.cancel()
        self.executor.shutdown(wait=True, cancel_futures=True)
