"""reportgen serve: a drafting workbench in the browser (on this machine, unless --host).

A front end beside the CLI, over the library API. The facts file stays the source of truth:
each page edits one file's data as a form, the server renders a preview (the HTML writer,
from the same report tree and style sheet as the DOCX) and the check findings, and saves the
file — editing changed values in place, so comments and key order stay; a stale page never
overwrites newer edits (a version check). Every request needs the session's token (in the
address printed at start); a request that changes anything must also come from the page's
own origin. Files are read and written inside the folder the server was started in only.
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
from html import escape
from urllib.parse import parse_qs, urlparse

import yaml

from . import api
from .errors import Problem, ReportgenError
from .output import backup, write_atomic
from .resources import templates_dir
from .yamledit import Unsupported, edited_text
from .yamlio import load_data, nodes_by_path

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


def _rewritten(new) -> str:
    header = "# 由 reportgen serve 保存(原有注释未能保留)。\n"
    return header + yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=100000)


def updated_text(text: str, new) -> tuple[str, bool]:
    """The facts file's text with `new` data: changed values replaced where they stand, sections
    and items added, removed or moved with their comments (yamledit). The text written always
    reads back as `new`; where that can't be done in place, the file is written anew.
    Returns (text, whether comments were kept)."""
    try:
        out = edited_text(text, _jsonable(load_data(text)), new)
        if _jsonable(load_data(out)) == new:
            return out, True
    except (Unsupported, yaml.YAMLError):
        pass
    return _rewritten(new), False


def _hints(text: str) -> dict[str, str]:
    """The comment written after each value (中心组学习:   # 次。党组理论学习中心组集中学习次数),
    by the value's key path as the page names it (JSON): the form shows it beside the field."""
    import re

    out = {}
    for path, node in nodes_by_path(text).items():
        if isinstance(node, yaml.ScalarNode) and path:
            end = text.find("\n", node.end_mark.index)
            m = re.search(r"(?:^|\s)#\s*(.+?)\s*$", text[node.end_mark.index:len(text) if end < 0 else end])
            if m:
                out[json.dumps(list(path), ensure_ascii=False, separators=(",", ":"))] = m.group(1)
    return out


def version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class Workbench:
    """What the server serves: the facts files of one folder; each page names the one it edits."""
    root: Path
    facts: Path                       # the file the server was started with: a new page opens it
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    lock: threading.Lock = field(default_factory=threading.Lock)
    backed_up: set = field(default_factory=set)

    def inside(self, path: Path) -> Path:
        path = (self.root / path).resolve()
        if self.root.resolve() not in (path, *path.parents):
            raise ReportgenError(Problem("只能打开启动目录中的文件", path.name))
        return path

    def file(self, name: str | None) -> Path:
        """A facts file of the folder, by the name a page gives (the start file if none)."""
        path = self.inside(Path(name)) if name else self.facts
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            raise ReportgenError(Problem("找不到这个事实文件", path.name))
        return path

    def state(self, name: str | None = None) -> dict:
        from .yamlio import decode, load_yaml_text

        path = self.file(name)
        raw = path.read_bytes()
        text = decode(raw, path.name)
        src = load_yaml_text(text, path.name)
        return {"file": self._name(path), "data": _jsonable(src.data), "version": version(raw),
                "hints": _hints(text)}

    def _name(self, path: Path) -> str:
        return str(path.relative_to(self.root.resolve()))

    @staticmethod
    def units() -> dict:
        """Each fact category's number fields and their units, for the form (提交 件)."""
        out = {}
        for name, t in _renderer().slots.types.items():
            fields = {f.name: f.unit for f in t.fields.values() if f.type == "数量"}
            out[name] = fields
            out.setdefault(t.topic, fields)   # a section's 事实, by its topic
        return out

    def render(self, data, name: str | None = None, whole: bool = True) -> dict:
        """The preview (the page, or its paragraphs alone for a page already open) and the
        findings for data not yet saved."""
        html, body, problems, ok = api.preview(data, self.file(name).name, _renderer(), whole)
        return {"html": html, "body": body, "findings": [_finding(p) for p in problems], "ok": ok}

    def save(self, data, seen: str, name: str | None = None) -> dict:
        if not isinstance(data, dict):
            raise ReportgenError(Problem("没有可保存的内容", hint="刷新页面后再改"))
        path = self.file(name)
        with self.lock:
            raw = path.read_bytes()
            if version(raw) != seen:
                return {"error": "文件在别处(另一个页面或别的程序)被改过,没有保存。"
                                 "请把这里的改动记下,刷新页面,在最新内容上再改。", "status": HTTPStatus.CONFLICT}
            from .yamlio import decode

            text, kept = updated_text(decode(raw, path.name), data)
            new = text.encode("utf-8")
            try:
                if path not in self.backed_up:   # the file as it was before this session's first save
                    backup(path)
                    self.backed_up.add(path)
                write_atomic(path, new)
            except OSError as e:
                return {"error": f"无法保存({e.strerror}):检查磁盘空间和文件权限;改动仍在页面上,稍后再点“保存”。",
                        "status": HTTPStatus.INSUFFICIENT_STORAGE}
            return {"version": version(new), "comments_kept": kept}

    def _free_name(self, name: str) -> Path:
        clean = "".join(ch for ch in name if ch.isalnum() or ch in "-_.()()") .lstrip(".") or "事实.yaml"
        path = self.inside(Path(clean))
        n = 1
        while path.exists():
            n += 1
            path = self.inside(Path(f"{Path(clean).stem}-{n}{Path(clean).suffix}"))
        return path

    def upload(self, name: str, content: bytes) -> dict:
        """Last year's report (.docx/.txt/.md) -> its facts (extract) -> this year's (roll), in
        new files beside the others; the page edits this year's from now on."""
        import tempfile

        from .readers import MAX_REPORT_BYTES

        suffix = Path(name).suffix.lower()
        if suffix not in UPLOADS:
            raise ReportgenError(Problem(f"只能上传 {'、'.join(UPLOADS)} 文件", Path(name).name))
        if len(content) > MAX_REPORT_BYTES:
            raise ReportgenError(Problem(f"文件过大(上限 {MAX_REPORT_BYTES} 字节)", Path(name).name))
        stem = self._free_name(Path(name).stem[:60] + ".yaml").stem
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / f"{stem}{suffix}"
            report.write_bytes(content)
            last = api.extract(report, self._free_name(f"{stem}-提取.yaml"))
        this, rolled = api.roll(last, self._free_name(f"{stem}-今年.yaml"))
        return {**self.state(self._name(this)), "changed": rolled.changed, "todo": rolled.todo}

    def new(self, kind: str) -> dict:
        """A new report: the init skeleton of a kind, in a new file."""
        return self.state(self._name(api.init(kind, self._free_name(f"事实-{kind}.yaml"))))


def _finding(p: Problem) -> dict:
    from .errors import format_path

    return {"level": p.level, "message": p.message, "line": p.line, "hint": p.hint,
            "where": format_path(p.path)}


def _suggestions(topic: str) -> dict:
    """Headings, leads and phrases past reports wrote for a topic, each with its source."""
    found = api.suggest(topic)
    return {key: [{"text": text, "source": source} for text, source, _ in found[key][:8]]
            for key in ("标题", "引语", "表述")}


_RENDERERS: dict = {}


def _renderer():
    """One renderer for the server's life (templates and schema read once)."""
    if "r" not in _RENDERERS:
        _RENDERERS["r"] = api.Renderer(schema=api.load_schema())
    return _RENDERERS["r"]


def _page(bench: Workbench) -> bytes:
    html = (templates_dir() / "serve.html").read_text(encoding="utf-8")
    return html.replace("{{TOKEN}}", bench.token).replace("{{FILE}}", escape(bench.facts.name)).encode("utf-8")


_REFUSED = ("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>reportgen 起草台</title>"
            "<p>请用启动 reportgen serve 时终端里给出的完整地址(带 ?token=…)打开起草台。</p></html>").encode("utf-8")


def make_handler(bench: Workbench, origins: set[str] | None):
    """`origins`: the page's addresses on this machine; None when the server listens on another
    host (--host): then any name of the machine is answered, and the token guards everything."""
    class Handler(BaseHTTPRequestHandler):
        server_version = "reportgen"
        timeout = 30                      # a client that stops sending is dropped
        protocol_version = "HTTP/1.1"     # one connection for a page's many requests
        disable_nagle_algorithm = True    # an answer goes out at once, not after the last one's ACK

        def log_message(self, *args):   # quiet: the terminal is the user's
            pass

        def _send(self, status, body: bytes, kind: str, extra: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")            # no framing by another page
            self.send_header("Referrer-Policy", "no-referrer")     # the token stays here
            self.send_header("Content-Security-Policy",
                             "default-src 'self' 'unsafe-inline'; frame-src 'self' data:; frame-ancestors 'none'")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status, obj):
            self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

        def _foreign_host(self) -> bool:
            """A request naming another host (DNS rebinding: evil.example resolving to 127.0.0.1)."""
            here = "http://" + (self.headers.get("Host") or "")
            if here in origins if origins is not None else here.endswith(f":{self.server.server_address[1]}"):
                return False
            self._json(HTTPStatus.FORBIDDEN, {"error": "拒绝:请求的主机名不是本机"})
            return True

        def _token_ok(self, query: dict) -> bool:
            """Whoever started the server has the token (the address printed); no one else does."""
            given = self.headers.get("X-Reportgen-Token") or (query.get("token") or [""])[0]
            return secrets.compare_digest(given, bench.token)

        def do_GET(self):
            if self._foreign_host():
                return
            url = urlparse(self.path)
            query = parse_qs(url.query)
            if not self._token_ok(query):
                if url.path == "/":
                    return self._send(HTTPStatus.FORBIDDEN, _REFUSED, "text/html; charset=utf-8")
                return self._json(HTTPStatus.FORBIDDEN, {"error": "拒绝:缺少本次会话的令牌"})
            name = (query.get("file") or [None])[0]
            try:
                if url.path == "/":
                    return self._send(HTTPStatus.OK, _page(bench), "text/html; charset=utf-8")
                if url.path == "/api/state":
                    return self._json(HTTPStatus.OK, {**bench.state(name), "units": bench.units()})
                if url.path == "/api/suggest":
                    return self._json(HTTPStatus.OK, _suggestions((query.get("topic") or [""])[0]))
                if url.path in ("/download.docx", "/download.md", "/download.html"):
                    return self._download(url.path.rsplit(".", 1)[1], name)
            except ReportgenError as e:
                return self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(e)})
            self._json(HTTPStatus.NOT_FOUND, {"error": "没有这个页面"})

        def _download(self, fmt: str, name: str | None):
            from urllib.parse import quote

            path = bench.file(name)
            d = api.draft(path, _renderer())
            data = api.document(d.tree, fmt, source=path.name)
            kinds = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
            self._send(HTTPStatus.OK, data, kinds[fmt],
                       {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(path.stem + '.' + fmt)}"})

        def do_POST(self):
            if self._foreign_host():
                return
            # only the page itself may change anything: its origin, and the token it was given
            own = origins if origins is not None else {"http://" + (self.headers.get("Host") or "")}
            if self.headers.get("Origin") not in own or not self._token_ok({}):
                return self._json(HTTPStatus.FORBIDDEN, {"error": "拒绝:请求不是来自本工具的页面"})
            try:
                size = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                size = -1
            if not 0 <= size <= MAX_REQUEST:
                return self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE if size > 0 else HTTPStatus.BAD_REQUEST,
                                  {"error": "内容太大" if size > 0 else "请求不完整"})
            try:
                body = json.loads(self.rfile.read(size) or b"{}")
            except (ValueError, RecursionError):
                return self._json(HTTPStatus.BAD_REQUEST, {"error": "请求不是 JSON"})
            if not isinstance(body, dict):
                return self._json(HTTPStatus.BAD_REQUEST, {"error": "请求格式不对"})
            path = urlparse(self.path).path
            name = body.get("file") if isinstance(body.get("file"), str) else None
            try:
                if path == "/api/preview":
                    return self._json(HTTPStatus.OK, bench.render(body.get("data"), name, not body.get("framed")))
                if path == "/api/save":
                    got = bench.save(body.get("data"), str(body.get("version", "")), name)
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
    """The workbench for a facts file in the current folder (not yet serving). Its address,
    with the session's token, is `address(server, bench)`."""
    root = Path.cwd()
    bench = Workbench(root, Path())
    bench.facts = bench.file(str(facts))
    try:
        server = ThreadingHTTPServer((host, port), make_handler(bench, set()))
    except OSError as e:
        raise ReportgenError(Problem(f"无法在端口 {port} 上启动({e.strerror})", hint="换一个端口:--port 8080")) from None
    real_port = server.server_address[1]
    local = host in LOOPBACK
    origins = {f"http://127.0.0.1:{real_port}", f"http://localhost:{real_port}"} if local else None
    server.RequestHandlerClass = make_handler(bench, origins)
    return server, bench


LOOPBACK = ("127.0.0.1", "localhost")


def address(server: ThreadingHTTPServer, bench: Workbench, host: str = "127.0.0.1") -> str:
    """The page's address, with the token that only whoever started the server sees."""
    name = "127.0.0.1" if host in LOOPBACK or host in ("0.0.0.0", "") else host
    return f"http://{name}:{server.server_address[1]}/?token={bench.token}"
