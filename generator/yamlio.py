"""YAML loading that keeps the line of every key and list item."""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import yaml

from .errors import Problem, ReportgenError
from .typography import xml_safe

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64


# libyaml's loader when PyYAML has it: the same nodes and marks, many times faster
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


class _PyLoader(yaml.SafeLoader):
    """The pure-Python loader: used when libyaml refuses, for its clearer errors."""


def _plain_numbers(loader) -> None:
    """Numbers as people write them: YAML 1.1 also reads 9:30 as 570 (base 60), 0x10 as 16 and
    010 as 8, which would change a person's text or count without a word; those stay text."""
    int_tag, float_tag = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (int_tag, float_tag)]
        for first, resolvers in loader.yaml_implicit_resolvers.items()}
    loader.add_implicit_resolver(int_tag, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
    loader.add_implicit_resolver(float_tag, re.compile(
        r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))


_plain_numbers(_Loader)
_plain_numbers(_PyLoader)


def load_data(text: str):
    """Plain YAML data (no line tracking): bundled data files and the schema."""
    return yaml.load(text, Loader=_Base)


def nodes_by_path(text: str) -> dict[tuple, yaml.Node]:
    """Every node of a document by its key path (keys as text, list positions as ints): where in
    the text each value stands, for editing a person's file in place."""
    out: dict[tuple, yaml.Node] = {}

    def walk(node, path):
        out[path] = node
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, path + (str(k.value) if isinstance(k, yaml.ScalarNode) else "?",))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (i,))

    root = yaml.compose(text, Loader=_Base)
    if root is not None:
        walk(root, ())
    return out


class TextEdits:
    """Replacements and insertions at spans of a text (a person's file edited in place), applied
    at once; spans never overlap."""

    def __init__(self, text: str):
        self.text = text
        self.spans: dict[int, tuple[int, str]] = {}

    def replace(self, start: int, end: int, new: str) -> None:
        for s0, (e0, _) in self.spans.items():
            if s0 < end and start < e0 and (s0, e0) != (start, end):
                raise AssertionError(f"overlapping edits {s0}-{e0} and {start}-{end}")
        self.spans[start] = (end, new)

    def insert(self, at: int, new: str) -> None:
        end, old = self.spans.get(at, (at, ""))
        self.spans[at] = (end, old + new)

    def apply(self) -> str:
        out, pos = [], 0
        for start in sorted(self.spans):
            end, new = self.spans[start]
            out += [self.text[pos:start], new]
            pos = max(pos, end)
        return "".join(out) + self.text[pos:]


def load_data_file(path: str | Path):
    """Plain YAML data of a file we ship or learned (data/*.yaml, slots.yaml, the schema).
    Parsed once, then kept in the user cache, keyed by the file's content."""
    from . import cache

    text = read_text(path)
    entry = cache.key("data", text)
    data = cache.load("data", entry)
    if data is cache.MISS:
        data = load_data(text)
        cache.save("data", entry, data)
    return data


def _key(loader, node) -> str:
    """A mapping key as the data will have it: text, or the text of a number, date… key."""
    if not isinstance(node, yaml.ScalarNode):
        return "?"
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return str(loader.construct_object(node))
    except (yaml.YAMLError, ValueError, OverflowError):
        return node.value


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》"
_CJK_FOLD = re.compile(rf"(?<=[{_CJK},;:!?]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[{_CJK},;:!?])")


def _walk(node, path: tuple, lines: dict, seen: list, file: str, loader=None) -> None:
    seen[0] += 1
    if seen[0] > MAX_NODES:
        raise ReportgenError(Problem(
            f"YAML 内容展开后超过 {MAX_NODES} 个节点(可能是别名 * 的循环或爆炸式引用)",
            file, node.start_mark.line + 1, path, "去掉 & / * 别名,直接写出内容"))
    lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise ReportgenError(Problem(f"嵌套层次过深(超过 {MAX_DEPTH} 层)", file,
                                     node.start_mark.line + 1, path[:3], "事实文件只需几层缩进,检查括号是否成对"))
    if isinstance(node, yaml.MappingNode):
        keys: dict = {}
        for key_node, value_node in node.value:
            key = _key(loader, key_node)
            if key in keys:
                raise ReportgenError(Problem(
                    f"键“{key}”重复出现(第 {keys[key]} 行已有)", file,
                    key_node.start_mark.line + 1, path, "删除或合并重复的键"))
            keys[key] = key_node.start_mark.line + 1
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, seen, file, loader)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, seen, file, loader)
    elif not node.style and node.end_mark.line > node.start_mark.line and "\n" not in node.value:
        # a plain paragraph wrapped over lines: YAML joins the lines with a space, which
        # between two Chinese characters is none
        node.value = _CJK_FOLD.sub("", node.value)


def _safe(value):
    """Drop characters a document cannot hold from every string (keys and values)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list):
        return [_safe(v) for v in value]
    if isinstance(value, dict):
        return {_safe(k): _safe(v) for k, v in value.items()}
    return value


class Located:
    """Parsed YAML data plus the line of each key path."""

    def __init__(self, data, lines: dict, file: str, text: str = ""):
        self.data = data
        self.lines = lines
        self.file = file
        self.text = text  # the YAML as written

    def line(self, path: tuple) -> int | None:
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, message: str, path: tuple = (), hint: str = "") -> Problem:
        return Problem(message, self.file, self.line(path), tuple(path), hint)


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, its size checked before it is read: a device (/dev/zero), a FIFO
    or a directory is refused, and no more than `max_bytes` is ever read."""
    import stat

    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))   # (a FIFO must not hang the open)
        with open(fd, "rb", buffering=0) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise ReportgenError(Problem("这不是普通文件(是设备、管道等)", str(path),
                                             hint="请给出一个保存在磁盘上的文件"))
            if st.st_size > max_bytes:
                raise ReportgenError(Problem(f"文件过大({st.st_size} 字节,上限 {max_bytes} 字节)", str(path)))
            raw = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReportgenError(Problem("文件不存在", str(path), hint="检查文件名和路径")) from None
    except IsADirectoryError:
        raise ReportgenError(Problem("这是一个目录,不是文件", str(path))) from None
    except OSError as e:
        raise ReportgenError(Problem(f"无法读取文件({e.strerror})", str(path),
                                     hint="检查文件权限")) from None
    if len(raw) > max_bytes:   # (it grew while being read)
        raise ReportgenError(Problem(f"文件过大(上限 {max_bytes} 字节)", str(path)))
    return raw


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), str(path))


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _chinese_or_ascii(text: str) -> float:
    """The share of characters a Chinese report or facts file is made of."""
    if not text:
        return 1.0
    usual = sum(1 for ch in text if ch < "\x7f" and (ch.isprintable() or ch in "\r\n\t")
                or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u206f")
    return usual / len(text)


def decode(raw: bytes, file: str) -> str:
    """Text of a file in the encodings offices use: UTF-8 (with or without BOM), UTF-16 (Windows
    “Unicode”), GB18030/GBK (Windows “ANSI” in China); a clear message when none fits."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    first_bad, utf8 = 0, None
    try:
        utf8 = raw.decode("utf-8")
        if "\x00" not in utf8:
            return utf8  # (zero bytes decode as UTF-8 too: UTF-16 without its BOM has them)
    except UnicodeDecodeError as e:
        first_bad = e.start
    found = []
    for codec in ("utf-16-le", "utf-16-be", "gb18030") if b"\x00" in raw else ("gb18030",):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        found.append((_chinese_or_ascii(text), text))
    if found and max(found)[0] >= 0.9:
        return max(found)[1]
    if utf8 is not None:
        return utf8  # UTF-8 with zero bytes in it: the caller says it is not text
    line = raw[:first_bad].count(b"\n") + 1
    raise ReportgenError(Problem("无法判断文件的编码(不是 UTF-8、UTF-16 或 GB18030/GBK 编码的文本)", file, line,
                                 hint="用记事本或 WPS 把文件另存为 UTF-8 编码")) from None


def load_yaml(path: str | Path) -> Located:
    file = str(path)
    text = read_text(path)
    return load_yaml_text(text, file)


def load_yaml_text(text: str, file: str = "<输入>") -> Located:
    try:
        return _load(_Loader, text, file)
    except ReportgenError:
        if _Base is yaml.SafeLoader:
            raise  # no libyaml: the pure-Python loader has already spoken
        # libyaml refused: the pure-Python loader accepts a little more (escaped surrogates,
        # which are then dropped) and its messages are the ones translated above
        return _load(_PyLoader, text, file)


def _load(loader_class, text: str, file: str) -> Located:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        lines: dict = {}
        if node is not None:
            _walk(node, (), lines, [0], file, loader)
        try:
            data = _safe(loader.construct_document(node)) if node is not None else None
        except (ValueError, OverflowError):
            raise _bad_value(loader, node, file) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        trap = _trap(text, line) if line else None
        if trap:
            raise ReportgenError(Problem(trap[1], file, trap[0], hint=trap[2])) from None
        raise ReportgenError(Problem(
            f"YAML 语法错误:{_yaml_reason(e)}", file, line,
            hint="检查该行及上一行的缩进、冒号后的空格和引号是否成对")) from None
    except yaml.YAMLError as e:
        raise ReportgenError(Problem(f"YAML 读取失败:{e}", file)) from None
    except RecursionError:
        raise ReportgenError(Problem("嵌套层次过深,无法读取", file,
                                     hint="事实文件只需几层缩进,检查括号是否成对")) from None
    finally:
        loader.dispose()
    return Located(data, lines, file, text)


_FULL_WIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#\uff1a'\"-][^:\uff1a]{0,20}?)\uff1a\s*(.*)$")
_COLON_IN_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#'\"][^:]{0,20}?):\s+([^'\"|>{\[].*?:\s.*)$")


def _trap(text: str, line: int) -> tuple[int, str, str] | None:
    """(line, message, hint) for the YAML traps of Chinese text near a syntax error: a key
    followed by a full-width colon (年度：2025), or “: ” inside a value (标题: 报告: 第一部分)."""
    lines = text.split("\n")
    for n in (line, line - 1, line + 1):
        if not 1 <= n <= len(lines):
            continue
        raw = lines[n - 1]
        m = _FULL_WIDTH_KEY.match(raw)
        if m and ": " not in raw:
            fixed = f"{m[1]}{m[2]}: {m[3]}".strip()
            return (n, f"键“{m[2].strip()}”后面是全角冒号“：”,YAML 只认半角冒号加空格",
                    f"把这一行改成 `{fixed}`")
        m = _COLON_IN_VALUE.match(raw)
        if m:
            value = m[2].replace("'", "''")
            return (n, "值里有半角冒号加空格 `: `\uff0cYAML 把它当成了又一个键",
                    f"给这个值加引号,写成 `{m[1].strip()}: '{value}'`;或把值里的冒号改成全角“：”")
    return None


_CUT_BY_COMMENT = re.compile(
    r"^(?P<head>\s*(?:-\s+)?(?:[^#'\"\s][^#:]*?:\s+)?)(?P<value>[^'\"#\s|>][^#]*?) #(?P<cut>\S.*)$")


def comment_warnings(src: Located) -> list[Problem]:
    """Text after “ #” in a plain value is a YAML comment, silently gone from the value: where
    it reads like text (#话题, #1), say so. (“  # 说明” with a space after # reads as a comment.)"""
    out = []
    for n, raw in enumerate(src.text.split("\n"), start=1):
        m = _CUT_BY_COMMENT.match(raw)
        if m and re.search("[\u4e00-\u9fff]", m["value"]) and not raw.lstrip().startswith("#"):
            value = (m["value"] + " #" + m["cut"]).replace("'", "''")
            out.append(Problem(f"“ #”后面的“{m['cut'][:12]}”被 YAML 当作注释去掉了,不在正文里", src.file, n,
                               hint=f"要保留它,给值加引号,写成 `{m['head'].strip()} '{value}'`", level="警告"))
    return out


def _bad_value(loader, root, file: str) -> ReportgenError:
    """The scalar YAML could not turn into a value (2025-02-30, a 5000-digit number), located."""
    stack = [root]
    loader.constructed_objects, loader.recursive_objects = {}, {}  # the failed pass left its marks
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError):
                return ReportgenError(Problem(
                    f"无法识别的值“{node.value[:30]}”(不存在的日期,或过长的数字)", file,
                    node.start_mark.line + 1, hint="日期写成实际存在的一天,如 2021-06-21;其他内容加引号写成文字"))
            except yaml.YAMLError:
                pass
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in reversed(node.value) for v in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return ReportgenError(Problem("YAML 中有无法识别的值", file))


_REASONS = {
    "could not find expected ':'": "缺少冒号“:”",
    "mapping values are not allowed here": "此处不能出现“键: 值”(常见原因:冒号后缺空格或缩进不对)",
    "found character '\\t' that cannot start any token": "含有制表符(Tab),YAML 只能用空格缩进",
    "found unexpected end of stream": "文件意外结束(引号或括号未闭合)",
    "did not find expected key": "缩进不一致,找不到应有的键",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "found undefined alias": "引用了未定义的别名 *",
    "expected <block end>, but found '-'": "列表项“-”的缩进与上文不一致",
    "found unknown escape character": "双引号字符串中有无效的反斜杠转义",
    "while scanning a quoted scalar": "引号未闭合",
}


def _reason(problem: str | None) -> str:
    problem = problem or ""
    for key, text in _REASONS.items():
        if key in problem:
            return text
    return "格式不正确"


def _yaml_reason(e: yaml.MarkedYAMLError) -> str:
    text = _reason(e.problem)
    if text == "格式不正确" and e.context:
        text = _reason(e.context)
    return text
