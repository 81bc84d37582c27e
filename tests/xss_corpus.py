"""Script-injection payloads and a database that carries each of them in every field the web
UI renders (tests/test_web_xss.py).

The payloads are our own list of the usual vectors: script elements, event-handler attributes,
``javascript:``/``data:`` URLs, SVG and MathML, markup that changes meaning when a parser
re-reads it, template syntax of several engines, pre-escaped and encoded forms, and Unicode
look-alikes, invisible characters and direction overrides. Each one that could run calls
``alert(N)``; the browser test replaces ``alert`` and counts the calls.

One document per payload (records built in code, no model): the payload is in the title, the
text, the outlet, the URL, the language, the dateline, a note and a second source; in the
names, texts, titles, organizations, country codes and sectors of its actors; in an event's
id, type, mode, location and context and in its evidence; in an agreement's title, kind, place
and clause; in a statement's verb, claim and whom it is about. One entity's span cuts the
payload in half, so the highlighter splits it mid-tag.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PAYLOADS: tuple[str, ...] = (
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=/static/app.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "</title><script>alert(2)</script>",
    "</textarea><script>alert(3)</script>",
    "<scr<script>ipt>alert(4)</scr</script>ipt>",
    '"><script>alert(5)</script>',
    "'><script>alert(6)</script>",
    "</script><script>alert(7)</script>",
    "<!--<script>alert(8)//-->",
    "<![CDATA[<script>alert(9)</script>]]>",
    # event handlers
    "<img src=x onerror=alert(10)>",
    "<svg onload=alert(11)>",
    "<body onload=alert(12)>",
    "<details open ontoggle=alert(13)>",
    "<input autofocus onfocus=alert(14)>",
    '" onmouseover="alert(15)',
    "' onfocus='alert(16)' autofocus='",
    '<video><source onerror="alert(17)">',
    '<iframe srcdoc="<script>parent.alert(18)</script>">',
    "<marquee onstart=alert(19)>x</marquee>",
    '<div style="background:url(javascript:alert(20))">',
    '<a href="javascript:alert(21)">click</a>',
    "<form action=javascript:alert(22)><button>go</button></form>",
    # URLs
    "javascript:alert(23)",
    "JaVaScRiPt:alert(24)",
    " javascript:alert(25)",
    "java\tscript:alert(26)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgyNyk8L3NjcmlwdD4=",
    "vbscript:msgbox(28)",
    'https://example.org/"><script>alert(29)</script>',
    "//evil.example/x.js",
    '<a href="&#106;avascript:alert(30)">x</a>',
    # SVG and MathML
    "<svg><script>alert(31)</script></svg>",
    "<svg><animate onbegin=alert(32) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(33)"><text x=20 y=20>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(34)>",
    '<svg><foreignObject><iframe srcdoc="<script>alert(35)</script>"></iframe></foreignObject></svg>',
    '<noscript><p title="</noscript><img src=x onerror=alert(36)>">',
    # template syntax
    "{{7*7}}",
    "{{ config.__class__ }}",
    "${7*7}",
    "{% raw %}{{ self }}{% endraw %}",
    "<%= 7*7 %>",
    "#{7*7}",
    "{{constructor.constructor('alert(37)')()}}",
    # other markup
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(38)">',
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<style>*{display:none}</style>",
    '<object data="javascript:alert(39)">',
    '<embed src="javascript:alert(40)">',
    "&lt;script&gt;alert(41)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(42)&#62;",
    "%3Cscript%3Ealert(43)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(44)\\u003c/script\\u003e",
    "</a><a href=javascript:alert(45)>",
    "<img src=\"x` `<script>alert(46)</script>\"` `>",
    # Unicode
    "\uff1cscript\uff1ealert(47)\uff1c/script\uff1e",
    "<scr\u200bipt>alert(48)</scr\u200bipt>",
    "\u202e>tpircs/<)94(trela>tpircs<",
    "\u2028alert(50)\u2029",
    "\ufeff<script>alert(51)</script>",
    "\u210c\U0001d522\U0001d529\U0001d529\U0001d52c \U0001f600 <img src=x onerror=alert(52)> \U0001d54f",
    "Swe\u0301den <b>bold</b> \u0130stanbul",
)
# The quick tier (every `pytest`): one of each family.
QUICK = (0, 11, 16, 24, 36, 39, 58, 61)

# Rendered fields that carry the payload in every document (for the report).
FIELDS = (
    "document title", "document text", "outlet", "URL", "language", "dateline text",
    "dateline place", "dateline outlet", "note", "second source", "entity text", "entity name",
    "entity title", "entity organization", "entity country code", "entity sector",
    "event id", "event type", "event mode", "event location", "event context", "evidence text",
    "agreement title", "agreement kind", "agreement place", "agreement clause",
    "statement verb", "statement claim", "statement about",
)


def doc_id(index: int) -> str:
    return f"{0xB000000000000000 + index:016x}"


def coded(index: int, payload: str) -> Any:
    """The coded document that carries ``payload`` in every field (see the module docstring)."""
    from communique.records import (
        Agreement,
        CodedDocument,
        Dateline,
        Document,
        Entity,
        Event,
        Evidence,
        Span,
        Statement,
    )

    p = payload
    alpha, beta = f"Alpha{index}", f"Beta{index}"
    first = f"{alpha} met {beta} on fisheries."
    text = f"{p} {first} {p} \u201c{p}\u201d said {alpha}."
    day = f"2024-05-{index % 28 + 1:02d}"
    ident = doc_id(index)
    doc = Document(id=ident, text=text, source=f"xss-{index}.txt", title=f"T{index} {p}",
                   outlet=f"O{index} {p}", published=day, language=p, url=p,
                   dateline=Dateline(text=p, place=p, outlet=p), notes=(f"N{index} {p}",))

    def at(needle: str, start: int = 0) -> int:
        return text.index(needle, start)

    a_start = at(alpha, len(p))
    a = Entity(alpha, f"{alpha} {p}", "person", code="NOR", sector="GOV", office=f"Minister {p}",
               organization=f"Ministry {p}", start=a_start, end=a_start + len(alpha))
    b_start = at(beta)
    b = Entity(beta, f"{beta} {p}", "state", code=p if index % 2 else "SWE", sector=p,
               start=b_start, end=b_start + len(beta))
    half = max(1, len(p) // 2)
    cut = Entity(text[:half], f"Half{index} {p}", "organization", code="NOR", sector="GOV",
                 office=p, start=0, end=half)
    sentence = Evidence(sentence=0, start=a_start, end=a_start + len(first), text=first)
    whole = Evidence(sentence=0, start=0, end=len(text), text=text)
    meet = Event(id=f"{ident}-e1", doc_id=ident, event="CONSULT", actor=(a,), recipient=(b,),
                 evidence=(sentence, whole), trigger="met", quad_code=1, intensity=1.0, date=day,
                 date_precision="day")
    odd = Event(id=f"{ident}-e2{p}", doc_id=ident, event=p, actor=(b, cut), recipient=(a,),
                evidence=(Evidence(sentence=0, start=0, end=len(p), text=p),), trigger=p,
                mode=p, context=(p,), quad_code=3, intensity=-2.0, date=day, date_precision="day",
                location=p)
    clause = Span(0, len(p), p)
    accord = Agreement(id=f"{ident}-a1", doc_id=ident, title=f"Accord{index} {p}", kind=p,
                       parties=(a, b), evidence=(sentence,), signatories=(a,), date=day,
                       date_precision="day", place=p, clauses=(clause,))
    quoted = at(p, at("\u201c") + 1)
    said = Statement(id=f"{ident}-s1", doc_id=ident, speaker=a, verb=p,
                     claim=Span(quoted, quoted + len(p), p),
                     evidence=Evidence(sentence=1, start=quoted - 1, end=len(text), text=text[quoted - 1:]),
                     direct=True, about=(b,), date=day, date_precision="day")
    return CodedDocument(doc=doc, actors=(cut, a, b), events=(meet, odd), agreements=(accord,),
                         statements=(said,))


def build(path: Path, indexes: tuple[int, ...] | None = None) -> dict[int, Any]:
    """Store the documents of the given payloads (all by default); returns them by index."""
    import dataclasses

    from communique.store import Store

    chosen = range(len(PAYLOADS)) if indexes is None else indexes
    documents = {i: coded(i, PAYLOADS[i]) for i in chosen}
    with Store(path) as store:
        for index, document in documents.items():
            store.add(document)
            # The same document from a second source, named by the payload ("Also seen at").
            again = dataclasses.replace(document.doc, source=PAYLOADS[index])
            store.add(dataclasses.replace(document, doc=again))
    return documents
