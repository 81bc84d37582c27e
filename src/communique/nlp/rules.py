"""A faster equivalent of the model's attribute ruler.

The English model's ``attribute_ruler`` maps every fine-grained tag to its part of speech and
morphology, and corrects some words ("i", "gonna", "there is"), through spaCy's ``Matcher``:
179 patterns tried at every token. That is an eighth of the whole pipeline's time on news.
:class:`IndexedRules` applies the same rules from indexes (a tag's rules are looked up by the
token's tag, a word's rules by its lower-case form), with the same precedence, so the tokens
come out identical; ``tests/test_nlp_rules.py`` compares the two on our texts.

Only the pattern shapes the model uses are compiled (one or more tokens; ``TAG``, ``LOWER``,
``DEP``, ``IS_SPACE``; exact values, ``IN``, ``NOT_IN``, ``REGEX``). A ruler with any other
shape is left as it is (:func:`compile_rules` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

__all__ = ["IndexedRules", "compile_rules"]

_READERS: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}

Test = Callable[[Any], bool]


def _value_test(value: Any) -> Test | None:
    if isinstance(value, (str, bool)):
        expected = value
        return lambda v: v == expected
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: isinstance(v, str) and pattern.search(v) is not None
    return None


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the ruler's attribute id: later rules win
    tokens: tuple[tuple[tuple[str, Test], ...], ...]
    index: int  # which token of the match the attributes go to
    key: tuple[str, frozenset[Any]] | None  # an attribute of the first token and the values it needs

    looked_up: bool  # finding the pattern by its key is the whole match (one token, one test)

    def matches_at(self, doc: Doc, token: Token) -> bool:
        start = token.i
        if start + len(self.tokens) > len(doc):
            return False
        for offset, tests in enumerate(self.tokens):
            if offset:
                token = doc[start + offset]
            for attr, test in tests:
                if not test(_READERS[attr](token)):
                    return False
        return True


def _key(spec: dict[str, Any]) -> tuple[str, frozenset[Any]] | None:
    for attr in _READERS:  # the most selective attribute first
        value = spec.get(attr)
        if isinstance(value, (str, bool)):
            return attr, frozenset({value})
        if isinstance(value, dict) and set(value) == {"IN"}:
            return attr, frozenset(value["IN"])
    return None


def _compile_pattern(rule: int, pattern: Sequence[dict[str, Any]], index: int) -> _Pattern | None:
    tokens = []
    for spec in pattern:
        tests = []
        for attr, value in spec.items():
            test = _value_test(value)
            if attr not in _READERS or test is None:
                return None
            tests.append((attr, test))
        tokens.append(tuple(tests))
    if not tokens:
        return None
    key = _key(pattern[0])
    return _Pattern(rule, tuple(tokens), index, key, key is not None and len(tokens) == 1 and len(tokens[0]) == 1)


class IndexedRules:
    """The attribute ruler's rules, looked up by tag and word instead of matched one by one."""

    def __init__(self, patterns: list[_Pattern], attrs: list[dict[int, Any]]) -> None:
        self._attrs = attrs
        tables: dict[str, dict[Any, list[_Pattern]]] = {}
        self._scan = [p for p in patterns if p.key is None]  # tried at every token
        for pattern in patterns:
            if pattern.key is None:
                continue
            attr, values = pattern.key
            for value in values:
                tables.setdefault(attr, {}).setdefault(value, []).append(pattern)
        self._tables = [(_READERS[attr], table) for attr, table in tables.items()]

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        # Match everything on the tokens as they are, then set: a rule never sees another's output.
        hits: list[tuple[int, int, int]] = []  # (rule, start, target token)
        for token in doc:
            i = token.i
            for read, table in self._tables:
                for pattern in table.get(read(token), ()):
                    if pattern.looked_up or pattern.matches_at(doc, token):
                        hits.append((pattern.rule, i, i + pattern.index))
            for pattern in self._scan:
                if pattern.matches_at(doc, token):
                    hits.append((pattern.rule, i, i + pattern.index))
        hits.sort()
        merged: dict[int, dict[int, Any]] = {}
        for _rule, _start, target in hits:
            merged.setdefault(target, {}).update(self._attrs[_rule])
        for target, attrs in merged.items():
            set_token_attrs(doc[target], attrs)
        return doc


def compile_rules(ruler: AttributeRuler) -> IndexedRules | None:
    """The ruler's rules, indexed; None when a pattern has a shape this module does not read."""
    compiled: list[_Pattern] = []
    # spaCy types a pattern spec as a TypedDict whose values mypy cannot tell apart.
    for rule, spec in enumerate(cast(list[dict[str, Any]], ruler.patterns)):
        for pattern in spec["patterns"]:
            index = spec.get("index", 0)
            if index < 0:
                index += len(pattern)
            found = _compile_pattern(rule, pattern, index)
            if found is None or not 0 <= index < len(pattern):
                return None
            compiled.append(found)
    return IndexedRules(compiled, [dict(a) for a in ruler.attrs])
