"""The PLOVER ontology: the 16 event types, their quad classes, modes and intensities.

Intensities follow the Goldstein weights of the CAMEO root codes that map to each type and
mode (cooperation positive, conflict negative, -10..10), so they are comparable with the
values GDELT users know.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict.
QUAD = {t: 1 for t in EVENT_TYPES[:4]} | {t: 2 for t in EVENT_TYPES[4:7]} | {t: 3 for t in EVENT_TYPES[7:11]} | {t: 4 for t in EVENT_TYPES[11:]}
# Default intensity per type: Goldstein weight of the type's main CAMEO root.
INTENSITY = {
    "AGREE": 4.0, "CONSULT": 1.0, "SUPPORT": 3.5, "CONCEDE": 5.0,
    "COOPERATE": 6.0, "AID": 7.0, "RETREAT": 5.0,
    "REQUEST": -5.0, "ACCUSE": -2.0, "REJECT": -4.0, "THREATEN": -6.0,
    "PROTEST": -6.5, "SANCTION": -4.0, "MOBILIZE": -7.2, "COERCE": -7.0, "ASSAULT": -9.0,
}
# Old labels of the PLOVER gold-standard records (PLOVER 0.5) → current types.
LEGACY_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True, slots=True)
class CameoMapping:
    cameo: str
    event: str
    mode: str | None
    context: str | None
    goldstein: float | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoMapping]:
    """Our CAMEO → PLOVER mapping (``data/cameo_plover.tsv``), keyed by CAMEO code."""
    text = resources.files("communique.data").joinpath("cameo_plover.tsv").read_text(encoding="utf-8")
    table = {}
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        cameo, event, mode, context, goldstein = (cell.strip() for cell in row[:5])
        table[cameo] = CameoMapping(cameo, event, mode or None, context or None, float(goldstein) if goldstein else None)
    return table


def intensity(event: str, cameo: str | None = None) -> float:
    """Intensity of an event: its CAMEO code's Goldstein weight when known, else the type's."""
    if cameo:
        found = cameo_table().get(cameo)
        if found is not None and found.goldstein is not None:
            return found.goldstein
    return INTENSITY[event]
