"""How much text a per-sentence parse (or NER) skip could save: the share of tokens in
sentences without any cue.

usage: python bench/cue_share.py [GOLD_JSONL]   (default: ../shared/benchmarks/dev/gold.jsonl)

A sentence *needs a dependency parse* when a word in it could start an event (a lemma of the
event lexicon), a statement (a reporting verb or speech act) or an agreement (an agreement
noun), or when it names a person (titles are read from the parse). It *needs NER* when it has
a capitalised word after its first, a digit, or a lower-case time word ("yesterday"). The
script parses the texts fully (it measures; it does not skip) and prints the shares as JSON,
with the time each spaCy component takes over the same texts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from communique.agreements.mentions import NOUNS
from communique.clean import clean
from communique.events.lexicon import load_lexicon
from communique.nlp import load_model
from communique.records import RawDocument
from communique.statements.verbs import REPORTING_VERBS, SPEECH_ACTS

DEV = Path(__file__).resolve().parents[2] / "shared/benchmarks/dev/gold.jsonl"
TIME_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow", "week", "month", "year", "ago",
                        "earlier", "later", "morning", "evening", "night", "weekend"})


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    rows = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    texts = [clean(RawDocument(source=str(i), text=r["text"], published=r.get("published"))).text
             for i, r in enumerate(rows)]
    cues = {lemma for lemma, _pos in load_lexicon()} | set(REPORTING_VERBS) | set(SPEECH_ACTS) | set(NOUNS)
    nlp = load_model()
    counts = dict.fromkeys(["sentences", "tokens", "no_parse_cue_sentences", "no_parse_cue_tokens",
                            "no_ner_cue_sentences", "no_ner_cue_tokens"], 0)
    for doc in nlp.pipe(texts):
        for sent in doc.sents:
            counts["sentences"] += 1
            counts["tokens"] += len(sent)
            parse_cue = any(t.lemma_.lower() in cues for t in sent) or any(e.label_ == "PERSON" for e in sent.ents)
            ner_cue = any((t.i > sent.start and t.text[:1].isupper()) or any(c.isdigit() for c in t.text)
                          or t.lower_ in TIME_WORDS for t in sent)
            if not parse_cue:
                counts["no_parse_cue_sentences"] += 1
                counts["no_parse_cue_tokens"] += len(sent)
            if not ner_cue:
                counts["no_ner_cue_sentences"] += 1
                counts["no_ner_cue_tokens"] += len(sent)
    seconds: dict[str, float] = {}
    docs = [nlp.make_doc(t) for t in texts]
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = round(time.process_time() - started, 3)
    total = sum(seconds.values())
    print(json.dumps({
        **counts,
        "share_of_tokens_needing_no_parse": round(counts["no_parse_cue_tokens"] / counts["tokens"], 3),
        "share_of_tokens_needing_no_ner": round(counts["no_ner_cue_tokens"] / counts["tokens"], 3),
        "component_cpu_s": seconds,
        "parser_share_of_pipeline": round(seconds.get("parser", 0) / total, 3),
        "ner_share_of_pipeline": round(seconds.get("ner", 0) / total, 3),
    }, indent=1))


if __name__ == "__main__":
    main()
