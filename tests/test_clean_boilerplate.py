"""Boilerplate line filter: page chrome goes, article sentences stay (no model, fast)."""

import time

import pytest

from communique.clean.boilerplate import boilerplate_rule, strip_boilerplate


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("[English] [Русский] [中国语] [Deutsch]", "language-menu"),
        ("  [Norsk]  [Svenska] ", "language-menu"),
        ("Category: English | Views: 1806 | Added by: editor | Tags: Oslo", "key-value-footer"),
        ("Author: Desk | Date: 3 May | Section: World", "key-value-footer"),
        ("Views: 1806", "counter"),
        ("Total comments: 0", "counter"),
        ("1,234 views", "counter"),
        ("Hits: 42", "counter"),
        ("Join the mailing list", "call-to-action"),
        ("Join our Nordic Courier mailing list!", "call-to-action"),
        ("Find a Security Clearance Job!", "call-to-action"),
        ("Subscribe to our newsletter", "call-to-action"),
        ("Follow us on Twitter", "call-to-action"),
        ("Related articles", "call-to-action"),
        ("Copyright (c) 2024 Nordic Courier", "call-to-action"),
        ("© 2024 Nordic Courier. All rights reserved.", "call-to-action"),
        ("All rights reserved.", "call-to-action"),
        ("Advertisement", "call-to-action"),
        ("Print", "call-to-action"),
        ("US EUROPE AFRICA ASIA 中文", "navigation-bar"),
        ("HOME NEWS WORLD SPORT", "navigation-bar"),
    ],
)
def test_boilerplate_lines_are_named_by_their_rule(line, rule):
    assert boilerplate_rule(line) == rule


def test_counter_run_together_with_a_call_to_action_is_boilerplate():
    # Two page elements glued together by a copy-paste: the line must still go as a whole.
    assert boilerplate_rule("Total comments: 0Find a Security Clearance Job!") is not None
    text = "The ministers met in Oslo.\nTotal comments: 0Find a Security Clearance Job!"
    assert strip_boilerplate(text) == "The ministers met in Oslo."


@pytest.mark.parametrize(
    "line",
    [
        "The foreign ministers of Norland and Sudmark met in Oslo on Tuesday.",
        "The minister said his views on the fishing treaty had not changed.",
        "Views of the two delegations converged after a long night of talks.",
        "A new category of vessels will be covered by the quota agreement.",
        "Category: the minister did not say which boats would be covered.",
        "The talks, she said, were about one thing: fish.",
        "Both sides share views on the need for a new round of talks.",
        "He urged readers to join the protest outside the ministry on Friday.",
        "The ministry said the mailing list of the delegation had leaked.",
        "In Oslo, Minister Hansen (Labour) spoke for 20 minutes.",
        "Click-through rates were not discussed at the summit.",
        "The OSCE, the UN and the EU welcomed the accord.",
        "[Update] The ministers later issued a joint statement.",
        "Hansen said: the talks | were good, and more talks will follow.",
    ],
)
def test_article_sentences_are_not_boilerplate(line):
    assert boilerplate_rule(line) is None
    assert strip_boilerplate(line) == line


def test_strip_boilerplate_keeps_article_lines_in_order_and_collapses_blank_runs():
    text = (
        "[English] [Norsk] [Deutsch]\n"
        "HOME NEWS WORLD SPORT\n"
        "Ministers meet in Oslo\n"
        "\n"
        "The foreign ministers met on Tuesday.   \n"
        "Views: 1806\n"
        "\n"
        "\n"
        "They agreed to meet again in June.\n"
        "Join the mailing list\n"
        "Category: World | Views: 12 | Added by: desk\n"
    )
    assert strip_boilerplate(text) == (
        "Ministers meet in Oslo\n"
        "\n"
        "The foreign ministers met on Tuesday.\n"
        "\n"
        "They agreed to meet again in June."
    )


def test_strip_boilerplate_of_pure_chrome_is_empty():
    assert strip_boilerplate("[English] [Norsk]\nViews: 3\nJoin our mailing list\n") == ""


# Navigation bars against headlines set in capitals. A menu is a row of section, region or
# language names, or of short items between separators; a headline has verbs, function words
# and names, whatever its case.
@pytest.mark.parametrize(
    "line",
    [
        "US EUROPE AFRICA ASIA 中文",
        "HOME | NEWS | SPORTS",
        "| Home | World | Contact |",
        "Home News World Sport",
        "News  /  Politics  /  Editor's Choice",
        "Home > World > Asia-Pacific",
        "ENGLISH РУССКИЙ DEUTSCH 한국어",
        "Business • Culture • Weather • Opinion",
    ],
)
def test_menus_are_navigation_bars(line):
    assert boilerplate_rule(line) == "navigation-bar"


@pytest.mark.parametrize(
    "line",
    [
        "ENVOY MEETS MINISTER IN CAPITAL",
        "NORLAND AND SUDMARK SIGN FISHING ACCORD",
        "ENVOYS CONVENE",
        "UN SECURITY COUNCIL",
        "ASIA PACIFIC SUMMIT OPENS",
        "WORLD LEADERS GATHER IN BERGEN",
        "Norland, Sudmark | talks resume | no deal yet on quotas for the winter season",
        "Scores 2021 | 2022 | 2023",
        "World / Asia-Pacific",
    ],
)
def test_headlines_in_capitals_are_not_navigation(line):
    assert boilerplate_rule(line) is None
    assert strip_boilerplate(f"{line}\nThe envoy met the minister.") == (
        f"{line}\nThe envoy met the minister."
    )


@pytest.mark.parametrize(
    "line",
    [
        "1,200 views were expressed at the forum on the future of the fishing treaty.",
        "1,200 delegates attended the closing session in Bergen.",
        "300 comments on the draft were sent to the ministry before the deadline.",
        "Shares: 1,200 shares of the state fishing company changed hands on Monday.",
        "12 views of the harbour hang in the hall where the ministers met.",
    ],
)
def test_sentences_that_start_like_a_counter_stay(line):
    assert boilerplate_rule(line) is None


@pytest.mark.parametrize(
    "line",
    ["1,200 views", "1.2K views · 3 comments", "12 comments", "Views: 1806 | Comments: 4",
     "Likes: 15", "Views: 77Subscribe to our newsletter"],
)
def test_counters_go(line):
    assert boilerplate_rule(line) == "counter"


def test_long_bracket_row_that_is_not_a_menu_is_answered_quickly():
    # Twelve bracketed items and a trailing word used to take the old pattern about ten
    # seconds (exponential backtracking between two adjacent runs of spaces).
    line = "[a]   " * 12 + "and then the ministers spoke."
    started = time.perf_counter()
    assert boilerplate_rule(line) is None
    assert time.perf_counter() - started < 1.0
