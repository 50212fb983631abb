"""The installed package (a real wheel, not the checkout) finds its templates and data."""
import shutil
import subprocess
import sys
import zipfile

from conftest import FIXTURES, ROOT


def test_wheel_carries_templates_and_builds_a_report(tmp_path):
    # build from a clean copy: a stale build/ folder in the checkout could hide a missing file
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "out", "*.egg-info", ".pytest_cache", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "dist"), str(src)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("reportgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("generator/templates/report_types.yaml", "generator/templates/article.j2",
                   "generator/templates/report.j2", "generator/templates/slots.yaml",
                   "generator/corpus/schema.yaml",
                   "generator/templates/slots.j2", "generator/data/gbt9704.yaml",
                   "generator/data/lexicon.yaml"):
        assert needed in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # run from elsewhere, with only the unpacked wheel (and the venv's dependencies) importable
    code = ("import sys; sys.path = [p for p in sys.path if p not in ('', %r)]; "
            "sys.path.insert(0, %r); from generator.cli import main; sys.exit(main(sys.argv[1:]))"
            % (str(ROOT), str(site)))
    out = tmp_path / "r.docx"
    r = subprocess.run([sys.executable, "-c", code, "build", str(FIXTURES / "minimal.yaml"),
                        "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.exists()
    r = subprocess.run([sys.executable, "-c", code.replace("from generator.cli import main; sys.exit(main(sys.argv[1:]))",
                                                           "import generator.resources as g; print(g.templates_dir())")],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.stdout.strip().startswith(str(site))
