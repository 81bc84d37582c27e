"""Records as plain JSON and back, losslessly.

``to_dict()`` on the records is the *published* shape (renamed keys, derived fields, no
document text), which cannot be read back into the record. Partition files need the record
itself, so this codec writes every dataclass field under its own name and rebuilds the record
from the field types: ``decode(type(r), encode(r)) == r`` for every record communique makes
(a test checks it). New fields are carried without changes here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

from communique.records import CodedDocument, Failure, RawDocument

__all__ = ["decode", "decode_item", "encode", "encode_item"]

T = TypeVar("T")


def encode(value: Any) -> Any:
    """A record (or a value inside one) as JSON-ready data: dataclasses as dicts of their fields,
    tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(hint: Any, data: Any) -> Any:
    """Rebuild a value of type ``hint`` from :func:`encode`'s output.

    Raises:
        ValueError: the data does not fit the type (a field is missing, say).
    """
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return decode(options[0], data)
        # A union of plain types (str | int): the JSON value already has the right type.
        return data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        return tuple(decode(a, v) for a, v in zip(args, data, strict=True))
    if origin in (list, dict) or hint is Any:
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        try:
            return hint(**{name: decode(hints[name], value) for name, value in data.items()})
        except (TypeError, KeyError) as exc:
            raise ValueError(f"cannot rebuild a {hint.__name__} from {sorted(data)}: {exc}") from exc
    return data


def encode_item(item: CodedDocument | Failure | RawDocument) -> dict[str, Any]:
    """One pipeline item as JSON-ready data, tagged with its kind."""
    kinds = {CodedDocument: "document", Failure: "failure", RawDocument: "raw"}
    return {"kind": kinds[type(item)], "record": encode(item)}


def decode_item(data: dict[str, Any]) -> CodedDocument | Failure | RawDocument:
    """The inverse of :func:`encode_item`.

    Raises:
        ValueError: an unknown kind, or a record that does not fit it.
    """
    kinds: dict[str, type] = {"document": CodedDocument, "failure": Failure, "raw": RawDocument}
    if data.get("kind") not in kinds:
        raise ValueError(f"unknown item kind {data.get('kind')!r}")
    return decode(kinds[data["kind"]], data["record"])  # type: ignore[no-any-return]
