"""Event-type and actor-country accuracy on our own CAMEO probe sentences.

usage: python bench/probes.py [--prefix 14] [--show-errors] [FILE.jsonl ...]
       (--show-errors needs the files named, and refuses the held-out one)

The probes (bench/probes/*.jsonl) are news-style sentences the communique authors wrote, two or
more for each CAMEO code of the CAMEO→PLOVER table, phrased in varied ways (active and passive,
noun and verb triggers, titles, capitals as governments, reported speech). Each line is
``{"id", "cameo", "event", "text", "actor": [codes], "recipient": [codes]}``. They are a
development set we may read freely: the PLOVER gold-standard records' held-out half stays
unread, and these sentences tell whether a rule written for one phrasing generalizes to others.
One file is not for development: ``h_mixed.jsonl`` is held out (score it, never read its
errors with ``--show-errors``), so that each round has an unseen figure of its own.

Scoring follows bench/plover_gsr.py: each sentence is coded alone and its most confident event
is compared with the gold type; among right types, the actor (and recipient, where the gold
has one) country sets are compared. One difference: the coder gives a directed act between
several countries as one event per actor-recipient pair ("urged India and Pakistan" is two
REQUESTs), so here the pairs of the top event's act (same type and trigger) are read together
as the one act a probe's gold describes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from communique import code

HERE = Path(__file__).resolve().parent / "probes"
# Scored, never read: each round's unseen figure.
HELD_OUT = frozenset({"h_mixed.jsonl", "m_mixed.jsonl"})


def load(paths: list[Path], prefix: str = "") -> list[dict]:  # type: ignore[type-arg]
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                sys.exit(f"{path}:{number}: not a JSON line ({err})")
            if str(record.get("cameo", "")).startswith(prefix):
                records.append(record)
    return records


def main() -> None:
    argv = sys.argv[1:]
    prefix = argv[argv.index("--prefix") + 1] if "--prefix" in argv else ""
    show_errors = "--show-errors" in argv
    files = [Path(a) for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--prefix")]
    files = files or sorted(HERE.glob("*.jsonl"))
    if show_errors and any(f.name in HELD_OUT for f in files):
        sys.exit(f"--show-errors never reads the held-out file(s) {sorted(HELD_OUT)}: name the files to read instead")
    records = load(files, prefix)
    n = type_ok = actor_ok = recipient_ok = recipient_n = no_event = 0
    by_type: Counter[tuple[str, bool]] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        gold = record["event"]
        coded = code(record["text"])
        n += 1
        top = max(coded.events, key=lambda e: e.confidence, default=None)
        got = top.event if top else "-"
        confusion[(gold, got)] += 1
        by_type[(gold, got == gold)] += 1
        act = [e for e in coded.events if top and e.event == top.event and e.trigger == top.trigger]
        actor = frozenset(a.code for e in act for a in e.actor if a.code)
        recipient = frozenset(r.code for e in act for r in e.recipient if r.code)
        gold_actor, gold_recipient = frozenset(record.get("actor") or ()), frozenset(record.get("recipient") or ())
        wrong_args = top is not None and got == gold and (actor != gold_actor or (gold_recipient and recipient != gold_recipient))
        if show_errors and (got != gold or wrong_args):
            shown = f"{got} {sorted(actor)}->{sorted(recipient)} ({top.trigger})" if top else "-"
            print(f"{record['id']} {record.get('cameo')} {gold} {sorted(gold_actor)}->{sorted(gold_recipient)} got {shown}\n"
                  f"    {record['text']}", file=sys.stderr)
        if top is None:
            no_event += 1
            continue
        if got != gold:
            continue
        type_ok += 1
        actor_ok += actor == gold_actor
        if gold_recipient:
            recipient_n += 1
            recipient_ok += recipient == gold_recipient
    types = sorted({t for t, _ in by_type})
    result = {
        "sentences": n,
        "type_accuracy": round(type_ok / n, 3) if n else None,
        "no_event": no_event,
        "actor_country_accuracy_on_correct_type": round(actor_ok / type_ok, 3) if type_ok else None,
        "recipient_country_accuracy_on_correct_type": round(recipient_ok / recipient_n, 3) if recipient_n else None,
        "per_type": {t: f"{by_type[(t, True)]}/{by_type[(t, True)] + by_type[(t, False)]}" for t in types},
        "most_common_confusions": [f"{g}->{s}: {c}" for (g, s), c in confusion.most_common() if g != s][:15],
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
