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
