"""Attributed statements (capability C6): who claimed what, with which reporting verb.

Example:
    >>> import communique
    >>> coded = communique.code("Oslo, May 5 (NTB) -- Norway's foreign ministry said on Monday "
    ...                         "that the talks with Sweden had been useful.", published="2025-05-07")
    >>> s = coded.statements[0]
    >>> (s.speaker.code, s.verb, s.claim.text, s.date)
    ('NOR', 'say', 'the talks with Sweden had been useful', '2025-05-05')
"""

from communique.statements.extract import extract_statements
from communique.statements.quotes import Quote, find_quotes

__all__ = ["Quote", "extract_statements", "find_quotes"]
