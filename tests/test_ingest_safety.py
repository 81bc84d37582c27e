"""Reading safely: links out of the input folder, special files, compressed bombs, overlong
rows, odd names and bytes, pages nested past the HTML parser's limit."""

from __future__ import annotations

import codecs
import gzip
import json
import os

import pytest

from communique.clean import clean
from communique.clean.flat import flat_text
from communique.clean.html import LIBXML2_MAX_DEPTH, extract_html, nesting_depth
from communique.ingest import MAX_ROW_BYTES, read_path, read_stream
from communique.ingest import files as ingest_files
from communique.records import Failure, RawDocument
from reliability_corpus import gzip_bomb

STORY = "The foreign ministers of Norway and Sweden met in Oslo on Tuesday to discuss fisheries."


def _reasons(items):
    return [(type(i).__name__, i.reason if isinstance(i, Failure) else None) for i in items]


def test_links_out_of_the_folder_are_refused_links_inside_are_read(tmp_path):
    root, outside = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Not for reading.", encoding="utf-8")
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "sub").mkdir()
    os.symlink(outside / "secret.txt", root / "b-out.txt")
    os.symlink(root / "a.txt", root / "c-in.txt")
    os.symlink(outside, root / "d-out-dir")
    os.symlink(root / "sub", root / "e-in-dir")
    os.symlink(root / "missing.txt", root / "f-dangling.txt")
    items = list(read_path(root))
    by_name = {i.source.rsplit("/", 1)[1]: i for i in items}
    assert set(by_name) == {"a.txt", "b-out.txt", "c-in.txt", "d-out-dir", "e-in-dir", "f-dangling.txt"}
    assert by_name["b-out.txt"].reason == "outside-input" and "secret.txt" in by_name["b-out.txt"].detail
    assert by_name["d-out-dir"].reason == "outside-input"
    assert by_name["e-in-dir"].reason == "symlink"
    assert by_name["f-dangling.txt"].reason == "unreadable"
    assert by_name["c-in.txt"].text == STORY
    assert all("Not for reading" not in (getattr(i, "text", "") or "") for i in items)


def test_a_link_named_on_the_command_line_is_followed(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    (item,) = read_path(tmp_path / "link.txt")
    assert item.text == STORY


def test_special_files_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (item,) = read_path(tmp_path)
    assert item.reason == "not-a-file" and "FIFO" in item.detail
    (device,) = read_path("/dev/zero")
    assert device.reason == "not-a-file" and "character device" in device.detail


def test_an_unlistable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    (tmp_path / "locked").mkdir()
    monkeypatch.setattr(os, "scandir", scandir)
    assert _reasons(read_path(tmp_path)) == [("RawDocument", None), ("Failure", "unreadable")]


def test_file_names_that_are_not_utf8_get_printable_sources(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    (item,) = read_path(tmp_path)
    assert item.source.endswith("caf\\xe9.txt")
    item.source.encode("utf-8")  # storable


def test_gzip_inputs_are_read_and_bombs_stopped(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "One."}\n{"text": "Two."}\n'))
    (tmp_path / "c.txt.gz").write_bytes(gzip_bomb(40 * 1024 * 1024))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress((STORY * 100).encode())[:-30])
    a, one, two, bomb, cut = read_path(tmp_path)
    assert a.text == STORY and (one.text, two.text) == ("One.", "Two.")
    assert one.source.endswith("b.jsonl.gz:1")
    assert bomb.reason == "too-large" and "decompression bomb" in bomb.detail
    assert cut.reason == "truncated"


def test_gzip_ratio_check_stops_early_without_reading_the_rest():
    compressed = gzip_bomb(1024 * 1024 * 1024)  # 1 GB of zeros in 1 MB
    stream = ingest_files.gzip_budget(__import__("io").BytesIO(compressed))
    with pytest.raises(ingest_files.TooLarge):
        while stream.read(1024 * 1024):
            pass
    assert stream.raw.out < 16 * 1024 * 1024


def test_jsonl_is_streamed_an_overlong_row_fails_alone(tmp_path):
    path = tmp_path / "rows.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"text": "First."}\n')
        f.write(b'{"text": "' + b"x" * (MAX_ROW_BYTES + 10) + b'"}\n')
        f.write(b'{"text": "\xff\xfe broken"}\n')
        f.write(b'{"text": "Last."}\r\n')
    first, huge, broken, last = read_path(path)
    assert (first.text, last.text) == ("First.", "Last.")
    assert (huge.source, huge.reason) == (f"{path}:2", "too-large")
    assert (broken.source, broken.reason) == (f"{path}:3", "encoding")


def test_jsonl_rows_that_break_json_parsers_are_malformed():
    rows = ["[" * 50_000 + "]" * 50_000, '{"n": 1' + "0" * 5000 + "}",
            json.dumps({"text": "Cut emoji \ud83d here."})]
    deep, big, surrogate = read_stream("x.jsonl", "\n".join(rows).encode(), suffix=".jsonl")
    assert deep.reason == "malformed" and "nested too deeply" in deep.detail
    assert big.reason == "malformed"
    assert surrogate.text == "Cut emoji \ufffd here."


def test_csv_is_streamed_in_utf16_and_stops_at_bad_bytes():
    data = codecs.BOM_UTF16_LE + "id,text\n1,Talks in Tromsø.\n".encode("utf-16-le")
    (item,) = read_stream("x.csv", data, suffix=".csv")
    assert item.text == "Talks in Tromsø."
    rows = "id,text\n" + "".join(f"{n},Row {n} of the export.\n" for n in range(2000))
    bad = rows.encode() + b"9999,caf\xe9\n"
    items = list(read_stream("y.csv", bad, suffix=".csv"))
    assert isinstance(items[0], RawDocument) and items[-1].reason == "encoding"


def test_utf16_without_bom_is_named_in_the_failure():
    (item,) = read_stream("x.txt", STORY.encode("utf-16-le"))
    assert item.reason == "encoding" and "UTF-16" in item.detail


def test_nesting_depth_detects_what_libxml2_drops():
    shallow = "<html><body>" + "<div>" * 200 + "x" + "</div>" * 200 + "</body></html>"
    deep = "<html><body>" + "<div>" * 300 + "x" + "</div>" * 300 + "</body></html>"
    assert 0 < nesting_depth(shallow) < LIBXML2_MAX_DEPTH
    assert nesting_depth(deep) >= LIBXML2_MAX_DEPTH
    assert nesting_depth("<p>few tags</p>") == 0


def test_deep_pages_are_read_whole_with_a_note():
    page = ("<html><head><title>Deep</title><script>var x = '<p>no</p>';</script></head><body><p>" + STORY
            + "</p>" + "<font>" * 500 + "<p>The talks resumed on Wednesday in Bergen.</p>"
            + "</body></html>")
    extracted = extract_html(page)
    assert "resumed on Wednesday" in extracted.text and "var x" not in extracted.text
    assert extracted.title == "Deep" and extracted.notes and "nested" in extracted.notes[0]
    doc = clean(RawDocument(source="d.html", html=page))
    assert "resumed on Wednesday" in doc.text and any("nested" in n for n in doc.notes)


def test_flat_text_keeps_blocks_apart_and_survives_broken_markup():
    text, title = flat_text("<title>T</title><p>One<br>Two</p><div>Three<script>x</script></div><<<>>><b>Four")
    assert text.splitlines() == ["One", "Two", "Three", "<<<>>>Four"] and title == "T"


def test_a_container_date_is_a_fallback_with_a_note():
    raw = RawDocument(source="w#1", text="Talks began in Oslo on Tuesday, officials said.",
                      fallback_published=("2024-05-01", "the HTTP Last-Modified date"))
    doc = clean(raw)
    assert doc.published == "2024-05-01" and any("Last-Modified" in n for n in doc.notes)
    own = clean(RawDocument(source="w#2", text=raw.text, published="2024-04-30",
                            fallback_published=raw.fallback_published))
    assert own.published == "2024-04-30" and not any("Last-Modified" in n for n in own.notes)
