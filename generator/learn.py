"""Learn the section schema from a corpus of reports: report types, parts, topics, fact slots, formulas.

Deterministic: the same corpus always gives the same schema.yaml.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import Problem, ReportgenError
from .names import derive_names
from .script import simplified
from .resources import UNIT, UNITS, data_dir, topic_seeds
from .yamlio import load_data_file
from .topics import HAN_WORD, STOP, best_topic, invert, jieba_tags, words
from .tree import PART_NAMES, Paragraph, Report, Section
from .typography import normalize_line

_NUMBER = re.compile(r"^\d+(\.\d+)?$")
# a number followed by a unit: the only places worth tagging for fact slots
_COUNTED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?:余|多)?" + UNIT)
_CONTENT_POS = ("n", "v", "j", "l", "i")   # nouns, verbs, abbreviations, idioms
TOP_KEYWORDS = 15
OPENINGS = "openings"   # a corpus subfolder of report openings: learned for their formulas only
EXAMPLES = 3


@lru_cache(maxsize=1)
def _data() -> dict:
    topics = topic_seeds()
    formulas = load_data_file(data_dir() / "formulas.yaml")
    return {
        "topics": topics,
        "formulas": {k: [re.compile(p) for p in v] for k, v in formulas["formulas"].items()},
        "committee": [(re.compile(p), r) for p, r in formulas["committee"]],
        "holes": {k: [(re.compile(p), r) for p, r in v] for k, v in formulas["holes"].items()},
        "formulations": [(re.compile(p), r) for p, r in formulas["formulations"]],
    }


@dataclass
class Unit:
    """A section or a lead paragraph: what gets a topic."""
    source: str
    report_type: str
    part: str
    index: float              # relative position in its part, 0..1
    heading: str
    lead: str
    text: str
    is_section: bool
    words: list[str] = field(default_factory=list)
    topic: str = ""


def _units(tree: Report, source: str, rtype: str) -> list[Unit]:
    """Sections and lead paragraphs; each paragraph is segmented once and its words shared."""
    units = []
    cut: dict[int, list[str]] = {}

    def text_words(p: Paragraph) -> list[str]:
        if id(p) not in cut:
            cut[id(p)] = words(p.text)
        return cut[id(p)]

    for part in tree.parts:
        children = [c for c in part.children if isinstance(c, Section) or (
            isinstance(c, Paragraph) and c.lead)]
        for i, child in enumerate(children):
            pos = i / max(len(children) - 1, 1)
            if isinstance(child, Section):
                paras = child.paragraphs
                heading = words(child.heading) * 3
                lead_words = [words(p.lead) if p.lead else [] for p in paras]
                body = [w for p, lw in zip(paras, lead_words) for w in lw + text_words(p)]
                u = Unit(source, rtype, part.role, pos, child.heading, "", "".join(p.full for p in paras), True)
                u.words = heading + body
                units.append(u)
                for p, lw in zip(paras, lead_words):
                    if p.lead:
                        lu = Unit(source, rtype, part.role, pos, child.heading, p.lead, p.text, False)
                        lu.words = heading + lw * 2 + text_words(p)
                        units.append(lu)
            else:
                u = Unit(source, rtype, part.role, pos, "", child.lead, child.text, False)
                u.words = words(child.lead) * 2 + text_words(child)
                units.append(u)
    return units


SEED_WEIGHT = 3.0
CLASSIFIERS = ("个", "名", "家", "位", "项", "批", "所", "种", "户")


def _assign(units: list[Unit], weights: dict[str, dict[str, float]]) -> None:
    index, topics = invert(weights), sorted(weights)
    for u in units:
        u.topic = best_topic(u.words, index, topics)


def learn_topics(units: list[Unit]) -> dict[str, dict[str, float]]:
    """Seed words name the topics; more marking words are learned from the units they assign.

    A learned word must occur in at least two reports; it is weighted by how much more
    often it occurs in the topic than in the corpus, times how common it is in the topic
    (its contribution to the topic's divergence from the corpus).
    """
    seeds = _data()["topics"]
    _assign(units, {t: {w: SEED_WEIGHT for w in ws} for t, ws in seeds.items()})
    total = Counter(w for u in units for w in u.words)
    sources = defaultdict(set)
    for u in units:
        for w in set(u.words):
            sources[w].add(u.source)
    n_all = sum(total.values())
    by_topic: dict[str, Counter] = defaultdict(Counter)
    for u in units:
        if u.topic:
            by_topic[u.topic].update(u.words)
    weights = {}
    for topic, seed_words in seeds.items():
        c = by_topic.get(topic, Counter())
        n_t = sum(c.values()) or 1
        scored = {}
        for w, k in c.items():
            if w in seed_words or len(sources[w]) < 2 or k < 2:
                continue
            p_t, p = k / n_t, total[w] / n_all
            if p_t > p:
                scored[w] = round(p_t * math.log(p_t / p) * 100, 3)
        top = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_KEYWORDS]
        weights[topic] = {**{w: SEED_WEIGHT for w in seed_words}, **dict(top)}
    _assign(units, weights)
    return weights


def _clause(sentence: str, number: str) -> str:
    """The clause of a sentence that holds a number: 共提交提案71件."""
    at = sentence.find(number)
    start = max(sentence.rfind(c, 0, at) for c in ",\uff0c、;\uff1b:\uff1a") + 1
    ends = [i for i in (sentence.find(c, at) for c in ",\uff0c、;\uff1b") if i != -1]
    return normalize_line(sentence[start:min(ends) if ends else len(sentence)]).strip()


def _content(tok: tuple[str, str]) -> bool:
    word, flag = tok
    return flag.startswith(_CONTENT_POS) and len(word) >= 2 and word not in STOP


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of a few words: jieba's segmentation, with tags from its
    dictionary; only words it lacks (开展巡河) go through jieba.posseg's slower tagger."""
    jieba, tags = jieba_tags()
    return [(w, tags.get(w) or _guess_tag(w)) for w in jieba.cut(text)]


@lru_cache(maxsize=4096)
def _guess_tag(word: str) -> str:
    if not HAN_WORD.fullmatch(word):
        return "x"
    import jieba.posseg

    got = list(jieba.posseg.cut(word))
    return got[0].flag if len(got) == 1 else "x"


def fact_slots(units: list[Unit]) -> dict[str, list[dict]]:
    """Numbers with their unit and counted word, per topic: 提案…件, 社情民意信息…篇.

    After a classifier (个, 名, 家…) the counted word follows (34个民主监督小组);
    otherwise it precedes (提案71件, 招商引资6.2亿元).
    """
    found: dict[str, dict[tuple, dict]] = defaultdict(dict)
    for u in units:
        if not u.topic or u.is_section:
            continue
        for sentence in re.split("[。;\uff1b]", u.lead + u.text):
            for m in _COUNTED.finditer(sentence):
                # the regex gives number and unit; only the words around them are tagged
                number, unit = m.group(1), m.group(0)[len(m.group(1)):].lstrip("余多")
                if unit not in UNITS:
                    continue
                left = tagged(sentence[max(0, m.start() - 12):m.start()])[-4:]
                before = [t for t in reversed(left) if _content(t)]
                after = []
                if unit in CLASSIFIERS:
                    after = [t for t in tagged(sentence[m.end():m.end() + 10])[:3]
                             if _content(t) and t[1].startswith("n")]
                pick = after if after else before
                if not pick:
                    continue
                noun = pick[0][0]
                entry = found[u.topic].setdefault((noun, unit), {"名词": noun, "单位": unit, "次数": 0, "例句": []})
                entry["次数"] += 1
                if len(entry["例句"]) < 2:
                    entry["例句"].append({"文字": _clause(sentence, number), "来源": u.source})
    return {t: sorted(v.values(), key=lambda e: (-e["次数"], e["名词"], e["单位"]))[:12]
            for t, v in sorted(found.items())}


# the order matters: longer names before the names inside them
_NAME_ORDER = ("党委", "地区", "全域", "简称", "人大", "政府", "党委简称", "地名")


def report_names(tree: Report) -> dict:
    """The names a report uses for itself, from the region it names."""
    from .identity import region

    where = region(tree)
    return derive_names(where.region, where.parent) if where.region else {}


def abstract(text: str, names: dict, name: str = "") -> str:
    """A learned formula with the report's names as placeholders, holes cut, formulations right."""
    data = _data()
    for rx, repl in data["committee"]:
        text = rx.sub(repl, text)
    for key in _NAME_ORDER:
        if names.get(key):
            text = text.replace(names[key], "{" + key + "}")
    text = text.replace("中共{地区}{党委简称}", "{党委}")  # 中共代县县委: the party committee, written in full
    for rx, repl in data["holes"].get(name, []):
        text = rx.sub(repl, text, count=1)
    for rx, repl in data["formulations"]:
        text = rx.sub(repl, text)
    return text


def formula_name(text: str) -> str | None:
    """Which fixed formula a paragraph is (开头, 致谢, 不足, 结束语), if any."""
    for name, rxs in _data()["formulas"].items():
        if any(rx.search(text) for rx in rxs):
            return name
    return None


def years_as_placeholders(text: str, tree: Report) -> str:
    """Years relative to the meeting: 2019年工作回顾 said in 2020 is {去年}年工作回顾."""
    if not tree.meta.date:
        return text
    year = int(tree.meta.date[:4])
    return text.replace(f"{year}年", "{今年}年").replace(f"{year - 1}年", "{去年}年")


def formulas(trees: list[tuple[str, str, Report]]) -> dict[str, dict[str, list[dict]]]:
    """Formula variants by report type: opening, thanks, shortcomings, closing."""
    out: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
    for source, rtype, tree in trees:
        paragraphs = [p.full for p in tree.children if isinstance(p, Paragraph)]
        for part in tree.parts:
            paragraphs += [p.full for p in part.children if isinstance(p, Paragraph)]
        names = {k: simplified(v) if isinstance(v, str) else v for k, v in report_names(tree).items()}
        for text in map(simplified, paragraphs):  # a formula is written in simplified characters
            name = formula_name(text)
            if name == "开头" and not tree.meta.salutation:
                continue  # a news item's account of the opening, not the report's own words
            if name:
                variant = years_as_placeholders(abstract(normalize_line(text), names, name), tree)
                entry = out[rtype][name].setdefault(variant, {"文本": variant, "来源": []})
                entry["来源"].append(source)
    return {k: {name: sorted(v.values(), key=lambda e: (-len(e["来源"]), e["来源"][0]))
                for name, v in sorted(by_name.items())}
            for k, by_name in sorted(out.items())}


def learn(corpus_dir: str | Path) -> dict:
    from .readers import parse_file, report_files
    from .report_types import bundled

    types = bundled()

    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise ReportgenError(Problem("语料目录不存在或不是目录", str(corpus_dir)))
    files = report_files(corpus_dir)
    if not files:
        raise ReportgenError(Problem("语料目录中没有报告(.txt、.md、.docx)", str(corpus_dir),
                                     hint="先用 reportgen corpus 来源目录 语料目录 生成语料"))
    trees, units = [], []
    for f in files:
        tree = parse_file(f)
        rtype = types.recognise(tree)
        trees.append((f.name, rtype, tree))
        units += _units(tree, f.name, rtype)
    weights = learn_topics(units)
    schema: dict = {"来源": [f.name for f in files], "报告类型": {}}
    # structure is learned from texts that have some (a news item about a report has none;
    # it still gives its formulas)
    structured = [(s, k, t) for s, k, t in trees
                  if any(p.heading or p.sections for p in t.parts)]
    for rtype in sorted({k for _, k, _ in structured}):
        type_trees = [(s, t) for s, k, t in structured if k == rtype]
        parts = defaultdict(lambda: {"出现": 0, "标题": Counter(), "位置": []})
        for _, t in type_trees:
            for i, p in enumerate(t.parts):
                entry = parts[p.role]
                entry["出现"] += 1
                heading = years_as_placeholders(p.number + p.heading, t) if p.heading else "(未标明)"
                entry["标题"][heading] += 1
                entry["位置"].append(i / max(len(t.parts) - 1, 1))
        part_list = []
        for role, entry in sorted(parts.items(), key=lambda kv: (sum(kv[1]["位置"]) / len(kv[1]["位置"]), kv[0])):
            part_units = [u for u in units if u.report_type == rtype and u.part == role and u.topic]
            part_list.append({
                "类别": role,
                "名称": PART_NAMES[role],
                "出现": entry["出现"],
                # most common first; ties keep the corpus order (Counter keeps first-seen order)
                "标题": dict(sorted(entry["标题"].items(), key=lambda kv: -kv[1])),
                "主题": _topics_of(part_units),
            })
        schema["报告类型"][rtype] = {"篇数": len(type_trees), "来源": [s for s, _ in type_trees],
                                    "部分": part_list}
    slots = fact_slots(units)
    schema["主题"] = {t: {"关键词": weights[t], "事实": slots.get(t, [])} for t in _data()["topics"]}
    openings = corpus_dir / OPENINGS
    extra = []
    if openings.is_dir():  # openings of more reports: their formulas, not their (cut-off) structure
        for f in report_files(openings):
            tree = parse_file(f)
            extra.append((f"{OPENINGS}/{f.name}", types.recognise(tree), tree))
    schema["套语"] = formulas(trees + extra)
    return schema


def _topics_of(units: list[Unit]) -> list[dict]:
    by_topic: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        by_topic[u.topic].append(u)
    out = []
    for topic, us in by_topic.items():
        headings = Counter(u.heading for u in us if u.is_section)
        leads = [u for u in us if u.lead]
        out.append({
            "主题": topic,
            "出现": len({u.source for u in us}),
            "位置": round(sum(u.index for u in us) / len(us), 3),
            "标题示例": [{"文字": h, "来源": next(u.source for u in us if u.heading == h and u.is_section)}
                        for h, _ in sorted(headings.items(), key=lambda kv: (-kv[1], kv[0]))[:EXAMPLES]],
            "引语示例": [{"文字": u.lead, "来源": u.source} for u in leads[:EXAMPLES]],
        })
    return sorted(out, key=lambda t: (t["位置"], t["主题"]))


def dump(schema: dict) -> str:
    header = ("# 由 reportgen learn 从语料学得的章节结构。不要手工修改:改语料后重新运行\n"
              "#   reportgen learn corpus/ -o corpus/schema.yaml\n")
    from .output import mark_text

    return mark_text(header + yaml.safe_dump(schema, allow_unicode=True, sort_keys=False, width=120))
