"""Hand-built documents with events, agreements and statements, and actor rows, for the export
and plot tests (no spaCy model)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from communique.events.ontology import EVENT_TYPES, INTENSITY, QUAD
from communique.records import (
    Agreement,
    CodedDocument,
    Dateline,
    Document,
    Entity,
    Event,
    Evidence,
    Span,
)
from communique.store import Store
from statement_records import oslo, reykjavik

OSLO_TEXT = (
    "OSLO, May 6 (Example Wire) -- Norway's foreign minister Kari Nordmann met\tChile's envoy on Monday. "
    'The "Blue Coast" fisheries pact was signed by both countries.\n'
    "The United Nations urged both sides to share catch data. Protesters blocked the port."
)
LIMA_TEXT = "Peru recalled its ambassador from Chile after border guards exchanged fire."

KARI = Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", sector="GOV", office="Foreign Minister",
              start=58, end=71)
NORWAY = Entity("Norway's", "Norway", "state", code="NOR", sector="GOV", start=30, end=38)
ENVOY = Entity("Chile's envoy", "Envoy of Chile", "person", code="CHL", sector="GOV", office="Envoy")
CHILE = Entity("Chile", "Chile", "state", code="CHL", sector="GOV")
UN = Entity("The United Nations", "United Nations", "organization", code="IGO", sector="GOV")
# A raw name with a tab and a line break in it: the POLECAT TSV must not split on them.
PROTESTERS = Entity("Protest-\ners\tat the port", "protesters", "group", code="NOR", sector="CVL")
WIRE = Entity("Example Wire", "Example Wire", "organization", code="NOR", sector="JRN")
PERU = Entity("Peru", "Peru", "state", code="PER", sector="GOV")
GUARDS = Entity("border guards", "border guards", "group", code="PER", sector="MIL")


def _event(event_id: str, doc: Document, kind: str, actor: tuple[Entity, ...], recipient: tuple[Entity, ...],
           sentence: str, **extra: Any) -> Event:
    start = doc.text.index(sentence)
    return Event(id=event_id, doc_id=doc.id, event=kind, actor=actor, recipient=recipient,
                 evidence=(Evidence(0, start, start + len(sentence), sentence),), trigger=sentence.split()[1],
                 quad_code=QUAD[kind], intensity=INTENSITY[kind], confidence=0.8, **extra)


def oslo_events() -> CodedDocument:
    doc = Document(id="e0e0e0e0e0e0e0e0", text=OSLO_TEXT, source="oslo-wire.txt", title="Fish pact signed",
                   outlet="Example Wire", published="2024-05-07", language="en",
                   dateline=Dateline("OSLO, May 6 (Example Wire) --", "Oslo", "Example Wire", 5, 6))
    meet = _event("e0e0e0e0e0e0e0e0-e001", doc, "CONSULT", (KARI, NORWAY), (ENVOY,),
                  "Norway's foreign minister Kari Nordmann met\tChile's envoy on Monday.",
                  mode="meet", context=("diplomatic",), date="2024-05-06", date_precision="day", location="Oslo",
                  cameo="043")
    sign = _event("e0e0e0e0e0e0e0e0-e002", doc, "SUPPORT", (NORWAY, CHILE), (),
                  'The "Blue Coast" fisheries pact was signed by both countries.',
                  context=("economic", "environment"), symmetric=True, date="2024-05", date_precision="month",
                  cameo="057")
    urge = _event("e0e0e0e0e0e0e0e0-e003", doc, "REQUEST", (UN,), (NORWAY, CHILE),
                  "The United Nations urged both sides to share catch data.")
    block = _event("e0e0e0e0e0e0e0e0-e004", doc, "PROTEST", (PROTESTERS,), (), "Protesters blocked the port.",
                   mode="demonstrate", date="2024-05-06", date_precision="day")
    pact = Agreement(
        id="e0e0e0e0e0e0e0e0-a001", doc_id=doc.id, title='"Blue Coast" fisheries pact', kind="agreement",
        parties=(NORWAY, CHILE), signatories=(KARI,), evidence=sign.evidence, date="2024-05-06",
        date_precision="day", place="Oslo",
        clauses=(Span(0, 10, "share catch data"), Span(20, 40, "patrol\tthe coast\njointly")),
    )
    return CodedDocument(doc=doc, actors=(NORWAY, KARI, ENVOY, CHILE, UN, PROTESTERS, WIRE),
                         events=(meet, sign, urge, block), agreements=(pact,))


def lima_events() -> CodedDocument:
    doc = Document(id="e1e1e1e1e1e1e1e1", text=LIMA_TEXT, source="lima.txt", published="2024-06-12")
    recall = _event("e1e1e1e1e1e1e1e1-e001", doc, "SANCTION", (PERU,), (CHILE,), LIMA_TEXT,
                    mode="withdraw", date="2024-06-11", date_precision="day")
    fire = _event("e1e1e1e1e1e1e1e1-e002", doc, "ASSAULT", (GUARDS,), (CHILE,), LIMA_TEXT)
    return CodedDocument(doc=doc, actors=(PERU, CHILE, GUARDS), events=(recall, fire))


def fill(store: Store) -> Store:
    """A store holding the documents above and the statement documents of statement_records."""
    for coded in (oslo_events(), lima_events(), oslo(), reykjavik()):
        store.add(coded)
    return store


# Actor rows as `Store.actors()` lists them (one per name and kind), written by hand so that
# the export of actors is tested without depending on how the store groups them.
ACTOR_ROWS: list[dict[str, Any]] = [
    {"name": "Kari Nordmann", "kind": "person", "country": "NOR", "sector": "GOV", "office": "Foreign Minister",
     "offices": ["Foreign Minister", "minister"], "organization": "Ministry of Foreign Affairs", "documents": 2,
     "events": 3, "first_published": "2024-05-07", "last_published": "2024-06-01"},
    {"name": "United Nations", "kind": "organization", "country": "IGO", "sector": "GOV", "office": None,
     "offices": [], "organization": None, "documents": 1, "events": 1, "first_published": "2024-05-07",
     "last_published": "2024-05-07"},
    {"name": "Peru", "kind": "state", "country": "PER", "sector": "GOV", "office": None, "offices": [],
     "organization": None, "documents": 1, "events": 2, "first_published": None, "last_published": None},
]


def synthetic_events(n: int, *, seed: int = 3) -> list[dict[str, Any]]:
    """n event records shaped like ``Store.events()`` rows, over 60 countries and four years."""
    rng = random.Random(seed)
    codes = ["PRK", "RUS", "USA", "CHN", "KOR", "JPN", "UKR", "IRN", "IGO", "UNO"] + [f"C{i:02d}" for i in range(50)]
    start = dt.date(2021, 1, 1)
    records = []
    for i in range(n):
        kind = rng.choice(EVENT_TYPES)
        a, b = rng.sample(codes[:10] if rng.random() < 0.7 else codes, 2)
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        records.append({
            "id": f"syn-{i}", "doc_id": f"doc-{i // 5}", "event": kind, "quad_code": QUAD[kind],
            "intensity": INTENSITY[kind], "date": day.isoformat() if rng.random() < 0.9 else None,
            "doc_published": day.isoformat(), "symmetric": kind == "CONSULT",
            "actor": [{"entity_name": f"{a} government", "code": a}],
            "recipient": [{"entity_name": f"{b} government", "code": b}],
        })
    return records
