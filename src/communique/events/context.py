"""The state the event coder keeps while it reads one document (:class:`CodingContext`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.actors.gazetteer import load_gazetteer
from communique.actors.resolve import DocActors
from communique.records import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class CodingContext:
    """What the coder remembers while reading a document.

    Other extractors (agreements, statements) build one to resolve their arguments with
    :meth:`EventCoder.entities` exactly as the event coder does.
    """

    document: Document
    actors: DocActors
    last_subject: tuple[Entity, ...] = ()
    last_parties: tuple[Entity, ...] = ()  # both sides of the last two-party event
    pair: tuple[Entity, ...] = ()
    sentence_place: dict[int, str | None] = field(default_factory=dict)
    # Recipient by default of an event that names none, by (type, sentence index).
    default_recipients: dict[tuple[str, int], tuple[Entity, ...]] = field(default_factory=dict)

    def here(self) -> Entity | None:
        """The state of the dateline's place, for "here" in a dispatch."""
        dateline = self.document.dateline
        code = self.actors.fallback_country
        if dateline is None or not dateline.place or code is None:
            return None
        return Entity(entity_text="here", entity_name=dateline.place, kind="state", code=code, sector="GOV")

    def is_title(self, token: Token) -> bool:
        titles = load_gazetteer().titles
        return token.lower_ in titles or token.lemma_.lower() in titles

    def country_of(self, place: str) -> str | None:
        gaz = load_gazetteer()
        bare = place.removeprefix("the ").strip()
        found = gaz.countries.get(place) or gaz.countries.get(bare) or gaz.places.get(place) or gaz.places.get(bare)
        return found[0] if found else None
