"""Files and folders as inputs, safely: what is read, what is refused, and how much.

- A folder is walked recursively in sorted order; hidden files and folders are skipped.
- A symbolic link found in a folder is followed only when its target lies inside that folder;
  one that points out of it is refused (``outside-input``), as is a link to a folder
  (``symlink``: its target, if inside, is read from its own place) and a broken link or a
  loop (``unreadable``). A path named on the command line is read wherever it points.
- Only regular files are read: FIFOs, sockets and devices are refused (``not-a-file``)
  rather than read (a FIFO with no writer would block the batch for ever).
- Reads are capped: nothing reads more than its limit into memory, and a compressed file is
  decompressed as a stream whose output is counted (a gzip bomb stops at the cap).
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from communique.records import Failure

__all__ = ["GZIP_ERRORS", "GZIP_MAGIC", "TooLarge", "gzip_budget", "gzip_error", "gzip_head", "label", "open_regular",
           "read_at_most", "walk"]

GZIP_MAGIC = b"\x1f\x8b"
# A gzip stream that expands more than this many times past its first megabytes is a
# decompression bomb: text and HTML compress 3 to 15 times, a run of zeros 1,000 times.
MAX_GZIP_RATIO = 100
# Output allowed before the ratio is checked (tiny files of repetitive markup compress well).
GZIP_RATIO_GRACE_BYTES = 4 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024


class TooLarge(Exception):
    """A capped read went past its cap (a file too large, a decompression bomb)."""


def label(path: str | os.PathLike[str]) -> str:
    """A path as a printable source label: bytes that are not UTF-8 in a file name (kept by
    Python as lone surrogates, which SQLite cannot store) are written as ``\\xNN`` escapes."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _link_failure(link: Path, root_real: Path, *, folder: bool) -> Failure | None:
    """Why a symbolic link inside a walked folder is not followed, or None to follow it."""
    source = label(link)
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop, on Python 3.11
        return Failure(source, "unreadable", f"broken symbolic link ({exc}): fix or remove it")
    if not target.is_relative_to(root_real):
        return Failure(source, "outside-input",
                       f"a symbolic link to {label(target)}, outside the input folder "
                       f"{label(root_real)}: not followed (name the target itself to read it)")
    if folder:
        return Failure(source, "symlink",
                       f"a symbolic link to the folder {label(target)}: not followed; the files "
                       "there are read from their own place in the input folder")
    return None


def walk(root: Path) -> Iterator[Path | Failure]:
    """The files under ``root`` in sorted order, and a :class:`Failure` for each entry that
    is not read (a link out of ``root``, a link to a folder, a folder that cannot be listed)."""
    root_real = root.resolve()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            yield Failure(label(exc.filename or dirpath), "unreadable",
                          f"cannot list the folder: {exc.strerror or exc}")
        here = Path(dirpath)
        linked = sorted(d for d in dirnames if not d.startswith(".") and (here / d).is_symlink())
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in linked)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            failure = _link_failure(path, root_real, folder=False) if path.is_symlink() else None
            yield path if failure is None else failure
        for name in linked:
            failure = _link_failure(here / name, root_real, folder=True)
            if failure is not None:
                yield failure
    while errors:
        exc = errors.pop(0)
        yield Failure(label(exc.filename or root), "unreadable",
                      f"cannot list the folder: {exc.strerror or exc}")


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def open_regular(path: Path) -> BinaryIO | Failure:
    """Open ``path`` for reading if it is a regular file; a :class:`Failure` otherwise.

    The file is opened without blocking and checked on the open descriptor, so a FIFO put in
    its place after a directory listing is refused too, instead of blocking the read.
    """
    source = label(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO on some systems
            return Failure(source, "not-a-file", "a socket or pipe, not a file: not read")
        return Failure(source, "unreadable", f"{exc.strerror or exc}: check the path and its permissions")
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            os.close(fd)
            return Failure(source, "not-a-file", f"{kind}, not a file: not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except OSError as exc:
        os.close(fd)
        return Failure(source, "unreadable", f"{exc.strerror or exc}: check the path and its permissions")


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Read the whole stream, or raise :class:`TooLarge` once it holds more than ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"more than {limit} bytes")


class _GzipBudgetRaw(io.RawIOBase):
    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._start = raw.tell() if raw.seekable() else 0
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self.out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._gz.read(len(buffer))
        self.out += len(data)
        if self.out > GZIP_RATIO_GRACE_BYTES and self._raw.seekable():
            consumed = max(1, self._raw.tell() - self._start)
            if self.out > MAX_GZIP_RATIO * consumed:
                raise TooLarge(
                    f"gzip data expands more than {MAX_GZIP_RATIO} times ({self.out} bytes from "
                    f"{consumed}): a decompression bomb, not read further"
                )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._gz.close()
        super().close()


def gzip_budget(raw: BinaryIO) -> io.BufferedReader:
    """A gzip stream read as a binary file, refusing a decompression bomb.

    Reading raises :class:`TooLarge` when the output passes ``GZIP_RATIO_GRACE_BYTES`` and is
    more than ``MAX_GZIP_RATIO`` times the compressed input read so far; a damaged stream
    raises one of ``GZIP_ERRORS``.
    """
    return io.BufferedReader(_GzipBudgetRaw(raw), CHUNK_BYTES)


def gzip_head(raw: BinaryIO, size: int) -> bytes:
    """The first ``size`` decompressed bytes of a seekable gzip stream (b"" if unreadable);
    the stream is left at its start."""
    start = raw.tell()
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw.read(64 * 1024), size)
    except zlib.error:
        return b""
    finally:
        raw.seek(start)


# Errors a damaged gzip stream raises while it is read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, OSError)


def gzip_error(source: str, exc: BaseException) -> Failure:
    """A failure for a damaged gzip stream: truncated (ends early) or corrupt."""
    if isinstance(exc, EOFError):
        return Failure(source, "truncated",
                       "the gzip data ends early (an interrupted download?): what came before was read")
    return Failure(source, "corrupt", f"damaged gzip data ({exc}): what came before was read")
