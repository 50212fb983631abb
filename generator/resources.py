"""Where bundled data lives, installed or in a checkout."""
from __future__ import annotations

import os
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


def cache_dir(name: str) -> Path | None:
    """A folder of the user cache (~/.cache/reportgen/<name>) kept between runs, or None
    when it cannot be written or REPORTGEN_NO_CACHE=1 turns caching off."""
    if os.environ.get("REPORTGEN_NO_CACHE"):
        return None
    path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen" / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


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
