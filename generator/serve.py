"""reportgen serve: a drafting workbench in the browser, on this machine only.

The facts file stays the source of truth: the page edits its data as a form, the server
renders a preview (the HTML writer, from the same report tree and style sheet as the DOCX)
and the check findings, and saves the file — editing changed values in place, so comments
and key order stay; a stale page never overwrites newer edits (a version check). Requests
that change anything must come from the page itself: its Origin, and the session token the
page carries. Files are read and written inside the folder the server was started in only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import yaml

from . import api
from .errors import Problem, ReportgenError
from .output import backup_name, write_atomic
from .resources import templates_dir

MAX_REQUEST = 8_000_000    # a report of 5 MB (readers.MAX_REPORT_BYTES) sent as base64
UPLOADS = (".docx", ".txt", ".md")


def _jsonable(value):
    """YAML data as JSON: dates as 2021-06-21."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _yaml_scalar(value) -> str:
    """A value as YAML text that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)   # a JSON string is a YAML double-quoted one


def _nodes(text: str) -> dict[tuple, yaml.Node]:
    out: dict[tuple, yaml.Node] = {}

    def walk(node, path):
        out[path] = node
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, path + (str(k.value),))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (i,))

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if root is not None:
        walk(root, ())
    return out


def _same_shape(a, b) -> bool:
    """The same keys in the same order and lists of the same length, all the way down."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(map(str, a)) == list(map(str, b)) and all(_same_shape(a[k], b[k2]) for k, k2 in zip(a, b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_shape(x, y) for x, y in zip(a, b))
    return not isinstance(a, (dict, list)) and not isinstance(b, (dict, list))


def updated_text(text: str, new) -> tuple[str, bool]:
    """The facts file's text with `new` data. Where only values changed, each is replaced where
    it stands (comments, key order and layout kept); otherwise the file is written anew.
    Returns (text, whether comments were kept)."""
    old = _jsonable(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if not _same_shape(old, new):
        header = "# 由 reportgen serve 保存(结构有增删或调整,原有注释未能保留)。\n"
        return header + yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=100000), False
    nodes, edits = _nodes(text), []

    def walk(a, b, path):
        if isinstance(a, dict):
            for k in a:
                walk(a[k], b[k], path + (str(k),))
        elif isinstance(a, list):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, path + (i,))
        elif a != b:
            node = nodes[path]
            tail = "\n" if node.style in ("|", ">") else ""   # a block scalar ends with its line
            edits.append((node.start_mark.index, node.end_mark.index, _yaml_scalar(b) + tail))

    walk(old, new, ())
    for start, end, value in sorted(edits, reverse=True):
        text = text[:start] + value + text[end:]
    return text, True


def version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class Workbench:
    """What the server serves: one facts file inside one folder."""
    root: Path
    facts: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    lock: threading.Lock = field(default_factory=threading.Lock)
    backed_up: bool = False

    def inside(self, path: Path) -> Path:
        path = (self.root / path).resolve()
        if self.root.resolve() not in (path, *path.parents):
            raise ReportgenError(Problem("只能打开启动目录中的文件", str(path)))
        return path

    def state(self) -> dict:
        raw = self.facts.read_bytes()
        from .yamlio import decode, load_yaml_text

        src = load_yaml_text(decode(raw, str(self.facts)), str(self.facts))
        return {"file": self.facts.name, "data": _jsonable(src.data), "version": version(raw)}

    def render(self, data) -> dict:
        """The preview page and the findings for data not yet saved."""
        html, problems, ok = api.preview(data, self.facts.name, _renderer())
        return {"html": html, "findings": [_finding(p) for p in problems], "ok": ok}

    def save(self, data, seen: str) -> dict:
        with self.lock:
            raw = self.facts.read_bytes()
            if version(raw) != seen:
                return {"error": "文件在别处(另一个页面或别的程序)被改过,没有保存。请刷新页面,看到最新内容后再改。",
                        "status": HTTPStatus.CONFLICT}
            from .yamlio import decode

            text, kept = updated_text(decode(raw, str(self.facts)), data)
            if not self.backed_up:   # the file as it was before this session's first save
                backup = backup_name(self.facts)
                write_atomic(backup, raw)
                self.backed_up = True
            new = text.encode("utf-8")
            write_atomic(self.facts, new)
            return {"version": version(new), "comments_kept": kept}


    def open_file(self, path: Path) -> dict:
        """Edit another facts file from now on (one inside the folder)."""
        with self.lock:
            self.facts, self.backed_up = self.inside(path), False
        return self.state()

    def _free_name(self, name: str) -> Path:
        path = self.inside(Path(name))
        n = 1
        while path.exists():
            n += 1
            path = self.inside(Path(f"{Path(name).stem}-{n}{Path(name).suffix}"))
        return path

    def upload(self, name: str, content: bytes) -> dict:
        """Last year's report (.docx/.txt/.md) -> its facts (extract) -> this year's (roll), in
        new files beside the others; the workbench edits this year's from now on."""
        import tempfile

        from .readers import MAX_REPORT_BYTES

        suffix = Path(name).suffix.lower()
        if suffix not in UPLOADS:
            raise ReportgenError(Problem(f"只能上传 {'、'.join(UPLOADS)} 文件", name))
        if len(content) > MAX_REPORT_BYTES:
            raise ReportgenError(Problem(f"文件过大(上限 {MAX_REPORT_BYTES} 字节)", name))
        stem = Path(name).stem.replace("/", "_")[:60] or "去年报告"
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / f"{stem}{suffix}"
            report.write_bytes(content)
            last = api.extract(report, self._free_name(f"{stem}-提取.yaml"))
        this, rolled = api.roll(last, self._free_name(f"{stem}-今年.yaml"))
        return {**self.open_file(this), "changed": rolled.changed, "todo": rolled.todo}

    def new(self, kind: str) -> dict:
        """A new report: the init skeleton of a kind, in a new file."""
        return self.open_file(api.init(kind, self._free_name(f"事实-{kind}.yaml")))


def _finding(p: Problem) -> dict:
    return {"level": p.level, "message": p.message, "line": p.line, "hint": p.hint}


_RENDERERS: dict = {}


def _renderer():
    """One renderer for the server's life (templates and schema read once)."""
    if "r" not in _RENDERERS:
        _RENDERERS["r"] = api.Renderer(schema=api.load_schema())
    return _RENDERERS["r"]


def _page(bench: Workbench) -> bytes:
    html = (templates_dir() / "serve.html").read_text(encoding="utf-8")
    return html.replace("{{TOKEN}}", bench.token).replace("{{FILE}}", bench.facts.name).encode("utf-8")


def make_handler(bench: Workbench, origins: set[str]):
    class Handler(BaseHTTPRequestHandler):
        server_version = "reportgen"

        def log_message(self, *args):   # quiet: the terminal is the user's
            pass

        def _send(self, status, body: bytes, kind: str, extra: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'self' 'unsafe-inline'; frame-src 'self' data:")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status, obj):
            self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

        def _foreign_host(self) -> bool:
            """A request naming another host (DNS rebinding: evil.example resolving to 127.0.0.1)."""
            if "http://" + (self.headers.get("Host") or "") in origins:
                return False
            self._json(HTTPStatus.FORBIDDEN, {"error": "拒绝:请求的主机名不是本机"})
            return True

        def do_GET(self):
            if self._foreign_host():
                return
            path = urlparse(self.path).path
            try:
                if path == "/":
                    return self._send(HTTPStatus.OK, _page(bench), "text/html; charset=utf-8")
                if path == "/api/state":
                    return self._json(HTTPStatus.OK, bench.state())
                if path in ("/download.docx", "/download.md", "/download.html"):
                    return self._download(path.rsplit(".", 1)[1])
            except ReportgenError as e:
                return self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(e)})
            self._json(HTTPStatus.NOT_FOUND, {"error": "没有这个页面"})

        def _download(self, fmt: str):
            from urllib.parse import quote

            d = api.draft(bench.facts, _renderer())
            data = api.document(d.tree, fmt, source=bench.facts.name)
            kinds = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
            name = quote(f"{bench.facts.stem}.{fmt}")
            self._send(HTTPStatus.OK, data, kinds[fmt], {"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})

        def do_POST(self):
            if self._foreign_host():
                return
            # only the page itself may change anything: its origin, and the token it was given
            if self.headers.get("Origin") not in origins or \
                    not secrets.compare_digest(self.headers.get("X-Reportgen-Token", ""), bench.token):
                return self._json(HTTPStatus.FORBIDDEN, {"error": "拒绝:请求不是来自本工具的页面"})
            size = int(self.headers.get("Content-Length") or 0)
            if size > MAX_REQUEST:
                return self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "内容太大"})
            try:
                body = json.loads(self.rfile.read(size) or b"{}")
            except ValueError:
                return self._json(HTTPStatus.BAD_REQUEST, {"error": "请求不是 JSON"})
            path = urlparse(self.path).path
            try:
                if path == "/api/preview":
                    return self._json(HTTPStatus.OK, bench.render(body.get("data")))
                if path == "/api/save":
                    got = bench.save(body.get("data"), str(body.get("version", "")))
                    return self._json(got.pop("status", HTTPStatus.OK), got)
                if path == "/api/upload":
                    import base64
                    import binascii

                    try:
                        content = base64.b64decode(str(body.get("content", "")), validate=True)
                    except (binascii.Error, ValueError):
                        return self._json(HTTPStatus.BAD_REQUEST, {"error": "上传的内容不完整"})
                    return self._json(HTTPStatus.OK, bench.upload(str(body.get("name", "")), content))
                if path == "/api/new":
                    return self._json(HTTPStatus.OK, bench.new(str(body.get("kind", ""))))
            except ReportgenError as e:
                return self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(e)})
            self._json(HTTPStatus.NOT_FOUND, {"error": "没有这个接口"})

    return Handler


def make_server(facts: Path, port: int = 8000, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, Workbench]:
    """The workbench for a facts file in the current folder (not yet serving)."""
    root = Path.cwd()
    bench = Workbench(root, Path())
    bench.facts = bench.inside(facts)
    if not bench.facts.is_file():
        raise ReportgenError(Problem("找不到事实文件", str(facts), hint="先用 reportgen init 生成一份"))
    try:
        server = ThreadingHTTPServer((host, port), make_handler(bench, set()))
    except OSError as e:
        raise ReportgenError(Problem(f"无法在端口 {port} 上启动({e.strerror})", hint="换一个端口:--port 8080")) from None
    real_port = server.server_address[1]
    origins = {f"http://127.0.0.1:{real_port}", f"http://localhost:{real_port}"}
    server.RequestHandlerClass = make_handler(bench, origins)
    return server, bench
