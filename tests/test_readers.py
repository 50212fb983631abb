import docx
import pytest

from generator.api import parse_file
from generator.errors import ReportgenError
from generator.readers import MAX_REPORT_BYTES, read_report


def test_docx_headings_and_bold_leads_are_read(tmp_path):
    d = docx.Document()
    d.add_paragraph("某市政协常务委员会工作报告", style="Title")
    d.add_paragraph("各位委员:")
    d.add_paragraph("过去一年的工作", style="Heading 1")
    d.add_paragraph("一、坚持党的领导", style="Heading 2")
    p = d.add_paragraph()
    p.add_run("坚持党的全面领导。").bold = True
    p.add_run("切实提高政治站位。")
    path = tmp_path / "r.docx"
    d.save(str(path))
    tree = parse_file(path)
    (part,) = tree.parts
    assert part.role == "review"
    assert part.sections[0].paragraphs[0].lead == "坚持党的全面领导。"


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "没有报告正文"),
    ("blank.md", b"\n\n  \n", "没有报告正文"),
    ("binary.txt", bytes(range(256)) * 4, "UTF-8"),
    ("nul.txt", "标题\x00正文".encode(), "二进制"),
    ("fake.docx", b"not a zip at all", "Word"),
    ("notes.pdf", b"%PDF-1.4", "不支持的文件类型"),
])
def test_bad_files_get_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportgenError) as e:
        read_report(path)
    assert message in str(e.value) and str(path) in str(e.value)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("一" * 1000 + "\n").encode() * (MAX_REPORT_BYTES // 3000 + 10))
    with pytest.raises(ReportgenError) as e:
        read_report(path)
    assert "过大" in str(e.value)


def test_a_text_without_headings_is_one_unnamed_part_never_refused(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text("一年来，区政协紧扣中心工作履职尽责。\n\n全年开展协商活动12场。\n", encoding="utf-8")
    tree = parse_file(path)
    (part,) = tree.parts
    assert part.heading == "" and part.role == "review"
    assert [p.text for p in part.paragraphs] == ["一年来，区政协紧扣中心工作履职尽责。", "全年开展协商活动12场。"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_files_from_windows_offices_are_decoded(tmp_path, encoding):
    text = "政协某县第九届委员会常务委员会工作报告\n\n各位委员：\n\n过去一年的工作\n\n一、加强学习\n\n全年学习12次。\n"
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    tree = parse_file(path)
    assert tree.meta.salutation == "各位委员：" and tree.parts[0].sections[0].heading == "加强学习"


def test_a_file_in_no_known_encoding_is_explained(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    with pytest.raises(ReportgenError) as e:
        parse_file(path)
    assert "编码" in str(e.value) and "UTF-8" in str(e.value)
