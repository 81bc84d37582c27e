"""Events on the PETRARCH-2 validation records (UniversalPetrarch), a second held-out check.

usage: python bench/petr2_gsr.py [PATH_TO/PETR2_GSR_validation.xml]

77 news sentences (mostly AFP) with CAMEO codings: 79 events on 65 sentences (5 of them public
statements, which PLOVER does not code), and 12 sentences marked as having none. The file is read from ../shared and never copied into the repository
(its sentences are third-party news excerpts: internal evaluation only). Its codings are partly
PETRARCH-2's own output checked by hand (silver, not gold), and CAMEO actor codes are read
coarsely: the first three letters as the country (``USAMIL`` → USA; ``IGO…`` → IGO). CAMEO event
codes become PLOVER types through the CAMEO→PLOVER table next to the PLOVER records (longest
code prefix that the table lists). The script prints no sentence and we never read this file's
errors while developing: it measures how the coder generalizes, beside the PLOVER records'
held-out half. Scores:

  type recall        share of gold events whose PLOVER type is among the sentence's events
  event recall       ... with that type, and the gold source country among the event's actor
                     countries and the target country among its recipients' (where given)
  type precision     share of our events, in sentences with gold events, whose type is one of
                     the sentence's gold types
  events on no-event sentences   what we code where the file says nothing happened
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from communique import code

SHARED = Path(__file__).resolve().parents[2] / "shared/benchmarks/external"
DEFAULT = SHARED / "universalpetrarch_petr2_gsr/PETR2_GSR_validation.xml"
TABLE = SHARED / "plover_gsr/CAMEO2PLOVER-2021.txt"
# CAMEO-era pseudo-country prefixes → the codes communique gives.
PREFIXES = {"IGO": "IGO", "NGO": "NGO", "MNC": "MNC", "UNO": "UNO", "EUR": "EUR"}


def plover_types(path: Path = TABLE) -> dict[str, str]:
    """CAMEO code → PLOVER type, from the CAMEO2PLOVER table (``030: AGREE, , diplomatic``)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def plover_type(cameo: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code; ``None`` for public statements (01), which PLOVER does
    not code as events. The table has no rows for CAMEO's appeals (02): PLOVER's REQUEST holds
    both appeals and demands (10)."""
    if cameo.startswith("02"):
        return "REQUEST"
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def country(actor_code: str | None) -> str | None:
    if not actor_code or len(actor_code) < 3 or actor_code == "---":
        return None
    return PREFIXES.get(actor_code[:3], actor_code[:3])


def _attributes(tag: str) -> dict[str, str]:
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """The file's sentences with their codings. It is not well-formed XML (a self-closed
    ``<Sentence/>`` is later closed again), so its tags are read one by one."""
    out: list[dict] = []  # type: ignore[type-arg]
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"<(Sentence|EventCoding)\b[^>]*>|<Text>(.*?)</Text>", text, re.S):
        if m.group(1) == "Sentence":
            out.append({"id": _attributes(m.group(0)).get("id"), "events": [], "none": False, "text": ""})
        elif m.group(1) == "EventCoding" and out:
            found = _attributes(m.group(0))
            if found.get("noevents"):
                out[-1]["none"] = True
            elif found.get("eventcode"):
                out[-1]["events"].append((found["eventcode"], found.get("sourcecode"), found.get("targetcode")))
        elif m.group(2) is not None and out:
            out[-1]["text"] = " ".join(html.unescape(m.group(2)).split())
    return [r for r in out if r["text"]]


def main() -> None:
    args = sys.argv[1:]
    table = plover_types()
    gold_n = type_hits = event_hits = ours_n = ours_ok = none_sentences = none_events = 0
    for record in records(Path(args[0]) if args else DEFAULT):
        events = code(record["text"]).events
        golds = [(plover_type(c, table), country(s), country(t)) for c, s, t in record["events"]]
        golds = [g for g in golds if g[0]]
        if not golds:
            if record["none"]:
                none_sentences += 1
                none_events += len(events)
            continue
        for kind, source, target in golds:
            gold_n += 1
            same_type = [e for e in events if e.event == kind]
            type_hits += bool(same_type)
            event_hits += any(
                (source is None or source in {a.code for a in e.actor})
                and (target is None or target in {r.code for r in e.recipient})
                for e in same_type
            )
        ours_n += len(events)
        ours_ok += sum(e.event in {g[0] for g in golds} for e in events)
    print(json.dumps({
        "gold_events": gold_n,
        "type_recall": round(type_hits / gold_n, 3),
        "event_recall": round(event_hits / gold_n, 3),
        "our_events": ours_n,
        "type_precision": round(ours_ok / ours_n, 3) if ours_n else None,
        "no_event_sentences": none_sentences,
        "events_on_no_event_sentences": none_events,
    }, indent=1))


if __name__ == "__main__":
    main()
