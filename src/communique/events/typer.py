"""The sentence typer: a small learned model of which PLOVER type a sentence reports, if any.

The rule coder (:mod:`communique.events.coder`) drops a trigger whose arguments it cannot
place: its object is not one the lexicon allows, its subject names no one, the parser hung a
phrase where no rule looks. With the back-off turned on (``COMMUNIQUE_BACK_OFF=1``, or
``EventCoder(back_off=True)``; it is off by default, see docs/benchmarks.md), for a sentence
where that leaves nothing the coder asks this model whether the sentence reads like one that
reports an event, and of which type (``EventCoder._back_off``).

The model is a multinomial logistic regression over features of the parsed sentence (lemmas,
lemma pairs, dependency-labelled content words, head-dependent pairs, entity labels). It is
trained by ``scripts/train_typer.py`` on sentences the communique authors wrote: the
development probe files ``bench/probes/*.jsonl`` (each with its gold type; the held-out files
are left out) and ``bench/typer/none_*.jsonl`` (news-style sentences that report no event,
label ``NONE``). No benchmark or news text goes into it. Its weights are the package data file
``data/sentence_typer.tsv``; reading a sentence needs no numpy, only a sum of weights.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["NONE", "SentenceTyper", "features", "fit", "load_typer"]

NONE = "NONE"  # the label of a sentence that reports no event
_CONTENT = frozenset({"VERB", "NOUN", "ADJ"})
_ARGUMENTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "xcomp", "ccomp"})
DATA_FILE = "sentence_typer.tsv"


def features(sent: Span) -> frozenset[str]:
    """What the model reads of a parsed sentence: ``w=`` lemmas, ``b=`` lemma pairs, content
    words with their dependency (``dobj=embassy``), head and argument (``hd=expel>diplomat``)
    and the labels of named entities (``ent=GPE``)."""
    tokens = [t for t in sent if not (t.is_punct or t.is_space)]
    lemmas = [t.lemma_.lower() for t in tokens]
    out = {f"w={lemma}" for lemma in lemmas}
    out.update(f"b={a}_{b}" for a, b in pairwise(lemmas))
    for token in tokens:
        if token.pos_ in _CONTENT:
            out.add(f"{token.dep_}={token.lemma_.lower()}")
            if token.dep_ in _ARGUMENTS:
                out.add(f"hd={token.head.lemma_.lower()}>{token.lemma_.lower()}")
        if token.ent_type_:
            out.add(f"ent={token.ent_type_}")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class SentenceTyper:
    """Weights of the model: a bias per label and, per feature, its weights by label."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]

    def probabilities(self, sent: Span | Iterable[str]) -> dict[str, float]:
        """Probability of each label (the PLOVER types and ``NONE``) for a sentence, or for
        its :func:`features` already computed."""
        feats = sent if isinstance(sent, (set, frozenset)) else features(sent)  # type: ignore[arg-type]
        scores = list(self.bias)
        for feature in feats:
            for label, weight in self.weights.get(feature, ()):
                scores[label] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps)}

    def to_tsv(self) -> str:
        """The model as the package's data file: one ``feature  label  weight`` row per weight
        (``feature`` is ``<bias>`` for the biases)."""
        rows = [f"<bias>\t{label}\t{b:.4f}" for label, b in zip(self.labels, self.bias)]
        for feature in sorted(self.weights):
            rows.extend(f"{feature}\t{self.labels[i]}\t{w:.4f}" for i, w in self.weights[feature])
        return "\n".join(rows) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> SentenceTyper:
        labels: list[str] = []
        bias: dict[str, float] = {}
        rows: list[tuple[str, str, float]] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                feature, label, cell = line.split("\t")
                weight = float(cell)
            except ValueError:
                raise ValueError(f"{DATA_FILE}:{number}: expected 'feature<TAB>label<TAB>weight', got {line!r}; "
                                 "rebuild the file with scripts/train_typer.py") from None
            rows.append((feature, label, weight))
            if feature == "<bias>":
                labels.append(label)
                bias[label] = weight
        index = {label: i for i, label in enumerate(labels)}
        weights: dict[str, list[tuple[int, float]]] = {}
        for feature, label, weight in rows:
            if feature != "<bias>":
                weights.setdefault(feature, []).append((index[label], weight))
        return cls(tuple(labels), tuple(bias[label] for label in labels), {f: tuple(w) for f, w in weights.items()})


@lru_cache(maxsize=1)
def load_typer() -> SentenceTyper:
    """The trained model shipped with the package (``data/sentence_typer.tsv``)."""
    text = resources.files("communique.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return SentenceTyper.from_tsv(text)


def fit(examples: Sequence[tuple[frozenset[str], str]], *, l2: float = 1e-4, steps: int = 200,
        min_count: int = 2, keep: float = 0.1) -> SentenceTyper:
    """Train the model on (features, label) pairs: softmax regression by full-batch Adam with
    an L2 penalty, on the features seen at least ``min_count`` times; weights smaller than
    ``keep`` are dropped from the result. Deterministic (no random start, no shuffling)."""
    import numpy as np  # only training needs it (it comes with spaCy)

    counts = Counter(f for feats, _ in examples for f in feats)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    labels = tuple(sorted({label for _, label in examples}))
    if len(labels) < 2:
        raise ValueError(f"training needs sentences of at least two labels, got {labels}")
    n, d, k = len(examples), len(vocabulary), len(labels)
    x = np.zeros((n, d), dtype=np.float32)
    for row, (feats, _) in enumerate(examples):
        x[row, [vocabulary[f] for f in feats if f in vocabulary]] = 1.0
    y = np.zeros((n, k), dtype=np.float32)
    y[np.arange(n), [labels.index(label) for _, label in examples]] = 1.0
    w = np.zeros((d, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    moments = {id(p): (np.zeros_like(p), np.zeros_like(p)) for p in (w, b)}
    for step in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        for param, grad in ((w, x.T @ g + l2 * w), (b, g.sum(axis=0))):
            m, v = moments[id(param)]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {
        feature: tuple((j, round(float(w[i, j]), 4)) for j in range(k) if abs(w[i, j]) >= keep)
        for feature, i in vocabulary.items()
    }
    return SentenceTyper(labels, tuple(round(float(v), 4) for v in b), {f: ws for f, ws in weights.items() if ws})
