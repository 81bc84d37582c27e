"""Readers: files, folders, JSONL/CSV exports, stdin → RawDocuments or Failures, never raising."""

import codecs
import io
import json

import pytest

from communique.errors import DecodeError, EmptyInputError
from communique.ingest import decode, read_inputs, read_path, read_stream
from communique.records import Failure, RawDocument

ARTICLE = "Ministers meet in Oslo\nThe foreign ministers of Norland and Sudmark met on Tuesday.\n"
PAGE = "<html><body><article><p>The ministers met in Bergen.</p></article></body></html>"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a_article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b_page.html").write_text(PAGE, encoding="utf-8")
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d_binary.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "e_latin1.txt").write_bytes("Talks in Tromsø ended.".encode("latin-1"))
    (root / "sub" / "f_nested.txt").write_text("A nested story about Oslo.", encoding="utf-8")
    (root / ".hidden.txt").write_text("A hidden note.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Inside a hidden folder.", encoding="utf-8")
    return root


def test_folder_reads_good_files_in_order_and_reports_bad_ones(folder):
    items = list(read_path(folder))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("RawDocument", str(folder / "a_article.txt")),
        ("RawDocument", str(folder / "b_page.html")),
        ("Failure", str(folder / "c_empty.txt")),
        ("Failure", str(folder / "d_binary.dat")),
        ("Failure", str(folder / "e_latin1.txt")),
        ("RawDocument", str(folder / "sub" / "f_nested.txt")),
    ]
    text, page, empty, binary, latin1, nested = items
    assert (text.text, text.html) == (ARTICLE, None)
    assert (page.text, page.html) == (None, PAGE)
    assert nested.text == "A nested story about Oslo."
    assert [f.reason for f in (empty, binary, latin1)] == ["empty", "encoding", "encoding"]
    assert "binary" in binary.detail
    assert "UTF-8" in latin1.detail  # the message says what to do
    assert all("hidden" not in str(i) for i in items)


def test_read_inputs_goes_on_after_a_missing_path(folder, tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(folder / "a_article.txt")]))
    assert isinstance(items[0], Failure)
    assert items[0].reason == "unreadable" and items[0].source.endswith("nope.txt")
    assert isinstance(items[1], RawDocument) and items[1].text == ARTICLE


def test_html_content_is_recognised_without_html_suffix():
    (item,) = read_stream("page.txt", PAGE.encode(), suffix=".txt")
    assert item.html == PAGE and item.text is None


def test_stdin_via_dash():
    stdin = io.BytesIO("Oslo, May 3 (NTB) -- The ministers met.".encode())
    (item,) = read_inputs(["-"], stdin=stdin)
    assert item == RawDocument(source="<stdin>", text="Oslo, May 3 (NTB) -- The ministers met.")


def test_stdin_jsonl():
    stdin = io.BytesIO(
        b'{"id": "a", "text": "The ministers met."}\n{"id": "b", "text": "They left."}\n'
    )
    items = list(read_inputs(["-"], stdin=stdin))
    assert [(i.source, i.input_id, i.text) for i in items] == [
        ("<stdin>:1", "a", "The ministers met."),
        ("<stdin>:2", "b", "They left."),
    ]


def test_jsonl_good_row_bad_line_and_row_without_text():
    lines = [
        json.dumps({"id": 17, "text": "The ministers met in Oslo.", "url": "https://example.org/1",
                    "title": "Talks", "published": "2024-01-02", "outlet": "Nordic Courier",
                    "language": "en"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "Only a title", "text": "  "}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"html": PAGE}),
    ]
    items = list(read_stream("export.jsonl", "\n".join(lines).encode(), suffix=".jsonl"))
    assert items[0] == RawDocument(
        source="export.jsonl:1", text="The ministers met in Oslo.", input_id="17",
        url="https://example.org/1", title="Talks", published="2024-01-02",
        outlet="Nordic Courier", language="en",
    )
    assert (items[1].source, items[1].reason) == ("export.jsonl:2", "malformed")
    assert (items[2].source, items[2].reason) == ("export.jsonl:3", "empty")
    assert (items[3].source, items[3].reason) == ("export.jsonl:5", "malformed")
    assert items[4] == RawDocument(source="export.jsonl:6", html=PAGE)
    assert len(items) == 5


def test_jsonl_keeps_unicode_line_separators_inside_strings():
    # json.dumps(ensure_ascii=False) leaves U+2028 and U+0085 raw: they must not split the line.
    text = "The ministers met.\u2028They agreed.\u0085Then they left."
    data = (json.dumps({"text": text}, ensure_ascii=False) + "\r\n{bad\r\n").encode()
    items = list(read_stream("x.jsonl", data, suffix=".jsonl"))
    assert isinstance(items[0], RawDocument) and items[0].text == text
    assert (items[1].source, items[1].reason) == ("x.jsonl:2", "malformed")


def test_jsonl_file_in_a_folder(tmp_path):
    (tmp_path / "rows.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    assert [i.text for i in read_path(tmp_path)] == ["One.", "Two."]


def test_csv_with_text_column():
    data = (
        "id,title,text,published\n"
        '1,Talks,"The ministers met in Oslo.\nThey agreed, finally.",2024-01-02\n'
        "2,Empty,,2024-01-03\n"
        "3,Bergen,The ministers met in Bergen.,\n"
    ).encode()
    items = list(read_stream("export.csv", data, suffix=".csv"))
    assert items[0] == RawDocument(
        source="export.csv:2", text="The ministers met in Oslo.\nThey agreed, finally.",
        input_id="1", title="Talks", published="2024-01-02",
    )
    assert isinstance(items[1], Failure) and items[1].reason == "empty"
    assert isinstance(items[2], RawDocument) and items[2].text == "The ministers met in Bergen."
    assert items[2].published is None  # an empty cell is no value
    assert len(items) == 3


def test_csv_with_html_column():
    data = b'id,html\n9,"<p>The ministers met.</p>"\n'
    (item,) = read_stream("export.CSV", data, suffix=".CSV")
    expected = RawDocument(source="export.CSV:2", html="<p>The ministers met.</p>", input_id="9")
    assert item == expected


def test_csv_without_text_column_is_one_failure():
    data = b"id,body\n1,The ministers met.\n2,They left.\n"
    items = list(read_stream("export.csv", data, suffix=".csv"))
    assert len(items) == 1
    assert (items[0].source, items[0].reason) == ("export.csv", "malformed")
    assert "'text'" in items[0].detail


def test_utf16_with_bom_decodes():
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        (item,) = read_stream("x.txt", bom + "Talks in Tromsø.".encode(codec))
        assert item.text == "Talks in Tromsø."


def test_utf8_bom_is_dropped():
    assert decode(codecs.BOM_UTF8 + "Talks in Tromsø.".encode()) == "Talks in Tromsø."


@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\t\n", codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
)
def test_empty_inputs(data):
    with pytest.raises(EmptyInputError):
        decode(data)
    (item,) = read_stream("x.txt", data)
    assert isinstance(item, Failure) and item.reason == "empty"


@pytest.mark.parametrize("data", [b"ab\x00cd", b"caf\xe9 in Oslo", "Oslo".encode("utf-16-le")])
def test_undecodable_inputs(data):
    with pytest.raises(DecodeError):
        decode(data)
    (item,) = read_stream("x.txt", data)
    assert isinstance(item, Failure) and item.reason == "encoding"


@pytest.mark.parametrize(
    ("head", "codec", "words"),
    [
        ('<meta charset="windows-1251">', "cp1251", "Переговоры в Осло"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">', "euc-kr",
         "오슬로 회담"),
        # Pages declaring Latin-1 are Windows-1252 in practice (curly quotes at 0x93/0x94).
        ("<meta charset='ISO-8859-1'>", "cp1252", "“Talks in Tromsø”"),
    ],
)
def test_html_in_its_declared_encoding_decodes(head, codec, words):
    page = f"<html><head>{head}</head><body><p>{words}</p></body></html>"
    (item,) = read_stream("page.html", page.encode(codec), suffix=".html")
    assert isinstance(item, RawDocument) and words in item.html


def test_xml_declared_encoding_decodes():
    page = '<?xml version="1.0" encoding="koi8-r"?><html><body><p>Осло</p></body></html>'
    assert "Осло" in decode(page.encode("koi8-r"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<meta charset="no-such-codec"><p>caf\xe9</p>', "'no-such-codec' is unknown"),
        (b'<meta charset="utf-8"><p>caf\xe9</p>', "neither UTF-8 nor the declared 'utf-8'"),
    ],
)
def test_wrong_declared_encoding_is_a_decode_error_that_says_why(data, message):
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_utf32_with_bom_decodes():
    for codec in ("utf-32-le", "utf-32-be"):
        bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
        assert decode(bom + "Talks in Tromsø.".encode(codec)) == "Talks in Tromsø."


@pytest.mark.parametrize(
    "fragment",
    [
        '<div class="story"><p class="lead">The ministers met in Bergen.</p></div>',
        "<article>\n<h1>Talks</h1><p>The ministers met.</p></article>",
        "<!-- saved page --><p>The ministers met.</p>",
    ],
)
def test_html_fragment_in_a_text_file_is_html(fragment):
    (item,) = read_stream("saved.txt", fragment.encode(), suffix=".txt")
    assert item.html == fragment and item.text is None


def test_text_mentioning_tags_is_text():
    text = "The ministers met.\nA <div> tag was found in the leaked draft."
    (item,) = read_stream("story.txt", text.encode(), suffix=".txt")
    assert item.text == text
