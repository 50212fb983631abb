"""reportgen serve, driven by a real browser (the system's headless Chromium through selenium):
edit a number and see the preview change, see a check finding appear, reorder sections, save
with the comments kept, download the DOCX; and requests from elsewhere refused."""
import io
import json
import shutil
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

import docx
import pytest
import yaml

from conftest import FIXTURES
from generator.serve import make_server, updated_text


@pytest.fixture
def bench(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "事实.yaml")
    server, wb = make_server(tmp_path / "事实.yaml", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", wb, tmp_path / "事实.yaml"
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver")
    if not driver_path or not shutil.which("chromium"):
        pytest.fail("Chromium 和 chromedriver 未安装:运行 bash scripts/install-system-deps.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def _wait(driver, check, what, seconds=15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(lambda d: check(d), message=what)


def _preview_text(driver) -> str:
    """The preview's text; '' while the page is replacing it (a new srcdoc is loading)."""
    from selenium.common.exceptions import WebDriverException

    try:
        driver.switch_to.frame(driver.find_element("id", "preview"))
        return driver.find_element("tag name", "body").text
    except WebDriverException:
        return ""
    finally:
        driver.switch_to.default_content()


def _field(driver, path):
    return driver.find_element("css selector", f"[data-path='{json.dumps(path, ensure_ascii=False, separators=(',', ':'))}']")


def test_edit_preview_check_reorder_save_and_download(bench, browser):
    url, wb, facts = bench
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "共提交提案379件" in _preview_text(d), "预览出现")
    box = _field(browser, ["工作回顾", "板块", 0, "事项", 1, "内容", 0, "提案", "提交"])
    box.clear()
    box.send_keys("400")
    _wait(browser, lambda d: "共提交提案400件" in _preview_text(d), "预览随数字变化")
    # a finding appears beside the preview: 立案 more than 提交
    box = _field(browser, ["工作回顾", "板块", 0, "事项", 1, "内容", 0, "提案", "立案"])
    box.clear()
    box.send_keys("500")
    _wait(browser, lambda d: "多于" in d.find_element("id", "findings").text, "检查结果出现")
    browser.find_element("id", "save").click()
    _wait(browser, lambda d: d.find_element("id", "status").text == "已保存", "保存")
    text = facts.read_text(encoding="utf-8")
    assert "提交: 400" in text and "立案: 500" in text
    assert "# 结束语(整篇报告的结尾)" in text        # the person's comments are still there
    # reorder the review's two sections: the preview follows
    first = "把握“一条主线”"
    second = "服务大局"
    _wait(browser, lambda d: first in _preview_text(d), "预览")
    assert _preview_text(browser).index(first) < _preview_text(browser).index(second)
    browser.find_element("css selector", "button[data-action='下移'][data-path='[\"工作回顾\",\"板块\",0]']").click()
    _wait(browser, lambda d: _preview_text(d).index(second) < _preview_text(d).index(first), "板块换了顺序")
    browser.find_element("id", "save").click()
    _wait(browser, lambda d: d.find_element("id", "status").text == "已保存", "保存")
    saved = yaml.safe_load(facts.read_text(encoding="utf-8"))
    assert saved["工作回顾"]["板块"][0]["标题"].startswith("服务大局")
    text = facts.read_text(encoding="utf-8")      # moving keeps the comments, each with its section
    assert "# 结束语(整篇报告的结尾)" in text and text.index("服务大局") < text.index("# 一、思想政治引领") < text.index("把握“一条主线”")
    # the DOCX of what was saved
    with urllib.request.urlopen(f"{url}/download.docx?token={wb.token}&file={quote(wb.facts.name)}") as r:
        doc = docx.Document(io.BytesIO(r.read()))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "共提交提案400件" in body and body.index(second) < body.index(first)


def _post(url, path, body, headers):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_requests_from_elsewhere_and_stale_pages_are_refused(bench):
    url, wb, facts = bench
    state = json.loads(urllib.request.urlopen(f"{url}/api/state?token={wb.token}").read())
    before = facts.read_bytes()
    data = state["data"]
    data["年度"] = 2030
    own = {"Origin": url, "X-Reportgen-Token": wb.token}
    # another site's page posting to localhost, with or without a guessed token
    assert _post(url, "/api/save", {"data": data, "version": state["version"]},
                 {"Origin": "http://evil.example", "X-Reportgen-Token": wb.token})[0] == 403
    assert _post(url, "/api/save", {"data": data, "version": state["version"]}, {"Origin": url})[0] == 403
    assert facts.read_bytes() == before
    # a page of another name that resolves to this machine (DNS rebinding) reads nothing
    req = urllib.request.Request(f"{url}/api/state?token={wb.token}", headers={"Host": "evil.example:80"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 403
    # the page's own save works once; a second page still holding the old version is refused
    assert _post(url, "/api/save", {"data": data, "version": state["version"]}, own)[0] == 200
    data["年度"] = 2031
    code, got = _post(url, "/api/save", {"data": data, "version": state["version"]}, own)
    assert code == 409 and "刷新" in got["error"]
    assert yaml.safe_load(facts.read_text(encoding="utf-8"))["年度"] == 2030
    assert list(facts.parent.glob("事实.备份-*.yaml"))   # the file as it was, kept once


def test_a_preview_of_bad_data_lists_the_problem_without_failing(bench):
    url, wb, _ = bench
    state = json.loads(urllib.request.urlopen(f"{url}/api/state?token={wb.token}").read())
    state["data"]["会议"]["会次"] = "三"
    code, got = _post(url, "/api/preview", {"data": state["data"]}, {"Origin": url, "X-Reportgen-Token": wb.token})
    assert code == 200 and not got["ok"] and any("会次" in f["message"] or "整数" in f["message"] for f in got["findings"])


def test_saving_changed_values_keeps_comments_layout_and_block_text():
    text = "# 说明\n年度: 2024   # 回顾的年份\n概述: |\n  第一段。\n列表: [a, b]\n"
    new, kept = updated_text(text, {"年度": 2025, "概述": "第一段。\n第二段。", "列表": ["a", "c"]})
    assert kept and new.startswith("# 说明\n年度: 2025   # 回顾的年份\n")
    assert yaml.safe_load(new) == {"年度": 2025, "概述": "第一段。\n第二段。", "列表": ["a", "c"]}
    new, kept = updated_text(text, {"年度": 2025, "概述": "x", "列表": ["a"]})
    assert kept and yaml.safe_load(new)["列表"] == ["a"] and "# 回顾的年份" in new


def test_from_last_years_report_to_this_years_docx_without_yaml(bench, browser):
    """Upload last year's report: extract and roll make this year's facts, the form edits them,
    and the Word file downloads — no YAML touched by hand."""
    from conftest import SEEDS

    url, wb, _ = bench
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "共提交提案379件" in _preview_text(d), "预览出现")
    browser.find_element("id", "upload").send_keys(str(SEEDS / "003_cbf5ea202d683762.txt"))
    _wait(browser, lambda d: d.find_element("id", "status").text.startswith("已由去年的报告生成今年的事实"), "上传", 60)
    _wait(browser, lambda d: "第十五届委员会第四次会议" in _preview_text(d), "今年的预览", 30)
    assert "请核对" in browser.find_element("id", "findings").text
    name = browser.find_element("id", "file").text     # this page's file now; the start file stays as it was
    assert name.endswith("-今年.yaml") and (wb.root / name).is_file() and wb.facts.name == "事实.yaml"
    box = _field(browser, ["会议", "日期"])
    box.clear()
    box.send_keys("2021-01-08")
    _wait(browser, lambda d: "2021年1月8日" in _preview_text(d), "日期改了")
    browser.find_element("id", "save").click()
    _wait(browser, lambda d: d.find_element("id", "status").text == "已保存", "保存")
    with urllib.request.urlopen(f"{url}/download.docx?token={wb.token}&file={quote(name)}") as r:
        body = "\n".join(p.text for p in docx.Document(io.BytesIO(r.read())).paragraphs)
    assert "在政协丹东市第十五届委员会第四次会议上" in body and "2021年1月8日" in body


def test_a_new_report_of_a_kind_and_uploads_that_are_not_reports(bench):
    url, wb, _ = bench
    own = {"Origin": url, "X-Reportgen-Token": wb.token}
    code, got = _post(url, "/api/new", {"kind": "提案"}, own)
    assert code == 200 and got["file"] == "事实-提案.yaml" and got["data"]["类型"] == "提案"
    code, got = _post(url, "/api/upload", {"name": "x.exe", "content": "AAAA"}, own)
    assert code == 422 and "只能上传" in got["error"]
    code, got = _post(url, "/api/upload", {"name": "x.txt", "content": "%%%"}, own)
    assert code == 400


def test_filling_in_blank_fields_keeps_the_file_valid_yaml():
    skeleton = "事实:\n  中心组学习:        # 次\n  专题学习:\n开头:\n列表:\n  -\n  - x\n流: [a, b]\n"
    new = {"事实": {"中心组学习": 5, "专题学习": None}, "开头": "新的", "列表": ["a", "x"], "流": [None, "b"]}
    text, kept = updated_text(skeleton, new)
    assert kept and yaml.safe_load(text) == new and "中心组学习: 5        # 次" in text
    aliased = "x: &p {n: 1}\ny: *p\n"
    text, kept = updated_text(aliased, {"x": {"n": 2}, "y": {"n": 1}})
    assert not kept and yaml.safe_load(text) == {"x": {"n": 2}, "y": {"n": 1}}


def test_only_whoever_started_it_gets_in_and_each_page_keeps_its_own_file(bench):
    url, wb, facts = bench
    for path in ("/", "/api/state", "/download.docx"):           # no token: nothing to see
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(url + path)
        assert e.value.code == 403
    with urllib.request.urlopen(f"{url}/?token={wb.token}") as r:
        assert r.headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    own = {"Origin": url, "X-Reportgen-Token": wb.token}
    state = json.loads(urllib.request.urlopen(f"{url}/api/state?token={wb.token}").read())
    code, other = _post(url, "/api/new", {"kind": "年度"}, own)          # a second page starts a new file
    assert code == 200 and other["file"] != "事实.yaml"
    state["data"]["年度"] = 2030                                       # the first page saves its own
    code, _ = _post(url, "/api/save", {"data": state["data"], "version": state["version"], "file": "事实.yaml"}, own)
    assert code == 200 and yaml.safe_load(facts.read_text(encoding="utf-8"))["年度"] == 2030
    assert yaml.safe_load((facts.parent / other["file"]).read_text(encoding="utf-8"))["年度"] != 2030
    code, got = _post(url, "/api/upload", {"name": '报告<img src=x onerror="alert(1)">.txt',
                                          "content": "5ZCE5L2N5aeU5ZGY77yaCg=="}, own)
    assert code == 200 and not set('<>"=') & set(got["file"])
    code, _ = _post(url, "/api/save", {"data": None, "version": state["version"]}, own)
    assert code in (409, 422)


def test_a_malformed_request_is_answered_not_hung(bench):
    import http.client

    url, wb, _ = bench
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("POST", "/api/preview")
    for k, v in (("Origin", url), ("X-Reportgen-Token", wb.token), ("Content-Length", "-1")):
        conn.putheader(k, v)
    conn.endheaders()
    assert conn.getresponse().status == 400


def test_number_fields_show_their_unit_and_last_years_value(bench, browser):
    url, wb, facts = bench
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "提案: {提交: 379, 立案: 279, 办结: 279}", "提案: {提交: , 立案: 279, 办结: 279, 上年: {提交: 379}}"),
        encoding="utf-8")
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "××" in _preview_text(d), "预览出现")
    row = _field(browser, ["工作回顾", "板块", 0, "事项", 1, "内容", 0, "提案", "提交"]).find_element("xpath", "..")
    assert row.text.replace(" ", "") == "件(上年379)"


def test_past_reports_wordings_for_a_sections_topic_are_one_click_away(bench, browser):
    url, wb, facts = bench
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "共提交提案379件" in _preview_text(d), "预览出现")
    browser.find_element("css selector", "button[data-topic='理论学习与思想政治引领']").click()
    pick = _wait(browser, lambda d: d.find_elements("css selector", "button.pick[data-kind='标题']"), "往年写法")[0]
    heading = pick.text.split(":", 1)[1]
    assert pick.get_attribute("title")   # each wording says which report it comes from
    pick.click()
    _wait(browser, lambda d: heading in _preview_text(d), "标题用上了")


def test_on_another_host_only_the_token_lets_anyone_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "事实.yaml")
    server, wb = make_server(tmp_path / "事实.yaml", port=0, host="0.0.0.0")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        url = f"http://127.0.0.1:{port}"
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(url + "/api/state")
        assert e.value.code == 403
        assert json.loads(urllib.request.urlopen(f"{url}/api/state?token={wb.token}").read())["file"] == "事实.yaml"
        # a page of another origin may not change anything, even with the token
        assert _post(url, "/api/save", {"data": {}, "version": ""},
                     {"Origin": "http://evil.example", "X-Reportgen-Token": wb.token})[0] == 403
    finally:
        server.shutdown()
        server.server_close()


def test_a_skeletons_comments_are_the_forms_hints(bench, browser):
    url, wb, facts = bench
    own = {"Origin": url, "X-Reportgen-Token": wb.token}
    code, new = _post(url, "/api/new", {"kind": "年度"}, own)
    browser.get(f"{url}/?token={wb.token}#file={quote(new['file'])}")
    _wait(browser, lambda d: d.find_element("id", "file").text == new["file"], "打开新建的骨架")
    path = next(p for p in new["hints"] if p.endswith('"中心组学习"]'))
    box = _wait(browser, lambda d: d.find_elements("css selector", f"[data-path='{path}']"), "字段")[0]
    assert "中心组集中学习次数" in box.get_attribute("placeholder")


def test_an_item_can_be_given_a_lead_it_did_not_have(bench, browser):
    url, wb, facts = bench
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "共提交提案379件" in _preview_text(d), "预览出现")
    item = _field(browser, ["工作回顾", "板块", 1, "事项", 0, "内容", 0, "调研视察", "调研"])
    box = item.find_element("xpath", "ancestor::div[@class='item'][2]")
    box.find_element("css selector", "button[data-add='引语']").click()
    lead = _wait(browser, lambda d: d.find_elements(
        "css selector", "[data-path='[\"工作回顾\",\"板块\",1,\"事项\",0,\"引语\"]']"), "引语栏")[0]
    lead.send_keys("深入调查研究")
    _wait(browser, lambda d: "深入调查研究。" in _preview_text(d), "引领句出现")


def _frame_js(driver, script):
    driver.switch_to.frame(driver.find_element("id", "preview"))
    try:
        return driver.execute_script(script)
    finally:
        driver.switch_to.default_content()


def test_a_small_edit_is_rewritten_in_place_and_a_longer_one_lays_the_pages_out_again(bench, browser):
    url, wb, _ = bench
    browser.get(url + "/?token=" + wb.token)
    _wait(browser, lambda d: "学习研讨90余次" in _preview_text(d), "预览出现")
    layouts = _frame_js(browser, "return window.reportgenLayouts")
    set_value = ("var f = document.querySelector(arguments[0]); f.value = arguments[1];"
                 "f.dispatchEvent(new Event('input'));")

    def field(tag, path):   # (a list item's buttons carry its path too)
        return tag + "[data-path='" + json.dumps(path, ensure_ascii=False, separators=(",", ":")) + "']"

    browser.execute_script(set_value, field("input", ["工作回顾", "板块", 0, "事项", 0, "内容", 1, "理论学习", "学习研讨"]), "91")
    _wait(browser, lambda d: "学习研讨91次" in _preview_text(d), "数字改了")
    assert _frame_js(browser, "return window.reportgenLayouts") == layouts     # rewritten where it stands
    # a paragraph that runs over a page end: its pieces rewritten at the same line ends
    assert _frame_js(browser, "return document.querySelectorAll('.page .cont').length") >= 1
    browser.execute_script(set_value, field("input", ["工作回顾", "板块", 0, "事项", 1, "内容", 0, "提案", "提交"]), "380")
    _wait(browser, lambda d: "共提交提案380件" in _preview_text(d).replace("\n", ""), "跨页段落里的数字改了")
    assert _frame_js(browser, "return window.reportgenLayouts") == layouts
    words = _preview_text(browser).replace("\n", "")
    assert words.count("共提交提案380件") == 1 and words.count("推进提案工作提质增效") == 1
    browser.execute_script(set_value, field("textarea", ["工作回顾", "板块", 0, "事项", 0, "内容", 0]), "认真贯彻落实各项决策部署。" * 60)
    _wait(browser, lambda d: _preview_text(d).count("认真贯彻落实各项决策部署") >= 50, "长段落出现")
    assert _frame_js(browser, "return window.reportgenLayouts") == layouts + 1  # the pages laid out again
    overflow = _frame_js(browser, "return Array.prototype.filter.call(document.querySelectorAll('.page .text'),"
                                  " function (t) { return t.scrollHeight > t.clientHeight + 1; }).length")
    assert overflow == 0 and "学习研讨91次" in _preview_text(browser)
