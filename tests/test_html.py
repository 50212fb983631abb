"""The HTML preview (build --format html): the DOCX's report tree and style sheet, laid out in
pages by the page's own script, checked in a real browser (headless Chromium printing to PDF)."""
import os
import re
import shutil
import subprocess

import pytest

from conftest import EXAMPLES, FIXTURES, to_pdf
from generator.api import build, draft
from pdfmeasure import MM, pages

A4 = (210 * MM, 297 * MM)
BOTTOM, LEFT, RIGHT = 35 * MM, 28 * MM, 26 * MM
PAGE_NO = re.compile(r"^—(\d+)—$")


def print_pdf(html, out):
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("Chromium 未安装:运行 bash scripts/install-system-deps.sh")
    pdf = out / (html.stem + ".pdf")
    env = {**os.environ, "FONTCONFIG_FILE": str(FIXTURES / "fonts.conf")}
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", "--virtual-time-budget=10000", html.as_uri()],
                   check=True, env=env, capture_output=True, timeout=180)
    assert pdf.exists()
    return pdf


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    html = out / "平昌.html"
    build(EXAMPLES / "平昌县政协2021.yaml", html)
    return html, pages(print_pdf(html, out)), out


def body(page):
    return [r for r in page.rows if r.baseline < A4[1] - BOTTOM + 1]


def test_pages_are_a4_with_22_lines_and_numbers_alternating_right_and_left(printed):
    _, got, _ = printed
    assert len(got) >= 10
    for p in got:
        assert (p.width, p.height) == (pytest.approx(A4[0], abs=1), pytest.approx(A4[1], abs=1))
        assert len(body(p)) <= 22
        footer = [r for r in p.rows if r.baseline > A4[1] - BOTTOM + 1]
        assert len(footer) == 1 and PAGE_NO.match(footer[0].text).group(1) == str(p.number)
        if p.number % 2:
            assert footer[0].x1 == pytest.approx(A4[0] - RIGHT - 16, abs=3), "单页页码居右空一字"
        else:
            assert footer[0].x0 == pytest.approx(LEFT + 16, abs=3), "双页页码居左空一字"
    assert sum(len(body(p)) == 22 for p in got[:-1]) >= (len(got) - 1) * 2 // 3


def test_full_lines_hold_28_characters(printed):
    _, got, _ = printed
    full = [r for p in got for r in body(p) if abs(r.x0 - LEFT) < 1.5 and r.x1 > A4[0] - RIGHT - 8
            and all(not ch.isascii() for ch in r.text)]
    assert len(full) >= 100
    inside = [len([c for c in r.chars if c[0] < A4[0] - RIGHT - 1]) for r in full]
    assert sum(n == 28 for n in inside) >= len(inside) * 0.8, sorted(set(inside))


def test_every_word_of_the_report_is_on_the_pages_once(printed):
    """Pages are made by splitting paragraphs at page ends: nothing lost, nothing twice."""
    _, got, _ = printed
    printed_text = "".join(r.text for p in got for r in body(p))
    report = draft(EXAMPLES / "平昌县政协2021.yaml").text.replace("**", "").replace("\n", "")
    assert re.sub(r"\s", "", printed_text) == re.sub(r"\s", "", report)


def test_the_preview_has_about_as_many_pages_as_the_docx(printed):
    html, got, out = printed
    docx = out / "平昌.docx"
    build(EXAMPLES / "平昌县政协2021.yaml", docx)
    assert abs(len(pages(to_pdf(docx, out))) - len(got)) <= 1


def test_an_edited_preview_is_not_overwritten(tmp_path):
    from generator.errors import ReportgenError

    out = tmp_path / "r.html"
    build(EXAMPLES / "平昌县政协2021.yaml", out)
    build(EXAMPLES / "平昌县政协2021.yaml", out)   # our own, unedited: replaced
    out.write_text(out.read_text(encoding="utf-8").replace("<title>", "<title>改过 "), encoding="utf-8")
    with pytest.raises(ReportgenError):
        build(EXAMPLES / "平昌县政协2021.yaml", out)
