"""make bench: reportgen against the alternatives, measured side by side on this machine.

Prints one table. With --update-readme, also writes it into README.md between the
<!-- bench --> markers.
"""
from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PINGCHANG = ROOT / "examples" / "平昌县政协2021.yaml"
RUNS = 7


def wall(cmd: list, runs: int = RUNS, fresh_cache: Path | None = None) -> float:
    """Best wall-clock seconds of a whole process over `runs` (after one warm-up run): on a
    shared two-core machine the minimum is the steadiest estimate of a command's own cost.
    `fresh_cache`: every run starts with an empty user cache under this folder."""
    env = None
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for i in range(runs):
        if fresh_cache is not None:
            env = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache / str(i))}
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return min(times)


def prepare(tmp: Path) -> tuple[Path, Path, Path]:
    """The 平昌 report as paragraphs (for python-docx and docxtpl) and as Markdown (for pandoc)."""
    import docx
    import docx.shared

    from generator.api import draft
    from generator.tree import Paragraph
    from generator.writers.md import write_md

    d = draft(PINGCHANG)
    rows = []
    for depth, node in d.tree.walk():
        if isinstance(node, Paragraph):
            rows.append(("Normal", node.lead, node.text))
        elif node.heading:
            rows.append((f"Heading {depth}", "", node.number + node.heading))
    meta = d.tree.meta
    rows = [("Title", "", meta.title), ("Subtitle", "", "——" + meta.meeting),
            ("Normal", "", meta.date_text), ("Normal", "", meta.salutation)] + rows
    paragraphs = tmp / "paragraphs.json"
    paragraphs.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    markdown = tmp / "report.md"
    markdown.write_text(write_md(d.tree), encoding="utf-8")
    template = tmp / "template.docx"
    t = docx.Document()
    sec = t.sections[0]
    sec.page_width, sec.page_height = docx.shared.Mm(210), docx.shared.Mm(297)
    for line in ("{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}"):
        t.add_paragraph(line)
    t.save(str(template))
    return paragraphs, markdown, template


def cold_start() -> float:
    """Seconds spent importing what `build` needs before it reads the facts."""
    code = ("import time; t = time.perf_counter(); "
            "import generator.cli, generator.api, generator.facts, generator.render, "
            "generator.pipeline, generator.writers.docx, generator.output; "
            "print(time.perf_counter() - t)")
    runs = [float(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(RUNS)]
    return min(runs)


def jieba_loaded_by_build(tmp: Path) -> bool:
    code = ("import sys; from generator.cli import main; "
            f"main(['build', {str(PINGCHANG)!r}, '-o', {str(tmp / 'j.docx')!r}, '-q', '--force']); "
            "print('jieba' in sys.modules)")
    return subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"


def reading_rates() -> list[tuple[float, float]]:
    """(megabytes, MB/s) of cleaning and parsing a PDF-like text with page markers and no stops
    (each page's lines re-joined into one paragraph), at two sizes: linear if the rate holds."""
    from generator.clean import clean_text
    from generator.parse import parse

    page = ("政协委员认真履职积极建言献策助推高质量发展" * 4 + " 第 3 页 共 9 页\n") * 30
    out = []
    for copies in (40, 160):
        text = (page + "一、加强学习。\n") * copies
        t = time.perf_counter()
        parse(clean_text(text))
        mb = len(text.encode("utf-8")) / 1e6
        out.append((mb, mb / (time.perf_counter() - t)))
    return out


def docx_rates(tmp: Path) -> list[tuple[int, float, float, float]]:
    """(paragraphs, paragraphs/s read, s to typeset, s to check) of a Word file (docxread:
    streamed, whole document) at two sizes: linear if the rates hold."""
    import docx

    from generator.api import typeset
    from generator.check import check_file
    from generator.docxread import read_docx

    out = []
    for n in (20_000, 100_000):
        doc = docx.Document()
        for i in range(n):
            if i % 50 == 0:
                doc.add_heading(f"（{i // 50 + 1}）坚持党的领导", level=2)
            else:
                doc.add_paragraph(f"第{i}段:全年提交提案{i}件,立案{i}件,办结率100%。")
        path = tmp / f"big{n}.docx"
        doc.save(str(path))
        t = time.perf_counter()
        got = read_docx(path)
        rate = len(got.paragraphs) / (time.perf_counter() - t)
        t = time.perf_counter()
        typeset(path, tmp / f"typeset{n}.docx", force=True)
        t_typeset = time.perf_counter() - t
        t = time.perf_counter()
        check_file(path)
        out.append((len(got.paragraphs), rate, t_typeset, time.perf_counter() - t))
    return out


def learn_rates(tmp: Path) -> list[tuple[int, float, float, float]]:
    """(reports, learn chars/s, jieba chars/s, learn seconds) for growing synthetic corpora."""
    import jieba

    from generator.learn import learn

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    rows = []
    for n in (100, 300, 1000):
        folder = tmp / f"corpus{n}"
        paths = synth.write_reports(folder, n)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        chars = sum(map(len, texts))
        t_jieba = t_learn = float("inf")
        for _ in range(2):  # best of two, alternating, for both
            t = time.perf_counter()
            for text in texts:
                list(jieba.cut(text))
            t_jieba = min(t_jieba, time.perf_counter() - t)
            t = time.perf_counter()
            learn(folder)
            t_learn = min(t_learn, time.perf_counter() - t)
        rows.append((n, chars / t_learn, chars / t_jieba, t_learn))
    return rows


def workbench_times(tmp: Path, edits: int = 30) -> tuple[float, float, float]:
    """reportgen serve on the 平昌 example: seconds from starting the process to its first
    answer; and, in the system's headless Chromium, milliseconds from a keystroke in a number
    field to the new preview laid out on screen (median and 95th percentile)."""
    import socket
    import urllib.error
    import urllib.request

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    folder = tmp / "serve"
    folder.mkdir()
    shutil.copy(PINGCHANG, folder / "事实.yaml")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "generator", "serve", "事实.yaml", "--port", str(port), "--no-browser"],
                            cwd=folder, stdout=subprocess.PIPE, text=True)
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            except urllib.error.HTTPError:
                break            # 403 without the token: it answered
            except OSError:
                time.sleep(0.005)
                continue
            break
        first = time.perf_counter() - t0
        url = next(line.strip() for line in proc.stdout if "token=" in line)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(url)
            shown = lambda: int(driver.execute_script("return Number(document.body.dataset.shown || 0)"))  # noqa: E731
            while shown() < 1:
                time.sleep(0.05)
            field = '[data-path=\'["工作回顾","板块",1,"事项",2,"内容",5,"提案","提交"]\']'
            times = []
            for i in range(edits):
                before = shown()
                start = driver.execute_script(
                    "var f = document.querySelector(arguments[0]); var t = performance.now();"
                    "f.value = String(arguments[1]); f.dispatchEvent(new Event('input')); return t;",
                    field, 100 + i)
                while shown() == before:
                    time.sleep(0.002)
                times.append(driver.execute_script("return window.reportgenShown") - start)
        finally:
            driver.quit()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    times.sort()
    return first, times[len(times) // 2], times[int(len(times) * 0.95) - 1]


def main() -> str:
    # as pip installs a package: modules compiled to bytecode beforehand, so that no measured run
    # pays for compiling them (PYTHONDONTWRITEBYTECODE would otherwise make every run compile)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True, capture_output=True)
    tmp = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    try:
        paragraphs, markdown, template = prepare(tmp)
        out = tmp / "out.docx"
        build_cmd = [PY, "-m", "generator", "build", str(PINGCHANG), "-o", str(out), "--force", "-q"]
        ours = wall(build_cmd)
        first = wall(build_cmd, runs=3, fresh_cache=tmp / "caches")
        floor = wall([PY, str(ROOT / "bench" / "floor_docx.py"), str(paragraphs), str(tmp / "floor.docx")])
        tpl = wall([PY, str(ROOT / "bench" / "docxtpl_render.py"), str(paragraphs), str(template), str(tmp / "tpl.docx")])
        pandoc = shutil.which("pandoc")
        pan = wall([pandoc, str(markdown), "-o", str(tmp / "pandoc.docx")]) if pandoc else float("nan")

        n = 40
        facts = synth.write_facts(tmp / "batch", n)
        t = wall([PY, "-m", "generator", "build", str(tmp / "batch"), "-o", str(tmp / "batch-out"), "--force", "-q"],
                 runs=3)
        per_report = t / n
        from generator.api import draft
        from generator.writers.md import write_md

        mds = []
        for f in facts:
            md = tmp / "md" / (f.stem + ".md")
            md.parent.mkdir(exist_ok=True)
            md.write_text(write_md(draft(f).tree), encoding="utf-8")
            mds.append(md)
        if pandoc:
            t = time.perf_counter()
            for md in mds:
                subprocess.run([pandoc, str(md), "-o", str(md.with_suffix(".docx"))], check=True)
            pandoc_per = (time.perf_counter() - t) / n
        else:
            pandoc_per = float("nan")

        rates = learn_rates(tmp)
        reading = reading_rates()
        word = docx_rates(tmp)
        start = cold_start()
        jieba_in_build = jieba_loaded_by_build(tmp)
        serve_first, preview_p50, preview_p95 = workbench_times(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def ok(cond: bool) -> str:
        return "✓" if cond else "✗"

    r1000 = rates[-1]
    per_report_learn = [t / n for n, _, _, t in rates]
    linear = max(per_report_learn) / min(per_report_learn) < 1.5
    lines = [
        f"机器:{platform.machine()},{os.cpu_count()} 核,Python {platform.python_version()},"
        f"{platform.system()} {platform.release()};测量日期 {time.strftime('%Y-%m-%d')}",
        "",
        "| 测量 | 结果 | 对照 | 比值 | 目标 |",
        "|---|---|---|---|---|",
        f"| `reportgen build` 平昌示例(整个进程,缓存已建) | {ours * 1000:.0f} ms | 纯 python-docx 脚本 {floor * 1000:.0f} ms | "
        f"{ours / floor:.2f}× | ≤ 1.3× {ok(ours <= 1.3 * floor)} |",
        f"| 同上 | {ours * 1000:.0f} ms | docxtpl 模板渲染 {tpl * 1000:.0f} ms | {ours / tpl:.2f}× | 比 docxtpl 快 {ok(ours < tpl)} |",
        f"| 同上 | {ours * 1000:.0f} ms | pandoc 由 Markdown 转换 {pan * 1000:.0f} ms | {ours / pan:.2f}× | — |",
        f"| 同上,首次生成(缓存为空) | {first * 1000:.0f} ms | 纯 python-docx 脚本 {floor * 1000:.0f} ms | "
        f"{first / floor:.2f}× | — |",
        f"| 批量:一次生成 {n} 份,每份 | {per_report * 1000:.0f} ms | 每份一个 pandoc 进程 {pandoc_per * 1000:.0f} ms | "
        f"{per_report / pandoc_per:.2f}× | 比 pandoc 快 {ok(per_report < pandoc_per)} |",
    ]
    for n_, learn_rate, jieba_rate, t in rates:
        lines.append(f"| `learn` {n_} 篇合成语料 | {learn_rate / 1000:.0f} 千字/秒({t:.1f} s) | 纯 jieba.cut "
                     f"{jieba_rate / 1000:.0f} 千字/秒 | {learn_rate / jieba_rate:.2f}× | "
                     + (f"≥ 0.7× {ok(learn_rate >= 0.7 * jieba_rate)} |" if n_ == r1000[0] else "— |"))
    lines += [
        "| `learn` 每篇耗时 100 / 300 / 1000 篇 | " + " / ".join(f"{x * 1000:.1f} ms" for x in per_report_learn)
        + f" | — | 最大/最小 {max(per_report_learn) / min(per_report_learn):.2f} | 线性 {ok(linear)} |",
        "| 读入真实报告(清洗 + 解析,带页码的 PDF 文字) |"
        + " /".join(f" {mb:.1f} MB {rate:.1f} MB/s" for mb, rate in reading)
        + f" | — | 大/小 {reading[1][1] / reading[0][1]:.2f} | ≥ 1 MB/s 且线性 "
        f"{ok(min(r for _, r in reading) >= 1 and reading[1][1] / reading[0][1] > 0.7)} |",
        "| 读入 Word 文档(流式,含表格、修订、脚注) |"
        + " /".join(f" {n // 1000} 千段 {rate / 1000:.0f} 千段/秒" for n, rate, _, _ in word)
        + f" | — | 大/小 {word[1][1] / word[0][1]:.2f} | ≥ 1 万段/秒且线性 "
        f"{ok(min(r for _, r, _, _ in word) >= 10_000 and word[1][1] / word[0][1] > 0.7)} |",
        "| 长 Word 文档的 `typeset` / `check` |"
        + " /".join(f" {n // 1000} 千段 {a:.1f} s / {c:.1f} s" for n, _, a, c in word)
        + f" | — | 每段耗时 大/小 {(word[1][3] / word[1][0]) / (word[0][3] / word[0][0]):.2f} | 线性 "
        f"{ok((word[1][3] / word[1][0]) / (word[0][3] / word[0][0]) < 1.5)} |",
        f"| 冷启动:`build` 读事实前的导入 | {start * 1000:.0f} ms | — | — | — |",
        f"| `build` 是否加载 jieba | {'是' if jieba_in_build else '否'} | — | — | 否 {ok(not jieba_in_build)} |",
        f"| `serve` 从启动到第一次应答 | {serve_first * 1000:.0f} ms | — | — | ≤ 1 s {ok(serve_first <= 1)} |",
        f"| 起草台:改一个数字到新的预览排好(Chromium,平昌示例,30 次) | 中位 {preview_p50:.0f} ms,"
        f"95% {preview_p95:.0f} ms | — | — | 95% ≤ 100 ms {ok(preview_p95 <= 100)} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    table = main()
    print(table)
    if "--update-readme" in sys.argv:
        sys.path.insert(0, str(ROOT / "scripts"))
        from normalize_md import normalize_md

        table = normalize_md(table)
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- bench:start -->", "<!-- bench:end -->"
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        readme.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")
