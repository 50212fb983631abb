"""The library API behind the CLI: facts -> text -> tree -> document."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ReportgenError
from .facts import Facts, validate
from .output import WriteResult, guarded_write, stamp, stamp_docx, stamp_md, write_atomic, write_text_file
from .parse import parse
from .render import Renderer, Stats
from .style import StyleSheet, load_style
from .tree import Report
from .typography import normalize
from .yamlio import Located, load_yaml

FORMATS = ("docx", "md")


@dataclass
class Draft:
    facts: Facts
    text: str        # report text, normalised
    tree: Report
    stats: Stats
    source: Located  # the facts file as read, with the line of every key


def draft(facts_path: str | Path, renderer: Renderer | None = None) -> Draft:
    """Validate the facts and render them into report text and its tree."""
    renderer = renderer or Renderer(schema=load_schema())
    src = load_yaml(facts_path)
    facts = validate(src, renderer.slots)
    text, stats = renderer.render(facts)
    text = normalize(text)
    return Draft(facts, text, parse(text, guess=False), stats, src)


def document(tree: Report, fmt: str, sheet: StyleSheet | None = None, source: str = "",
             writer=None) -> bytes:
    """Serialise a report tree, stamped with provenance. `writer`: a DocxWriter to reuse
    (it keeps the styled empty document between reports of a batch)."""
    if fmt == "docx":
        from .writers.docx import DocxWriter

        writer = writer or DocxWriter(sheet or load_style())
        base, parts = writer.write(tree)
        return stamp(base, parts, source, writer.paragraph_texts)
    if fmt == "md":
        from .writers.md import write_md

        return stamp_md(write_md(tree))
    raise ReportgenError(Problem(f"不支持的输出格式“{fmt}”", hint="可选:" + "、".join(FORMATS)))


def output_format(output: Path | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".md", ".markdown"):
        return "md"
    return "docx"


@dataclass
class BuildResult:
    draft: Draft
    write: WriteResult
    format: str


def build(facts_path: str | Path, output: str | Path | None = None, fmt: str | None = None,
          style_path: str | Path | None = None, force: bool = False,
          renderer: Renderer | None = None, schema_path: str | Path | None = None,
          templates: str | Path | None = None) -> BuildResult:
    facts_path = Path(facts_path)
    out = Path(output) if output is not None else None
    fmt = output_format(out, fmt)
    if out is None:
        out = facts_path.with_suffix("." + fmt)
    sheet = load_style(style_path) if fmt == "docx" else None
    renderer = renderer or Renderer([Path(templates)] if templates else None, load_schema(schema_path))
    d = draft(facts_path, renderer)
    data = document(d.tree, fmt, sheet, source=facts_path.name)
    return BuildResult(d, guarded_write(out, data, fmt, force), fmt)


def parse_file(path: str | Path, schema: dict | None = None) -> Report:
    """Read and parse any report (ours or a real one); with a schema, sections get topics."""
    from .readers import read_report

    tree = parse(read_report(path))
    if not any(p.sections or p.heading for p in tree.parts):
        raise ReportgenError(Problem(
            "没有找到报告的结构:既没有部分标题(如“过去一年的工作”),也没有“一、”“(一)”等层次标题",
            str(path), hint="确认这是一篇工作报告或工作综述;标题应各占一行"))
    if schema:
        from .learn import assign_topics

        assign_topics(tree, schema)
    return tree


def load_schema(path: str | Path | None = None) -> dict:
    """The learned schema: the bundled corpus/schema.yaml, or an office's own."""
    import yaml

    from .resources import schema_path
    from .yamlio import load_data_file

    path = Path(path or schema_path())
    try:
        data = load_data_file(path)  # fast: no line tracking while all is well
    except (ReportgenError, yaml.YAMLError):
        data = None  # read again below, with lines, for the located message
    if isinstance(data, dict) and "报告类型" in data and "主题" in data:
        return data
    src = load_yaml(path)  # read again with lines, for a located message
    raise ReportgenError(src.problem("不是 reportgen learn 生成的结构文件(缺少“报告类型”或“主题”)",
                                     hint="用 reportgen learn 语料目录 -o 文件 生成"))


def learn_schema(corpus_dir: str | Path, output: str | Path) -> dict:
    from .learn import dump, learn

    schema = learn(corpus_dir)
    output = Path(output)
    if not output.parent.exists():
        raise ReportgenError(Problem("输出目录不存在", str(output.parent)))
    write_atomic(output, dump(schema).encode("utf-8"))
    return schema


def build_corpus(source: str | Path, target: str | Path) -> tuple[list[Path], list[Problem]]:
    """Clean every report in `source` into `target`/<name>.txt."""
    from .readers import SUFFIXES, read_report

    source, target = Path(source), Path(target)
    if not source.is_dir():
        raise ReportgenError(Problem("来源目录不存在或不是目录", str(source)))
    files = sorted(p for p in source.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    if not files:
        raise ReportgenError(Problem("目录中没有 .txt、.md 或 .docx 报告", str(source)))
    target.mkdir(parents=True, exist_ok=True)
    written, problems = [], []
    for f in files:
        dst = target / (f.stem + ".txt")
        if dst.resolve() == f.resolve():
            problems.append(Problem("来源与输出是同一个文件,跳过", str(f)))
            continue
        try:
            write_atomic(dst, read_report(f).encode("utf-8"))
            written.append(dst)
        except ReportgenError as e:
            problems.extend(e.problems)
    return written, problems


def typeset(report_path: str | Path, output: str | Path | None = None,
            style_path: str | Path | None = None, force: bool = False) -> WriteResult:
    """Any report text typeset in one go as a GB/T 9704 DOCX, its levels found by the parser."""
    report_path = Path(report_path)
    out = Path(output) if output is not None else report_path.with_suffix(".docx")
    if out.resolve() == report_path.resolve():
        raise ReportgenError(Problem("输出文件与输入文件相同", str(out), hint="用 -o 指定另一个文件名"))
    sheet = load_style(style_path)
    tree = parse_file(report_path)
    return guarded_write(out, document(tree, "docx", sheet, source=report_path.name), "docx", force)


def check(path: str | Path, annotate_to: str | Path | None = None,
          schema_path: str | Path | None = None, force: bool = False):
    """Findings for a facts file or a draft; optionally a DOCX copy with them as comments."""
    from .check import annotate, check_file

    path = Path(path)
    if annotate_to is not None and path.suffix.lower() != ".docx":
        raise ReportgenError(Problem("--annotate 只用于 Word 草稿(.docx)", str(path),
                                     hint="对事实文件先 reportgen build 生成 DOCX,再检查那个 DOCX"))
    if path.suffix.lower() in (".yaml", ".yml") and not path.exists():
        from .yamlio import read_text

        read_text(path)  # the located “not found” message
    problems, _ = check_file(path, load_schema(schema_path))
    annotated = None
    if annotate_to is not None:
        out = Path(annotate_to)
        if out.resolve() == path.resolve():
            raise ReportgenError(Problem("批注副本不能覆盖草稿本身", str(out), hint="换一个输出文件名"))
        data, placed = annotate(path, problems)
        guarded_write(out, stamp_docx(data, path.name), "docx", force)
        annotated = (out, placed)
    return problems, annotated


def extract(report_path: str | Path, output: str | Path | None = None, force: bool = False) -> Path:
    """Last year's report turned back into a facts file of this project's format."""
    from .extract import dump, extract as to_facts

    report_path = Path(report_path)
    out = Path(output) if output is not None else report_path.with_suffix(".yaml")
    if out.exists() and not force:
        write_text_file(out, "", force)  # the located “exists” message, before any work
    facts, todo = to_facts(parse_file(report_path, load_schema()))
    return write_text_file(out, dump(facts, report_path.name, todo), force)


def init(kind: str, output: str | Path, schema_path: str | Path | None = None,
         force: bool = False, today=None) -> Path:
    """A skeleton facts file for a report kind, from the learned schema."""
    from .skeleton import skeleton

    schema = load_schema(schema_path)
    if kind not in (schema.get("报告类型") or {}):
        raise ReportgenError(Problem(f"结构文件中没有“{kind}”类报告", str(schema_path or "corpus/schema.yaml"),
                                     hint="可选:" + "、".join(schema.get("报告类型") or {})))
    return write_text_file(Path(output), skeleton(kind, schema, Renderer(schema=schema), today), force)


def suggest(topic: str, part: str | None = None, schema_path: str | Path | None = None,
            corpus: str | Path | None = None) -> dict:
    """Phrases for a topic from the corpus, ranked, each with its source report."""
    from .facts import known_topics, nearest
    from .resources import corpus_dir
    from .suggest import suggest as find

    topics = known_topics()
    if topic not in topics:
        near = nearest(topic, topics)
        raise ReportgenError(Problem(f"“{topic}”不是已知的主题", "reportgen suggest",
                                     hint=(f"是否想写“{near}”?" if near else "") + "可用的主题:" + "、".join(topics)))
    folder = Path(corpus) if corpus else corpus_dir()
    if not folder.is_dir():
        raise ReportgenError(Problem("语料目录不存在或不是目录", str(folder)))
    return find(topic, load_schema(schema_path), folder, part)


@dataclass
class BatchResult:
    built: list[BuildResult]
    problems: list[Problem]


def facts_files(inputs: list[str | Path]) -> list[Path]:
    """The facts files named, a folder standing for the .yaml files in it."""
    out: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.suffix.lower() in (".yaml", ".yml"))
            if not found:
                raise ReportgenError(Problem("目录中没有事实文件(.yaml)", str(item)))
            out += found
        else:
            out.append(item)
    return out


def build_many(inputs: list[str | Path], out_dir: str | Path | None = None, fmt: str | None = None,
               style_path: str | Path | None = None, force: bool = False,
               schema_path: str | Path | None = None, templates: str | Path | None = None) -> BatchResult:
    """Build many facts files in one go: schema, templates and style are loaded once."""
    files = facts_files(inputs)
    if out_dir is not None:
        out_dir = Path(out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise ReportgenError(Problem("生成多个文件时,-o 应是一个目录", str(out_dir),
                                         hint="写一个目录名,如 -o out/"))
        out_dir.mkdir(parents=True, exist_ok=True)
    fmt = fmt or "docx"
    renderer = Renderer([Path(templates)] if templates else None, load_schema(schema_path))
    sheet = load_style(style_path) if fmt == "docx" else None
    writer = None
    if fmt == "docx":
        from .writers.docx import DocxWriter

        writer = DocxWriter(sheet)
    built, problems = [], []
    for f in files:
        target = (out_dir / (f.stem + "." + fmt)) if out_dir is not None else f.with_suffix("." + fmt)
        try:
            d = draft(f, renderer)
            data = document(d.tree, fmt, sheet, source=f.name, writer=writer)
            built.append(BuildResult(d, guarded_write(target, data, fmt, force), fmt))
        except ReportgenError as e:
            problems += e.problems
    return BatchResult(built, problems)
