"""Spaces lost between words in scraped copies of fixed-width text.

Some mirrors store an article whose line breaks were dropped instead of turned into spaces:
"rejectedTokyo's demand", "telling hisJapanese counterpart", "OnSaturday", "issues,including".
The parser then reads one unknown word where there were two, and the event or the actor in it
is lost. The repair is careful, since run-together capitals are also spelt on purpose
("McDonald", "iPhone", "MacArthur", "DeSantis", "YouTube"):

- it runs only on a text that shows the fault at least twice: a word that starts with three or
  more lower-case letters and goes on with a capitalised word ("rejectedTokyo"). Well-typed
  news almost never has one (brand names like "easyJet" are rare), so a normal text is left as
  it is;
- a lower-case run of two or more letters at the start of a word, then a capital and a
  lower-case letter, is split ("toldJapanese"), unless the run is a name particle ("deGrasse",
  "vanDyke") or a prefix of a brand ("iPhone" has one letter, so it never matches);
- a capitalised function word run into a capitalised word is split ("OnSaturday", "InBeijing");
  other capitalised pairs are names and stay ("McDonald", "JoJack");
- a comma between two letters gets its space ("issues,including");
- a function word run into "the" is split ("atthe", "ofthe"): no English word is spelt so;
- a capitalised word run into a common auxiliary ("Japanhas", "Moscowwill") is split; the
  auxiliaries are ones no name ends with ("had" ends "Mashhad", "is" "Paris", "and" "Poland",
  so they are left out).
"""

from __future__ import annotations

import re

__all__ = ["repair_joins"]

# A word start: the text's start, a space or an opening quote or bracket (not "@", "#", "/" or
# "." of a handle, tag, path or address).
_START = r"(?<![^\s\"'(\[\u201c\u2018])"
_EVIDENCE = re.compile(_START + r"[a-z]{3,}(?=[A-Z][a-z])")
_LOWER_UPPER = re.compile(_START + r"([a-z]{2,})(?=[A-Z][a-z])")
_FUNCTION_UPPER = re.compile(_START + r"(On|In|At|Of|The|To|For|By|And|With|From)(?=[A-Z][a-z]{2,})")
_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_THE = re.compile(_START + r"(of|in|on|at|to|for|by|from|with|and|that)(?=the\b)")
_AUXILIARY = re.compile(_START + r"([A-Z][a-z]{2,})(?=(?:has|have|was|were|will|would|said|says)\b)")
# Lower-case particles of names written against the next part ("deGrasse", "vanDyke").
_PARTICLES = frozenset(("de", "da", "di", "du", "le", "la", "van", "von", "der", "den", "al", "el", "bin", "ibn", "mc", "mac"))


def repair_joins(text: str) -> str:
    """``text`` with the spaces put back that a scraped copy lost between words.

    Example:
        >>> repair_joins("He rejectedParis's offer and toldBerlin so,again.")
        "He rejected Paris's offer and told Berlin so, again."
        >>> repair_joins("The iPhone maker met McDonald's easyJet unit.")
        "The iPhone maker met McDonald's easyJet unit."
    """
    if len(_EVIDENCE.findall(text)) < 2:
        return text
    text = _LOWER_UPPER.sub(lambda m: m.group(1) if m.group(1) in _PARTICLES else m.group(1) + " ", text)
    text = _FUNCTION_UPPER.sub(r"\1 ", text)
    text = _COMMA.sub(", ", text)
    text = _THE.sub(r"\1 ", text)
    return _AUXILIARY.sub(r"\1 ", text)
