"""Safe output: atomic writes, provenance in what we write, no silent overwrite of edits."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import Problem, ReportgenError, zip_errors
from .typography import xml_safe

PROP_HASH = "reportgen.hash"          # earlier versions' fingerprint: content only
PROP_HASH2 = "reportgen.hash2"        # content and document properties
PROP_VERSION = "reportgen.version"
PROP_SOURCE = "reportgen.source"
PROP_TEXT = "reportgen.text"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_MD_MARK = re.compile(r"\n?<!-- reportgen (?P<version>\S+) sha256=(?P<sha>[0-9a-f]{64}) -->\s*$")


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename over it in one step.

    A write killed half-way leaves the old file as it was and a hidden temporary file named
    with its process's id; a later write removes such files only when that process is gone, so
    writers running at once never delete each other's. `durable`: flush to disk before the
    rename (not needed for a cache, which can be made again).
    """
    path = Path(path)
    _clear_stale(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _clear_stale(path: Path) -> None:
    """Temporary files of writes to `path` (.name.<pid>.<random>.tmp) whose process has ended."""
    import glob

    ours = re.compile(r"(\d+)\.[^.]+\.tmp")
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        m = ours.fullmatch(stale.name[len(path.name) + 2:])
        if m and not _alive(int(m.group(1))):
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False       # our own earlier, abandoned write
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True        # someone else's process: alive
    return True


def backup(path: Path) -> Path:
    """A copy of `path` beside it (名称.备份-日期时间.ext), written atomically like any output:
    a backup is either whole or not there."""
    target = backup_name(path)
    write_atomic(target, path.read_bytes())
    shutil.copystat(path, target)
    return target


def regular_output(path: Path) -> None:
    """Refuse an output that exists and is no regular file (a device, a FIFO, a directory)."""
    if path.is_dir():
        raise ReportgenError(Problem("输出路径是一个目录", str(path), hint="用 -o 指定一个文件名"))
    if path.exists() and not path.is_file():
        raise ReportgenError(Problem("输出路径是设备或管道等特殊文件,不是普通文件", str(path),
                                     hint="用 -o 指定一个普通文件名"))


# ---- DOCX provenance -------------------------------------------------------------------

_META = ("[Content_Types].xml", "_rels/.rels")


def _fingerprint(infos: list[zipfile.ZipInfo], properties: bool = True) -> str:
    """Fingerprint of every package entry a person's edit would change, from the zip directory:
    name, CRC-32 and size of each entry. Reading it costs nothing, whatever the size of the
    document, and any edit saved by Word or WPS changes it — the document's properties (title,
    author) included. Left out: the package's own lists and docProps/custom.xml, which holds
    our stamp (a person's custom properties there are checked apart). `properties=False`: the
    fingerprint of earlier versions (reportgen.hash), which left all of docProps/ out."""
    h = hashlib.sha256()
    for info in sorted(infos, key=lambda i: i.filename):
        name = info.filename
        if name in _META or name == "docProps/custom.xml" or (not properties and name.startswith("docProps/")):
            continue
        h.update(f"{name}\0{info.CRC:08x}\0{info.file_size}\n".encode())
    return h.hexdigest()


def text_digest(paragraphs: list[str]) -> str:
    return hashlib.sha256("\n".join(paragraphs).encode()).hexdigest()


def xml_escape(text: str) -> str:
    """Text for XML content or attributes; what XML cannot hold at all is dropped."""
    text = xml_safe(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _custom_xml(props: dict) -> bytes:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{xml_escape(k)}">'
        f"<vt:lpwstr>{xml_escape(v)}</vt:lpwstr></property>"
        for i, (k, v) in enumerate(props.items(), start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{items}</Properties>").encode()


def package(entries: dict[str, bytes]) -> bytes:
    """A zip of package entries that declares docProps/custom.xml, which `stamp` adds."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries.items():
            if name == "docProps/custom.xml":
                continue
            if name == "[Content_Types].xml" and b"docProps/custom.xml" not in body:
                body = body.replace(b"</Types>", (
                    f'<Override PartName="/docProps/custom.xml" ContentType="{_CUSTOM_CT}"/>'
                    "</Types>").encode())
            elif name == "_rels/.rels" and b"custom-properties" not in body:
                body = body.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdReportgenCustom" Type="{_CUSTOM_REL}" '
                    'Target="docProps/custom.xml"/></Relationships>').encode())
            z.writestr(name, body)
    return out.getvalue()


def stamp(base: bytes, parts: dict[str, bytes], source: str, paragraphs: list[str] | None = None) -> bytes:
    """`base` (made by `package`) plus `parts`, with our provenance in docProps/custom.xml:
    version, source, the fingerprint of the content and a digest of its text. The entries
    of `base` are copied as they are, already compressed."""
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
        props = {PROP_VERSION: __version__, PROP_SOURCE: source, PROP_HASH: _fingerprint(z.infolist(), False),
                 PROP_HASH2: _fingerprint(z.infolist())}
        if paragraphs is not None:
            props[PROP_TEXT] = text_digest(paragraphs)
        z.writestr("docProps/custom.xml", _custom_xml(props))
    return out.getvalue()


def stamp_docx(data: bytes, source: str, paragraphs: list[str] | None = None) -> bytes:
    """Stamp a DOCX serialised elsewhere (python-docx: an annotated copy)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    return stamp(package(entries), {}, source, paragraphs)


def docx_stamp(path: Path) -> dict | None:
    """The provenance we recorded, plus 'edited': whether the content changed since."""
    try:
        with zipfile.ZipFile(path) as z:
            if "docProps/custom.xml" not in z.namelist():
                return None
            xml = z.read("docProps/custom.xml").decode("utf-8", "replace")
            props = dict(re.findall(r'name="([^"]+)"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>', xml))
            if PROP_HASH not in props:
                return None
            if PROP_HASH2 in props:
                theirs = set(re.findall(r'name="([^"]+)"', xml)) - {PROP_VERSION, PROP_SOURCE, PROP_HASH, PROP_HASH2, PROP_TEXT}
                edited = _fingerprint(z.infolist()) != props[PROP_HASH2] or bool(theirs)
            else:
                edited = _fingerprint(z.infolist(), False) != props[PROP_HASH]
            return {**props, "edited": edited}
    except zip_errors():   # damaged: not a file we can vouch for
        return None


# ---- Markdown provenance ---------------------------------------------------------------

def stamp_md(text: str) -> bytes:
    body = text.rstrip("\n") + "\n"
    digest = hashlib.sha256(body.encode()).hexdigest()
    return (body + f"\n<!-- reportgen {__version__} sha256={digest} -->\n").encode()


def md_stamp(path: Path) -> dict | None:
    return _marked(path, _MD_MARK, lambda text: text.rstrip("\n") + "\n")


def _marked(path: Path, mark: re.Pattern, body) -> dict | None:
    """The version a text file's closing mark names (if any), and whether the text above the
    mark still has the digest the mark records; None when there is no mark."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = mark.search(text)
    if not m:
        return None
    found = {PROP_VERSION: m["version"]} if "version" in mark.groupindex else {}
    return {**found, "edited": hashlib.sha256(body(text[:m.start()]).encode()).hexdigest() != m["sha"]}


# ---- provenance of a text file we own (a learned schema) --------------------------------

_TEXT_MARK = re.compile(r"# reportgen sha256=(?P<sha>[0-9a-f]{64})\n?$")


def mark_text(body: str) -> str:
    """`body` with a last line naming its digest: an edit anywhere shows (no version in it, so
    the same input always gives the same file)."""
    body = body.rstrip("\n") + "\n"
    return body + f"# reportgen sha256={hashlib.sha256(body.encode()).hexdigest()}\n"


def text_stamp(path: Path) -> dict | None:
    return _marked(path, _TEXT_MARK, lambda text: text)


# ---- the guarded write -------------------------------------------------------------------

@dataclass
class WriteResult:
    path: Path
    backup: Path | None = None
    replaced: bool = False


def backup_name(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.备份-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.备份-{stamp}-{n}{path.suffix}")
    return candidate


def guarded_write(path: Path, data: bytes, fmt: str, force: bool = False, dry: bool = False) -> WriteResult:
    """Write `data`; refuse to replace a file a person edited (or we did not make) unless forced.
    `dry`: only the checks (before long work), nothing written or backed up."""
    path = Path(path)
    regular_output(path)
    if not path.parent.exists():
        raise ReportgenError(Problem("输出目录不存在", str(path.parent),
                                     hint="先创建该目录,或换一个输出路径"))
    result = WriteResult(path)
    if path.exists():
        stamp = {"docx": docx_stamp, "schema": text_stamp}.get(fmt, md_stamp)(path)
        if stamp is None or stamp["edited"]:
            why = "不是 reportgen 生成的文件" if stamp is None else "在上次生成后被修改过"
            if not force:
                raise ReportgenError(Problem(
                    f"输出文件已存在,且{why};为免丢失他人的修改,没有覆盖它", str(path),
                    hint="换一个输出文件名(-o),或加 --force 覆盖(原文件会先备份)"))
            if dry:
                return result
            result.backup = _backed_up(path)
        result.replaced = True
    if dry:
        return result
    write_file(path, data, "检查目录权限和磁盘空间;文件是否正被 Word/WPS 打开")
    return result


def _backed_up(path: Path) -> Path:
    try:
        return backup(path)
    except OSError as e:
        raise ReportgenError(Problem(f"无法备份原文件,没有覆盖它({e.strerror})", str(path),
                                     hint="检查目录权限和磁盘空间")) from None


def write_file(path: Path, data: bytes, hint: str) -> None:
    """write_atomic, with a located message when the system refuses."""
    try:
        write_atomic(path, data)
    except OSError as e:
        raise ReportgenError(Problem(f"无法写入输出文件({e.strerror})", str(path), hint=hint)) from None


def write_text_file(path: Path, text: str, force: bool = False) -> Path:
    """A text file a person goes on editing (facts): never replaced unless forced, then backed up."""
    return write_new_file(path, text.encode("utf-8"), force)


def write_new_file(path: Path, data: bytes, force: bool = False) -> Path:
    """A file a person may go on editing (facts, a table): never replaced unless forced, then backed up."""
    path = Path(path)
    regular_output(path)
    if path.exists() and not force:
        raise ReportgenError(Problem("输出文件已存在,没有覆盖它", str(path),
                                     hint="换一个输出文件名(-o),或加 --force 覆盖(原文件会先备份)"))
    if path.exists():
        _backed_up(path)
    write_file(path, data, "检查目录是否存在、权限和磁盘空间")
    return path
