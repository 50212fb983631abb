"""Topics of report sections: words (jieba, for learning) and the learned keyword weights."""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from functools import lru_cache

from .tree import Part, Report, Section

STOP = set("的 了 和 与 及 在 是 为 对 以 把 等 中 上 下 更加 进一步 工作 开展 加强 推进 全面 积极 "
            "政协 委员 我们 一年 一年来 有关 相关 坚持 不断 深入 充分 切实 各项 重要 主要".split())


@lru_cache(maxsize=1)
def jieba_tags():
    """jieba, and the part-of-speech tag of each word of its dictionary."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba, jieba.posseg.dt.word_tag_tab


HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


def words(text: str) -> list[str]:
    """Chinese words of two or more characters, stop words left out (jieba segmentation)."""
    jieba = jieba_tags()[0]
    match = HAN_WORD.fullmatch
    return [w for w in jieba.cut(text) if match(w) and w not in STOP]


def topic_scores(ws: list[str], index: dict[str, list[tuple[str, float]]], topics: list[str]) -> dict[str, float]:
    """How much each topic's marking words weigh in `ws`."""
    scores = dict.fromkeys(topics, 0.0)
    for w in ws:
        for topic, weight in index.get(w, ()):
            scores[topic] += weight
    return scores


def best_topic(ws: list[str], index: dict[str, list[tuple[str, float]]], topics: list[str]) -> str:
    """The topic whose marking words weigh most in `ws` (ties: the first topic in order)."""
    scores = topic_scores(ws, index, topics)
    best = max(topics, key=lambda t: scores[t])
    return best if scores[best] > 0 else ""


def invert(weights: dict[str, dict[str, float]]) -> dict[str, list[tuple[str, float]]]:
    index: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for topic, ws in weights.items():
        for w, weight in ws.items():
            index[w].append((topic, weight))
    return index


class Vocabulary:
    """The topics' marking words found in a text by longest match, without segmenting it:
    as quick as a regular expression, and no dictionary to load (jieba takes most of a second)."""

    def __init__(self, weights: dict[str, dict[str, float]]):
        words_ = sorted({w for ws in weights.values() for w in ws}, key=lambda w: (-len(w), w))
        self.rx = re.compile("|".join(map(re.escape, words_))) if words_ else None
        self.index, self.topics = invert(weights), sorted(weights)

    def words(self, text: str) -> list[str]:
        from .script import simplified

        return self.rx.findall(simplified(text)) if self.rx else []

    def best(self, ws: list[str]) -> str:
        return best_topic(ws, self.index, self.topics)

    def about(self, text: str, topic: str) -> bool:
        """Whether `text` speaks of `topic`: its words weigh for it, at least half as much as
        for any other (三是提案和社情民意信息工作成效显著 speaks of both)."""
        scores = topic_scores(self.words(text), self.index, self.topics)
        return scores.get(topic, 0) > 0 and scores[topic] * 2 >= max(scores.values())


def assign_topics(tree: Report, weights: dict[str, dict[str, float]]) -> None:
    """Give every section of a parsed report its topic, by keyword weights (Schema.keywords)."""
    if not weights:
        return
    vocab = Vocabulary(weights)
    for _, node in tree.walk():
        if isinstance(node, Section) and not isinstance(node, Part):
            leads = "".join(p.lead for p in node.paragraphs)
            text = "".join(p.text for p in node.paragraphs)
            ws = vocab.words(node.heading) * 3 + vocab.words(leads) * 2 + vocab.words(text)
            node.topic = vocab.best(ws)
