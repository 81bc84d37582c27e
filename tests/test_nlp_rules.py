"""The indexed attribute rules give exactly what the model's own attribute ruler gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from communique.nlp import MODEL_NAME, doc_text, ents_in, load_model
from communique.nlp.rules import compile_rules

# Our own sentences, written to reach the ruler's special cases: pronoun case by dependency,
# "there is", auxiliaries, "gonna"/"ain't"/"y'all", determiners used as pronouns, spaces.
SENTENCES = """\
I ain't gonna sign it, and y'all know that.  Let's see what you gave me.
There is a treaty, and there were two protocols; it was signed by them.
That is what he said: this one did, those did not.  Whatever that was, it's done.
They had done it before he did, but he has the documents.   \n\nDo you have them?
Nothin' is certain.  I'd have gone, had I known.  We gotta go, he's gotta stay.
The Foreign Minister met the ambassador in Moscow on Monday and they signed a memorandum.
"""


def _attributes(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.slow
def test_indexed_rules_equal_the_models_attribute_ruler(examples_dir: Path) -> None:
    nlp = spacy.load(MODEL_NAME)
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = compile_rules(ruler)
    assert indexed is not None, "the pinned model's patterns should all be indexable"
    texts = [SENTENCES] + [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    compared = 0
    for doc in parsed:
        theirs, ours = ruler(doc.copy()), indexed(doc.copy())
        assert _attributes(ours) == _attributes(theirs)
        compared += len(doc)
    assert compared > 1000


@pytest.mark.slow
def test_loaded_pipeline_uses_the_indexed_rules() -> None:
    nlp = load_model()
    assert "attribute_ruler" not in nlp.pipe_names
    assert "communique_indexed_rules" in nlp.pipe_names
    doc = nlp("I ain't gonna do it. There is a treaty.")
    assert [t.lemma_ for t in doc][:4] == ["I", "be", "not", "go"]
    assert doc[0].pos_ == "PRON" and doc[1].pos_ == "AUX"


def test_unknown_pattern_shapes_are_left_to_spacy() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})
    assert compile_rules(ruler) is None


@pytest.mark.slow
def test_cached_text_and_sentence_entities_match_spacy() -> None:
    doc = load_model()("Russia and China met in Beijing on Monday. Putin spoke. Xi Jinping answered in Moscow.")
    assert doc_text(doc) == doc.text
    for sent in doc.sents:
        assert [e.text for e in ents_in(sent)] == [e.text for e in sent.ents]
    whole = doc[0 : len(doc)]
    assert [e.text for e in ents_in(whole)] == [e.text for e in doc.ents]
    partial = doc[1:9]  # cuts "Beijing on Monday" short: spaCy's Span.ents keeps what lies wholly inside
    assert [e.text for e in ents_in(partial)] == [e.text for e in partial.ents]
