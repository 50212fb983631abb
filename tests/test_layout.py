"""The DOCX rendered by LibreOffice keeps the GB/T 9704 page: measured on the PDF."""
import re
import statistics

import pytest

from conftest import EXAMPLES, to_pdf
from generator.api import build, typeset
from pdfmeasure import MM, NO_LINE_END, NO_LINE_START, pages

A4 = (210 * MM, 297 * MM)
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
PITCH = (297 - 37 - 35) * MM / 22
CELL = (210 - 28 - 26) * MM / 28
PAGE_NO = re.compile(r"^—(\d+)—$")


# one example of each kind: annual report, term-end report, review article
KINDS = {"annual": "平昌县政协2021.yaml", "term-end": "代县政协届末2021.yaml",
         "article": "资阳市政协2022综述.yaml"}


# and every seed typeset as it is (reportgen typeset)
SEEDS_TYPESET = {f"typeset-{p.name[:3]}": p for p in sorted((EXAMPLES.parent / "seeds").glob("*.txt"))}


@pytest.fixture(scope="module", params=sorted(KINDS) + sorted(SEEDS_TYPESET))
def rendered(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("layout")
    docx = out / "report.docx"
    if request.param in KINDS:
        build(EXAMPLES / KINDS[request.param], docx)
    else:
        typeset(SEEDS_TYPESET[request.param], docx)
    return pages(to_pdf(docx, out))


def body_rows(page):
    return [r for r in page.rows if r.baseline < A4[1] - BOTTOM + 1]


def footer_rows(page):
    return [r for r in page.rows if r.baseline > A4[1] - BOTTOM + 1]


def test_pages_are_a4(rendered):
    assert len(rendered) >= 4
    for p in rendered:
        assert p.width == pytest.approx(A4[0], abs=1)
        assert p.height == pytest.approx(A4[1], abs=1)


def grid_lines(rows):
    """The grid line (0-21 below the top margin) of each row; None if a row is off the grid."""
    out = []
    for r in rows:
        k, offset = divmod(r.baseline - TOP, PITCH)
        # a baseline sits in the lower part of its line (its exact place depends on the font)
        if not (0 <= k < 22 and offset > 0.4 * PITCH):
            return None
        out.append(int(k))
    return out if len(set(out)) == len(out) else None


# The test fonts standing in for 黑体 and 楷体_GB2312 (tests/fixtures/fonts.conf).
HEADING_FONTS = ("NotoSansCJK", "UKai")


def test_every_page_is_filled_to_22_lines_on_the_grid(rendered):
    full = 0
    for p, nxt in zip(rendered, rendered[1:]):
        lines = grid_lines(body_rows(p))
        assert lines is not None, f"第 {p.number} 页的行不在网格上"
        used = lines[-1] + 1
        if used == 22:
            full += 1
            continue
        # a page may end early only because a heading moved on with its paragraph
        first_next = body_rows(nxt)[0]
        assert first_next.font.startswith(HEADING_FONTS), (
            f"第 {p.number} 页只有 {used} 行,下页首行不是标题:{first_next.text}")
        assert used >= 22 - 3
    assert full >= len(rendered) // 2


def test_body_pages_fill_consecutive_grid_lines_from_the_top(rendered):
    for p in rendered[1:-1]:
        lines = grid_lines(body_rows(p))
        assert lines == list(range(len(lines))), f"第 {p.number} 页:{lines}"


def test_text_sits_inside_the_margins(rendered):
    for p in rendered[1:-1]:
        rows = body_rows(p)
        # the first line's baseline lies within the first grid line below the top margin
        assert TOP < rows[0].baseline <= TOP + PITCH
        if len(rows) == 22:
            assert A4[1] - BOTTOM - PITCH < rows[-1].baseline <= A4[1] - BOTTOM
        assert min(r.x0 for r in rows) == pytest.approx(LEFT, abs=1.5)
    full = [r for p in rendered for r in body_rows(p) if len(r.chars) >= 20]
    right = statistics.median(r.x1 for r in full)
    assert right == pytest.approx(A4[0] - RIGHT, abs=2)


def test_full_lines_hold_28_characters(rendered):
    """Lines of Chinese text that start at the margin and run to the next line hold 28 characters."""
    counted = 0
    for p in rendered:
        rows = body_rows(p)
        for row, nxt in zip(rows, rows[1:]):
            if not all(len(c[2]) == 1 for c in row.chars):
                continue
            starts_at_margin = abs(row.x0 - LEFT) < 1.5
            reaches_right = row.x1 > A4[0] - RIGHT - CELL / 2
            continued = abs(nxt.x0 - LEFT) < 1.5  # the paragraph goes on
            ascii_free = all(not ch.isascii() for ch in row.text)
            if starts_at_margin and reaches_right and continued and ascii_free:
                counted += 1
                # punctuation may hang past the margin (as in Word); count what is inside
                inside = [c for c in row.chars if c[0] < A4[0] - RIGHT - 1]
                if 24 <= len(inside) < 28:
                    # characters went down together: the next line starts with a mark that may
                    # not end a line (“《: 战“疫”, “12339”), or with one that goes with a mark
                    # that may not start one (料》)
                    # or with a number or Latin word, which moves as one unit (196件)
                    assert (nxt.text[0] in NO_LINE_END or nxt.text[1] in NO_LINE_START
                            or nxt.text[0].isascii()), \
                        f"第 {p.number} 页:{row.text}"
                    continue
                assert len(inside) == 28, f"第 {p.number} 页:{row.text}"
    assert counted >= 40, f"only {counted} full Chinese lines measured"


def test_page_numbers_alternate_right_and_left(rendered):
    for p in rendered:
        rows = footer_rows(p)
        assert len(rows) == 1, f"第 {p.number} 页页脚:{[r.text for r in rows]}"
        row = rows[0]
        m = PAGE_NO.match(row.text)
        assert m and int(m.group(1)) == p.number, row.text
        # 7 mm below the text block (the glyph box top sits a little below the line top)
        glyph_top = row.baseline - 14 * 0.88
        assert glyph_top - (A4[1] - BOTTOM) == pytest.approx(7 * MM, abs=2 * MM)
        if p.number % 2:
            assert row.x1 == pytest.approx(A4[0] - RIGHT - 14, abs=2), "单页页码居右空一字"
        else:
            assert row.x0 == pytest.approx(LEFT + 14, abs=2), "双页页码居左空一字"
