"""Language identification with lingua, restricted to the languages our users meet.

Restricting the candidate set keeps the detector small and fast; the list covers the languages
of the outlets communique is built for (C13) and the world's main news languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

CANDIDATES = (
    Language.ENGLISH, Language.RUSSIAN, Language.CHINESE, Language.KOREAN, Language.GERMAN,
    Language.FRENCH, Language.SPANISH, Language.ARABIC, Language.JAPANESE, Language.PORTUGUESE,
    Language.ITALIAN, Language.UKRAINIAN, Language.PERSIAN, Language.TURKISH, Language.VIETNAMESE,
)
# Below this many letters, a guess is noise: report the language as unknown.
MIN_LETTERS = 20
# Long texts are identified from their start: 1,500 characters decide as surely as more would
# (lingua's time grows with the sample: 4,000 took a tenth of all the coding time).
SAMPLE_CHARS = 1500
# A short text is mostly names, and names look like whatever language they come from: lingua
# reads "Merkel met Macron in Paris." as Italian. Below this many letters, a guess less sure
# than SURE is made again without the capitalised words inside sentences; when too few letters
# are left, the language cannot be told (None).
SHORT_LETTERS = 200
SURE = 0.5
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*")


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def is_short(text: str) -> bool:
    """Whether ``text`` is short enough that its names can sway the guess (under SHORT_LETTERS
    letters in the sample that is identified)."""
    return _letters(text[:SAMPLE_CHARS].strip()) < SHORT_LETTERS


def _code(language: Language) -> str:
    code: IsoCode639_1 = language.iso_code_639_1
    return code.name.lower()


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too short to tell (fewer than
    MIN_LETTERS letters, or a short text that is names and a few small words).

    Example:
        >>> detect_language("The two sides signed a treaty of friendship in Moscow on Monday.")
        'en'
    """
    sample = text[:SAMPLE_CHARS].strip()
    if _letters(sample) < MIN_LETTERS:
        return None
    if is_short(sample):
        values = _detector().compute_language_confidence_values(sample)
        if values and values[0].value >= SURE:
            return _code(values[0].language)
        sample = _NAME.sub(" ", sample)
        if _letters(sample) < MIN_LETTERS:
            return None
    found = _detector().detect_language_of(sample)
    return None if found is None else _code(found)
