"""A line filter for boilerplate that survives in text: menus, mailing-list calls, footers.

HTML boilerplate is removed by trafilatura before we get here; these rules catch what is left
in plain text (copied pages, exports) and what trafilatura keeps. Each rule is a named pattern
so that a line's removal can be explained.
"""

from __future__ import annotations

import re

# A line made only of bracketed items: "[English] [Русский] [中国语] [Deutsch]".
_BRACKET_MENU = re.compile(r"^(\s*\[[^\]\n]{1,40}\]\s*){2,}$")
# "Category: English | Views: 1806 | Added by: x | Tags: y" and other "Key: value | ..." footers.
_KEY_VALUE_FOOTER = re.compile(r"^(?:\s*[A-Z][\w ]{0,20}:\s*[^|\n]*\|){2,}")
# View / comment counters: "Views: 1806", "Total comments: 0", "1,234 views". A "Key: number"
# counter needs no word boundary after it: page elements run together ("Total comments: 0Find…").
_COUNTER = re.compile(
    r"^\s*(?:(?:total\s+)?(?:views?|comments?|hits|reads|shares?)\s*:\s*\d[\d,]*"
    r"|\d[\d,]*\s+(?:views?|comments?|shares?)\b)",
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
# A navigation bar: three or more short ALL-CAPS or single-script tokens and nothing else
# ("US EUROPE AFRICA ASIA 中文").
_NAV_BAR = re.compile(r"^\s*(?:[A-Z]{2,12}|[\u4e00-\u9fff]{1,4})(?:\s+(?:[A-Z]{2,12}|[\u4e00-\u9fff]{1,4})){2,}\s*$")

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("language-menu", _BRACKET_MENU),
    ("key-value-footer", _KEY_VALUE_FOOTER),
    ("counter", _COUNTER),
    ("call-to-action", _CALL_TO_ACTION),
    ("navigation-bar", _NAV_BAR),
)


def boilerplate_rule(line: str) -> str | None:
    """Name the rule that marks ``line`` as boilerplate, or None for an article line.

    Example:
        >>> boilerplate_rule("[English] [Русский] [Deutsch]")
        'language-menu'
        >>> boilerplate_rule("The DPRK and Russia call for stability.") is None
        True
    """
    for name, pattern in RULES:
        if pattern.search(line):
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
