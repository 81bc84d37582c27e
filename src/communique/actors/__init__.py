"""Actors: states, organizations and people, resolved to PLOVER country codes and sectors."""

from communique.actors.gazetteer import Gazetteer, load_gazetteer
from communique.actors.resolve import ActorResolver, DocActors, resolve_actors

__all__ = ["ActorResolver", "DocActors", "Gazetteer", "load_gazetteer", "resolve_actors"]
