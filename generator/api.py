"""The library API behind the CLI: one function per command (stages live in their modules)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ReportgenError
from .output import WriteResult, guarded_write, stamp_docx, write_file, write_new_file, write_text_file
from .pipeline import FORMATS, Draft, document, draft
from .render import Renderer
from .schema import Schema, load_schema
from .style import load_style

__all__ = ["FORMATS", "Draft", "Schema", "document", "draft", "build", "build_many", "load_schema", "typeset",
           "check", "extract", "roll", "preview", "init", "suggest", "learn_schema", "build_corpus", "parse_file"]

def output_format(output: Path | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".md", ".markdown"):
        return "md"
    if output is not None and output.suffix.lower() in (".html", ".htm"):
        return "html"
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
    sheet = load_style(style_path) if fmt in ("docx", "html") else None
    renderer = renderer or Renderer([Path(templates)] if templates else None, load_schema(schema_path))
    d = draft(facts_path, renderer)
    data = document(d.tree, fmt, sheet, source=facts_path.name)
    return BuildResult(d, guarded_write(out, data, fmt, force), fmt)


def compare_table(d: Draft, output: str | Path | None = None, force: bool = False) -> str | Path:
    """This year's numbers against last year's: the table as text, or written to a .csv/.xlsx."""
    from . import yoy

    found = yoy.rows(d.facts)
    if output is None:
        return yoy.table(found) if found else ""
    out = Path(output)
    kinds = {".csv": yoy.to_csv, ".xlsx": yoy.to_xlsx}
    if out.suffix.lower() not in kinds:
        raise ReportgenError(Problem("对比表只能写成 .csv 或 .xlsx", str(out), hint="把文件名改为以 .xlsx 或 .csv 结尾"))
    return write_new_file(out, kinds[out.suffix.lower()](found), force)


def parse_file(path: str | Path, schema: Schema | None = None, warnings: list[Problem] | None = None):
    """A real report's tree; with a schema (load_schema), its sections get topics. `warnings`
    gets what a Word file holds that can't be read as text (pictures, objects)."""
    from .readers import parse_file as read

    return read(path, schema, warnings=warnings)


def learn_schema(corpus_dir: str | Path, output: str | Path, force: bool = False) -> tuple[dict, WriteResult]:
    """The schema learned from a corpus, written to `output`: a schema learn wrote before and
    nobody edited is replaced; any other file only with `force` (and backed up first)."""
    from .learn import dump, learn

    output = Path(output)
    if not output.parent.exists():
        raise ReportgenError(Problem("输出目录不存在", str(output.parent)))
    guarded_write(output, b"", "schema", force, dry=True)   # refused before the work, not after
    schema = learn(corpus_dir)
    return schema, guarded_write(output, dump(schema).encode("utf-8"), "schema", force)


CORPUS_MANIFEST = ".reportgen-语料.json"   # in a corpus folder: the digest of each file corpus wrote


def build_corpus(source: str | Path, target: str | Path, removed: dict[Path, list[str]] | None = None,
                 force: bool = False) -> tuple[list[Path], list[Problem], list[Path]]:
    """Clean every report in `source` into `target`/<name>.txt; `removed` gets, per file, what
    was taken out as page noise. A file corpus wrote before and nobody edited is replaced; any
    other existing file only with `force`, backed up first. Two sources bound for one file
    (报告.md and 报告.txt) stop everything before a file is written.
    Returns (files written, problems, backups)."""
    import hashlib
    import json

    from .output import backup
    from .readers import read_report, report_files

    source, target = Path(source), Path(target)
    if not source.is_dir():
        raise ReportgenError(Problem("来源目录不存在或不是目录", str(source)))
    files = report_files(source)
    if not files:
        raise ReportgenError(Problem("目录中没有 .txt、.md 或 .docx 报告", str(source)))
    plan = [(f, target / (f.stem + ".txt")) for f in files]
    refuse_collisions([f for f, _ in plan], [dst for _, dst in plan])
    problems = [Problem("来源与输出是同一个文件,跳过(不在原处改写来源)", str(f)) for f, dst in plan
                if dst.resolve() == f.resolve()]
    plan = [(f, dst) for f, dst in plan if dst.resolve() != f.resolve()]
    if target.exists() and not target.is_dir():
        raise ReportgenError(Problem("语料目录的位置上已有一个文件", str(target), hint="换一个语料目录名"))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ReportgenError(Problem(f"无法创建语料目录({e.strerror})", str(target))) from None
    manifest_path = target / CORPUS_MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest = manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        manifest = {}

    def ours(path: Path) -> bool:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() == manifest.get(path.name)
        except OSError:
            return False

    theirs = [dst for _, dst in plan if dst.exists() and not ours(dst)]
    if theirs and not force:
        raise ReportgenError([Problem("语料目录中已有这个文件,且不是 corpus 上次写出的(或已被修改);没有覆盖任何文件",
                                      str(dst), hint="换一个语料目录,或加 --force 覆盖(原文件会先备份)")
                              for dst in theirs])
    written, backups = [], []
    try:
        for f, dst in plan:
            try:
                gone: list[str] = []
                data = read_report(f, gone).encode("utf-8")
                # looked at again just before the write: an edit made while this run went on is kept
                if dst.exists() and not ours(dst):
                    if not force:
                        problems.append(Problem("语料目录中的这个文件刚被修改过,没有覆盖它", str(dst),
                                                hint="加 --force 覆盖(原文件会先备份)"))
                        continue
                    backups.append(backup(dst))
                write_file(dst, data, "检查目录权限和磁盘空间")
                manifest[dst.name] = hashlib.sha256(data).hexdigest()
                written.append(dst)
                if removed is not None:
                    removed[f] = gone
            except ReportgenError as e:
                problems.extend(e.problems)
            except OSError as e:
                problems.append(Problem(f"无法备份原文件,没有覆盖它({e.strerror})", str(dst)))
    finally:   # what was written is recorded, however the run ends
        write_file(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8"),
                   "检查目录权限和磁盘空间")
    return written, problems, backups


def typeset(report_path: str | Path, output: str | Path | None = None,
            style_path: str | Path | None = None, force: bool = False,
            removed: list[str] | None = None, warnings: list[Problem] | None = None) -> WriteResult:
    """Any report text typeset in one go as a GB/T 9704 DOCX, its levels found by the parser;
    `removed` gets what was left out as page noise, `warnings` what a Word file holds that
    can't be read as text."""
    report_path = Path(report_path)
    out = Path(output) if output is not None else report_path.with_suffix(".docx")
    if out.resolve() == report_path.resolve():
        raise ReportgenError(Problem("输出文件与输入文件相同", str(out), hint="用 -o 指定另一个文件名"))
    sheet = load_style(style_path)
    from .readers import parse_file as read

    tree = read(report_path, removed=removed, warnings=warnings)
    return guarded_write(out, document(tree, "docx", sheet, source=report_path.name), "docx", force)


def check(path: str | Path, annotate_to: str | Path | None = None,
          schema_path: str | Path | None = None, force: bool = False,
          templates: str | Path | None = None):
    """Findings for a facts file or a draft; optionally a DOCX copy with them as comments."""
    from .check import annotate, check_file

    path = Path(path)
    if annotate_to is not None and path.suffix.lower() != ".docx":
        raise ReportgenError(Problem("--annotate 只用于 Word 草稿(.docx)", str(path),
                                     hint="对事实文件先 reportgen build 生成 DOCX,再检查那个 DOCX"))
    if path.suffix.lower() in (".yaml", ".yml") and not path.exists():
        from .yamlio import read_text

        read_text(path)  # the located “not found” message
    problems, _ = check_file(path, load_schema(schema_path), [Path(templates)] if templates else None)
    annotated = None
    if annotate_to is not None:
        out = Path(annotate_to)
        if out.resolve() == path.resolve():
            raise ReportgenError(Problem("批注副本不能覆盖草稿本身", str(out), hint="换一个输出文件名"))
        try:
            data, placed = annotate(path, problems)
        except Exception as e:   # python-docx on a file docxread could read: whatever it raises is the file's
            raise ReportgenError(Problem(f"无法在这份 Word 文档上写批注({type(e).__name__})", str(path),
                                         hint="在 Word 中另存一份再试")) from None
        guarded_write(out, stamp_docx(data, path.name), "docx", force)
        annotated = (out, placed)
    return problems, annotated


def extract(report_path: str | Path, output: str | Path | None = None, force: bool = False,
            warnings: list[Problem] | None = None) -> Path:
    """Last year's report turned back into a facts file of this project's format."""
    from .extract import dump, extract as to_facts

    report_path = Path(report_path)
    out = Path(output) if output is not None else report_path.with_suffix(".yaml")
    if out.exists() and not force:
        write_text_file(out, "", force)  # the located “exists” message, before any work
    schema = load_schema()
    facts, todo = to_facts(parse_file(report_path, schema, warnings), Renderer(schema=schema))
    return write_text_file(out, dump(facts, report_path.name, todo), force)


def roll(facts_path: str | Path, output: str | Path | None = None, new_term: bool = False,
         force: bool = False, templates: str | Path | None = None):
    """Last year's facts file moved one year on; returns (the file written, what changed)."""
    import re

    from .roll import roll as move
    from .yamlio import load_yaml

    facts_path = Path(facts_path)
    src = load_yaml(facts_path)
    renderer = Renderer([Path(templates)] if templates else None)
    rolled = move(src, renderer.slots, renderer.types, new_term)
    if output is None:   # 丹东市政协2020.yaml -> 丹东市政协2021.yaml, else 事实-下一年.yaml
        stem = facts_path.stem
        bumped = re.sub(r"(?<!\d)((?:19|20)\d\d)(?!\d)", lambda m: str(int(m.group(1)) + 1), stem, count=1)
        output = facts_path.with_name((bumped if bumped != stem else stem + "-下一年") + facts_path.suffix)
    return write_text_file(Path(output), rolled.text, force), rolled


def preview(data: dict, name: str, renderer: Renderer | None = None,
            whole: bool = True) -> tuple[str, str, list[Problem], bool]:
    """Facts not yet saved (the data of a facts file): the HTML preview page, its paragraphs
    alone (for a page already open to lay out again), the check findings, and whether the facts
    were valid (if not, the findings are their problems). `whole`: the page too, not only
    its paragraphs."""
    from .check import check_tree
    from .facts import validate
    from .writers.html import report_blocks, write_html
    from .yamlio import Located

    renderer = renderer or Renderer(schema=load_schema())
    src = Located(data, {}, name)   # (values straight from the form: problems say their key path)
    try:
        facts = validate(src, renderer.slots, renderer.types)
    except ReportgenError as e:
        return "", "", e.problems, False
    tree, _ = renderer.render(facts)
    problems = check_tree(tree, name, lambda _: None, facts.year)
    return write_html(tree, load_style()) if whole else "", report_blocks(tree), problems, True


def init(report_type: str, output: str | Path, schema_path: str | Path | None = None,
         force: bool = False, today=None, templates: str | Path | None = None) -> Path:
    """A skeleton facts file for a report type, from its declaration and the learned schema."""
    from .records import nearest
    from .skeleton import skeleton

    schema = load_schema(schema_path)
    renderer = Renderer([Path(templates)] if templates else None, schema)
    if report_type not in renderer.types:
        near = nearest(report_type, renderer.types.names)
        raise ReportgenError(Problem(f"未知的报告类型“{report_type}”", "reportgen init",
                                     hint=(f"是否想写“{near}”?" if near else "")
                                     + "可选:" + "、".join(renderer.types.names)))
    text = skeleton(renderer.types[report_type], schema, renderer, today)
    return write_text_file(Path(output), text, force)


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


def refuse_collisions(sources: list[Path], targets: list[Path]) -> None:
    """Two inputs written to one output, or an output that is another input: refused before
    anything is written, with the whole list."""
    by_target: dict[Path, list[Path]] = {}
    for src, dst in zip(sources, targets):
        by_target.setdefault(dst.resolve(), []).append(src)
    inputs = {src.resolve() for src in sources}
    problems = [Problem(f"{len(srcs)} 个文件都会写到这里:" + "、".join(map(str, srcs)), str(dst),
                        hint="把同名的文件放到不同的输出目录,或改名后再生成")
                for dst, srcs in by_target.items() if len(srcs) > 1]
    problems += [Problem(f"输出会覆盖输入文件 {dst.name}(另一份来源)", str(dst), hint="换一个输出目录")
                 for dst, srcs in by_target.items() if dst in inputs and dst not in {s.resolve() for s in srcs}]
    if problems:
        raise ReportgenError(problems)


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
    sheet = load_style(style_path) if fmt in ("docx", "html") else None
    writer = None
    if fmt == "docx":
        from .writers.docx import DocxWriter

        writer = DocxWriter(sheet)
    targets = [(out_dir / (f.stem + "." + fmt)) if out_dir is not None else f.with_suffix("." + fmt) for f in files]
    refuse_collisions(files, targets)
    built, problems = [], []
    for f, target in zip(files, targets):
        try:
            d = draft(f, renderer)
            data = document(d.tree, fmt, sheet, source=f.name, writer=writer)
            built.append(BuildResult(d, guarded_write(target, data, fmt, force), fmt))
        except ReportgenError as e:
            problems += e.problems
    return BatchResult(built, problems)
