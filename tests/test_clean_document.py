"""clean(): from a raw input to a Document (trafilatura and lingua, never the spaCy model)."""

import pytest

from communique.clean import clean, document_id, normalize_text
from communique.clean.dates import normalize_published
from communique.errors import EmptyInputError, InputError
from communique.records import RawDocument

ARTICLE = (
    "[English] [Norsk] [Deutsch]\n"
    "Norland and Sudmark Agree to Resume Fishing Talks\n"
    "Oslo, May 3 (NTB) -- The foreign ministers of Norland and Sudmark met in Oslo on Tuesday.\n"
    "They agreed to resume talks on fishing quotas next month.\n"
    "Views: 1806\n"
)
BODY = (
    "The foreign ministers of Norland and Sudmark met in Oslo on Tuesday.\n"
    "They agreed to resume talks on fishing quotas next month."
)

PARAGRAPHS = (
    "The foreign ministers of Norland and Sudmark met in Oslo on Tuesday to discuss a new "
    "fishing agreement between the two countries.",
    "Both ministers said the talks were constructive and that a draft text would be ready "
    "before the end of the summer season.",
    "The next round of negotiations is planned for the autumn in the southern city of Bergen, "
    "officials said after the meeting.",
)


FOOTER = "Copyright 2024 Nordic Courier. All rights reserved."


def _page(head: str = "", footer: str = FOOTER) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>Ministers meet in Oslo | Nordic Courier</title>{head}"
        "</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>'
        f"<article><h1>Ministers meet in Oslo</h1>{paragraphs}</article>"
        f'<footer><p>{footer}</p><a href="/privacy">Privacy policy</a></footer>'
        "</body></html>"
    )


def test_text_with_menu_title_and_dateline():
    doc = clean(RawDocument(source="oslo.txt", text=ARTICLE))
    assert doc.title == "Norland and Sudmark Agree to Resume Fishing Talks"
    assert doc.outlet == "NTB"
    assert doc.dateline is not None and doc.dateline.place == "Oslo"
    assert (doc.dateline.month, doc.dateline.day, doc.dateline.year) == (5, 3, None)
    assert doc.text == BODY
    assert doc.source == "oslo.txt"
    assert doc.language == "en"
    # A dateline without a year never invents one.
    assert doc.published is None
    assert doc.notes == ("dateline gives a month and day but no year; publication date left empty",)


def test_dateline_with_year_gives_publication_date():
    text = "OSLO, March 4, 2023 (NTB) -- The ministers met in Oslo."
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.published == "2023-03-04"
    assert doc.notes == ()
    assert doc.text == "The ministers met in Oslo."


def test_metadata_wins_over_dateline_and_suppresses_the_note():
    raw = RawDocument(
        source="x", text=ARTICLE, published="2023-05-04", outlet="Nordic Courier",
        title="Given title", language="no", input_id="row-7", url="https://example.org/a",
    )
    doc = clean(raw)
    assert (doc.published, doc.outlet, doc.title, doc.language) == (
        "2023-05-04", "Nordic Courier", "Given title", "no")
    assert (doc.input_id, doc.url) == ("row-7", "https://example.org/a")
    assert doc.notes == ()


def test_unusable_published_metadata_is_ignored_with_a_note():
    doc = clean(RawDocument(source="x", text="The ministers met in Oslo.", published="last spring",
                            language="en"))
    assert doc.published is None
    assert any("'last spring'" in note and "ignored" in note for note in doc.notes)


def test_leading_date_metadata_line():
    doc = clean(RawDocument(source="x", text=" date 2022-01-17\n" + ARTICLE))
    assert doc.published == "2022-01-17"
    assert doc.title == "Norland and Sudmark Agree to Resume Fishing Talks"
    assert "2022-01-17" not in doc.text
    assert doc.text == BODY
    assert doc.notes == ()


def test_title_without_dateline():
    text = "Talks in Oslo\r\nThe ministers met in Oslo on Tuesday.\r\n"
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title == "Talks in Oslo"
    assert doc.text == "The ministers met in Oslo on Tuesday."
    assert doc.dateline is None


def test_a_single_sentence_is_body_not_title():
    doc = clean(RawDocument(source="x", text="The ministers met in Oslo.", language="en"))
    assert doc.title is None
    assert doc.text == "The ministers met in Oslo."


def test_html_page_gives_main_text_without_navigation_or_footer():
    doc = clean(RawDocument(source="page.html", html=_page()))
    assert doc.text.split("\n") == list(PARAGRAPHS)
    for chrome in ("Home", "Sport", "Weather", "Privacy policy", "Copyright"):
        assert chrome not in doc.text
    assert doc.title is not None and "Ministers meet in Oslo" in doc.title
    assert doc.language == "en"
    assert doc.source == "page.html"


def test_html_copyright_year_is_not_a_publication_date():
    # "Copyright 2024" in a footer says nothing about the day the story appeared.
    doc = clean(RawDocument(source="page.html", html=_page(footer="© 2021 Nordic Courier")))
    assert doc.published is None


def test_html_meta_publication_date_is_read():
    head = '<meta property="article:published_time" content="2023-05-02T10:00:00Z">'
    doc = clean(RawDocument(source="page.html", html=_page(head=head)))
    assert doc.published == "2023-05-02"


def test_html_without_main_text_is_an_input_error():
    with pytest.raises(InputError):
        clean(RawDocument(source="empty.html", html="<html><body></body></html>"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "[English] [Norsk] [Deutsch]\nViews: 10\nJoin the mailing list\n",
        " date 2022-01-17\n",
        "Oslo, May 3 (NTB) --",
    ],
)
def test_nothing_left_after_cleaning_raises_empty_input(text):
    with pytest.raises(EmptyInputError):
        clean(RawDocument(source="x", text=text))


def test_html_of_pure_boilerplate_raises_empty_input():
    html = (
        "<html><body><article><p>[English] [Norsk] [Deutsch]</p><p>Views: 10</p>"
        "</article></body></html>"
    )
    with pytest.raises(EmptyInputError):
        clean(RawDocument(source="x", html=html))


def test_id_ignores_whitespace_and_case():
    a_text = "The Ministers met in OSLO.\nThey agreed."
    a = clean(RawDocument(source="a", text=a_text, language="en"))
    b_text = "  the ministers   met in oslo.  they AGREED. \n"
    b = clean(RawDocument(source="b", text=b_text, language="en"))
    assert a.id == b.id
    assert len(a.id) == 16 and int(a.id, 16) >= 0


def test_id_differs_for_different_text():
    a = clean(RawDocument(source="a", text="The ministers met in Oslo.", language="en"))
    b = clean(RawDocument(source="a", text="The ministers met in Bergen.", language="en"))
    assert a.id != b.id


def test_same_article_from_text_and_export_gets_same_id():
    plain = clean(RawDocument(source="a.txt", text=ARTICLE))
    row = clean(RawDocument(source="x.jsonl:3", text=ARTICLE.replace("\n", "\r\n"), input_id="42"))
    assert plain.id == row.id


def test_document_id_is_computed_from_normalized_text():
    assert normalize_text("  The\u00a0Ministers\n MET ") == "the ministers met"
    assert document_id("The Ministers MET") == document_id("the ministers\tmet")
    assert document_id("The ministers met") != document_id("The ministers left")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2000-07-21", "2000-07-21"),
        ("2019-09-05T10:00:00+02:00", "2019-09-05"),
        ("Thursday, September 05, 2019", "2019-09-05"),
        ("21 July 2000", "2000-07-21"),
        ("July 21", None),
        ("May 2019", None),
        ("2000-02-30", None),
        ("3 days ago 2020", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_published_accepts_only_full_dates(value, expected):
    assert normalize_published(value) == expected


# What comes before a dateline: a title (chosen over a byline), or article text that stays.
def test_byline_between_title_and_dateline_is_neither_title_nor_text():
    text = (
        "Talks held in the capital\n"
        "By Staff Writer\n"
        "Pyongyang, July 21 (KCNA) -- The premier met the visiting envoy.\n"
        "They discussed trade."
    )
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title == "Talks held in the capital"
    assert doc.text == "The premier met the visiting envoy.\nThey discussed trade."
    assert doc.dateline is not None and doc.dateline.place == "Pyongyang"


def test_lead_paragraph_before_a_dateline_led_story_is_kept():
    text = (
        "Envoys Hold Talks\n"
        "\n"
        "The envoys of Norland and Sudmark held a first round of talks on Monday.\n"
        "\n"
        "OSLO, May 3 (NTB) -- A second round is planned for the autumn in Bergen.\n"
    )
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title == "Envoys Hold Talks"
    assert doc.text == (
        "The envoys of Norland and Sudmark held a first round of talks on Monday.\n"
        "\n"
        "A second round is planned for the autumn in Bergen."
    )
    assert doc.dateline is not None and doc.dateline.outlet == "NTB"


def test_photo_caption_before_the_dateline_is_text_without_its_credit():
    text = (
        "The two ministers shake hands after the signing in Oslo on May 2, 2023. (NTB/Kari Dahl)\n"
        "\n"
        "OSLO, May 3 (NTB) -- Norland and Sudmark signed a fishing accord on Tuesday.\n"
    )
    doc = clean(RawDocument(source="x", text=text, language="en"))
    # A caption is not a title, and its credit is no article text.
    assert doc.title is None
    assert doc.text == (
        "The two ministers shake hands after the signing in Oslo on May 2, 2023.\n"
        "\n"
        "Norland and Sudmark signed a fishing accord on Tuesday."
    )


def test_header_labels_and_stamps_before_a_dateline_are_left_out():
    text = (
        "WORLD\n"
        "Ministers Agree on Quotas\n"
        "Updated: 10:32 GMT 04.05.2023\n"
        "Photo: NTB.\n"
        "OSLO, May 4 (NTB) -- The ministers agreed on quotas.\n"
    )
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title == "Ministers Agree on Quotas"
    assert doc.text == "The ministers agreed on quotas."


def test_without_dateline_a_leading_stamp_byline_and_label_are_not_the_title():
    text = (
        "Thursday, May 4, 2023\n"
        "WORLD\n"
        "Ministers Agree on Quotas\n"
        "The foreign ministers of Norland and Sudmark agreed on quotas.\n"
    )
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title == "Ministers Agree on Quotas"
    assert doc.text == "The foreign ministers of Norland and Sudmark agreed on quotas."


def test_without_dateline_lines_passed_over_stay_when_no_title_follows():
    text = "By Staff Writer\nThe foreign ministers met in Oslo.\n"
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.title is None
    assert doc.text == "By Staff Writer\nThe foreign ministers met in Oslo."


# HTML pages without an article.
@pytest.mark.parametrize(
    "html",
    [
        (
            '<html><body><nav><a href="/">Home</a> <a href="/news">News</a> '
            '<a href="/contact">Contact</a></nav></body></html>'
        ),
        (
            '<html><body><a href="/">Home</a><a href="/news">News</a><a href="/c">Contact</a>'
            "</body></html>"
        ),
        '<html><body><p><a href="/">Home</a></p></body></html>',
        (
            '<html><body><p><a href="/">Home</a></p><p><a href="/n">Our latest reports on the '
            'region</a></p><p><a href="/c">Contact the editors</a></p></body></html>'
        ),
        (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            '<body><a href="/">Home</a> <a href="/n">News</a> <a href="/c">Contact</a>'
            "</body></html>"
        ),
    ],
)
def test_links_only_page_is_an_input_error_that_says_why(html):
    with pytest.raises(InputError, match="no main text in the HTML") as caught:
        clean(RawDocument(source="menu.html", html=html))
    assert "article's own page" in str(caught.value)  # says what to do


def test_article_with_inline_links_is_not_navigation():
    html = (
        '<html><body><article><p>The <a href="/m">foreign ministers</a> of Norland and Sudmark '
        'met in <a href="/oslo">Oslo</a> on Tuesday.</p></article></body></html>'
    )
    doc = clean(RawDocument(source="x.html", html=html))
    assert doc.text == "The foreign ministers of Norland and Sudmark met in Oslo on Tuesday."


def test_html_fragment_from_an_export_is_read():
    html = "<p>The foreign ministers of Norland and Sudmark met in Oslo on Tuesday.</p>"
    doc = clean(RawDocument(source="rows.jsonl:1", html=html))
    assert doc.text == "The foreign ministers of Norland and Sudmark met in Oslo on Tuesday."


def test_malformed_html_keeps_its_text():
    html = (
        "<html><body><p>The foreign ministers met in Oslo on Tuesday.<p>They agreed to meet "
        "again in June</b></i></div></span>"
    )
    doc = clean(RawDocument(source="x.html", html=html))
    assert doc.text == (
        "The foreign ministers met in Oslo on Tuesday.\nThey agreed to meet again in June"
    )


# Characters and line ends.
def test_byte_order_marks_inside_text_are_dropped():
    text = "\ufeffTalks in Oslo\n\ufeffThe ministers met in Oslo.\ufeff"
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert (doc.title, doc.text) == ("Talks in Oslo", "The ministers met in Oslo.")
    assert doc.id == clean(RawDocument(source="y", text=text.replace("\ufeff", ""))).id


def test_old_mac_line_ends_are_lines():
    text = "Talks in Oslo\rOslo, May 3 (NTB) -- The ministers met.\rThey agreed.\r"
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert (doc.title, doc.text) == ("Talks in Oslo", "The ministers met.\nThey agreed.")


@pytest.mark.parametrize("text", ["\u200b\u200b\n\u200b", " \u3000\u00a0\n\t", "***\n---"])
def test_text_of_invisible_or_punctuation_characters_is_empty(text):
    with pytest.raises(EmptyInputError):
        clean(RawDocument(source="x", text=text))


def test_id_ignores_zero_width_spaces_and_byte_order_marks():
    assert normalize_text("The\u200b ministers\ufeff met") == "the ministers met"


def test_date_metadata_prefix_glued_to_the_first_line():
    text = "date 2023-05-04 Talks in Oslo\nThe ministers met in Oslo on Tuesday."
    doc = clean(RawDocument(source="x", text=text, language="en"))
    assert doc.published == "2023-05-04"
    assert (doc.title, doc.text) == ("Talks in Oslo", "The ministers met in Oslo on Tuesday.")


# Publication dates given as metadata.
def test_month_only_publication_date_is_noted_with_its_precision():
    doc = clean(RawDocument(source="x", text="The ministers met.", published="May, 2023",
                            language="en"))
    assert doc.published is None
    assert doc.notes == (
        (
            "publication date 'May, 2023' gives only the month (2023-05); publication date left "
            "empty, so relative dates in the text are not resolved"
        ),
    )


def test_month_only_metadata_gives_way_to_a_dateline_with_the_day():
    text = "OSLO, May 4, 2023 (NTB) -- The ministers met."
    doc = clean(RawDocument(source="x", text=text, published="May 2023", language="en"))
    assert doc.published == "2023-05-04"
    note = "publication date 'May 2023' gives only the month (2023-05); the dateline's 2023-05-04"
    assert doc.notes == (note + " is used",)


def test_ambiguous_slash_date_is_read_month_first_with_a_note():
    doc = clean(RawDocument(source="x", text="The ministers met.", published="05/06/2023",
                            language="en"))
    assert doc.published == "2023-05-06"
    note = "publication date '05/06/2023' could be read either way; read month first"
    assert doc.notes == (note,)


def test_european_dotted_publication_date_is_day_first():
    doc = clean(RawDocument(source="x", text="The ministers met.", published="06.05.2023",
                            language="en"))
    assert (doc.published, doc.notes) == ("2023-05-06", ())


def test_spaces_lost_at_line_breaks_are_put_back():
    raw = RawDocument(
        source="x",
        text=(
            "The minister on Monday dismissedBerlin's call for talks, telling hisFrench guest "
            "that Rome has done nothing wrong. He said Francehas ignored the issue,including "
            "the border ofthe north. OnTuesday, police atthe port held two men."
        ),
    )
    doc = clean(raw)
    assert doc.text == (
        "The minister on Monday dismissed Berlin's call for talks, telling his French guest "
        "that Rome has done nothing wrong. He said France has ignored the issue, including "
        "the border of the north. On Tuesday, police at the port held two men."
    )
    assert any("spaces lost" in note for note in doc.notes)


def test_deliberate_capitals_inside_words_are_kept():
    # One run-together word is no sign of a lost-space copy; names and brands stay as spelt.
    text = (
        "McDonald's and easyJet staff met MacArthur, DeSantis and JoJack; an iPhone, a YouTube "
        "clip and @realPresident posts came up, as did Paris, Poland and Mashhad."
    )
    assert clean(RawDocument(source="x", text=text)).text == text
    from communique.clean.joins import repair_joins

    glued = "He toldLondon and wroteMadrid about vanDyke, McDonald, the iPhone and Paris."
    assert repair_joins(glued) == "He told London and wrote Madrid about vanDyke, McDonald, the iPhone and Paris."
