"""Language identification of short texts, which are mostly names."""

import pytest

import communique
from communique.clean.language import detect_language
from communique.ingest import RawDocument
from communique.pipeline import unidentified_note
from communique.records import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names look like the language they come from: a short text of names and small words
        # cannot be told ...
        ("Merkel met Macron in Paris.", None),
        ("Chancellor Merkel met President Macron in Paris.", None),
        # ... while its words, where there are enough, still decide
        ("Merkel se reunió con Macron en París.", "es"),
        ("Macron a rencontré Merkel à Paris.", "fr"),
        ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen.", "de"),
        ("Россия и Китай подписали соглашение о сотрудничестве в Москве в понедельник.", "ru"),
        ("The two sides signed a treaty of friendship in Moscow on Monday.", "en"),
    ],
)
def test_short_texts_are_told_by_their_words_not_their_names(text, expected):
    assert detect_language(text) == expected


def test_a_short_latin_text_of_unknown_language_is_read_as_english_with_a_note():
    coded = communique.code("Chancellor Merkel met President Macron in Paris.", published="2025-01-10")
    assert coded.doc.language is None
    assert any("read as English" in note for note in coded.doc.notes)
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in coded.events] == [
        ("CONSULT", ["DEU"], ["FRA"])]


def test_the_note_on_an_unidentified_language_says_too_short_only_when_the_text_is():
    short = Document(id="s", source="s", text="Merkel met Macron in Paris.", language=None)
    long = Document(id="l", source="l", text="Merkel Macron Scholz Sunak Meloni Sanchez Tusk. " * 10, language=None)
    assert unidentified_note(short) == "language not identified (too short); read as English"
    assert unidentified_note(long) == "language not identified; read as English"


def test_a_short_text_in_another_script_is_not_read_as_english():
    result = next(communique.process([RawDocument(source="zh", text="中国外交部发言人周一表示反对。")]))
    assert result.events == ()
    assert any("not coded" in note for note in result.doc.notes)
