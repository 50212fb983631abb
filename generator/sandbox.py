"""User templates (--templates) run within bounds: Jinja's sandbox (no Python internals, no
files), strings and lists built by an operator capped in size, no template file read from
outside its folder through a link, and while a user's template renders, a time limit and a
memory limit for the process."""
from __future__ import annotations

import contextlib
import operator
import os
import signal
import threading
import time
from pathlib import Path

import jinja2
import jinja2.sandbox

from .errors import Problem, ReportgenError

MAX_VALUE = 1_000_000        # characters (or items) an operator may make at once
MAX_SECONDS = 20             # to render one report with user templates
MAX_MEMORY = 2 * 1024 ** 3   # bytes the process may grow by meanwhile
MAX_OUTPUT = 5_000_000       # characters of report text


class TemplateLimit(Exception):
    """A user's template went past a limit."""


def _size(value) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


class BoundedEnvironment(jinja2.sandbox.SandboxedEnvironment):
    """The sandbox, with `*`, `+` and `**` checked before they run ('x' * 10**10)."""

    intercepted_binops = frozenset({"*", "+", "**"})

    def call_binop(self, context, op, left, right):
        if op == "*":
            n = right if isinstance(right, int) else left if isinstance(left, int) else 0
            if max(_size(left), _size(right)) * max(n, 0) > MAX_VALUE:
                raise TemplateLimit(f"模板中的乘法会生成超过 {MAX_VALUE:,} 个字符的文字")
            return operator.mul(left, right)
        if op == "+":
            if _size(left) + _size(right) > MAX_VALUE:
                raise TemplateLimit(f"模板中的加法会生成超过 {MAX_VALUE:,} 个字符的文字")
            return operator.add(left, right)
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 64:
            raise TemplateLimit("模板中的乘方过大")
        return operator.pow(left, right)


class ConfinedLoader(jinja2.FileSystemLoader):
    """Reads a template only when its real path (links followed) is inside its folder."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        inside(Path(filename), [Path(p) for p in self.searchpath])
        return source, filename, uptodate


def inside(path: Path, folders: list[Path]) -> Path:
    """`path`, refused when a link takes it outside `folders`."""
    real = path.resolve()
    if not any(real.is_relative_to(Path(f).resolve()) for f in folders):
        raise ReportgenError(Problem("模板目录中的这个文件是指向目录之外的链接,不读取", str(path),
                                     hint="把要用的文件复制到模板目录中,不要用链接"))
    return path


def _vm_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def limits(enabled: bool = True):
    """A time limit and a memory limit around rendering a user's templates (in the main thread,
    where a timer can interrupt; elsewhere the sandbox's own limits only)."""
    if not enabled or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return
    import resource

    def expired(signum, frame):
        raise TemplateLimit(f"模板运行超过 {MAX_SECONDS} 秒(可能有很大的循环)")

    started = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, expired)
    old_timer = signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)   # (a caller's timer, given back after)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    vm = _vm_bytes()
    capped = False
    try:
        if vm is not None:
            cap = vm + MAX_MEMORY
            if (soft == resource.RLIM_INFINITY or soft > cap) and (hard == resource.RLIM_INFINITY or cap <= hard):
                resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                capped = True
        yield
    except MemoryError as e:   # (its frames kept: they name the template's line)
        raise TemplateLimit("模板生成的内容过大,超出了内存上限").with_traceback(e.__traceback__) from None
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)      # ours stopped before anything else
        finally:
            signal.signal(signal.SIGALRM, old_handler)
            if capped:
                resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
            if old_timer[0] > 0:
                left = old_timer[0] - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), old_timer[1])
