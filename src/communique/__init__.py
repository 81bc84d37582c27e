"""communique: news articles in, traceable PLOVER political event data out.

Example:
    >>> import communique
    >>> coded = communique.code("Pyongyang, July 21 (KCNA) -- The DPRK and Russia held talks.")
    >>> coded.events[0].event
    'CONSULT'
"""

from communique.errors import (
    CommuniqueError,
    DecodeError,
    EmptyInputError,
    GoldFormatError,
    InputError,
    ModelNotInstalledError,
    OutputError,
    StoreError,
)
from communique.ingest import read_inputs
from communique.pipeline import code, process
from communique.records import (
    CodedDocument,
    Dateline,
    Document,
    Entity,
    Event,
    Evidence,
    Failure,
    RawDocument,
    Span,
    Statement,
)
from communique.store import Store

__version__ = "0.1.0"

__all__ = [
    "CodedDocument",
    "CommuniqueError",
    "Dateline",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "Entity",
    "Event",
    "Evidence",
    "Failure",
    "GoldFormatError",
    "InputError",
    "ModelNotInstalledError",
    "OutputError",
    "RawDocument",
    "Span",
    "Statement",
    "Store",
    "StoreError",
    "code",
    "process",
    "read_inputs",
]
