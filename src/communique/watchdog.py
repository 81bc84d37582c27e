"""A per-document time limit: no single pathological input may hang a batch.

:func:`time_limit` arms a ``SIGALRM`` interval timer around a block and raises
:class:`TimeLimitExceeded` inside it when the time is up. Python code (our cleaners, regular
expressions, trafilatura's tree walks, the coders) is interrupted at its next bytecode; a call
into compiled code (one lxml parse, one spaCy batch) finishes first, which is why those are
bounded by input size limits instead (see ``docs/reliability.md``).

Signals reach only the main thread, so elsewhere (a web server's worker threads) the block
runs without a limit; so does a block entered while another timer is already running, which
keeps its own.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["TimeLimitExceeded", "time_limit"]

logger = logging.getLogger(__name__)


class TimeLimitExceeded(BaseException):
    """A guarded block ran past its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``: code under the limit that catches
    ``Exception`` to go on after an error must not swallow the time limit too.
    """

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def _can_arm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block if it runs longer than ``seconds``.

    ``None`` or ``0`` means no limit. The previous ``SIGALRM`` handler is restored on exit.

    Example::

        try:
            with time_limit(30):
                document = clean(raw)
        except TimeLimitExceeded:
            ...  # record the input as failed, go on with the next
    """
    if not seconds or seconds <= 0 or not _can_arm():
        yield
        return
    armed = True

    def on_alarm(signum: int, frame: object) -> None:
        # A signal that arrives while the timer is being disarmed is late: ignore it.
        if armed:
            raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: the previous handler was not set from Python; the default is the best guess.
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
