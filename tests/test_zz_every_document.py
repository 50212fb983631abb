"""Every DOCX the test suite wrote through reportgen opens with python-docx, says what was
rendered, and converts with LibreOffice. Runs last (file name), over the session's temp dir."""
import zipfile

import docx

from conftest import EXAMPLES, SEEDS
from generator.api import build, typeset
from generator.output import PROP_TEXT, docx_stamp, text_digest


def test_every_document_written_in_this_session(tmp_path_factory):
    # documents of its own too, so that it checks something when run alone
    own = tmp_path_factory.mktemp("own-docs")
    for example in sorted(EXAMPLES.glob("*.yaml")):
        build(example, own / f"{example.stem}.docx")
    for seed in sorted(SEEDS.glob("*.txt")):
        typeset(seed, own / f"{seed.stem}.docx")
    base = tmp_path_factory.getbasetemp()
    ours = []
    for path in sorted(base.rglob("*.docx")):
        stamp = docx_stamp(path)
        if stamp is None or stamp["edited"] or PROP_TEXT not in stamp:
            continue  # not written by reportgen, edited on purpose by a test, or an annotated copy
        ours.append(path)
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        assert text_digest(texts) == stamp[PROP_TEXT], path
        assert zipfile.ZipFile(path).testzip() is None
    assert len(ours) >= 10, f"only {len(ours)} documents found under {base}"
    out = tmp_path_factory.mktemp("every-pdf")
    # LibreOffice converts them in a few runs: copy under unique names first
    staged = []
    for i, path in enumerate(ours):
        target = out / f"d{i:04d}.docx"
        target.write_bytes(path.read_bytes())
        staged.append(target)
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) 未安装:运行 bash scripts/install-system-deps.sh"
    # (one LibreOffice run stops silently after about 250 files: 100 a run)
    for i in range(0, len(staged), 100):
        subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, staged[i:i + 100])],
                       check=True, capture_output=True, timeout=900)
    missing = [p.name for p in staged if not (out / (p.stem + ".pdf")).exists()]
    assert not missing, missing
