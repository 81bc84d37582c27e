"""One document can neither hang nor sink a batch: time limits, the text-length cap, and errors
isolated to their document."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from communique import pipeline
from communique.records import CodedDocument, Failure, RawDocument
from communique.watchdog import TimeLimitExceeded, time_limit

STORY = "OSLO, May 3 (Nordic Wire) -- The foreign ministers of Norway and Sweden met in Oslo on Tuesday."


def test_time_limit_interrupts_python_code_and_regexes():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        __import__("re").match(r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking
    assert time.monotonic() - started < 2


def test_time_limit_is_not_swallowed_by_except_exception():
    def stubborn():
        while True:
            try:
                time.sleep(0.01)
            except Exception:
                pass

    with pytest.raises(TimeLimitExceeded), time_limit(0.1):
        stubborn()


def test_time_limit_restores_the_previous_handler_and_disarms():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_time_limit_off_the_main_thread_is_no_limit():
    outcome = []

    def work():
        with time_limit(0.05):
            time.sleep(0.15)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


@pytest.mark.slow
def test_a_slow_or_broken_document_fails_alone(monkeypatch):
    real_clean = pipeline.clean

    def clean(raw):
        if raw.source == "slow":
            time.sleep(60)
        if raw.source == "bug":
            raise KeyError("a bug")
        return real_clean(raw)

    real_clean(RawDocument(source="warm-up", text=STORY))  # lazy loading is not the document's time
    monkeypatch.setattr(pipeline, "clean", clean)
    raws = [RawDocument(source=s, text=STORY.replace("Tuesday", d))
            for s, d in (("slow", "Monday"), ("bug", "Sunday"), ("ok", "Tuesday"))]
    started = time.monotonic()
    slow, bug, ok = pipeline.process(raws, time_limit=1)
    assert time.monotonic() - started < 50  # the minute-long sleep was cut short
    assert isinstance(slow, Failure) and slow.reason == "timeout" and "--time-limit" in slow.detail
    assert isinstance(bug, Failure) and bug.reason == "internal-error" and "KeyError" in bug.detail
    assert isinstance(ok, CodedDocument) and ok.events


@pytest.mark.slow
def test_a_coder_error_or_overrun_fails_its_document_only(monkeypatch):
    real = pipeline._coded

    def coded(document, parsed, coder):
        if "Monday" in document.text:
            raise ValueError("coder bug")
        if "Sunday" in document.text:
            time.sleep(60)
        return real(document, parsed, coder)

    monkeypatch.setattr(pipeline, "_coded", coded)
    raws = [RawDocument(source=d, text=STORY.replace("Tuesday", d)) for d in ("Monday", "Sunday", "Friday")]
    list(pipeline.process(raws[2:]))  # warm up the lazy parts
    broken, slow, ok = pipeline.process(raws, time_limit=1)
    assert (broken.reason, slow.reason) == ("internal-error", "timeout")
    assert isinstance(ok, CodedDocument)


@pytest.mark.slow
def test_texts_longer_than_the_parser_takes_are_too_large(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CODED_CHARS", 500)
    long = RawDocument(source="long", text=(STORY + "\n") * 20)
    short = RawDocument(source="short", text=STORY)
    big, small = pipeline.process([long, short])
    assert isinstance(big, Failure) and big.reason == "too-large" and "characters" in big.detail
    assert isinstance(small, CodedDocument)
