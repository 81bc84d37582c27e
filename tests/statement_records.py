"""Hand-built coded documents with statements, shared by the store and CLI tests."""

from __future__ import annotations

from communique.records import CodedDocument, Document, Entity, Evidence, Span, Statement

TEXT = (
    "Norway's foreign ministry said on Monday that the talks with Iceland had failed. "
    '"We expect an apology from Reykjavik," Minister Kari Lund said.'
)
LATER = "Iceland's prime minister said the quotas were fair."

MINISTRY = Entity(
    "Norway's foreign ministry",
    "Norway's foreign ministry",
    "organization",
    code="NOR",
    sector="GOV",
)
LUND = Entity("Kari Lund", "Kari Lund", "person", code="NOR", sector="GOV", office="Minister")
PM = Entity(
    "Iceland's prime minister",
    "Iceland's prime minister",
    "person",
    code="ISL",
    sector="GOV",
    office="prime minister",
)
ICELAND = Entity("Iceland", "Iceland", "state", code="ISL", sector="GOV", start=67, end=74)
REYKJAVIK = Entity("Reykjavik", "Reykjavik", "state", code="ISL", sector="GOV", start=116, end=125)


def statement(
    sid: str,
    doc: Document,
    speaker: Entity,
    claim: str,
    *,
    date: str | None = None,
    direct: bool = False,
    about: tuple[Entity, ...] = (),
) -> Statement:
    start = doc.text.index(claim)
    return Statement(
        id=sid,
        doc_id=doc.id,
        speaker=speaker,
        verb="say",
        claim=Span(start, start + len(claim), claim),
        evidence=Evidence(sentence=0, start=0, end=len(doc.text), text=doc.text),
        direct=direct,
        about=about,
        date=date,
        date_precision="day" if date else None,
    )


def oslo() -> CodedDocument:
    doc = Document(
        id="0a0a0a0a0a0a0a0a",
        text=TEXT,
        source="oslo.txt",
        title="Talks fail",
        outlet="NTB",
        published="2025-03-05",
    )
    return CodedDocument(
        doc=doc,
        actors=(MINISTRY, ICELAND, LUND),
        statements=(
            statement(
                "0a0a0a0a0a0a0a0a-s001",
                doc,
                MINISTRY,
                "the talks with Iceland had failed",
                date="2025-03-03",
                about=(ICELAND,),
            ),
            statement(
                "0a0a0a0a0a0a0a0a-s002",
                doc,
                LUND,
                "We expect an apology from Reykjavik",
                direct=True,
                about=(REYKJAVIK,),
            ),
        ),
    )


def reykjavik() -> CodedDocument:
    doc = Document(id="0b0b0b0b0b0b0b0b", text=LATER, source="rey.txt", published="2025-04-10")
    return CodedDocument(
        doc=doc,
        actors=(PM,),
        statements=(statement("0b0b0b0b0b0b0b0b-s001", doc, PM, "the quotas were fair"),),
    )
