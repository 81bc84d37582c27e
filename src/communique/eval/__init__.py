"""Evaluation against gold annotations (the gold format of DESIGN.md).

An extracted event matches a gold event when the types are equal, the actor and recipient
country sets are equal (one unordered set when the gold event is ``symmetric``), and the dates
are equal where both are given; each gold event matches at most once, in order.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import GoldFormatError

__all__ = ["Scores", "read_gold", "score"]

# An agreement matches by title when this share of the shorter title's words is shared.
TITLE_OVERLAP = 0.5
# A statement matches when this share of the shorter claim's words is shared.
CLAIM_OVERLAP = 0.5
# A person's title matches at this word overlap.
PERSON_TITLE_OVERLAP = 0.6


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file.

    Raises:
        GoldFormatError: a line is not JSON, or has no ``text`` or ``events`` field.
    """
    gold = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or "text" not in item or "events" not in item:
            raise GoldFormatError(f"{path}:{number}: a gold line needs 'text' and 'events' (see DESIGN.md)")
        gold.append(item)
    return gold


def _countries(entities: Iterable[Any] | None) -> frozenset[str]:
    out = set()
    for e in entities or []:
        if isinstance(e, dict):
            code = e.get("country") or e.get("code") or e.get("country_code")
            if code:
                out.add(str(code).upper())
    return frozenset(out)


def _type(event: dict[str, Any]) -> str:
    # The same fields, in the same order, as the reference scorer (benchmarks/score.py).
    value = event.get("event") or event.get("type") or event.get("event_type")
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value or "").upper()


def event_matches(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    """Whether a system event record matches a gold event."""
    if gold["type"] != _type(system):
        return False
    ga, gr = _countries(gold.get("actor")), _countries(gold.get("recipient"))
    sa, sr = _countries(system.get("actor")), _countries(system.get("recipient"))
    if gold.get("symmetric"):
        if ga | gr != sa | sr:
            return False
    elif (ga, gr) != (sa, sr):
        return False
    gd, sd = gold.get("date"), system.get("date")
    return not (gd and sd and str(sd)[:10] != gd)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _overlap(a: str | None, b: str | None) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _ratio(hit: int, total: int) -> float | None:
    return round(hit / total, 3) if total else None


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        T, F, N = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p, r, f1 = _f1(T, F, N)
        per_type = {}
        for t in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            _, _, f = _f1(self.tp[t], self.fp[t], self.fn[t])
            per_type[t] = {"tp": self.tp[t], "fp": self.fp[t], "fn": self.fn[t], "f1": round(f, 3)}
        c = self.counts
        return {
            "events": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "tp": T, "fp": F, "fn": N},
            "per_type": per_type,
            "agreements_recall": _ratio(c["ag_hit"], c["ag_total"]),
            "clause_count_ok": _ratio(c["cl_ok"], c["cl_total"]),
            "statements_recall": _ratio(c["st_hit"], c["st_total"]),
            "people_recall": _ratio(c["pp_hit"], c["pp_total"]),
        }


def score(golds: Sequence[dict[str, Any]], systems: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Score system outputs (``communique code`` objects, in gold order) against gold articles."""
    s = Scores()
    for gold, system in zip(golds, systems, strict=True):
        extracted = list(system.get("events") or [])
        used: set[int] = set()
        for ge in gold["events"]:
            hit = next((i for i, se in enumerate(extracted) if i not in used and event_matches(ge, se)), None)
            if hit is None:
                s.fn[ge["type"]] += 1
            else:
                used.add(hit)
                s.tp[ge["type"]] += 1
        for i, se in enumerate(extracted):
            if i not in used:
                s.fp[_type(se)] += 1
        _score_agreements(gold, system, s.counts)
        _score_statements(gold, system, s.counts)
        _score_people(gold, system, s.counts)
    return s.to_dict()


def _score_agreements(gold: dict[str, Any], system: dict[str, Any], c: Counter[str]) -> None:
    found = list(system.get("agreements") or [])
    for ga in gold.get("agreements", []):
        c["ag_total"] += 1
        c["cl_total"] += ga.get("clauses") is not None
        best = max(found, key=lambda a: _overlap(ga.get("title"), a.get("title")), default=None)
        if best is None or _overlap(ga.get("title"), best.get("title")) < TITLE_OVERLAP:
            continue
        c["ag_hit"] += 1
        n = best.get("clauses")
        n = len(n) if isinstance(n, list) else n
        if ga.get("clauses") is not None and isinstance(n, int) and abs(n - ga["clauses"]) <= 1:
            c["cl_ok"] += 1


def _score_statements(gold: dict[str, Any], system: dict[str, Any], c: Counter[str]) -> None:
    found = list(system.get("statements") or [])
    for gs in gold.get("statements", []):
        c["st_total"] += 1
        speaker = _countries([gs.get("speaker")])
        if any(_overlap(gs.get("claim"), x.get("claim") or x.get("text")) >= CLAIM_OVERLAP
               and (not speaker or _countries([x.get("speaker")]) == speaker) for x in found):
            c["st_hit"] += 1


def _score_people(gold: dict[str, Any], system: dict[str, Any], c: Counter[str]) -> None:
    people = list(system.get("actors") or system.get("people") or [])
    for gp in gold.get("people", []):
        c["pp_total"] += 1
        for p in people:
            name = p.get("entity_name") or p.get("name") or p.get("entity_text") or ""
            title = p.get("office") or p.get("title") or ""
            if _words(gp["name"]) <= _words(name) and (not gp.get("title") or _overlap(gp["title"], title) >= PERSON_TITLE_OVERLAP):
                c["pp_hit"] += 1
                break
