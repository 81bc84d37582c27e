"""Agreement extraction (C5): signed agreements, declarations, memoranda and communiqués.

``extract_agreements`` reads a parsed, actor-resolved document and returns one
:class:`~communique.records.Agreement` per agreement, with its title in the text's words, kind,
parties, signatories, date, place and the clauses the text enumerates. Modules:
:mod:`~communique.agreements.mentions` (agreement nouns, titles, signing verbs and whether the
signing is a fact), :mod:`~communique.agreements.clauses` (enumerated commitments) and
:mod:`~communique.agreements.extract` (grouping mentions into records).
"""

from communique.agreements.extract import extract_agreements

__all__ = ["extract_agreements"]
