"""Event-type and actor-country accuracy on the PLOVER gold-standard records.

usage: python bench/plover_gsr.py [PATH_TO/PLOVER_GSR_CAMEO.json] [--json]

The records (CC BY-SA 4.0) are read from ../shared and never copied into the package. Old
labels are mapped to the current 16 types (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE,
FIGHT→ASSAULT). For each sentence we code it alone (no publication date) and take the event
communique is most confident about:
  type accuracy        share of sentences whose top event has the gold type
                       (a sentence with no event counts as wrong);
  actor country acc.   among sentences whose type is right, share whose actor country set
                       equals the gold source set (``JAP`` in the file is Japan, JPN);
  recipient country    same for recipients, where the gold has a target.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from communique import code
from communique.events import LEGACY_LABELS

DEFAULT = Path(__file__).resolve().parents[2] / "shared/benchmarks/external/plover_gsr/PLOVER_GSR_CAMEO.json"
# Old CAMEO-era codes in the file → ISO 3166-1 alpha-3.
OLD_CODES = {"JAP": "JPN", "UK": "GBR"}


def _codes(entities: object) -> frozenset[str]:
    if not isinstance(entities, list):
        return frozenset()
    return frozenset(OLD_CODES.get(e.get("code", ""), e.get("code", "")) for e in entities if e.get("code"))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    records = [r for r in json.loads(path.read_text()) if r.get("event") and r.get("text")]
    n = type_ok = actor_ok = recipient_ok = recipient_n = no_event = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        gold = LEGACY_LABELS.get(record["event"], record["event"])
        coded = code(record["text"])
        n += 1
        if not coded.events:
            no_event += 1
            confusion[(gold, "-")] += 1
            continue
        top = max(coded.events, key=lambda e: e.confidence)
        same_type = [e for e in coded.events if e.event == gold]
        confusion[(gold, top.event)] += 1
        if not same_type:
            continue
        type_ok += top.event == gold
        event = same_type[0] if top.event != gold else top
        if top.event != gold:
            continue
        gold_actor, gold_recipient = _codes(record.get("source")), _codes(record.get("target"))
        actor_ok += frozenset(a.code for a in event.actor if a.code) == gold_actor
        if gold_recipient:
            recipient_n += 1
            recipient_ok += frozenset(r.code for r in event.recipient if r.code) == gold_recipient
    result = {
        "sentences": n,
        "type_accuracy": round(type_ok / n, 3),
        "no_event": no_event,
        "actor_country_accuracy_on_correct_type": round(actor_ok / type_ok, 3) if type_ok else None,
        "recipient_country_accuracy_on_correct_type": round(recipient_ok / recipient_n, 3) if recipient_n else None,
        "most_common_confusions": [f"{g}->{s}: {c}" for (g, s), c in confusion.most_common(40) if g != s][:12],
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
