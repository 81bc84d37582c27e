"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one document per item with text.

The XML is parsed with defusedxml, which refuses entity declarations (the "billion laughs"
expansion bomb), external entities and external DTDs: such a feed is recorded as
``unsafe-xml`` and nothing in it is read. The parse streams (``iterparse``), clearing each item
once read, so a large feed takes little memory; a feed that breaks off or goes malformed part
of the way keeps the items before the break.

An item's text is, in order of preference, ``content:encoded`` (RSS), ``content`` (Atom),
``description`` (RSS) or ``summary`` (Atom); HTML in it is extracted like a page. Its title,
link, ``pubDate``/``dc:date``/``published``/``updated`` and the feed's own title (as outlet)
go with it. An item without text (a feed that only links out) is recorded as ``no-text``:
nothing is invented from a title. Each item's source is ``FILE#item-N`` (N counts from 1),
its input id the item's ``guid`` or Atom ``id``.
"""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

from communique.records import Failure, RawDocument

__all__ = ["is_feed", "read_feed"]

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ITEM_TAGS = frozenset({"item", f"{RSS1}item", f"{ATOM}entry"})
CHANNEL_TAGS = frozenset({"channel", f"{RSS1}channel", f"{ATOM}feed"})
# Text fields, best first.
TEXT_TAGS = (f"{CONTENT}encoded", f"{ATOM}content", "description", f"{RSS1}description",
             f"{ATOM}summary")
DATE_TAGS = ("pubDate", f"{DC}date", f"{ATOM}published", f"{ATOM}updated")
# How far into a file its root element is looked for.
FEED_SNIFF_BYTES = 64 * 1024
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]")
_HTML_ROOT = re.compile(rb"<html[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
FEED_SUFFIXES = frozenset({".rss", ".atom"})

Item = RawDocument | Failure


def is_feed(head: bytes, suffix: str) -> bool:
    """Whether a file that starts with ``head`` is an RSS or Atom feed."""
    if suffix.lower() in FEED_SUFFIXES:
        return True
    m = _ROOT.search(head[:FEED_SNIFF_BYTES])
    return m is not None and _HTML_ROOT.search(head[: m.start()]) is None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str | None:
    """An element's content as a string: its text, or for Atom ``type="xhtml"`` its markup."""
    if element.get("type") == "xhtml" or len(element):
        inner = (element.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in element)
        value = inner.replace(f' xmlns:html="{XHTML[1:-1]}"', "").replace(f' xmlns="{XHTML[1:-1]}"', "")
    else:
        value = element.text or ""
    value = value.strip()
    return value or None


def _date(value: str | None) -> str | None:
    """An RFC 822 date (RSS) as ``YYYY-MM-DD`` as written; other forms are left to the cleaner."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return value.strip()
    return parsed.date().isoformat()


def _link(item: ET.Element) -> str | None:
    for link in item.iter(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    for tag in ("link", f"{RSS1}link"):
        found = item.find(tag)
        if found is not None and (found.text or "").strip():
            return (found.text or "").strip()
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return about or None


def _first(item: ET.Element, tags: tuple[str, ...]) -> str | None:
    for tag in tags:
        found = item.find(tag)
        if found is not None and (value := _text(found)):
            return value
    return None


def _item(source: str, item: ET.Element, outlet: str | None, max_chars: int) -> Item:
    title = _first(item, ("title", f"{RSS1}title", f"{ATOM}title"))
    link = _link(item)
    body = _first(item, TEXT_TAGS)
    guid = _first(item, ("guid", f"{ATOM}id"))
    if body is None:
        return Failure(source, "no-text",
                       "feed item has no text (only a title and a link): ingest the linked page "
                       + (f"({link})" if link else "itself"))
    if len(body) > max_chars:
        return Failure(source, "too-large", f"item text of {len(body)} characters; one article may be at most {max_chars}")
    html = _TAG.search(body) is not None
    return RawDocument(
        source=source,
        text=None if html else body,
        html=body if html else None,
        input_id=guid,
        url=link,
        title=title,
        published=_date(_first(item, DATE_TAGS)),
        outlet=outlet,
    )


def read_feed(source: str, stream: BinaryIO, *, max_chars: int) -> Iterator[Item]:
    """Read an RSS or Atom feed item by item (see the module's docstring)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    count = 0
    outlet: str | None = None
    stack: list[str] = []
    try:
        events = iterparse(stream, events=("start", "end"), forbid_dtd=False, forbid_entities=True,
                           forbid_external=True)
        for event, element in events:
            if event == "start":
                stack.append(element.tag)
                continue
            stack.pop()
            if element.tag in ITEM_TAGS:
                count += 1
                yield _item(f"{source}#item-{count}", element, outlet, max_chars)
                element.clear()
            elif _local(element.tag) == "title" and stack and stack[-1] in CHANNEL_TAGS and outlet is None:
                outlet = (element.text or "").strip() or None
    except DefusedXmlException as exc:
        yield Failure(source, "unsafe-xml",
                      f"the feed declares XML entities or external references ({exc}); communique "
                      "does not expand them (entity-expansion and external-entity attacks): remove "
                      "the DOCTYPE, or give the articles themselves")
        return
    except ET.ParseError as exc:
        where = f"{source}#item-{count + 1}" if count else source
        yield Failure(where, "malformed",
                      f"XML error: {exc}" + (f"; the {count} items before it were read" if count else ""))
        return
    if count == 0:
        yield Failure(source, "no-text", "the feed has no items")
