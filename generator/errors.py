"""User-facing errors: Chinese message with file, line and key path."""
from __future__ import annotations

from dataclasses import dataclass

from .typography import normalize_line


def format_path(path: tuple) -> str:
    """('板块', 0, '标题') -> '板块[1].标题' (1-based list positions, as people count)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


ERROR, WARNING = "错误", "警告"


def zip_errors() -> tuple:
    """What reading a damaged, encrypted or unusual zip (a DOCX) can raise."""
    import lzma
    import zipfile
    import zlib

    return (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError,
            NotImplementedError, RuntimeError, zlib.error, lzma.LZMAError)   # (RuntimeError: encrypted)


@dataclass
class Problem:
    message: str
    file: str | None = None
    line: int | None = None
    path: tuple = ()
    hint: str = ""
    level: str = "错误"

    def __str__(self) -> str:
        where = self.file or "<输入>"
        if self.line:
            where += f":{self.line}"
        text = f"{where}: {self.level}: "
        if self.path:
            text += f"{format_path(self.path)}: "
        text += _prose(self.message)
        if self.hint:
            text += "\n    修改建议: " + _prose(self.hint)
        return text


def _prose(text: str) -> str:
    """Chinese punctuation for the words, none for `code` (年度: 2025 must keep its ASCII colon)."""
    pieces = text.split("`")
    return "".join(p if i % 2 else normalize_line(p) for i, p in enumerate(pieces))


class ReportgenError(Exception):
    """An error caused by input; carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
