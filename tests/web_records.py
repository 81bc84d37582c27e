"""Hand-built coded documents for the web tests (no spaCy model): a dyad over three weeks,
an agreement with clauses, a statement, and an article whose title and text carry markup."""

from __future__ import annotations

from pathlib import Path

from communique.records import (
    Agreement,
    CodedDocument,
    Document,
    Entity,
    Event,
    Evidence,
    Span,
    Statement,
)
from communique.store import Store

XSS_TITLE = '<script>alert(1)</script> Talks " onmouseover="alert(2)'
XSS_TEXT = 'Norway met Sweden. <script>alert(1)</script> quotas " onmouseover="alert(2) x=" <b>bold</b>'


def _entity(text: str, name: str, code: str, body: str, *, office: str | None = None,
            kind: str = "state") -> Entity:
    start = body.index(text)
    return Entity(text, name, kind, code=code, sector="GOV", office=office, start=start,
                  end=start + len(text))


def _evidence(body: str, sentence: str) -> Evidence:
    start = body.index(sentence)
    return Evidence(sentence=0, start=start, end=start + len(sentence), text=sentence)


def _event(doc: Document, suffix: str, kind: str, quad: int, actors: tuple[Entity, ...],
           recipients: tuple[Entity, ...], date: str | None, sentence: str) -> Event:
    return Event(id=f"{doc.id}-e{suffix}", doc_id=doc.id, event=kind, actor=actors,
                 recipient=recipients, evidence=(_evidence(doc.text, sentence),), trigger="x",
                 quad_code=quad, intensity=1.0, date=date, date_precision="day" if date else None)


def signing() -> CodedDocument:
    body = ("Foreign Minister Kari Lund of Norway and Sweden's Erik Berg signed a fisheries "
            "agreement in Oslo. Under the agreement, both sides share catch data. "
            '"This protects our fishermen," Lund said.')
    doc = Document(id="1111111111111111", text=body, source="sign.txt", title="Fisheries accord signed",
                   outlet="Nordic Wire", published="2024-03-05", language="en")
    lund = _entity("Kari Lund", "Kari Lund", "NOR", body, office="Foreign Minister", kind="person")
    berg = _entity("Erik Berg", "Erik Berg", "SWE", body, office="Foreign Minister", kind="person")
    norway = _entity("Norway", "Norway", "NOR", body)
    first = "Foreign Minister Kari Lund of Norway and Sweden's Erik Berg signed a fisheries agreement in Oslo."
    event = _event(doc, "1", "SUPPORT", 2, (lund, berg), (), "2024-03-04", first)
    clause = body.index("both sides share catch data")
    agreement = Agreement(
        id=f"{doc.id}-a1", doc_id=doc.id, title="fisheries agreement", kind="agreement",
        parties=(norway, berg), evidence=(_evidence(body, first),), signatories=(lund, berg),
        date="2024-03-04", date_precision="day", place="Oslo",
        clauses=(Span(clause, clause + len("both sides share catch data"), "both sides share catch data"),))
    claim = body.index("This protects our fishermen")
    said = Statement(
        id=f"{doc.id}-s1", doc_id=doc.id, speaker=lund, verb="say",
        claim=Span(claim, claim + len("This protects our fishermen"), "This protects our fishermen"),
        evidence=_evidence(body, '"This protects our fishermen," Lund said.'), direct=True)
    return CodedDocument(doc=doc, actors=(lund, norway, berg), events=(event,),
                         agreements=(agreement,), statements=(said,))


def accusation() -> CodedDocument:
    body = "Sweden accused Norway of breaking the deal. Norway rejected the claim."
    doc = Document(id="2222222222222222", text=body, source="accuse.txt", title="Sweden accuses Norway",
                   outlet="Baltic Herald", published="2024-03-20", language="en")
    sweden, norway = _entity("Sweden", "Sweden", "SWE", body), _entity("Norway", "Norway", "NOR", body)
    accuse = _event(doc, "1", "ACCUSE", 3, (sweden,), (norway,), "2024-03-20",
                    "Sweden accused Norway of breaking the deal.")
    reject = _event(doc, "2", "REJECT", 3, (norway,), (sweden,), None, "Norway rejected the claim.")
    return CodedDocument(doc=doc, actors=(sweden, norway), events=(accuse, reject))


def markup() -> CodedDocument:
    doc = Document(id="3333333333333333", text=XSS_TEXT, source="xss.txt", title=XSS_TITLE,
                   outlet='Outlet "><b>x</b>', published="2024-04-02", language="en",
                   url="javascript:alert(4)")
    norway = _entity("Norway", "Norway", "NOR", XSS_TEXT)
    sweden = _entity("Sweden", 'Sweden"><script>alert(5)</script>', "SWE", XSS_TEXT)
    meet = _event(doc, "1", "CONSULT", 1, (norway,), (sweden,), "2024-04-01", "Norway met Sweden.")
    return CodedDocument(doc=doc, actors=(norway, sweden), events=(meet,))


def build(path: Path | str) -> Path:
    """A database with the three documents above."""
    with Store(path) as store:
        for coded in (signing(), accusation(), markup()):
            store.add(coded)
    return Path(path)
