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


def test_text_that_is_not_a_report(tmp_path):
    path = tmp_path / "diary.txt"
    path.write_text("今天天气很好。我们去公园散步。\n\n晚上回家做饭。\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as e:
        parse_file(path)
    assert "没有找到报告的结构" in str(e.value)
