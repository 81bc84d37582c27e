"""Corpora for the reliability tests, written by us: news-like articles in every input format,
and adversarial inputs (malformed, deep, huge, compressed bombs, entity bombs, links out).

Every writer returns what it wrote, so that the tests can account for each input.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024

CAPITALS = [
    ("Norway", "Oslo", "Norwegian"), ("Sweden", "Stockholm", "Swedish"),
    ("Finland", "Helsinki", "Finnish"), ("Denmark", "Copenhagen", "Danish"),
    ("Germany", "Berlin", "German"), ("France", "Paris", "French"),
    ("Japan", "Tokyo", "Japanese"), ("Brazil", "Brasilia", "Brazilian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Canada", "Ottawa", "Canadian"),
    ("India", "New Delhi", "Indian"), ("Mexico", "Mexico City", "Mexican"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SENTENCES = [
    "The foreign ministers of {a} and {b} met in {city} on Tuesday.",
    "{a} and {b} signed an agreement on fisheries and trade.",
    "{a} accused {b} of violating the border treaty, the ministry said.",
    "The {adj} government called on {b} to release the detained sailors.",
    "{b} rejected the proposal on Wednesday.",
    "The {adj} prime minister will visit {other} next month.",
    "{a} pledged humanitarian aid to {b} after the floods.",
    "Protesters gathered outside the embassy of {b} in {city}.",
    "The talks covered energy, shipping and climate policy.",
    "Officials said the two sides would meet again in the autumn.",
]


def article(rng: random.Random, number: int) -> tuple[str, str]:
    """A short news article of ours: (title, text with a dateline)."""
    (a, city, adj), (b, _, _), (other, _, _) = rng.sample(CAPITALS, 3)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    picked = rng.sample(SENTENCES, 5)
    body = " ".join(s.format(a=a, b=b, city=city, adj=adj, other=other) for s in picked)
    title = f"{a} and {b}: talks in {city} ({number})"
    return title, f"{title}\n{city.upper()}, {month} {day} (Nordic Wire) -- {body} Report number {number}.\n"


def page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines()[1:] if line.strip())
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")


def warc_bytes(records: list[tuple[str, bytes, str, int]], *, gzipped: bool = True) -> bytes:
    """A WARC file of ``response`` records (url, payload, content type, HTTP status), with a
    request record before each, as crawlers write them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for n, (url, payload, content_type, status) in enumerate(records):
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                            warc_headers_dict=_warc_headers(2 * n))
        _write(writer, request)
        headers = [("Content-Type", content_type), ("Last-Modified", "Wed, 01 May 2024 10:00:00 GMT")]
        http = StatusAndHeaders(f"{status} X", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                           warc_headers_dict=_warc_headers(2 * n + 1))
        _write(writer, record)
    return out.getvalue()


def _warc_headers(number: int) -> dict[str, str]:
    """Fixed record ids and dates, so that the same records make the same bytes."""
    return {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
            "WARC-Date": "2024-05-01T12:00:00Z"}


def _write(writer, record) -> None:  # type: ignore[no-untyped-def]
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers the payload in a temporary file to digest it


def rss(items: list[tuple[str, str | None, str]], *, channel: str = "Nordic Wire") -> str:
    """An RSS 2.0 feed: items of (title, HTML text or None, link)."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{channel}</title>']
    for n, (title, html, link) in enumerate(items, start=1):
        body = f"<content:encoded><![CDATA[{html}]]></content:encoded>" if html is not None else ""
        parts.append(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                     f"<pubDate>Tue, 0{n % 9 + 1} Apr 2024 08:00:00 +0000</pubDate>{body}</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


@dataclass
class Corpus:
    """What a writer wrote: for each file (relative path), how many inputs it holds and the
    failure reasons expected among them (a multiset, as a sorted list)."""

    root: Path
    expected: dict[str, tuple[int, list[str]]] = field(default_factory=dict)

    def add(self, name: str, data: bytes | str, *, inputs: int = 1, reasons: list[str] | None = None) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.expected[name] = (inputs, sorted(reasons or []))
        return path


def news_corpus(root: Path, *, articles: int, seed: int = 5) -> Corpus:
    """Articles of ours as text files, HTML pages, a JSONL export, a WARC.gz, an RSS feed, and
    two inputs that fail (an empty file, a binary one)."""
    rng = random.Random(seed)
    corpus = Corpus(root)
    made = [article(rng, n) for n in range(articles)]
    per_kind = max(1, articles // 5)
    chunks = [made[i * per_kind:(i + 1) * per_kind] for i in range(4)] + [made[4 * per_kind:]]
    texts, pages, rows, records, items = chunks
    for n, (_title, text) in enumerate(texts):
        corpus.add(f"text/{n:03d}.txt", text)
    for n, (title, text) in enumerate(pages):
        corpus.add(f"html/{n:03d}.html", page(title, text))
    lines = [json.dumps({"id": f"row-{n}", "text": text, "published": "2024-03-0" + str(n % 9 + 1)})
             for n, (_t, text) in enumerate(rows)]
    corpus.add("export.jsonl", "\n".join(lines) + "\n", inputs=len(rows))
    warc = [(f"https://news.example/{n}", page(title, text).encode(), "text/html; charset=utf-8", 200)
            for n, (title, text) in enumerate(records)]
    corpus.add("crawl.warc.gz", warc_bytes(warc), inputs=len(records))
    feed = [(title, page(title, text), f"https://feed.example/{n}") for n, (title, text) in enumerate(items)]
    corpus.add("feed.rss", rss(feed), inputs=len(items))
    corpus.add("zz_empty.txt", b"", reasons=["empty"])
    corpus.add("zz_binary.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), reasons=["encoding"])
    return corpus


def gzip_bomb(size: int) -> bytes:
    """Gzip data that expands to ``size`` zero bytes (about 1,000 times its size): one member
    per megabyte, concatenated, which gzip readers take as one stream."""
    return gzip.compress(bytes(MB), compresslevel=9, mtime=0) * max(1, size // MB)


def _deflate_bomb(size: int) -> bytes:
    """A single gzip member of ``size`` zero bytes (for HTTP Content-Encoding)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join([*(compressor.compress(block) for _ in range(size // MB)), compressor.flush()])


def _entity_bomb(levels: int = 10) -> str:
    declarations = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)
    ]
    return f"<!DOCTYPE rss [{''.join(declarations)}]>"


def adversarial_corpus(root: Path, outside: Path, *, huge_mb: int = 50, bomb_mb: int = 200) -> Corpus:
    """Adversarial inputs. ``outside`` is a folder beside ``root`` that links point into."""
    rng = random.Random(11)
    corpus = Corpus(root)
    _, story = article(rng, 1)
    _, story2 = article(rng, 2)
    title, story3 = article(rng, 3)
    sentence = "The foreign ministers of Norway and Sweden met in Oslo on Tuesday to discuss fisheries."
    # Malformed and deep HTML.
    corpus.add("html/malformed.html", "<html><body><p>" + sentence + "<div><<<>>>< p>unclosed <b>bold <i>it"
               "</p></div></span></table><p>They agreed to meet again.<script>var x = '</body>",
               reasons=[])
    deep = "<div>" * 1000 + f"<p>{sentence}</p>" + "</div>" * 1000
    corpus.add("html/deep-divs.html", f"<html><body><p>{title}: a report from the north.</p>{deep}<p>A closing paragraph after the nest, "
               "which the HTML parser would drop with it.</p></body></html>")
    _, story4 = article(rng, 4)
    corpus.add("html/unclosed-fonts.html", "<html><body>" + "<font size=2>" * 400 + "".join(
        f"<p>{line}</p>" for line in story4.splitlines()) + "</body></html>")
    corpus.add("html/scripts-only.html", "<html><head><script>var a = 1;</script></head><body>"
               "<script>document.write('x')</script></body></html>", reasons=["no-text"])
    corpus.add("html/entity-bomb.html", "<!DOCTYPE html [" + _entity_bomb()[len("<!DOCTYPE rss ["):]
               + f"<html><body><p>{sentence} &lol9;</p></body></html>")
    # Huge files: a text file, and a JSONL export with one huge line between two good rows.
    (root / "huge").mkdir(parents=True, exist_ok=True)
    with open(root / "huge" / "huge.txt", "wb") as f:
        line = (sentence + " ").encode() * 1000 + b"\n"
        for _ in range(huge_mb * MB // len(line) + 1):
            f.write(line)
    corpus.expected["huge/huge.txt"] = (1, ["too-large"])
    with open(root / "huge" / "huge.jsonl", "wb") as f:
        f.write(json.dumps({"id": "a", "text": story}).encode() + b"\n")
        f.write(b'{"id": "huge", "text": "' + b"x" * (huge_mb * MB) + b'"}\n')
        f.write(json.dumps({"id": "b", "text": story2}).encode() + b"\n")
    corpus.expected["huge/huge.jsonl"] = (3, ["too-large"])
    corpus.add("huge/long-line.txt", (sentence + " ") * 12_000, reasons=["too-large"])  # > MAX_CODED_CHARS
    # Encodings and bytes.
    corpus.add("enc/invalid-utf8.txt", bytes(rng.randrange(128, 256) for _ in range(4000)), reasons=["encoding"])
    corpus.add("enc/utf16-no-bom.txt", story.encode("utf-16-le"), reasons=["encoding"])
    corpus.add("enc/utf16-be-no-bom.txt", story.encode("utf-16-be"), reasons=["encoding"])
    corpus.add("enc/broken-utf16-bom.txt", b"\xff\xfe" + story.encode("utf-16-le")[:-1] + b"\x00\xd8",
               reasons=["encoding"])
    corpus.add("enc/nul-early.txt", story[:40] + "\x00\x00" + story[40:], reasons=["encoding"])
    corpus.add("enc/nul-late.txt", story + "\n" + "Filler line of the archive.\n" * 400 + "\x00 end\n")
    corpus.add("enc/control-chars.txt", "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) * 50,
               reasons=["no-text"])
    corpus.add("enc/binary.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)),
               reasons=["encoding"])
    # Empty inputs.
    corpus.add("empty/zero.txt", b"", reasons=["empty"])
    corpus.add("empty/spaces.txt", b"  \n\t \n", reasons=["empty"])
    corpus.add("empty/bom-only.txt", b"\xef\xbb\xbf", reasons=["empty"])
    corpus.add("empty/zero.jsonl", b"", reasons=["empty"])
    corpus.add("empty/zero.csv", b"", reasons=["empty"])
    corpus.add("empty/zero.rss", b"", reasons=["malformed"])
    corpus.add("empty/zero.warc.gz", gzip.compress(b""), reasons=["empty"])
    # Compressed bombs and damaged archives.
    corpus.add("gz/bomb.txt.gz", gzip_bomb(bomb_mb * MB), reasons=["too-large"])
    corpus.add("gz/bomb.jsonl.gz", gzip_bomb(bomb_mb * MB), reasons=["too-large"])
    corpus.add("gz/story.txt.gz", gzip.compress(story.encode()))
    corpus.add("gz/truncated.txt.gz", gzip.compress((story * 50).encode())[:-200], reasons=["truncated"])
    corpus.add("gz/not-gzip.txt.gz", b"\x1f\x8b\x08" + bytes(200), reasons=["corrupt"])
    pages = [(f"https://w.example/{n}", page(t, s).encode(), "text/html", 200)
             for n, (t, s) in enumerate(article(rng, 10 + n) for n in range(4))]
    good = warc_bytes(pages)
    corpus.add("warc/truncated.warc.gz", good[:-100], inputs=4, reasons=["truncated"])
    damaged = bytearray(good)
    middle = len(damaged) // 2
    damaged[middle:middle + 64] = bytes(64)
    corpus.add("warc/corrupt-middle.warc.gz", bytes(damaged), inputs=5, reasons=["corrupt"])
    plain = warc_bytes(pages[:2], gzipped=False)
    corpus.add("warc/truncated-plain.warc", plain[:-40], inputs=2, reasons=["truncated"])
    bomb_payload = _deflate_bomb(min(bomb_mb, 256) * MB)
    corpus.add("warc/payload-bomb.warc.gz", _warc_gzip_payload(bomb_payload), reasons=["too-large"])
    odd = warc_bytes([("https://w.example/img", b"\x89PNG....", "image/png", 200),
                      ("https://w.example/moved", b"", "text/html", 301)])
    corpus.add("warc/not-articles.warc.gz", odd, inputs=2, reasons=["not-an-article", "not-an-article"])
    # Feeds: entity bomb, external entity, truncated, link-only items.
    corpus.add("feeds/billion-laughs.rss", '<?xml version="1.0"?>' + _entity_bomb()
               + "<rss><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>",
               reasons=["unsafe-xml"])
    corpus.add("feeds/xxe.rss", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               "<rss><channel><item><title>t</title><description>&x;</description></item></channel></rss>",
               reasons=["unsafe-xml"])
    whole = rss([(title, page(title, story3), "https://f.example/1"), ("Second", page("Second", story2), "https://f.example/2"),
                 ("Third", page("Third", story), "https://f.example/3")])
    corpus.add("feeds/truncated.rss", whole[: whole.index("<item>", whole.index("Third") - 200) + 40],
               inputs=3, reasons=["malformed"])
    corpus.add("feeds/links-only.rss", rss([("Only a title", None, "https://f.example/9"), ("Another", None, "https://f.example/8")]),
               inputs=2, reasons=["no-text", "no-text"])
    # JSON rows that break parsers.
    rows = [
        "[" * 100_000 + "]" * 100_000,
        '{"id": 1' + "0" * 5000 + ', "text": "x"}',
        json.dumps({"id": "surrogate", "text": story[:200] + "\ud83d and the rest."}),
        '{"id": "truncated", "text": "The ministers',
    ]
    corpus.add("rows/nasty.jsonl", "\n".join(rows) + "\n", inputs=4, reasons=["malformed", "malformed", "malformed"])
    corpus.add("rows/huge-field.csv", "id,text\n1," + "y" * (11 * MB) + "\n", reasons=["malformed"])
    # Names and links.
    corpus.add("names/caf\udce9.txt".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape"), story2)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text("A private note that must not be read through a link.", encoding="utf-8")
    links = root / "links"
    links.mkdir(exist_ok=True)
    os.symlink(outside / "secret.txt", links / "to-outside.txt")
    os.symlink(outside, links / "to-outside-dir")
    os.symlink(root / "links" / "nowhere.txt", links / "dangling.txt")
    os.symlink(links / "loop-b", links / "loop-a")
    os.symlink(links / "loop-a", links / "loop-b")
    os.symlink(root / "gz", links / "to-inside-dir")
    os.symlink(root / "enc" / "nul-late.txt", links / "to-inside.txt")
    corpus.expected.update({
        "links/to-outside.txt": (1, ["outside-input"]), "links/to-outside-dir": (1, ["outside-input"]),
        "links/dangling.txt": (1, ["unreadable"]), "links/loop-a": (1, ["unreadable"]),
        "links/loop-b": (1, ["unreadable"]), "links/to-inside-dir": (1, ["symlink"]),
        "links/to-inside.txt": (1, []),
    })
    os.mkfifo(root / "links" / "fifo")
    corpus.expected["links/fifo"] = (1, ["not-a-file"])
    return corpus


def _warc_gzip_payload(compressed: bytes) -> bytes:
    """A WARC.gz whose one response has a gzip Content-Encoding payload (here: a bomb)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record("https://w.example/bomb", "response", payload=io.BytesIO(compressed),
                                       http_headers=http, warc_headers_dict=_warc_headers(0))
    _write(writer, record)
    return out.getvalue()
