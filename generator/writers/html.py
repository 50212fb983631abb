"""Report tree -> one HTML page that looks like the DOCX: the same style sheet (GB/T 9704: A4,
仿宋 三号, 22 lines of 28 characters, "— 1 —" page numbers), laid out in pages by a small
script in the page itself (no CDN, nothing fetched). For a browser preview and for printing."""
from __future__ import annotations

from html import escape

from ..style import StyleSheet
from ..tree import Paragraph, Report
from . import look_of
from .text import front_blocks

LOOKS = ("body", "title", "subtitle", "byline", "salutation", "part", "h1", "h2", "h3", "h4")
ALIGN = {"两端": "justify", "居中": "center", "左": "left", "右": "right"}
# Office font names and the faces a reader's machine may have instead
FALLBACK = {"仿宋": ["FangSong", "STFangsong", "AR PL UMing CN", "Noto Serif CJK SC"],
            "楷体": ["KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC"],
            "黑体": ["SimHei", "STHeiti", "Noto Sans CJK SC"],
            "宋体": ["SimSun", "STSong", "Noto Serif CJK SC"],
            "小标宋": ["STZhongsong", "Noto Serif CJK SC"]}


def _families(font: str, latin: str) -> str:
    """Digits and Latin letters in the Latin font (as Word sets them), everything else, quotes
    included, in the Chinese one: the Latin face is a local font limited to Latin code points."""
    faces = ["reportgen-latin", font] + next((v for k, v in FALLBACK.items() if k in font), ["Noto Serif CJK SC"])
    return ", ".join(f'"{f}"' for f in faces) + ", serif"


def _latin_face(latin: str) -> str:
    sources = ", ".join(f'local("{f}")' for f in (latin, "Liberation Serif", "Times New Roman"))
    return ("@font-face { font-family: \"reportgen-latin\"; src: " + sources
            + "; unicode-range: U+0020-007E, U+00A0-00FF; }")


def _css(sheet: StyleSheet) -> str:
    page = sheet.page
    width, height, top, bottom, left, right = page.width, page.height, page.top, page.bottom, page.left, page.right
    line = page.text_height / page.lines            # the grid: 22 lines fill the text area (points)
    char = page.text_width / page.chars             # and 28 characters a line
    rules = [
        _latin_face(sheet.latin_font),
        f"@page {{ size: {width:.2f}pt {height:.2f}pt; margin: 0; }}",
        "html { background: #e8e8e8; } body { margin: 0; }",
        f".page {{ position: relative; box-sizing: border-box; width: {width:.2f}pt; height: {height:.2f}pt;"
        f" padding: {top:.2f}pt {right:.2f}pt {bottom:.2f}pt {left:.2f}pt; margin: 12pt auto; background: #fff;"
        " box-shadow: 0 1pt 4pt rgba(0,0,0,.3); overflow: hidden; break-after: page; }",
        f".page .text {{ height: {page.text_height:.2f}pt; overflow: hidden; }}",
        f"#report {{ width: {page.text_width:.2f}pt; }}",   # the column paragraphs are measured in
        # every character a full cell, as on the DOCX grid: no trimming of full-width punctuation
        f"p {{ margin: 0; line-height: {line:.3f}pt; line-break: strict; text-spacing-trim: space-all;"
        " text-autospace: no-autospace; }",
        f".num {{ position: absolute; bottom: {bottom - sheet.page_number.gap - sheet.page_number.size:.2f}pt;"
        f" font-family: {_families(sheet.page_number.font, sheet.latin_font)};"
        f" font-size: {sheet.page_number.size:.2f}pt; }}",
        f".page:nth-of-type(odd) .num {{ right: {right + sheet.page_number.inset * char:.2f}pt; }}",
        f".page:nth-of-type(even) .num {{ left: {left + sheet.page_number.inset * char:.2f}pt; }}",
        "p.cont { text-indent: 0 !important; padding-top: 0 !important; }",
        "@media print { html { background: none; } .page { margin: 0; box-shadow: none; } }",
        "@media screen { body { zoom: var(--fit, 1); } }",   # a narrow window sees whole pages
    ]
    for look in LOOKS:
        ps = sheet.para(look)
        size = ps.size
        rules.append(
            f"p.{look} {{ font-family: {_families(ps.font, sheet.latin_font)}; font-size: {size:.2f}pt;"
            # body-sized text keeps to the 28-character grid; a larger title keeps its own width
            f" letter-spacing: {(char - size - 0.01) if size <= char + 1 else 0:.3f}pt;"
            f" text-indent: {(ps.indent or 0) * char:.2f}pt;"
            f" text-align: {ALIGN.get(ps.align or '两端', 'justify')}; font-weight: {'bold' if ps.bold else 'normal'};"
            f" padding-top: {ps.before * line:.2f}pt; padding-bottom: {ps.after * line:.2f}pt; }}")
    lead = sheet.lead
    rules.append(f"p strong {{ font-weight: {'bold' if lead.bold else 'normal'};"
                 + (f" font-family: {_families(lead.font, sheet.latin_font)};" if lead.font else "") + " }")
    return "\n".join(rules)


# Pages: move paragraphs that overflow a page's text area to the next page (a paragraph runs
# on across the break line by line, as in Word), then number the pages.
_SCRIPT = """
(function () {
  // Pages in two steps, so that layout is computed once: measure every paragraph in one column
  // as wide as the page's text (and where a line starts, for those that run over a page end),
  // then move them into pages, splitting at line ends (as Word runs a paragraph on).
  var format = document.getElementById('report').getAttribute('data-page-number');
  var pages = [], starts, lineH;        // (lineStart reads the last two)
  var placed = null;                    // each paragraph as sent: its HTML and, if whole on a page, where
  layout(); fit(); window.addEventListener('resize', fit);
  // in the workbench: keep the reader's place across previews (the page above remembers it),
  // and lay out a new report in place when the page above sends one (no reload: faster)
  var at = Number(document.body.getAttribute('data-scroll') || 0);
  if (at) window.scrollTo(0, at);
  if (window.parent !== window) {
    window.addEventListener('scroll', function () {
      window.parent.postMessage({ reportgenScroll: window.scrollY }, '*');
    });
    window.addEventListener('message', function (e) {
      if (e.source !== window.parent || !e.data || typeof e.data.reportgenBody !== 'string') return;
      var source = document.createElement('div'); source.id = 'report';
      source.innerHTML = e.data.reportgenBody;
      if (!inPlace(source)) {
        pages.forEach(function (page) { page.remove(); });
        pages = [];
        document.body.insertBefore(source, document.body.firstChild);
        layout(); fit();
      }
      window.parent.postMessage({ reportgenPaged: pages.length }, '*');
    });
    window.parent.postMessage({ reportgenPaged: pages.length }, '*');   // laid out: shown
  }

  // An edit that changes a few paragraphs and none of them by a line: those paragraphs are
  // rewritten where they stand (one running over a page end, piece by piece at the same line
  // ends), and the pages stay as they are.
  function inPlace(source) {
    var fresh = Array.prototype.slice.call(source.children);
    if (!placed || fresh.length !== placed.length) return false;
    var changed = [];
    for (var i = 0; i < fresh.length; i++) {
      if (fresh[i].outerHTML === placed[i].html) continue;
      if (fresh[i].className !== placed[i].cls) return false;
      changed.push(i);
    }
    if (changed.length > 8) return false;
    var undo = [], ok = true;
    changed.forEach(function (k) {
      if (!ok) return;
      var pieces = placed[k].pieces, texts = null;
      if (pieces.length > 1) {             // run over a page end: cut at the same lines, or give up
        texts = split(fresh[k], placed[k].lines, pieces);
        if (!texts) { ok = false; return; }
      }
      pieces.forEach(function (piece, n) {
        var el = piece[0], before = el.getBoundingClientRect().height;
        undo.push([el, el.innerHTML]);
        el.innerHTML = texts ? texts[n] : fresh[k].innerHTML;
        if (Math.abs(el.getBoundingClientRect().height - before) > 0.5) ok = false;   // a line more or less
      });
    });
    if (!ok) { undo.forEach(function (u) { u[0].innerHTML = u[1]; }); return false; }
    changed.forEach(function (k) { placed[k].html = fresh[k].outerHTML; });
    return true;
  }
  function split(p, lines, pieces) {      // a paragraph's pieces' HTML, at the line ends they had
    var column = document.createElement('div'); column.id = 'report';
    column.style.cssText = 'position:absolute;left:-100000px;top:0';
    column.appendChild(p); document.body.appendChild(column);
    // (the pages are zoomed to fit the window: what is measured now is zoomed as well)
    var zoom = parseFloat(document.body.style.getPropertyValue('--fit')) || 1, fullH = lineH;
    var cs = getComputedStyle(p), r = p.getBoundingClientRect();
    var b = { p: p, top: r.top, padTop: parseFloat(cs.paddingTop) * zoom, padBottom: parseFloat(cs.paddingBottom) * zoom };
    b.lines = Math.max(1, Math.round((r.height - b.padTop - b.padBottom) / (lineH * zoom)));
    var out = null;
    if (b.lines === lines) {
      lineH = fullH * zoom;
      pieces.forEach(function (piece) {
        [piece[1], piece[2]].forEach(function (k) { if (k > 0 && k < lines) lineStart(b, k); });
      });
      lineH = fullH;
      var html = p.innerHTML, at = starts.get(b) || {};
      out = pieces.map(function (piece) {
        var a = piece[1] ? at[piece[1]] : 0, z = piece[2] < lines ? at[piece[2]] : null;
        return cut(z === null ? html : cut(html, z, true), a, false);
      });
    }
    column.remove();
    return out;
  }

  function fit() {                        // on screen, pages as wide as the window allows
    var width = pages.length ? pages[0].offsetWidth + 24 : 1;
    document.body.style.setProperty('--fit', String(Math.min(1, window.innerWidth / width)));
  }

  function layout() {
  window.reportgenLayouts = (window.reportgenLayouts || 0) + 1;   // (the tests count them)
  document.body.style.setProperty('--fit', '1');   // measured at full size; fit() shrinks after
  var source = document.getElementById('report');
  var blocks = Array.prototype.slice.call(source.children);
  placed = blocks.map(function (p) { return { html: p.outerHTML, cls: p.className, pieces: [], lines: 0 }; });
  function newPage() {
    var page = document.createElement('div'); page.className = 'page';
    var text = document.createElement('div'); text.className = 'text'; page.appendChild(text);
    document.body.appendChild(page); pages.push(page); return text;
  }
  var first = newPage();
  var limit = first.clientHeight;
  var body = blocks.filter(function (b) { return b.className === 'body'; })[0] || blocks[0];
  lineH = body ? parseFloat(getComputedStyle(body).lineHeight) : limit;
  var boxes = blocks.map(function (p, i) {
    var cs = getComputedStyle(p), r = p.getBoundingClientRect();
    var padTop = parseFloat(cs.paddingTop), padBottom = parseFloat(cs.paddingBottom);
    return { p: p, i: i, top: r.top, padTop: padTop, padBottom: padBottom,
             lines: Math.max(1, Math.round((r.height - padTop - padBottom) / lineH)) };
  });
  // plan: pages of (paragraph, first line, end line)
  var plan = [], page = [], used = 0;
  boxes.forEach(function (b) {
    var from = 0;
    for (var guard = 0; guard < 1000; guard++) {
      var pad = from === 0 ? b.padTop : 0;
      var need = (b.lines - from) * lineH + pad + b.padBottom;
      if (used + need <= limit + 1) { page.push([b, from, b.lines]); used += need; return; }
      var fit = Math.floor((limit - used - pad + 1) / lineH);
      if (fit <= 0 && page.length) { plan.push(page); page = []; used = 0; continue; }
      fit = Math.max(fit, 1);
      page.push([b, from, Math.min(from + fit, b.lines)]);
      plan.push(page); page = []; used = 0; from += fit;
      if (from >= b.lines) return;
    }
  });
  if (page.length) plan.push(page);
  // where each needed line starts, read while the layout still stands
  starts = new Map();
  plan.forEach(function (pg) { pg.forEach(function (part) {
    [part[1], part[2]].forEach(function (k) {
      if (k > 0 && k < part[0].lines) lineStart(part[0], k);
    });
  }); });
  // build
  source.remove();
  var text = first;
  plan.forEach(function (pg, n) {
    if (n > 0) text = newPage();
    pg.forEach(function (part) {
      var b = part[0], whole = part[1] === 0 && part[2] === b.lines;
      placed[b.i].lines = b.lines;
      if (whole) { text.appendChild(b.p); placed[b.i].pieces.push([b.p, 0, b.lines]); return; }
      var html = b.html || (b.html = b.p.innerHTML);
      var a = part[1] ? starts.get(b)[part[1]] : 0, z = part[2] < b.lines ? starts.get(b)[part[2]] : null;
      var piece = b.p.cloneNode(false);
      if (part[1] > 0) piece.className = b.p.className + ' cont';
      piece.innerHTML = cut(z === null ? html : cut(html, z, true), a, false);
      text.appendChild(piece);
      placed[b.i].pieces.push([piece, part[1], part[2]]);
    });
  });
  pages.forEach(function (page, i) {
    var num = document.createElement('div'); num.className = 'num';
    num.textContent = format.replace('{页码}', String(i + 1)); page.appendChild(num);
  });
  document.body.setAttribute('data-pages', String(pages.length));
  }

  function lineStart(b, k) {              // the first character of line k of a paragraph
    var map = starts.get(b);
    if (!map) { map = {}; starts.set(b, map); }
    if (map[k] !== undefined) return;
    var nodes = [], total = 0, walker = document.createTreeWalker(b.p, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) { nodes.push([walker.currentNode, total]); total += walker.currentNode.nodeValue.length; }
    var range = document.createRange();
    function line(o) {                    // the line character o sits on
      for (var i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= o) break;
      var node = nodes[Math.max(i, 0)];
      range.setStart(node[0], o - node[1]); range.setEnd(node[0], o - node[1] + 1);
      var r = range.getClientRects()[0];
      return r ? Math.floor((r.top + r.height / 2 - b.top - b.padTop) / lineH) : 0;
    }
    var lo = 0, hi = total - 1;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (line(mid) >= k) hi = mid; else lo = mid + 1; }
    map[k] = lo;
  }
  function cut(html, n, head) {           // the first n characters (head) or the rest, tags kept
    var div = document.createElement('div'); div.innerHTML = html; var seen = 0;
    (function go(node) {
      Array.prototype.slice.call(node.childNodes).forEach(function (c) {
        if (c.nodeType !== 3) { go(c); return; }
        var len = c.nodeValue.length, v = c.nodeValue;
        if (head) c.nodeValue = seen >= n ? '' : v.slice(0, Math.max(0, n - seen));
        else c.nodeValue = seen + len <= n ? '' : v.slice(Math.max(0, n - seen));
        seen += len;
      });
    })(div);
    return div.innerHTML;
  }
})();
"""


def _blocks(report: Report) -> list[tuple[str, str, str]]:
    """(look, lead, text) of every paragraph of the document, front matter first."""
    out = [(look, "", text) for look, text in front_blocks(report)]
    for _, node in report.walk():
        if isinstance(node, Paragraph):
            out.append(("body", node.lead, node.text))
        elif node.heading:
            out.append((look_of(node), "", node.number + node.heading))
    return out


def report_blocks(report: Report) -> str:
    """The report's paragraphs as HTML, text escaped: what the page lays out in pages."""
    return "\n".join(
        f'<p class="{look}">' + (f"<strong>{escape(lead)}</strong>" if lead else "") + escape(text) + "</p>"
        for look, lead, text in _blocks(report))


def write_html(report: Report, sheet: StyleSheet) -> str:
    body = report_blocks(report)
    title = escape(report.meta.title or "报告")
    number = escape(sheet.page_number.format, quote=True)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>\n{_css(sheet)}\n</style>\n</head>\n<body>\n"
            f'<div id="report" data-page-number="{number}">\n{body}\n</div>\n'
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
