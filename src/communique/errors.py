"""Exceptions raised by communique.

The tree::

    CommuniqueError
    ├── InputError            an input cannot be read or holds no article
    │   ├── EmptyInputError   the file or row has no text at all
    │   └── DecodeError       bytes that are not text in any encoding we try
    ├── ModelNotInstalledError  the pinned spaCy pipeline is missing
    ├── StoreError            the database cannot be opened or written
    ├── GoldFormatError       a gold JSONL line does not follow the gold format
    ├── OutputError           an export or a plot cannot be made (format, file suffix, no events)
    └── ClusterError          a Dask cluster cannot be reached or cannot run communique

Every message says what to do about the problem.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input cannot be turned into a document."""


class EmptyInputError(InputError):
    """The input holds no text."""


class DecodeError(InputError):
    """The input's bytes are not text."""


class ModelNotInstalledError(CommuniqueError):
    """The pinned English spaCy pipeline is not installed."""


class StoreError(CommuniqueError):
    """The database cannot be opened, read or written."""


class GoldFormatError(CommuniqueError):
    """A gold annotation line is malformed."""


class OutputError(CommuniqueError):
    """An export or a plot cannot be made: unknown format or suffix, or nothing to show."""


class ClusterError(CommuniqueError):
    """A Dask scheduler cannot be reached, has no usable workers, or lost a partition for good."""
