"""A line filter for boilerplate that survives in text: menus, mailing-list calls, footers.

HTML boilerplate is removed by trafilatura before we get here; these rules catch what is left
in plain text (copied pages, exports) and what trafilatura keeps. Each rule is a named pattern
so that a line's removal can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A line made only of bracketed items: "[English] [Русский] [中国语] [Deutsch]". One optional
# run of spaces per item: two adjacent ones (``\]\s*`` then ``\s*\[``) backtrack exponentially
# on a long line of items that fails at its end.
_BRACKET_MENU = re.compile(r"^\s*(?:\[[^\]\n]{1,40}\]\s*){2,}$")
# "Category: English | Views: 1806 | Added by: x | Tags: y" and other "Key: value | ..." footers.
_KEY_VALUE_FOOTER = re.compile(r"^(?:\s*[A-Z][\w ]{0,20}:\s*[^|\n]*\|){2,}")
# View / comment counters: "Views: 1806", "Total comments: 0", "1,234 views", "12 comments".
# A "Key: number" counter may run into the next page element ("Total comments: 0Find…"), so
# it needs no word boundary, only not a sentence going on ("Shares: 1,200 shares were sold").
# A "number word" counter is the whole line ("1,200 views", "1.2K views · 3 comments"): a
# sentence may start that way ("1,200 views were expressed at the forum").
_COUNTER_WORD = r"(?:views?|comments?|hits|reads|shares?|likes?)"
_COUNTER = re.compile(
    rf"^\s*(?:total\s+)?{_COUNTER_WORD}\s*:\s*\d[\d,.]*(?:\s*$|\s*[|·•]|(?=[^\W\d_]))"
    rf"|^\s*(?:\d[\d,.]*[km]?\s+{_COUNTER_WORD}\s*[|·•,]?\s*)+$",
    re.IGNORECASE,
)
# Calls to action of page chrome. Anchored phrases, so a sentence merely mentioning them stays.
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:join (?:the|our) [\w.\- ]{0,40}mailing list|subscribe to (?:our|the) \w+"
    r"|sign up for (?:our|the) \w+|find an? [\w ]{1,40} job!?|follow us on \w+"
    r"|share (?:this|on) \w+|click here\b|read more\b|related (?:articles|news|stories)\b"
    r"|blog comments powered by|comments are closed\.?$|all rights reserved\b"
    r"|copyright\s*(?:©|\(c\))|©\s*\d{4}|advertisement\s*$|print\s*$|email\s*$)",
    re.IGNORECASE,
)

# Navigation bars. A menu is a row of short items, each a section, region or language name,
# with no sentence in it: "US EUROPE AFRICA ASIA 中文", "HOME | NEWS | SPORTS", "News / Politics
# / Editor's Choice". An all-caps headline ("ENVOY MEETS MINISTER IN CAPITAL") has the shape of
# a menu but not its words: it has verbs, function words, names. So a row of items separated by
# spaces only is a menu when every item is a known menu word; a row with explicit separators
# is one when every item is a short run of words without digits or sentence punctuation.
NAV_WORDS = frozenset(
    (
        # sections
        "home", "news", "world", "sport", "sports", "business", "politics", "economy", "opinion",
        "opinions", "culture", "science", "tech", "technology", "health", "video", "videos",
        "photo", "photos", "gallery", "multimedia", "weather", "travel", "entertainment",
        "lifestyle", "life", "style", "arts", "books", "education", "environment", "climate",
        "society", "local", "national", "international", "region", "regions", "markets", "money",
        "finance", "editorial", "editorials", "analysis", "features", "interviews", "interview",
        "about", "contact", "contacts", "search", "login", "register", "subscribe", "archive",
        "archives", "more", "menu", "latest", "top", "trending", "blogs", "blog", "podcasts",
        "games", "jobs", "careers", "newsletters", "events", "military", "defense", "defence",
        "security", "diplomacy", "focus", "commentary", "columns", "feature", "special", "reports",
        "media", "press", "releases",
        # regions
        "us", "usa", "uk", "eu", "europe", "africa", "asia", "americas", "america", "oceania",
        "pacific", "asia-pacific", "mideast", "middle", "east", "latin", "arctic",
        # languages (names and codes)
        "english", "russian", "german", "french", "spanish", "chinese", "korean", "japanese",
        "arabic", "portuguese", "italian", "ukrainian", "persian", "turkish", "vietnamese",
        "русский", "deutsch", "français", "español", "português", "italiano", "українська",
        "türkçe", "العربية", "فارسی", "中文", "中国语", "日本語", "한국어", "en", "ru", "de", "fr", "es", "zh",
        "ko", "ja", "ar",
    )
)
# A menu item in a script without case: a short run of Han, Hangul or kana ("中文", "한국어").
_SHORT_CJK_ITEM = re.compile(r"^[\u4e00-\u9fff\uac00-\ud7af\u3040-\u30ff]{1,4}$")
_NAV_SEPARATOR = re.compile(r"\s*(?:\||•|·|»|›|::)\s*|\s+(?:/|>|>>)\s+")
# An item between explicit separators: one to three words of letters ("Editor's Choice").
_NAV_ITEM = re.compile(r"^[^\W\d_][\w'’&.-]*(?:\s+[^\W\d_&][\w'’&.-]*){0,2}$")
MIN_NAV_ITEMS = 3
MAX_NAV_ITEM_CHARS = 30


def _is_nav_bar(line: str) -> bool:
    items = [item for item in _NAV_SEPARATOR.split(line.strip()) if item]
    if len(items) >= MIN_NAV_ITEMS:
        return all(
            len(item) <= MAX_NAV_ITEM_CHARS
            and _NAV_ITEM.match(item) is not None
            and not re.search(r"\d", item)
            for item in items
        )
    words = line.split()
    return len(words) >= MIN_NAV_ITEMS and all(
        word.casefold() in NAV_WORDS or _SHORT_CJK_ITEM.match(word) is not None for word in words
    )


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda line: pattern.search(line) is not None


RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("language-menu", _matches(_BRACKET_MENU)),
    ("key-value-footer", _matches(_KEY_VALUE_FOOTER)),
    ("counter", _matches(_COUNTER)),
    ("call-to-action", _matches(_CALL_TO_ACTION)),
    ("navigation-bar", _is_nav_bar),
)


def boilerplate_rule(line: str) -> str | None:
    """Name the rule that marks ``line`` as boilerplate, or None for an article line.

    Example:
        >>> boilerplate_rule("[English] [Русский] [Deutsch]")
        'language-menu'
        >>> boilerplate_rule("The DPRK and Russia call for stability.") is None
        True
    """
    for name, rule in RULES:
        if rule(line):
            return name
    return None


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate lines from ``text``, keeping the line structure of the rest.

    A line such as ``Total comments: 0Find a Security Clearance Job!`` (two page elements run
    together) goes as a whole; runs of blank lines left behind collapse to one blank line.
    """
    kept: list[str] = []
    for line in text.splitlines():
        if line.strip() and boilerplate_rule(line) is not None:
            continue
        if not line.strip() and kept and not kept[-1].strip():
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()
