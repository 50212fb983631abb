import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
EXAMPLES = ROOT / "examples"
PINGCHANG_SEED = SEEDS / "000_380862c437f24e92.txt"
PINGCHANG = EXAMPLES / "平昌县政协2021.yaml"


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """The user cache (compiled templates, DOCX templates, parsed data) starts empty in every
    test session, so no result depends on what an earlier version left there."""
    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    def run(*args):
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse exits on usage errors and --help
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def write(tmp_path):
    """Write a text file under tmp_path and return its path."""
    def _write(name: str, text: str) -> Path:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p
    return _write


def to_pdf(docx: Path, outdir: Path) -> Path:
    """Render a DOCX with LibreOffice (headless) to PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice (soffice) 未安装:运行 bash scripts/install-system-deps.sh")
    profile = outdir / "lo-profile"
    env = {**os.environ, "FONTCONFIG_FILE": str(FIXTURES / "fonts.conf")}
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(docx)],
        check=True, env=env, capture_output=True, timeout=180)
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice produced no PDF for {docx}"
    return pdf


def rewrite_part(path: Path, name: str, change) -> None:
    """A DOCX with one package part changed, the rest copied as they are (as Word saves it)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = {i.filename: z.read(i.filename) for i in z.infolist()}
    entries[name] = change(entries[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in entries.items():
            z.writestr(k, v)
