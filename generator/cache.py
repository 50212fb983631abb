"""The user cache (~/.cache/reportgen): things that are slow to make and the same every time.

Entries are marshal data behind a digest of their bytes, keyed by what they depend on; a
damaged entry reads as missing and is made again. A cache that cannot be found or written
only costs time; REPORTGEN_NO_CACHE=1 turns it off.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

MISS = object()
_DIGEST = 20  # bytes of sha1 in front of each entry


def folder(name: str) -> Path | None:
    """~/.cache/reportgen/<name> (or under $XDG_CACHE_HOME), or None when unusable."""
    if os.environ.get("REPORTGEN_NO_CACHE"):
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        path = Path(base) / "reportgen" / name
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError, KeyError):  # no home (a container's arbitrary user), no room
        return None
    return path if os.access(path, os.W_OK) else None


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """What every cached entry also depends on: Python, this package's code (name, size and
    time of each module) and the libraries that make the entries."""
    here = Path(__file__).resolve().parent
    parts = [sys.version, *(f"{p.relative_to(here)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
                            for p in sorted(here.rglob("*.py")))]
    for lib in ("docx", "yaml"):
        try:
            import importlib.util

            spec = importlib.util.find_spec(lib)
            st = Path(spec.origin).stat() if spec and spec.origin else None
            parts.append(f"{lib}:{st and (st.st_size, st.st_mtime_ns)}")
        except (ImportError, OSError, ValueError):
            parts.append(f"{lib}:?")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


def key(*parts: object) -> str:
    """A file-name key for an entry made from `parts` by the current code."""
    return hashlib.sha1(repr((code_stamp(), parts)).encode()).hexdigest()


def load(name: str, entry: str):
    """The value kept as `entry` in folder `name`, or MISS."""
    where = folder(name)
    if where is None:
        return MISS
    try:
        raw = (where / f"{entry}.marshal").read_bytes()
    except OSError:
        return MISS
    payload = raw[_DIGEST:]
    if hashlib.sha1(payload).digest() != raw[:_DIGEST]:
        return MISS
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return MISS


def save(name: str, entry: str, value) -> None:
    """Keep `value` (plain data: marshal) as `entry`; values marshal cannot hold are skipped."""
    from .output import write_atomic

    where = folder(name)
    if where is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return  # e.g. dates: made again next time
    try:
        write_atomic(where / f"{entry}.marshal", hashlib.sha1(payload).digest() + payload, durable=False)
    except OSError:
        pass


MAX_TEMPLATE_CODE = 1_000_000   # a compiled template larger than this is not kept


def template_cache(bundled: Path):
    """Jinja's compiled templates, kept like every other entry: behind a digest, written
    atomically, a damaged or unwritable entry only costs time. Only the bundled templates are
    kept (a user's template may be anything, a 100 MB literal included)."""
    import jinja2

    where = folder("jinja")
    if where is None:
        return None
    inside = str(bundled.resolve()) + os.sep

    class Cache(jinja2.BytecodeCache):
        def _path(self, bucket) -> Path:
            return where / f"{key('jinja', bucket.key)}.marshal"

        def load_bytecode(self, bucket) -> None:
            try:
                raw = self._path(bucket).read_bytes()
                payload = raw[_DIGEST:]
                if hashlib.sha1(payload).digest() != raw[:_DIGEST]:
                    return
                checksum, code = marshal.loads(payload)
                if checksum == bucket.checksum:     # (the template's source is still the same)
                    bucket.code = code
            except (OSError, ValueError, EOFError, TypeError):
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            from .output import write_atomic

            if not getattr(bucket, "bundled", False):
                return
            try:
                payload = marshal.dumps((bucket.checksum, bucket.code))
                if len(payload) <= MAX_TEMPLATE_CODE:
                    write_atomic(self._path(bucket), hashlib.sha1(payload).digest() + payload, durable=False)
            except (OSError, ValueError):
                pass

        def get_bucket(self, environment, name, filename, source):
            bucket = super().get_bucket(environment, name, filename, source)
            bucket.bundled = bool(filename) and str(Path(filename).resolve()).startswith(inside)
            return bucket

    return Cache()
