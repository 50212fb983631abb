"""Where bundled data lives, installed or in a checkout."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


def templates_dir() -> Path:
    try:
        path = Path(str(resources.files("generator.templates")))
        if (path / "slots.yaml").is_file():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def topic_seeds() -> dict[str, list[str]]:
    """The canonical topics and their seed words (data/topics.yaml)."""
    from .yamlio import load_data

    return load_data((data_dir() / "topics.yaml").read_text(encoding="utf-8"))


def known_topics() -> list[str]:
    return list(topic_seeds())


def schema_path() -> Path:
    """The schema learned from the bundled corpus (installed as generator.corpus)."""
    try:
        path = Path(str(resources.files("generator.corpus"))) / "schema.yaml"
        if path.is_file():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "corpus" / "schema.yaml"


def corpus_dir() -> Path:
    """The bundled corpus: the cleaned seed reports (installed as generator.corpus)."""
    return schema_path().parent
