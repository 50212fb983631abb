"""Read a report from .txt, .md or .docx into clean report text."""
from __future__ import annotations

from pathlib import Path

from .clean import clean_text
from .errors import Problem, ReportgenError
from .parse import parse
from .tree import Report
from .yamlio import read_bytes, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MAX_REPORT_BYTES = 5_000_000


def docx_text(path, warnings: list | None = None, paragraphs: list | None = None, name: str = "") -> str:
    """DOCX -> report text: heading styles become heading lines, a bold first run a lead (see
    docxread). `warnings` gets what could not be read as text; `paragraphs` each body
    paragraph's text, as Word numbers them."""
    from .docxread import read_docx

    got = read_docx(path, name)
    if warnings is not None:
        warnings += got.warnings
    if paragraphs is not None:
        paragraphs += got.paragraphs
    return "\n\n".join(got.lines) + "\n"


def report_files(folder: str | Path) -> list[Path]:
    """The reports in a folder (.txt, .md, .docx; a README is no report), in name order."""
    return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
                  and p.name.lower() != "readme.md")


def read_report(path: str | Path, removed: list[str] | None = None, warnings: list | None = None,
                paragraphs: list | None = None) -> str:
    """Report text of a file, cleaned of web and PDF noise (what was taken out goes to `removed`;
    for a Word file, what could not be read goes to `warnings` and its paragraphs to `paragraphs`)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportgenError(Problem(f"不支持的文件类型“{suffix or '无扩展名'}”", str(path),
                                     hint="支持 .txt、.md、.docx"))
    if suffix == ".docx":
        import io

        data = read_bytes(path, MAX_REPORT_BYTES)   # not found, no regular file, too large: located
        raw = docx_text(io.BytesIO(data), warnings, paragraphs, str(path))
        if len(raw) > MAX_REPORT_BYTES:   # (a Word file's text can be ten times its packed size)
            raise ReportgenError(Problem(f"文档的文字过多(超过 {MAX_REPORT_BYTES:,} 字)", str(path),
                                         hint="一份报告没有这么长;请确认文件"))
    else:
        raw = read_text(path, MAX_REPORT_BYTES)
        if "\x00" in raw:
            raise ReportgenError(Problem("文件含有二进制内容,不是文本", str(path),
                                         hint="请另存为 UTF-8 编码的 .txt 文件"))
    text = clean_text(raw, removed, markdown=suffix in (".md", ".markdown"))
    if not text.strip():
        raise ReportgenError(Problem("文件中没有报告正文", str(path)))
    return text


def parse_file(path: str | Path, schema=None, removed: list[str] | None = None,
               warnings: list | None = None, paragraphs: list | None = None) -> Report:
    """Read and parse a real report; with a schema, sections get topics. A text without any
    heading is a report too: one unnamed part with its paragraphs. `removed` gets the page noise
    cleaned out and the page's lines above the report's title."""
    tree = parse(read_report(path, removed, warnings, paragraphs))
    if removed is not None:
        removed += tree.dropped
    if schema:
        from .topics import assign_topics

        assign_topics(tree, schema.keywords)
    return tree
