"""Article text as HTML: overlapping highlights without nesting, every piece escaped."""

from __future__ import annotations

import re

from communique.web.highlight import Mark, highlight, marks_of


def _pieces(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<(?:span|a)[^>]*class="([^"]+)"[^>]*>([^<]*)</(?:span|a)>', html)


def test_entity_inside_evidence_is_cut_into_pieces() -> None:
    text = "Oslo said. Norway met Sweden today."
    marks = [Mark(11, 35, "evidence", "e1", "CONSULT"), Mark(11, 17, "entity", "Norway", "Norway (NOR)"),
             Mark(22, 28, "entity", "Sweden", "Sweden (SWE)")]
    html = str(highlight(text, marks))
    assert html.startswith("Oslo said. <a href=\"/actors/Norway\" class=\"hl-entity hl-evidence\" data-ev=\"e1\"")
    assert _pieces(html) == [("hl-entity hl-evidence", "Norway"), ("hl-evidence", " met "),
                             ("hl-entity hl-evidence", "Sweden"), ("hl-evidence", " today.")]
    assert html.count('id="ev-e1"') == 1  # the anchor is on the first piece only
    assert re.sub(r"<[^>]+>", "", html) == text


def test_two_events_on_one_sentence_share_its_pieces() -> None:
    html = str(highlight("They met and signed.", [Mark(0, 20, "evidence", "a", "CONSULT"),
                                                   Mark(0, 20, "evidence", "b", "SUPPORT")]))
    assert 'data-ev="a b"' in html and 'title="CONSULT · SUPPORT"' in html


def test_text_labels_and_names_are_escaped() -> None:
    text = '<script>alert(1)</script> " onmouseover="x'
    claim = text.index('" on')
    marks = [Mark(0, 8, "entity", 'A"<b>', '" onmouseover="alert(2)'),
             Mark(claim, len(text), "claim", "s<1>", "x")]
    html = str(highlight(text, marks))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;</a>alert(1)&lt;/script&gt;" in html
    assert 'title="&#34; onmouseover=&#34;alert(2)"' in html
    assert 'href="/actors/A%22%3Cb%3E"' in html and 'data-st="s&lt;1&gt;"' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') == text


def test_spans_outside_the_text_or_empty_are_ignored() -> None:
    marks = [Mark(-1, -1, "entity", "x", "x"), Mark(3, 3, "evidence", "e", "e"),
             Mark(2, 99, "claim", "s", "s")]
    assert str(highlight("abc", marks)) == "abc"


def test_marks_of_a_stored_document() -> None:
    document = {
        "actors": [{"entity_name": "Norway", "entity_text": "Norway", "code": "NOR", "sector": "GOV",
                    "office": None, "start": 0, "end": 6}],
        "events": [{"id": "e1", "event": "CONSULT", "mode": "meet",
                    "actor": [{"entity_name": "Norway", "code": "NOR", "start": 0, "end": 6}],
                    "recipient": [{"entity_name": "Sweden", "code": "SWE", "start": 22, "end": 28}],
                    "evidence": [{"start": 0, "end": 10}, {"start": 20, "end": 30}]}],
        "statements": [{"id": "s1", "verb": "say", "speaker": {"entity_name": "Norway"},
                        "claim_info": {"start": 12, "end": 18}}],
    }
    assert marks_of(document) == [
        Mark(0, 6, "entity", "Norway", "Norway (NOR GOV)"),  # once, though the event names it too
        Mark(22, 28, "entity", "Sweden", "Sweden (SWE)"),  # a mention only the event gives
        Mark(0, 10, "evidence", "e1", "CONSULT (meet)"), Mark(20, 30, "evidence", "e1", "CONSULT (meet)"),
        Mark(12, 18, "claim", "s1", "claim by Norway (say)"),
    ]
