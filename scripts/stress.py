"""make stress: nothing is lost or left half-written, however a write ends.

1. Kills: `build` started again and again on one output and killed (SIGKILL) at a random
   moment of its run, until --kills of them were killed before they ended; after each run the
   output must be a whole document, the old one or the new.
2. Concurrent pairs: two `build`s of different facts to one output at the same time; both
   must end without an internal error (exit 3) and leave one of the two whole documents.
3. Concurrent backups: two `build --force` over an edited file at once; every backup whole.

Prints kills, intact, corrupt and lost; exits 1 if anything was corrupt or lost.
Usage: .venv/bin/python scripts/stress.py [--kills 120] [--pairs 100]
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
FACTS = ROOT / "tests" / "fixtures" / "minimal.yaml"


def build_cmd(facts: Path, out: Path, force: bool = False) -> list[str]:
    return [PY, "-m", "generator", "build", str(facts), "-o", str(out), "-q"] + (["--force"] if force else [])


def body(path: Path) -> str | None:
    """The document's text, or None when it is no whole DOCX."""
    import docx

    try:
        if zipfile.ZipFile(path).testzip() is not None:
            return None
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    except Exception:   # any failure to read is a corrupt file here
        return None


def variants(tmp: Path) -> tuple[Path, Path]:
    a, b = tmp / "a.yaml", tmp / "b.yaml"
    text = FACTS.read_text(encoding="utf-8")
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("提交: 379", "提交: 401"), encoding="utf-8")
    return a, b


def kills(tmp: Path, n: int, rng: random.Random) -> dict:
    a, b = variants(tmp)
    out = tmp / "killed.docx"
    subprocess.run(build_cmd(a, out), check=True)
    expected = {body(out)}
    subprocess.run(build_cmd(b, out), check=True)
    expected.add(body(out))
    t = time.perf_counter()
    for _ in range(3):
        subprocess.run(build_cmd(a, out), check=True)
    took = (time.perf_counter() - t) / 3      # a build's time: kills land all through it
    got = {"runs": 0, "kills": 0, "intact": 0, "corrupt": 0, "lost": 0}
    i = 0
    while got["kills"] < n and i < 4 * n:
        i += 1
        got["runs"] += 1
        proc = subprocess.Popen(build_cmd((a, b)[i % 2], out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.05) * took)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            got["kills"] += 1
        proc.wait()
        if not out.exists():
            got["lost"] += 1
            subprocess.run(build_cmd(a, out), check=True)
        elif body(out) in expected:
            got["intact"] += 1
        else:
            got["corrupt"] += 1
            out.unlink()
            subprocess.run(build_cmd(a, out), check=True)
    subprocess.run(build_cmd(a, out), check=True)   # the next write clears what the killed ones left
    got["debris"] = len(list(tmp.glob(".killed.docx.*.tmp")))
    return got


def pairs(tmp: Path, n: int) -> dict:
    a, b = variants(tmp)
    got = {"pairs": n, "intact": 0, "corrupt": 0, "lost": 0, "internal_errors": 0}
    expected = set()
    for facts in (a, b):
        probe = tmp / f"probe-{facts.stem}.docx"
        subprocess.run(build_cmd(facts, probe), check=True)
        expected.add(body(probe))
    for i in range(n):
        out = tmp / f"pair{i % 5}.docx"
        procs = [subprocess.Popen(build_cmd(f, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for f in (a, b)]
        codes = [p.wait() for p in procs]
        got["internal_errors"] += sum(c == 3 for c in codes)
        if not out.exists():
            got["lost"] += 1
        elif body(out) in expected:
            got["intact"] += 1
        else:
            got["corrupt"] += 1
    return got


def backups(tmp: Path, n: int) -> dict:
    """Two forced builds over an edited file at once: each backup is whole."""
    import docx

    a, b = variants(tmp)
    got = {"rounds": n, "backups": 0, "corrupt_backups": 0, "internal_errors": 0}
    folder = tmp / "backups"
    folder.mkdir()
    out = folder / "r.docx"
    for _ in range(n):
        subprocess.run(build_cmd(a, out, force=True), check=True)
        d = docx.Document(str(out))
        d.add_paragraph("张科长补充的一段话。")
        d.save(str(out))
        procs = [subprocess.Popen(build_cmd(f, out, force=True), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for f in (a, b)]
        got["internal_errors"] += sum(p.wait() == 3 for p in procs)
    for backup in folder.glob("r.备份-*.docx"):
        got["backups"] += 1
        if body(backup) is None:
            got["corrupt_backups"] += 1
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=120)
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--backups", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="reportgen-stress-") as tmp:
        k = kills(Path(tmp), args.kills, rng)
        print(f"强行结束(SIGKILL):运行 {k['runs']} 次,其中 {k['kills']} 次在写完前被结束;"
              f"完整 {k['intact']},损坏 {k['corrupt']},丢失 {k['lost']};下次写入后残留临时文件 {k['debris']}")
        p = pairs(Path(tmp), args.pairs)
        print(f"同时写同一个文件:{p['pairs']} 对;完整 {p['intact']},损坏 {p['corrupt']},丢失 {p['lost']},"
              f"内部错误(退出码 3){p['internal_errors']}")
        b = backups(Path(tmp), args.backups)
        print(f"同时 --force 覆盖改过的文件:{b['rounds']} 轮,备份 {b['backups']} 份,损坏的备份 {b['corrupt_backups']},"
              f"内部错误 {b['internal_errors']}")
    bad = (k["corrupt"] + k["lost"] + k["debris"] + p["corrupt"] + p["lost"] + p["internal_errors"]
           + b["corrupt_backups"] + b["internal_errors"])
    print("结论:" + ("没有损坏或丢失" if not bad else f"有 {bad} 处问题"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
