"""Every unit can say its year (issue 22): each fact at each level it belongs to, worded in that level's words,
and refused with a message naming the levels it fits. One field (层级) decides for metrics, init and the validator."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, minimal
from generator.api import render_text
from generator.catalogue import LEVELS, expand_levels, levels_text, load_catalogue
from generator.errors import InputError
from generator.validate import validate

CAT = load_catalogue()
OWN = {"镇": "全镇", "乡": "全乡", "街道": "全街道", "村": "全村", "社区": "全社区"}
POST = {"镇": "党委书记", "乡": "党委书记", "街道": "党工委书记", "村": "党支部书记", "社区": "党支部书记"}
OTHER_WORDS = {"社区": ("全村", "村民", "全镇", "镇党委"), "街道": ("全镇", "镇党委", "村民"), "村": ("全镇", "社区"),
               "乡": ("全镇", "镇党委"), "镇": ("全乡", "全村")}


def _data(level: str, highlights: dict, base: dict | None = None) -> dict:
    data = minimal()
    data["报告"] = {**data["报告"], "单位": "东关" + level, "层级": level, "职务": POST[level], "上级": "区委"}
    data["亮点"] = highlights
    if base:
        data["基本情况"] = base
    return data


FACTS = [
    # (theme, key, value, the levels it belongs to, words the draft must hold)
    ("党员队伍", "在职党员报到", 126, ("镇", "街道", "社区"), "报到126名"),
    ("党员队伍", "在职党员报到", "310次", ("街道", "社区"), "310次"),
    ("基层治理", "接诉即办工单", 842, ("镇", "乡", "街道", "社区"), "842件"),
    ("基层治理", "工单按时办结率", "96.5%", ("镇", "乡", "街道", "社区"), "96.5%"),
    ("组织建设", "小区党支部", {"从": 5, "到": 9}, ("街道", "社区"), "从5个增加到9个"),
    ("组织建设", "新就业群体党组织", 2, ("镇", "街道", "社区"), "2个"),
    ("基层治理", "无物业小区", {"从": 7, "到": 3}, ("街道", "社区"), "从7个减少到3个"),
    ("干部队伍", "社区专职工作者", 18, ("街道", "社区"), "18名"),
    ("基层治理", "村庄清洁行动", 12, ("镇", "乡", "村"), "12次"),
    ("基层治理", "河长制巡河", 48, ("村",), "48次"),
    ("基层治理", "人居环境整治", "9次", ("村", "乡"), "9次"),
    ("产业发展", "防返贫监测户", 6, ("村", "乡"), "6户"),
    ("产业发展", "衔接资金", 85, ("村", "镇"), "85万元"),
    ("产业发展", "高标准农田", 1200, ("村", "乡"), "1200亩"),
    ("产业发展", "中药材", 300, ("村",), "300亩"),
    ("党员队伍", "党员联系留守老人", 23, ("村", "乡"), "23户"),
]


@pytest.mark.parametrize("theme, key, value, levels, said", FACTS, ids=[f"{f[1]}-{f[2]}" for f in FACTS])
def test_each_fact_reads_right_at_each_level_it_belongs_to(theme, key, value, levels, said):
    for level in levels:
        text = render_text(_data(level, {theme: {key: value}}))
        assert said in text, (level, key)
        body = text.split("\n", 3)[-1]
        assert not [w for w in OTHER_WORDS[level] if w in body], (level, key, [w for w in OTHER_WORDS[level] if w in body])


@pytest.mark.parametrize("level, key, theme", [
    ("村", "在职党员报到", "党员队伍"), ("社区", "河长制巡河", "基层治理"), ("社区", "高标准农田", "产业发展"),
    ("村", "社区专职工作者", "干部队伍"),
])
def test_a_fact_of_other_levels_is_refused_naming_its_levels(level, key, theme):
    with pytest.raises(InputError) as info:
        validate(_data(level, {theme: {key: 3}}))
    message = info.value.problems[0].message
    metric = next(m for m in CAT.metrics[theme] if m.key == key)
    assert levels_text(metric.levels) in message and level in message, message


def test_community_and_street_practices_of_the_issue():
    """接诉即办 and 新建党组织 at a 社区; 履职考核 at a 街道; the 社区 message says no 本村."""
    report = validate(_data("社区", {"基层治理": {"做法": ["接诉即办"]}, "组织建设": {"做法": ["新建党组织"]}}))
    assert [p.practice.key for t in report.themes for p in t.practices] == ["新领域党建", "接诉即办"] or \
        {p.practice.key for t in report.themes for p in t.practices} == {"新领域党建", "接诉即办"}
    text = render_text(_data("街道", {"干部队伍": {"做法": ["履职考核"]}}))
    assert "社区" in text and "村干部" not in text
    with pytest.raises(InputError) as info:
        validate(_data("社区", {"干部队伍": {"做法": ["履职考核"]}}))
    assert "本村" not in info.value.problems[0].message and "本社区" in info.value.problems[0].message


@pytest.mark.parametrize("name, theme", [("党员冬训", "党员队伍"), ("积分超市", "基层治理"), ("积分兑换", "基层治理"),
                                         ("红白理事会", "基层治理")])
def test_common_village_names_are_taken_as_written(name, theme):
    data = _data("村", {theme: {"做法": [name]}})
    practice = next(t for t in CAT.themes if CAT.practice(t, name))
    data["亮点"] = {practice: {"做法": [name]}}
    report = validate(data)
    assert report.themes[0].practices


def test_the_base_facts_of_a_street_and_a_community():
    text = render_text(_data("街道", {}, {"社区党组织": 14, "两新党组织": {"从": 20, "到": 26}, "小区": 63, "党员": 2210}))
    assert "社区党组织14个" in text and "两新党组织由上年的20个增加到26个" in text
    text = render_text(_data("社区", {}, {"常住居民": 8600, "小区": 7, "网格": 12, "党员": 310}))
    assert ("8600人" in text or "8600名居民" in text) and "7个" in text and "12个" in text


def test_a_townships_villages_over_a_threshold_and_their_sum_can_change():
    data = _data("乡", {"产业发展": {"集体经济收入超10万元的村": {"从": 4, "到": 8},
                                    "村集体经济收入": {"从": 86, "到": 132}}})
    text = render_text(data)
    assert re.search(r"[从由]4个增加[到至]8个", text) and "全乡村级集体经济总收入" in text and "132万元" in text
    village = render_text(_data("村", {"产业发展": {"村集体经济收入": {"从": 8.6, "到": 13.2}}}))
    assert "村集体经济收入" in village and "村级集体经济总收入" not in village


def test_one_field_for_levels_in_every_reader():
    """metrics' labels, init's list and the validator agree for every entry of both catalogues."""
    from generator.starter import starter_yaml

    for level in LEVELS:
        starter = starter_yaml(CAT, year=2025, level=level, file_name="x.yaml")
        for theme, metrics in CAT.metrics.items():
            for m in metrics:
                if m.params:
                    continue
                listed = f"{m.key}:" in starter
                assert listed == (level in m.levels), (level, m.key)
    for theme, practices in CAT.practices.items():
        for p in practices:
            assert p.levels == expand_levels(p.levels)[0]
            for level in LEVELS:
                ok = CAT.fits_level(p, level)
                try:
                    validate(_data(level, {theme: {"做法": [p.key]}}))
                    accepted = True
                except InputError:
                    accepted = False
                assert accepted == ok, (level, p.key)


def test_a_metric_under_the_wrong_theme_is_told_where_it_belongs():
    with pytest.raises(InputError) as info:
        validate(_data("村", {"党员队伍": {"发展党员": 2}}))
    message = info.value.problems[0].message
    assert "属于“组织建设”" in message and "流动党员" not in message


@pytest.mark.parametrize("cases, said", [([12], "每条事例应是一句话"), ([True], "每条事例应是一句话")])
def test_a_case_that_is_no_sentence_is_refused(cases, said):
    with pytest.raises(InputError) as info:
        validate(_data("村", {"组织建设": {"发展党员": 2, "事例": cases}}))
    assert said in info.value.problems[0].message


def test_a_case_with_a_dash_and_no_space_is_one_case_and_warned():
    data = _data("村", {"组织建设": {"发展党员": 2, "事例": "-下寨村把支部会挪到晚上开，外出党员视频参会"}})
    text = render_text(data)
    assert "-下寨村" not in text and "下寨村把支部会挪到晚上开" in text
    report = validate(data)
    assert any("少了一个空格" in w.message for w in report.warnings)


def test_a_fullwidth_percent_is_a_percent():
    text = render_text(_data("社区", {"基层治理": {"工单按时办结率": "85％"}}))
    assert "85%" in text


def test_json_with_output_writes_the_file_and_never_over_one(tmp_path):
    import json

    from conftest import EXAMPLE_INPUTS
    from generator.cli import run

    target = tmp_path / "trace.json"
    assert run([str(EXAMPLE_INPUTS[0]), "--format", "json", "-o", str(target)]) == 0
    assert json.loads(target.read_text("utf-8"))["trace"]
    before = target.read_bytes()
    assert run([str(EXAMPLE_INPUTS[0]), "--format", "json", "-o", str(target)]) != 0
    assert target.read_bytes() == before


@pytest.mark.parametrize("target, said", [
    ({"土地流转": 1500}, "新增土地规模流转1500亩"),              # the catalogue says a bare target here is an amount
    ({"土地流转": {"达到": 1500}}, "达到1500亩"),
    ({"党建领办合作社": {"达到": 9}}, "合作社达到9个"),
    ({"党建领办合作社": 2}, "新培育党组织领办合作社2个"),
])
def test_a_target_says_whether_it_is_a_level_or_an_amount(target, said):
    data = _data("村", {"产业发展": {"土地流转": 1200}})
    data["措施"] = {"目标": target}
    text = render_text(data)
    assert said in text and ("新增" not in text.split(said)[0][-6:] if "达到" in said else True)


def test_a_target_of_another_shape_is_refused_with_what_to_write():
    data = _data("村", {})
    data["措施"] = {"目标": {"土地流转": {"到": 1500}}}
    with pytest.raises(InputError) as info:
        validate(data)
    assert "{达到: 数}" in info.value.problems[0].message


def test_next_year_compares_an_amount_with_what_was_added(tmp_path):
    """Last year: 新增 300 亩. This year 1200 → 1550: 350 added, the target is met (not 1550 against 300)."""
    from generator.facts import Fact, achieved

    metric = next(m for m in CAT.metrics["产业发展"] if m.key == "土地流转")
    added = Fact("土地流转", "亩", value=300, metric=metric, aim="新增")
    level = Fact("土地流转", "亩", value=1500, metric=metric, aim="达到")
    now = Fact("土地流转", "亩", before=1200, after=1550, metric=metric)
    assert achieved(added, now) == 350 and achieved(level, now) == 1550


@pytest.mark.parametrize("line, said", [
    ('  单位: "杏花村"村', "值以英文引号开头"),
    ("\u3000\u3000单位: 杏花村", "全角空格"),
])
def test_a_line_a_clerk_typed_wrongly_is_told_exactly(tmp_path, line, said):
    from conftest import INPUTS
    from generator.loader import load_yaml_file

    text = (INPUTS / "杏花村-2025.yaml").read_text("utf-8")
    lines = text.split("\n")
    at = next(k for k, t in enumerate(lines) if t.startswith("  单位:"))
    lines[at] = line
    path = tmp_path / "x.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_yaml_file(path)
    problem = info.value.problems[0]
    assert said in problem.message and problem.line == at + 1


@pytest.mark.parametrize("case, text", [
    ("村里开了会，结论是：先修路再说", "结论是：先修路再说"),        # a Chinese colon in a sentence is fine
    ("书记说: 先修路再说", "书记说：先修路再说"),                      # an English one made a key: its meaning is plain
])
def test_a_colon_inside_a_case(tmp_path, case, text):
    from conftest import INPUTS
    from generator.loader import load_yaml_file

    source = (INPUTS / "杏花村-2025.yaml").read_text("utf-8")
    at = source.index("- ", source.index("事例:"))
    path = tmp_path / "x.yaml"
    path.write_text(source[:at + 2] + case + "\n      - " + source[at + 2:], encoding="utf-8")
    data, _ = load_yaml_file(path)
    assert text in render_text(data)


def test_a_party_committee_of_a_community_has_committee_members_not_branch_members():
    """“社区党委……本人将带领支委委员” (twelfth blind reading: 村支部模板残留): where a 村 or 社区 is led by a 党委 or
    党总支 (报告 → 党组织), its members are 党委委员 or 总支委员 (称谓.yaml → 按组织), and it has 党支部 below it."""
    from conftest import minimal
    from generator.api import render

    for org, members, wrong in (("南关社区党委", "党委委员", "支委委员"), ("团结村党总支", "总支委员", "支委委员")):
        level = "社区" if "社区" in org else "村"
        data = minimal(亮点={"组织建设": {"发展党员": 3}, "党员队伍": {"党员培训": 120}},
                       问题=["精力投入不足", "组织生活质量不高", "后备干部不足"], 原因=["思想认识不到位"])
        data["报告"] = {**data["报告"], "单位": org[:-len(org.split("社区")[-1] if "社区" in org else org.split("村")[-1])],
                       "层级": level, "职务": "党委书记" if "党委" in org else "党总支书记", "上级": "街道党工委",
                       "党组织": org}
        from generator.bank import load_bank
        from generator.compose import context
        from generator.validate import validate

        words = context(validate(data), load_bank(), [])
        assert words["班子"] == members and words["下级"] == "各党支部", (org, words["班子"], words["下级"])
        for style in range(1, 169, 4):
            text = "\n".join(b.text for b in render(data, style=style).blocks())
            assert wrong not in text, (org, style)


def test_a_village_draft_neither_speaks_of_its_secretary_nor_reaches_above_its_level():
    """村里的党务工作多靠支部书记一个人撑着 in a village secretary's own report (the author in the third person),
    and a village branch that 压实各级责任, 有一件查一件 or 问责 (eighteenth blind reading: 越权): the tool's own
    words in a village draft say none of it; a township's draft may."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from variety import sample_renders

    above = ("各级", "查一件", "问责", "层层")
    found = []
    for unit, draft in sample_renders():
        org = draft.title.replace("\n", "")
        for block in draft.blocks():
            for span in block.spans:
                if not span.source.startswith(("词库:", "做法:")):
                    continue
                self_named = "支部书记" in span.text and "党总支" not in org and "下级" not in span.source
                if self_named or any(w in span.text for w in above):
                    found.append((unit, span.text))
    assert not found, found[:6]


def test_a_street_draft_does_not_speak_of_young_people_leaving_and_coming_back():
    """二是基层人才队伍还比较单薄。年轻人回来了也难找到合适的岗位 in a 街道 draft (21st blind reading): out-migration
    and return are the village's story. Urban drafts say nothing of people who 回乡, 返乡, 外出务工, 打零工."""
    from conftest import ROOT
    from generator.api import render_text
    from generator.loader import load_yaml_file

    rural = ("年轻人回来", "回来的少", "愿意回来", "请回来", "外出务工", "打零工", "返乡", "回乡")
    for name in ("东城街道-2026", "南关社区-2025"):
        data = load_yaml_file(ROOT / "tests/fresh_inputs" / f"{name}.yaml")[0]
        data["问题"] = ["后备干部不足", "精力投入不足"]
        data["原因"] = ["人才支撑不足", "统筹谋划不够"]
        for style in range(1, 25):
            text = render_text(data, style=style)
            assert not [w for w in rural if w in text], (name, style, [w for w in rural if w in text])


def test_a_xiang_draft_does_not_name_the_town_as_its_own_level():
    """坚持小事不出村、大事不出镇 in a 乡's draft (24th blind reading)."""
    from conftest import ROOT
    from generator.loader import load_yaml_file

    from generator.bank import load_bank
    from generator.resources import load_data

    # every wording that names the town as the top of its level is kept from a 乡 by its 不用词
    avoid = load_bank().get("称谓", "不用词")["乡"]
    wordings = [w for ps in load_data("做法.yaml")["做法"].values() for spec in ps.values()
                for w in [*spec["说法"], *(x for ws in (spec.get("带数说法") or {}).values() for x in ws)]]
    assert not [w for w in wordings if "不出镇" in w and not any(a in w for a in avoid)]
    data = load_yaml_file(ROOT / "tests/fresh_inputs/云岭乡-2025.yaml")[0]
    data["亮点"]["基层治理"] = {"做法": ["矛盾纠纷排查调处"], "化解矛盾纠纷": 40}
    for style in range(1, 25):
        for variant in range(3):
            text = render_text(data, style=style, variant=variant)
            assert "不出镇" not in text, (style, variant)


def test_a_village_is_not_told_to_spread_one_branchs_good_meetings_to_the_others():
    """（二）组织生活再加力。对组织生活开得好的支部及时总结，在面上推开 in a village draft (红柳村, the sample batch read
    side by side): a village has one branch; that plan is a township's (镇|)."""
    from conftest import minimal

    data = minimal(问题=["组织生活质量不高"], 原因=["工作方法欠缺"])
    data["报告"] = {**data["报告"], "单位": "红柳村", "层级": "村", "职务": "党支部书记", "上级": "东关镇党委"}
    for style in range(1, 337, 3):
        text = render_text(data, style=style)
        assert "开得好的支部" not in text, style


def test_an_urban_draft_does_not_speak_of_the_farming_calendar():
    """农时, 农忙 are the village's year (支部活动的安排和农时、项目的进度对不上, a wording of 党建与业务融合不够
    written for villages): a street or community draft takes the kind's other wordings."""
    from conftest import ROOT
    from generator.api import render_text
    from generator.loader import load_yaml_file

    rural = ("农时", "农忙", "农闲", "耕地")
    for name in ("东城街道-2026", "南关社区-2025"):
        data = load_yaml_file(ROOT / "tests/fresh_inputs" / f"{name}.yaml")[0]
        data["问题"] = ["党建与业务融合不够", "组织生活质量不高"]
        for i in range(30):
            data["报告"] = dict(data["报告"], 单位=f"{'东西南北'[i % 4]}{'关门城桥湖园山林'[i // 4]}" + name[2:4])
            text = render_text(data)
            assert not [w for w in rural if w in text], (data["报告"]["单位"], [w for w in rural if w in text])


def test_the_years_election_is_named_as_the_unit_has_it():
    """依法依规完成村（社区）“两委”换届 in a village's 2026 draft (57th blind reading: 模板括号没替换): era.yaml names 2026's
    election for the county, 村（社区）“两委”; a village says its 村“两委”, a community its 社区“两委”; a township,
    over both, keeps the county's name."""
    import re

    from conftest import minimal
    from generator.api import render
    from generator.text import draft_to_text

    said = {}
    for level, unit, post in (("村", "黄坪村", "党支部书记"), ("社区", "河西社区", "党委书记"), ("镇", "高桥镇", "党委书记")):
        for style in range(1, 9):
            data = minimal()
            data["报告"].update(年度=2026, 层级=level, 单位=unit, 职务=post)
            data["亮点"]["干部队伍"] = {"做法": ["换届"]}
            text = draft_to_text(render(data, style=style))
            said.setdefault(level, set()).update(re.findall(r"[村社区（）]+“两委”换届", text))
    assert said["村"] == {"村“两委”换届"}, said
    assert said["社区"] == {"社区“两委”换届"}, said
    assert said["镇"] == {"村（社区）“两委”换届"}, said
