import pytest

from generator.typography import COLON, COMMA, LPAREN, RPAREN, normalize_line


@pytest.mark.parametrize("raw,expected", [
    ("各位委员,各位同志:", f"各位委员{COMMA}各位同志{COLON}"),
    ("(一)加强理论武装", f"{LPAREN}一{RPAREN}加强理论武装"),
    ("(1)加强理论武装", f"{LPAREN}1{RPAREN}加强理论武装"),
    ('增强"四个意识"', "增强“四个意识”"),
    ("事实(16%),自由", f"事实{LPAREN}16%{RPAREN}{COMMA}自由"),
    ("时间10:30开会", "时间10:30开会"),
    ("Times New Roman, 12pt", "Times New Roman, 12pt"),
    ("“1+2+4+N”的协商体系", "“1+2+4+N”的协商体系"),
])
def test_ascii_punctuation_in_chinese_text_becomes_full_width(raw, expected):
    assert normalize_line(raw) == expected


def test_normalising_twice_changes_nothing():
    once = normalize_line('坚持"有事好商量", 众人的事情(由众人)商量: 好!')
    assert normalize_line(once) == once


def test_xml_safe_drops_exactly_what_xml_1_0_cannot_hold():
    from generator.typography import xml_safe

    def allowed(o):  # the Char production of XML 1.0
        return o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF

    points = [*range(0, 0x110), *range(0xD700, 0xE100), *range(0xFFF0, 0x10010), 0x10FFFF]
    for o in points:
        assert (xml_safe(chr(o)) == chr(o)) is allowed(o), hex(o)
