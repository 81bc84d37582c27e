"""Events in the PLOVER ontology: lexicon, coder, dates."""

from communique.events.coder import EventCoder
from communique.events.dates import resolve_date
from communique.events.ontology import EVENT_TYPES, LEGACY_LABELS, QUAD

__all__ = ["EVENT_TYPES", "LEGACY_LABELS", "QUAD", "EventCoder", "resolve_date"]
