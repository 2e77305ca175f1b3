"""One year to the next: 报告 → 上年 sets this year's figures against last year's targets, names last
year's problems in a 整改 item, keeps this year's plan from reading like last year's, and refuses a wrong
file with a Chinese message."""
from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
import yaml

from conftest import INPUTS, load_example
from generator.api import render, render_text
from generator.cli import run as cli
from generator.errors import InputError

LAST = {
    "格式版本": 1,
    "报告": {"年度": 2024, "单位": "杏花村", "层级": "村", "职务": "党支部书记", "姓名": "何春梅",
             "日期": dt.date(2024, 12, 28), "上级": "镇党委"},
    "基本情况": {"党员": 36},
    "亮点": {"组织建设": {"做法": ["三会一课"], "发展党员": 1},
             "产业发展": {"做法": ["党支部领办合作社"], "村集体经济收入": 6.8}},
    "问题": ["集体经济薄弱", "组织生活质量不高", {"自述": "党员队伍老化，年轻党员大多外出务工"}],
    "原因": ["人才支撑不足"],
    "措施": {"目标": {"集体经济收入": 8, "发展党员": 2}, "事项": ["建一座黄桃冷库"]},  # 集体经济收入: an alias
}


@pytest.fixture
def files(tmp_path):
    (tmp_path / "2024.yaml").write_text(yaml.safe_dump(LAST, allow_unicode=True), encoding="utf-8")
    this, _ = load_example(INPUTS / "杏花村-2025.yaml")
    this = copy.deepcopy(this)
    this["报告"]["上年"] = "2024.yaml"
    this["整改"] = {"已完成": ["组织生活质量不高"], "持续推进": ["集体经济薄弱", "党员队伍老化"]}
    return tmp_path, this


def test_targets_are_answered_with_both_figures(files):
    folder, data = files
    draft = render(data, base=folder)
    text = render_text(data, base=folder)
    # 村集体经济收入: target 8, this year 6.8 → 9.1: over by 1.1; 发展党员: target 2, this year 1: short by 1
    assert re.search(r"8万元.{0,60}9\.1万元.{0,12}1\.1万元", text)
    # this year's figure beside the target without naming the metric again (目标是发展党员2名，实际完成1名)
    assert re.search(r"发展党员2名[^。]{0,12}(完成|达到|实际)1名[^。]{0,10}1名", text)
    assert not re.search(r"发展党员2名[^。]{0,30}发展党员1名", text)
    assert any("“发展党员: 2”没有完成" in w and "问题" in w for w in map(str, draft.warnings))
    # the computed gap names both figures it comes from
    gaps = [s for b in draft.blocks() for s in b.spans if s.source.startswith("计算:")]
    assert gaps and all("上年.措施.目标." in s.source and "亮点." in s.source for s in gaps)


def test_last_years_problems_are_named_in_a_rectification_item(files):
    folder, data = files
    part_one = render(data, base=folder).parts[0].blocks
    last_item = part_one[-1].text
    assert "“组织生活质量不高”" in last_item and "“集体经济薄弱”“党员队伍老化”" in last_item
    data["整改"] = {"已完成": ["组织生活质量不高"]}
    warnings = render(data, base=folder).warnings
    assert any("还没有写整改情况" in w and "集体经济薄弱" in w and "党员队伍老化" in w for w in map(str, warnings))


def test_this_years_plan_differs_from_last_years(files, tmp_path):
    folder, data = files
    last_draft = render(LAST)
    this_draft = render(data, base=folder)

    def leads(draft):
        return {s.text for b in draft.parts[2].blocks for s in b.spans if s.source.endswith("/要点")}

    assert not leads(last_draft) & leads(this_draft)
    (tmp_path / "last.txt").write_text(render_text(LAST), encoding="utf-8")
    (tmp_path / "this.txt").write_text(render_text(data, base=folder), encoding="utf-8")
    assert cli(["check", str(tmp_path / "this.txt"), "--against", str(tmp_path / "last.txt")]) == 0


@pytest.mark.parametrize("change, message", [
    (lambda d: d["报告"].__setitem__("上年", "没有这个文件.yaml"), "找不到上年的输入文件"),
    (lambda d: d["报告"].__setitem__("上年", "other.yaml"), "是“白石村”的"),
    (lambda d: d["报告"].__setitem__("上年", "old.yaml"), "应为 2024 年的输入文件"),
    (lambda d: d["整改"].__setitem__("已完成", ["没有这个问题"]), "去年的问题里没有“没有这个问题”"),
])
def test_a_wrong_last_year_file_is_refused_in_chinese(files, change, message, capsys):
    folder, data = files
    other = copy.deepcopy(LAST)
    other["报告"]["单位"] = "白石村"
    (folder / "other.yaml").write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    old = copy.deepcopy(LAST)
    old["报告"].update(年度=2023, 日期=dt.date(2023, 12, 28))
    (folder / "old.yaml").write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    change(data)
    with pytest.raises(InputError) as info:
        render(data, base=folder)
    assert message in str(info.value.problems[0])
    src = folder / "this.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli([str(src), "-o", str(folder / "this.docx")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and not (folder / "this.docx").exists()


def test_init_from_last_year_carries_what_can_be_reused(files, capsys):
    folder, _ = files
    assert cli(["init", str(folder / "2025.yaml"), "--from", str(folder / "2024.yaml")]) == 0
    text = (folder / "2025.yaml").read_text(encoding="utf-8")
    assert "  上年: 2024.yaml" in text and "单位: 杏花村" in text and "姓名: 何春梅" in text
    assert "# - 建一座黄桃冷库" in text and "# 党员: 36" in text and "# 集体经济收入: 8" in text
    assert "整改:" in text and "# - 党员队伍老化" in text


def test_batch_takes_last_years_files_from_a_folder(tmp_path):
    import csv

    last = tmp_path / "2024"
    last.mkdir()
    (last / "杏花村.yaml").write_text(yaml.safe_dump(LAST, allow_unicode=True), encoding="utf-8")
    table = tmp_path / "v.csv"
    with open(table, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["单位", "年度", "层级", "职务", "姓名", "日期", "发展党员", "组织建设.做法", "问题"],
                                 ["杏花村", 2025, "村", "党支部书记", "何春梅", "2025-12-28", 3, "三会一课",
                                  "集体经济薄弱；组织生活质量不高"]])
    out = tmp_path / "out"
    assert cli(["batch", str(table), "--last", str(last), "-o", str(out), "-j", "1"]) == 0
    import docx

    (made,) = out.glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(str(made)).paragraphs)
    assert re.search(r"发展党员2名[^。]{0,12}3名.{0,10}1名", text)     # target 2, this year 3: over by 1


def test_annotate_comments_every_figure_practice_case_and_gap(files, tmp_path, capsys):
    import json

    import docx
    import openxml_audit

    folder, data = files
    data["报告"].pop("姓名")
    src = folder / "this.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plain, annotated = folder / "plain.docx", folder / "annotated.docx"
    assert cli([str(src), "-o", str(plain)]) == 0
    assert cli([str(src), "-o", str(annotated), "--annotate"]) == 0
    assert not list(docx.Document(str(plain)).comments)          # without --annotate: no comments at all
    comments = [c.text for c in docx.Document(str(annotated)).comments]
    draft = render(data, base=folder)
    spans = [s for b in draft.blocks() for s in b.spans]
    figures = [s for s in spans if s.source.startswith("指标:") and not s.source.startswith("指标:上年")]
    assert len([c for c in comments if c.startswith("数字：来自输入文件")]) == len(figures)
    assert any("发展党员" in c and "第" in c and "行" in c for c in comments)
    assert any(c.startswith("做法：") for c in comments) and any(c.startswith("原文：照抄 亮点 → 产业发展 → 事例")
                                                              for c in comments)
    assert any(c.startswith("计算：") for c in comments)
    assert any(c.startswith("待补充：") and "报告 → 姓名" in c for c in comments)
    result = openxml_audit.OpenXmlValidator().validate(str(annotated))
    assert result.error_count == 0 and result.warning_count == 0, [str(e) for e in result.errors]
    capsys.readouterr()
    assert cli([str(src), "--format", "json"]) == 0
    trace = json.loads(capsys.readouterr().out)["trace"]
    assert len(trace) == len(comments)
    first = next(e for e in trace if e["kind"] == "数字" and e["path"].startswith("亮点"))
    assert first["line"] and first["path"].count(" → ") == 2



def test_check_renders_an_input_with_its_own_folder(files, tmp_path, monkeypatch):
    """`gen-report check 2025.yaml` from another folder finds 上年: 2024.yaml beside the file (it rendered
    without the file's folder, so the last year's file was looked for in the working folder)."""
    from generator.check.document import read

    folder, data = files
    path = folder / "2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    texts = read(path).texts
    assert any(re.search("年初定下|去年述职时定的目标|对照年初", t) for t in texts), texts[:5]


def test_rectification_with_the_clerks_story(files):
    """整改 with how each problem was fixed (已完成 → 做法) and how far one still is (持续推进 → 进展), in the
    clerk's words, one sentence each; a name alone still works beside them."""
    folder, data = files
    data["整改"] = {"已完成": [{"问题": "组织生活质量不高", "做法": "支部会改到晚上开，每次先议一件村里的实事"}],
                  "持续推进": [{"问题": "集体经济薄弱", "进展": "冷库已经建成，今年还没有租出去"}, "党员队伍老化"]}
    draft = render(data, base=folder)
    last_item = draft.parts[0].blocks[-1]
    text = last_item.text
    assert "“组织生活质量不高”" in text and "支部会改到晚上开，每次先议一件村里的实事" in text
    assert "冷库已经建成，今年还没有租出去" in text and "“党员队伍老化”" in text
    assert {s.source for s in last_item.spans if "冷库" in s.text} == {"原文:整改"}
    assert not any("整改" in str(w) and "还没有写整改情况" in str(w) for w in draft.warnings)


def test_a_rectification_note_under_the_other_word_is_taken_and_warned(files):
    folder, data = files
    data["整改"] = {"已完成": [{"问题": "组织生活质量不高", "进展": "支部会改到晚上开"}],
                  "持续推进": ["集体经济薄弱", "党员队伍老化"]}
    draft = render(data, base=folder)
    assert "支部会改到晚上开" in draft.parts[0].blocks[-1].text
    assert any("已按“做法”写进报告" in str(w) for w in draft.warnings)


def test_a_missed_target_a_problem_already_names_is_not_warned_again(files):
    folder, data = files
    data["问题"] = list(data.get("问题") or []) + [{"自述": "发展党员的任务没有完成，年轻人在家的少", "主题": "组织建设"}]
    draft = render(data, base=folder)
    assert not any("“发展党员: 2”没有完成" in str(w) for w in draft.warnings)


def test_a_rectification_that_tells_a_case_again_is_warned_at_this_years_line(files):
    """With last year's file the 整改 entry is matched against last year's problems; a note that tells a case of
    this year's again is still warned at this file's 整改 line, not at the problem's place in last year's file."""
    folder, data = files
    data["整改"] = {"已完成": [{"问题": "集体经济薄弱", "做法": "合作社和县里一家罐头厂签了黄桃收购合同，全村黄桃不愁卖"}],
                  "持续推进": ["组织生活质量不高", "党员队伍老化"]}
    found = [w for w in render(data, base=folder).warnings if "同一件事" in w.message]
    assert len(found) == 1 and found[0].path == ("整改", "已完成", 0), found
