"""reportgen suggest: headings, lead sentences and typical formulations for a topic, from the corpus."""
from __future__ import annotations

import re
from pathlib import Path

from .topics import Vocabulary
from .tree import Paragraph, Section, walk

_SENTENCES = re.compile("[^。!?\uff01\uff1f;\uff1b]+[。!?\uff01\uff1f;\uff1b]")
TOP = 5


def _scorer(schema):
    weights = schema.keywords
    vocab = Vocabulary(weights)

    def score(text: str) -> dict[str, float]:
        ws = vocab.words(text)
        return {t: sum(w.get(x, 0.0) for x in ws) for t, w in weights.items()}
    return score


def suggest(topic: str, schema, corpus_dir: Path, part: str | None = None) -> dict[str, list]:
    """{"标题": [(text, source, score)], "引语": […], "表述": […]} for one topic, best first."""
    from .readers import parse_file, report_files

    score = _scorer(schema)
    found: dict[str, dict[str, tuple]] = {"标题": {}, "引语": {}, "表述": {}}

    def add(what: str, text: str, source: str):
        s = score(text)
        best = max(sorted(s), key=lambda t: s[t])
        if best == topic and s[best] > 0 and text not in found[what]:
            found[what][text] = (text, source, round(s[best] / max(len(text), 1) * 100, 2))

    for f in report_files(corpus_dir):
        tree = parse_file(f)
        for p in tree.parts:
            if part and p.role != part:
                continue
            for _, node in walk(p.children):
                if isinstance(node, Section) and node.heading:
                    add("标题", node.heading, f.name)
                elif isinstance(node, Paragraph):
                    if node.lead:
                        add("引语", node.lead, f.name)
                    for sentence in _SENTENCES.findall(node.text):
                        if 12 <= len(sentence) <= 80:
                            add("表述", sentence.strip(), f.name)
    return {k: sorted(v.values(), key=lambda x: (-x[2], x[1], x[0]))[:TOP] for k, v in found.items()}
