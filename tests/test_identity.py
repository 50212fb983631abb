"""Who, where and when a report is, read from its front matter or a news item's first lines."""
import pytest

from generator import identity
from generator.names import derive_names
from generator.parse import parse


def tree(text):
    return parse(text)


@pytest.mark.parametrize("text, region, parent", [
    ("中国人民政治协商会议天津市西青区第十届委员会第四次会议开幕。", "西青区", "天津市"),
    ("中国人民政治协商会议第十五届代县委员会常务委员会工作报告\n\n各位委员:\n\n正文。", "代县", ""),
    ("政协第十三届贵州省委员会第一次会议今天开幕。", "贵州省", ""),
    ("在政協雲南省第十三屆委員會第三次會議上", "雲南省", ""),   # the writer's own characters
    ("中國人民政治協商會議全國委員會常務委員會工作報告\n\n各位委員:\n\n正文。", "全国", ""),
    ("1月26日上午,省政协主席葛慧君代表政协第十三届山东省委员会常务委员会作报告。在全国政协有力指导下。",
     "山东省", ""),
    ("会上,刘伟代表十二届省政协常委会作工作报告。", "", ""),          # no name: flagged, never guessed
    ("深圳市福田区政协六届六次会议开幕。", "福田区", "深圳市"),
    ("在自治区政协十三届四次会议上。中国人民政治协商会议新疆维吾尔自治区委员会", "新疆维吾尔自治区", ""),
])
def test_the_region_is_read_from_where_it_is_named(text, region, parent):
    where = identity.region(tree(text))
    assert (where.region, where.parent) == (region, parent)


@pytest.mark.parametrize("text, term, session, sure", [
    ("——在政协第十四届全国委员会第一次会议上", 14, 1, True),
    ("省政协十一届五次会议在广州开幕。", 11, 5, True),
    ("勉縣政協十三屆二次會議開幕。", 13, 2, True),
    ("杜伟代表政协第十一届南宁市委员会常务委员会向大会报告工作。", 11, None, False),
])
def test_the_meeting_is_read_in_any_of_its_forms(text, term, session, sure):
    m = identity.meeting(tree("标题\n\n" + text))
    assert (m.term, m.session, m.sure) == (term, session, sure)


def test_levels_include_autonomous_regions_and_the_national_committee():
    assert derive_names("广西壮族自治区")["级"] == "自治区" and derive_names("广西壮族自治区")["简称"] == "自治区政协"
    national = derive_names("全国", term=14, session=1)
    assert national["简称"] == "全国政协" and national["委员会"] == "政协第十四届全国委员会"
