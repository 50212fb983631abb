"""Where bundled data lives, installed or in a checkout."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _bundled(name: str, probe: str) -> Path:
    """An installed package folder (generator/<name>), else the checkout's top-level one."""
    installed = _HERE / name
    return installed if (installed / probe).is_file() else _HERE.parent / name


def templates_dir() -> Path:
    return _bundled("templates", "slots.yaml")


def data_dir() -> Path:
    return _HERE / "data"


@lru_cache(maxsize=1)
def topic_seeds() -> dict[str, list[str]]:
    """The canonical topics and their seed words (data/topics.yaml)."""
    from .yamlio import load_data_file

    return load_data_file(data_dir() / "topics.yaml")


def known_topics() -> list[str]:
    return list(topic_seeds())


def schema_path() -> Path:
    """The schema learned from the bundled corpus (installed as generator.corpus)."""
    return _bundled("corpus", "schema.yaml") / "schema.yaml"


def corpus_dir() -> Path:
    """The bundled corpus: the cleaned seed reports (installed as generator.corpus)."""
    return schema_path().parent


def topic_years() -> dict[str, tuple[int, int]]:
    """Topics of some years only (疫情防控): the years of reports that may have them."""
    from .yamlio import load_data_file

    return {k: (int(a), int(b)) for k, (a, b) in (load_data_file(data_dir() / "topic_years.yaml") or {}).items()}


# The units a report counts in, and a count with its unit: 379件, 90余次, 6.2亿元.
UNITS = ("人次", "场次", "篇次", "件次", "亿元", "万元", "万余元", "元", "件", "篇", "条", "次", "个",
         "名", "户", "期", "册", "家", "项", "批", "场", "份", "人", "位", "所", "辑", "种")
UNIT = "(?:" + "|".join(sorted(set(UNITS), key=len, reverse=True)) + ")"
COUNTED = r"\d+(?:\.\d+)?(?:余|多)?" + UNIT
AMOUNTS = ("亿元", "万元", "万余元", "元")   # units of money: these may be decimal (6.2亿元)


def whole_unit(unit: str) -> bool:
    """A unit of things counted one by one (件, 次, 人次): its numbers are whole."""
    return unit in UNITS and unit not in AMOUNTS


@lru_cache(maxsize=1)
def counting_verbs() -> tuple[str, ...]:
    """Verbs two counting clauses in a row should not both open with (data/prose.yaml)."""
    from .yamlio import load_data_file

    return tuple(load_data_file(data_dir() / "prose.yaml")["计数动词"])


def repeated_verb(first: str, second: str) -> str | None:
    """The verb both counting clauses open with (开展专题协商6次 / 开展专项视察4次), if any."""
    import re

    head = re.sub(r"^(?:全年|一年来|年内|共|累计|先后)+", "", first)   # 全年开展调研14次
    verb = next((v for v in counting_verbs() if head.startswith(v) and second.startswith(v)), None)
    return verb if verb and re.search(COUNTED, first) and re.search(COUNTED, second) else None
