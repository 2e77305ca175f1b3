"""One fact, said once, where it belongs (issue 19): the seams where stock text met the clerk's facts.

Each kind of seam the blind readers found has a case of our own here (fresh facts, not the readers'), and
the bundled inputs and every sample row are scanned for the kinds that can be scanned: a number said twice
within an item, a problem named by a cut at its first comma, a stock elaboration beside the highlight it
contradicts, a problem or a clerk's cause left unanswered or answered twice, a frequency or a routine the
input never gave."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLE_INPUTS, ROOT, load_example, minimal, style_where
from generator.api import render, render_text
from generator.errors import InputError
from generator.validate import validate
from variety import sample_inputs


def _village(**kw):
    data = minimal(**kw)
    data["报告"] = {**data["报告"], "单位": "河湾村", "层级": "村", "职务": "党支部书记", "上级": "镇党委"}
    return data


def _bundled() -> list[tuple[str, dict]]:
    return [(p.name, load_example(p)[0]) for p in EXAMPLE_INPUTS] + sample_inputs()


BUNDLED = _bundled()
IDS = [name for name, _ in BUNDLED]


def _items(draft, part: int) -> list[str]:
    return [b.text for b in draft.parts[part].blocks]


NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


# --- 1. the same fact twice ----------------------------------------------------------------------------

def test_a_figure_the_case_states_is_not_stated_again():
    """宣讲……46场次。……全年讲了46场: the figure lives in the clerk's case, once."""
    data = _village(亮点={"政治建设": {"做法": ["田间宣讲", "书记讲党课"], "理论宣讲": 38, "讲党课": 4,
                                     "事例": ["村里组了一支6人的“炕头宣讲队”，冬闲时挨家挨户讲政策，全年讲了38场"]}})
    for variant in range(6):
        item = _items(render(data, variant=variant), 0)[0]
        assert item.count("38") == 1, (variant, item)
        assert "4次" in item      # the figure no case states is still said


def test_a_practice_the_case_carries_out_is_not_asserted_first():
    """推进移风易俗，由红白理事会抵制大操大办。另外，成立红白理事会: the clerk's own words about the
    council are the statement; the catalogue's wording of the same practice does not come first."""
    data = _village(亮点={"意识形态": {"做法": ["移风易俗", "村村响广播"],
                                     "事例": ["村里重新选了红白理事会，定下酒席不超过十桌，全年办的二十多场事都照着做了"]}})
    from generator.catalogue import load_catalogue

    stock = load_catalogue().practice("意识形态", "移风易俗").phrases
    for variant in range(8):
        draft = render(data, variant=variant)
        item = _items(draft, 0)[0]
        assert not any(p.split("，")[0] in item for p in stock), (variant, item)
        spans = [s for b in draft.parts[0].blocks for s in b.spans]
        assert any("做法:亮点.意识形态.做法.0" in s.covers for s in spans)   # still traced, by the case


def test_an_order_practice_beside_the_contract_case():
    data = _village(亮点={"产业发展": {"做法": ["订单农业", "党支部领办合作社"], "合作社分红": 2.6,
                                     "事例": ["合作社和市里一家净菜公司签了辣椒直供协议，保底价每斤两块一"]}})
    for variant in range(8):
        item = _items(render(data, variant=variant), 0)[0]
        assert "订单" not in item, (variant, item)


def test_unrelated_figures_do_not_share_a_clause():
    """Two figures in one clause only when related (网格 and 网格员), never because they are the next fields."""
    data = _village(亮点={"基层治理": {"网格": 9, "网格员": 11, "化解矛盾纠纷": 17, "为民办实事": 23}})
    for variant in range(8):
        item = _items(render(data, variant=variant), 0)[0]
        for clause in re.split("[，；。]", item):
            numbers = NUMBER.findall(clause)
            if len(numbers) > 1:
                assert set(numbers) <= {"9", "11"}, (variant, clause)


def test_practice_and_figure_about_one_thing_are_one_statement():
    """组织在职党员回社区报到……三是在职党员到社区报到213名: the practice carries its figure."""
    data = _village(亮点={"党员队伍": {"做法": ["流动党员管理", "亮身份", "关爱慰问"], "流动党员": 14,
                                     "关爱慰问党员": 19}})
    for variant in range(8):
        item = _items(render(data, variant=variant), 0)[0]
        parts = re.split("[。；]", item)
        assert any("14名" in p and ("外出" in p or "流动" in p or "在外" in p) for p in parts), (variant, item)


@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_no_figure_is_said_by_both_the_catalogue_and_the_clerk(name, data):
    """A figure is said once in an item: never in the catalogue's wording (a 指标 span) and again in the
    clerk's case or own words (a 原文 span) of the same item, nor twice in the catalogue's words."""
    unit = r"(名|个|次|件|户|亩|万元|人次|场次|支|%)"
    for variant in (0, 1):
        draft = render(data, variant=variant)
        for block in draft.parts[0].blocks:
            figures = [s for s in block.spans if s.source.startswith("指标:")]
            own = "".join(s.text for s in block.spans if s.source.startswith("原文:"))
            paths = [s.source for s in figures]
            assert len(paths) == len(set(paths)), (name, variant, block.text)
            for span in figures:
                for number, u in re.findall(rf"(?<![\d.])(\d+(?:\.\d+)?){unit}", span.text):
                    assert not re.search(rf"(?<![\d.]){re.escape(number)}{u}", own), (name, variant, span, own)


# --- 2. a problem named by a cut at a comma -----------------------------------------------------------

@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_no_problem_is_named_by_its_text_cut_at_a_comma(name, data):
    report = validate(data)
    text = "".join(_items(render(data), 2))
    from generator.bank import load_bank

    kinds = load_bank().get("问题", "问题")
    for item in report.problems + report.causes:
        if item.text and "，" in item.text:
            head = item.text.split("，")[0]
            if head in ((kinds.get(item.like or "") or {}).get("简称") or ()):
                continue  # the kind its words resemble happens to be named like its first clause
            assert f"针对{head}" not in text and f"{head}的问题" not in text, (name, head)


def test_an_achievement_before_a_comma_is_never_called_a_problem():
    data = _village(问题=[{"自述": "葡萄规模上来了，但冷藏只能靠外村的库，旺季压价厉害", "主题": "产业发展"},
                        "后备干部不足"],
                    措施={"事项": ["村集体和合作社合建一座两百吨的葡萄冷藏库"]})
    for variant in range(6):
        plan = "".join(_items(render(data, variant=variant), 2))
        assert "规模上来了" not in plan
        assert "冷藏库" in plan


def test_a_short_name_the_clerk_gives_is_used():
    data = _village(问题=[{"自述": "葡萄规模上来了，但冷藏只能靠外村的库，旺季压价厉害", "主题": "产业发展",
                         "简称": "葡萄冷藏跟不上"}, "后备干部不足"],
                    措施={"事项": ["村集体和合作社合建一座两百吨的葡萄冷藏库"]})
    plan = "".join(_items(render(data), 2))
    assert "葡萄冷藏跟不上" in plan


# --- 3. a stock elaboration that contradicts the highlights ---------------------------------------------

# Declared conflicts: a problem elaboration (left) must not stand in part two of a draft whose part one
# holds the right. The bank declares these with 不与亮点; this table checks the drafts themselves.
CONFLICTS = [
    (r"急难险重|冲锋在前", r"暴雨|冰雹|抢险|连夜|管涌|洪水|滑坡|火灾|险情|寒潮"),
    (r"宗旨意识淡化", r"暴雨|冰雹|抢险|连夜|管涌|寒潮|先锋岗"),
    (r"缺少年轻的带头人", r"年轻人|返乡青年|大学生"),
    (r"满足于当普通群众|看不出党员的样子", r"暴雨|冰雹|抢险|连夜|管涌|亮身份|先锋岗"),
    (r"以听汇报|听汇报、看材料|听汇报、查资料", r"调研\d|蹲点|联系点|趟"),
    (r"回应不够及时|答复得不够及时|跟进不够及时", r"件件有回音|接诉即办|12345|热线"),
    (r"形式老套|内容比较单调|内容单一", r"微党课|主题党日|现场教学|红色教育"),
    (r"网格化管理精细化程度不高|网格员队伍专业化|网格有的还停留在纸面上", r"网格"),
    (r"后备干部多是临时物色|临时凑数|后备人选的培养缺少计划", r"后备干部\d|后备人选"),
]


def _conflicts(draft) -> list:
    one = "".join(_items(draft, 0))
    two = "".join(_items(draft, 1))
    return [(left, right) for left, right in CONFLICTS if re.search(right, one) and re.search(left, two)]


@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_no_stock_elaboration_contradicts_the_highlights(name, data):
    for variant in range(3):
        assert not _conflicts(render(data, variant=variant)), (name, variant)


def test_a_problem_kind_beside_the_case_that_refutes_it():
    """The clerk names 党员作用发挥不够 and tells of members re-roofing sheds after a storm: the elaboration is
    one that fits, or the short form with a warning — never 在急难险重任务中带头作用不明显."""
    data = _village(亮点={"党员队伍": {"做法": ["先锋岗", "亮身份"], "党员先锋岗": 6,
                                     "事例": ["八月一场冰雹打坏了十几户的彩钢棚，6名党员分两组，三天帮着换完了顶"]}},
                    问题=["党员作用发挥不够", "集体经济薄弱"])
    for variant in range(12):
        draft = render(data, variant=variant)
        assert not _conflicts(draft), variant
        problems = _items(draft, 1)
        assert any("党员" in t for t in problems)      # the problem the clerk named is still there


# --- 4. causes that explain --------------------------------------------------------------------------

def test_a_cause_names_the_problems_it_explains(tmp_path):
    """A cause kind says which problems it accounts for, by the fields they lie in (干部队伍建设, 组织建设 …):
    not the kind's own name, which part two never printed. Once a draft at most, after the first cause that
    explains anything, and only from authors who tie causes back at all: after every cause it read as a
    formula to the blind readers, and the 32nd read even the one as a 挂钩句 — the bundled authors do not tie
    (作者.yaml → 原因呼应: 无); a township's templates may bring it back (原因呼应: {有: 1, 无: 1})."""
    import shutil

    from generator.bank import load_bank
    from generator.compose import author_spec
    from generator.compose.author import make_author

    data = _village(问题=["后备干部不足", "组织生活质量不高"], 原因=["人才支撑不足", "工作方法欠缺"])
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    spec_file = templates / "作者.yaml"
    spec_file.write_text(spec_file.read_text(encoding="utf-8").replace("原因呼应: {无: 1}", "原因呼应: {有: 1, 无: 1}"),
                         encoding="utf-8")
    themes = load_bank().get("亮点", "主题")
    bundled, own = author_spec(None), author_spec(templates)
    assert not any(make_author(bundled, n).cause_links for n in range(1, int(bundled["风格数"]) + 1))
    for links in (True, False):
        listed = next(n for n in range(1, int(own["风格数"]) + 1)
                      if (a := make_author(own, n)).part_two == "分列" and a.sub_heads and a.cause_links is links)
        for variant in range(6):
            blocks = render(data, variant=variant, style=listed, templates=templates).parts[1].blocks
            second = [i for i, b in enumerate(blocks) if b.role.value == "heading2"][1]
            causes = blocks[second + 1:]
            tied = [(i, s.text) for i, b in enumerate(causes) for s in b.spans if s.source == "词库:问题/原因呼应"]
            text = "".join(b.text for b in causes)
            assert "后备干部不足" not in text and "组织生活质量不高" not in text
            if not links:
                assert tied == [], (variant, text)
                continue
            assert len(tied) == 1, (variant, text)
            at, tie = tied[0]
            # the first cause, 人才支撑不足, explains the 干部队伍 problem: the tie follows it and names that field
            assert causes[at].spans[0].source == "词库:问题/人才支撑不足", (variant, causes[at].text)
            assert any(n + "上" in tie or n + "做得" in tie or n + "没抓好" in tie
                       for n in themes["干部队伍"]["短称"]), (variant, tie)
            assert not any(n in tie for n in themes["组织建设"]["短称"]), (variant, tie)


def test_a_problem_leaves_to_its_cause_what_the_cause_says():
    """治理服务的触角延伸得还不够。面对群众诉求多元化的新情况，工作方法仍显单一…… and then the cause: 解决复杂问题的办法还
    不多…… (河西社区 2023, a fresh input): a problem's stock elaboration does not say what a cause of the clerk's that
    explains it speaks of (问题.yaml → 原因 → 解释词), over many units and authors."""
    from generator.resources import load_data

    words = load_data("bank/问题.yaml")["原因"]["工作方法欠缺"]["问题里不说"]
    problems = ["基层治理能力不强", "组织生活质量不高", "党员作用发挥不够"]
    said, elaborated = [], 0
    for i in range(40):
        data = minimal(问题=problems, 原因=["工作方法欠缺"])
        data["报告"] = dict(data["报告"], 单位=f"{'东西南北中'[i % 5]}{'山河湾岭坪沟梁川'[i // 5]}镇")
        for b in render(data, style=i + 1).parts[1].blocks:
            for s in b.spans:
                if any(s.source == f"词库:问题/{k}" for k in problems) and not s.lead:
                    elaborated += 1
                    said += [s.text] if any(w in s.text for w in words) else []
    assert elaborated > 40 and not said, said[:4]


def test_two_general_causes_are_warned_of():
    data = _village(问题=["集体经济薄弱", "后备干部不足"], 原因=["思想认识不到位", "从严管理不够", "人才支撑不足"])
    warned = [w for w in map(str, render(data).warnings) if "泛泛的检讨" in w]
    assert len(warned) == 1 and "从严管理不够" in warned[0]


# --- 5. one concrete answer per problem and per own cause -----------------------------------------------

EMPTY = re.compile(r"重点事项来抓|有计划、有检查|明确责任、定出时限|定期检查进展|专门研究解决办法|拿出管用的办法")


def _answers(draft, report) -> dict[tuple, int]:
    """How many times part three answers each problem and each own-words cause."""
    spans = [s for b in draft.parts[2].blocks for s in b.spans]
    out = {}
    for i, p in enumerate(report.problems):
        where = f"原文:问题.{i}"
        named = sum(where in s.covers for s in spans)
        remedied = sum(s.source == f"词库:问题/对策/{p.kind}" for s in spans) if p.kind else 0
        out[("问题", i)] = named + (remedied if not named else 0)
    for i, c in enumerate(report.causes):
        if c.kind is None:
            out[("原因", i)] = sum(f"原文:原因.{i}" in s.covers for s in spans)
    return out


@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_every_problem_and_own_cause_is_answered_once(name, data):
    report = validate(data)
    for variant in (0, 1):
        draft = render(data, variant=variant)
        answers = _answers(draft, report)
        assert all(n == 1 for n in answers.values()), (name, variant, answers)
        plan = "".join(_items(draft, 2))
        assert not EMPTY.search(plan), (name, variant, EMPTY.search(plan))
        for task in report.tasks:
            assert plan.count(task.rstrip("。")) == 1, (name, task)


@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_part_two_holds_exactly_the_clerks_problems(name, data):
    from generator.bundle import load_templates
    from generator.compose import author_spec, own_failings_first
    from generator.compose.author import make_author

    draft = render(data)
    # in the clerk's order, but for the writer's own failing, which most authors say first
    report = own_failings_first(validate(data), make_author(author_spec(None), draft.style), load_templates().bank)
    blocks = draft.parts[1].blocks
    heads = [i for i, b in enumerate(blocks) if b.role.value == "heading2"]
    # laid out in two lists, under sub-headings (（一）存在的问题 …) or not (the causes after a line such as
    # 产生问题的主要原因：), or each problem with its cause (the cause not a run-in lead): either way the run-in
    # leads before the causes are the problems, in order
    starts = ("词库:问题/原因引语", "词库:问题/主客引语")
    begin = next((i for i, b in enumerate(blocks) if any(s.source.startswith(starts) for s in b.spans)),
                 len(blocks))
    problem_blocks = blocks[heads[0] + 1:heads[1]] if heads else blocks[:begin]
    leads = [s for b in problem_blocks for s in b.spans if s.lead]
    assert len(leads) == len(report.problems), name
    for lead, item in zip(leads, report.problems):
        expected = f"词库:问题/{item.kind}" if item.kind else "原文:" + ".".join(map(str, item.path))
        assert lead.source == expected, (name, lead)


def test_the_clerks_measure_answers_its_problem_not_a_last_item():
    """The real step (冷库) stands after the problem it answers, not in a catch-all last item."""
    data = _village(亮点={"产业发展": {"做法": ["党支部领办合作社"], "合作社分红": 3.1,
                                     "事例": ["合作社收的青椒全是鲜货，一到八月就压价"]}},
                    问题=[{"自述": "青椒只能卖鲜货，没有冷库和分拣车间，旺季压价", "主题": "产业发展"},
                        {"自述": "十几户老人想自己种口粮，不愿把地流转出来"}],
                    原因=[{"自述": "签收购协议时只算了销路，没有算储存，对老人的顾虑也摸得不细"}],
                    措施={"事项": ["争取项目资金建一座两百吨的青椒保鲜冷库",
                                 "对不愿流转的老人，由党员上门把租金和务工收入的账算清楚，不搞强迫"]})
    for variant in range(6):
        draft = render(data, variant=variant)
        items = _items(draft, 2)
        with_cold = [t for t in items if "冷库" in t]
        # in the item that answers it: announced (第一个问题, 针对…) by an author who numbers back, else the
        # 事项 records that it answers the problem
        blocks = [b for b in draft.parts[2].blocks if "冷库" in b.text]
        answered = any("原文:问题.0" in s.covers for b in blocks for s in b.spans)
        assert len(with_cold) == 1 and ("第一个问题" in with_cold[0] or "针对" in with_cold[0] or answered), items
        assert not EMPTY.search("".join(items))
        assert any("【待补充" in t for t in items) or "原因" in "".join(items)


def test_an_own_cause_without_a_measure_is_marked_and_warned():
    data = _village(问题=["后备干部不足"], 原因=[{"自述": "村里的会计兼着三个岗位，账目公开常常拖后"}])
    draft = render(data)
    assert "【待补充：针对这个原因" in "".join(_items(draft, 2))
    assert any("原因" in w and "还没有具体措施" in w for w in map(str, draft.warnings))


# --- 6. headings that promise only what the item holds ------------------------------------------------

def test_no_heading_about_backward_branches_without_such_a_fact():
    for variant in range(12):
        data = minimal(问题=["组织生活质量不高", "精力投入不足"], 亮点={"组织建设": {"发展党员": 6, "做法": ["三会一课"]}})
        text = render_text(data, variant=variant)
        heads = re.findall(r"（[一二三四五六七八九十]+）([^。]*)。", text)
        assert not [h for h in heads if "后进" in h or "软弱涣散" in h], (variant, heads)


def test_a_single_problem_is_not_promised_one_by_one():
    for variant in range(12):
        data = _village(问题=["集体经济薄弱"], 原因=["人才支撑不足"])
        part_two = "".join(_items(render(data, variant=variant), 1))
        assert not re.search("逐项|一条一条|一件一件|逐条|一项一项", part_two), (variant, part_two)


# --- 7. no deed, routine or frequency the input lacks ---------------------------------------------------

FREQUENCY = re.compile(r"每(天|日|周|月|季|季度|年|半年)|按(月|季|周)|至少.{0,6}(一|两|三)次")
ROUTINE = re.compile(r"台账|值班|专人|后备干部库|人才库|档案")
# … and the turns and objects a practice's or figure's words would add to what the clerk confirmed (轮流领学,
# 警示教育片, 警示教育基地, 上墙公示, 挂牌督办, 要求每名班子成员…): a wording says the practice, not how it
# was staged; only the practices that are such a staging say it (村干部坐班 is turns, 现场教学 is a site)
STAGED = re.compile(r"轮流|教育片|教育基地|上墙|挂牌督办|要求每名")
STAGING = {"村干部坐班", "现场教学"}


@pytest.mark.parametrize("name, data", BUNDLED, ids=IDS)
def test_no_frequency_or_routine_the_clerk_did_not_give(name, data):
    report = validate(data)
    given = " ".join([*report.tasks, report.idea or "", *(c for tf in report.themes for c in tf.cases),
                      *(d.text or "" for tf in report.themes for d in tf.practices),
                      *(i.text or "" for i in report.problems + report.causes),
                      *(i.detail or "" for i in report.problems + report.causes)])
    confirmed = {d.practice.key for tf in report.themes for d in tf.practices if d.practice}
    for variant in (0, 1):
        draft = render(data, variant=variant)
        for block in draft.blocks():
            for span in block.spans:
                if span.source.startswith("原文:") or not span.text:
                    continue
                hit = FREQUENCY.search(span.text)
                assert not hit or hit.group(0) in given, (name, span)
                routine = ROUTINE.search(span.text)
                if routine and routine.group(0) not in given:   # only from a practice that implies it
                    assert span.source.startswith("做法:") and "村干部坐班" in confirmed, (name, span)


# things a practice wording may not bring in unless the practice is named by them (村村响广播 is the broadcast)
OBJECTS = ("直播", "纪念馆", "旧址", "短视频", "公众号", "抖音", "广播", "展馆", "陈列室",
           # what volunteers did (环境整治、助老助残: 东湖街道, a fresh input, had given none of it)
           "环境整治", "助老", "助残")


def test_bank_and_catalogue_hold_no_frequencies():
    """The scan behind the draft test: no wording anywhere in the banks, practices or metrics promises or
    asserts a frequency (每月, 每季度 …); 台账, 专人, 值班 only in the practice that is that routine."""
    from test_bank import _all_bank_strings

    assert not [s for s in _all_bank_strings() if FREQUENCY.search(s)]
    from generator.resources import load_data

    for theme, practices in load_data("做法.yaml")["做法"].items():
        for key, spec in practices.items():
            words = spec["说法"] + [w for ws in (spec.get("带数说法") or {}).values() for w in ws]
            if key != "村干部坐班":
                assert not [w for w in words if ROUTINE.search(w)], (theme, key)
            if key not in STAGING:
                assert not [w for w in words if STAGED.search(w)], (theme, key)
            # 每次… claims how every meeting went (每次主题党日都定一个主题、办一件实事, then the clerk's plan for next
            # year was 主题党日每次定一个村里的实事来议: 40th blind reading, 自相矛盾); only a practice that is that
            # rule says it (第一议题: every meeting opens with study)
            if key != "第一议题制度":
                assert not [w for w in words if "每次" in w], (theme, key)
            # a thing the clerk did not name is not brought in (龙潭镇, a fresh draft: 现场教学 said 到革命旧址和纪念馆
            # 过组织生活 for a town whose case was held in tea workshops; 电商销售 said 网络直播): an object or channel
            # only in the practice that is named by it
            named = key + "".join(spec.get("别名") or ())
            assert not [w for w in words for o in OBJECTS if o in w and o not in named], (theme, key)
            # nor a wording that says nothing (发挥法律顾问作用 and 发挥党群服务中心联系服务群众的作用 stood alone as
            # sentences: 42nd blind reading, 悬空的碎句), nor a figure said in passing (党员先锋岗建起3个, 后备力量库里
            # 有了41名: 像逐个字段转成的句子)
            assert not [w for w in words if re.fullmatch(r"发挥[^，、]{0,14}作用", w)], (theme, key)
            assert not [w for w in words if re.search(r"(建起|建起来|确定了|有了)\{\{数量\}\}", w)], (theme, key)
    for group in load_data("metrics.yaml")["指标"].values():
        for key, spec in group.items():
            assert not [w for w in spec.get("说法") or () if re.search(r"(建起|建起来|确定了|有了)\{\{数量\}\}", w)], key
    metrics = load_data("metrics.yaml")["指标"]
    figures = [w for group in metrics.values() for spec in group.values() for w in spec.get("说法") or ()]
    assert not [w for w in figures if STAGED.search(w)]


# --- 9. a zero is not a highlight -----------------------------------------------------------------------

def test_a_zero_is_left_out_of_part_one_and_warned():
    data = _village(亮点={"产业发展": {"土地流转": 0, "村集体经济收入": {"从": 5.2, "到": 7.9}}})
    draft = render(data)
    part_one = "".join(_items(draft, 0))
    assert "0亩" not in part_one and "7.9万元" in part_one
    assert any("零不是亮点" in w for w in map(str, draft.warnings))


# --- 10. the joins -------------------------------------------------------------------------------------

def test_other_figures_named_by_a_noun_read_as_sentences():
    data = _village(亮点={"产业发展": {"村集体经济收入": 9.6, "其他": [
        {"名称": "防返贫监测户", "数值": 4, "单位": "户"}, {"名称": "衔接资金", "数值": 62, "单位": "万元"},
        {"名称": "新栽核桃", "数值": 300, "单位": "亩"}]}})
    text = "".join(_items(render(data), 0))
    assert "全村有防返贫监测户4户" in text and "衔接资金共62万元" in text and "新栽核桃300亩" in text


def test_brand_quotes_are_never_doubled():
    data = _village(亮点={"品牌创建": {"做法": ["品牌创建", "红色阵地"]}})
    data["报告"]["品牌"] = "“河湾红”"
    for variant in range(6):
        text = render_text(data, variant=variant)
        assert "““" not in text and "””" not in text
        assert "“河湾红”" in text


def test_next_year_is_said_plainly():
    for variant in range(12):
        text = "".join(_items(render(_village(问题=["集体经济薄弱", "后备干部不足"]), variant=variant), 2))
        assert not re.search(r"在\d{4}年，|\d{4}年里，", text), (variant, text[:60])


def test_no_character_three_times_running():
    """往往往后推: a stock word ending where the next began."""
    for name, data in BUNDLED[:8]:
        text = render_text(data)
        assert not re.search(r"([\u4e00-\u9fff])\1\1", text), name


def test_one_of_a_thing_is_not_done_one_by_one():
    """对1个软弱涣散党组织逐个制定整顿措施: a practice's figure wording of one thing says no 逐个; nor 一村一方案
    (1个软弱涣散党组织一村一方案整顿: 49th blind reading)."""
    data = minimal(亮点={"组织建设": {"做法": ["软弱涣散整顿"], "整顿软弱涣散党组织": 1, "发展党员": 4}})
    for variant in range(40):
        item = "".join(_items(render(data, variant=variant), 0))
        assert not re.search(r"1个[^。；]{0,12}(逐个|逐一|各个|分别|一村一)", item), (variant, item)


def test_no_stock_sentence_names_a_brand_the_unit_does_not_have():
    """A problem or measure worded from the bank says nothing of a 党建品牌 unless the clerk gave one (a brand,
    or a practice about one): 党建品牌的带动作用还不够强 in a draft with no brand was a seam the blind reader
    caught. Every problem and cause kind, in every author."""
    from generator.bank import load_bank

    spec = load_bank().get("问题")
    kinds = [k for k in spec["问题"]]
    causes = [k for k in spec["原因"]]
    for start in range(0, len(kinds), 3):
        data = _village(问题=kinds[start:start + 3], 原因=causes[start % len(causes):start % len(causes) + 2])
        for variant in range(4):
            draft = render(data, variant=variant, style=1 + (start // 3 + variant) % 12)
            told = "".join(b.text for part in draft.parts[1:] for b in part.blocks)
            assert "品牌" not in told, (kinds[start:start + 3], variant, told)


def test_the_opening_reads_as_sentences_not_a_table_spelled_out():
    """The year's line, a theme, a brand with its meaning, a formulation with its meaning and the duty in one
    sentence read to the blind readers as the input's fields listed in a row: the unit's own go in
    sentences of their own, a brand or formulation spelled out ending its sentence. And no 学习近平 (学 +
    习近平…) or 2024这一年."""
    from conftest import INPUTS

    from generator.api import render_file

    for style in range(1, 25):
        draft, _ = render_file(INPUTS / "2024.yaml", style=style)
        text = draft.opening[0].text
        assert "学习近平" not in text and not re.search(r"\d{4}这一年", text), (style, text)
        for sentence in re.split(r"[。：]", text):
            named = sum(w in sentence for w in ("党建引领强村富民", "石桥红", "三联三帮"))
            assert named <= 2, (style, sentence)
            assert not ("石桥同心" in sentence and "三联三帮" in sentence), (style, sentence)


def test_a_cause_is_worded_for_the_problem_it_explains():
    """做群众工作的本领还有欠缺 under 组织生活会上批评多是点到为止 explained nothing (blind reading): an entry
    of a cause kind with its own 解释 is said only for those problems; for others the kind's general entries."""
    from generator.bank import load_bank

    from conftest import style_where

    spec = load_bank().get("问题", "原因", "工作方法欠缺")
    narrow = [o["说"] for key in ("要点", "表现", "影响") for o in spec.get(key) or ()
              if isinstance(o, dict) and o.get("解释") and "组织生活质量不高" not in o["解释"]]
    assert narrow    # the bank has such entries, so the test can fail
    for layout in ("对应", "分列"):
        style = style_where(part_two=layout, elaborate="全")
        data = _village(问题=["组织生活质量不高"], 原因=["工作方法欠缺"])
        for variant in range(40):
            told = "".join(b.text for b in render(data, variant=variant, style=style).parts[1].blocks)
            assert not any(n in told for n in narrow), (layout, variant, told)
    # and for a problem it names, the entry may be said
    data = _village(问题=["基层治理能力不强"], 原因=["工作方法欠缺"])
    said = {n for v in range(60) for n in narrow
            if n in "".join(b.text for b in render(data, variant=v, style=style).parts[1].blocks)}
    assert said, narrow


def test_a_stock_problem_does_not_deny_what_the_highlights_show():
    """集体经济与优势产业、农民增收结合得不够紧密 beside a cooperative's purchase contract and its dividends
    (blind reading): a bank elaboration that denies what part one tells is left out (不与亮点)."""
    data = _village(亮点={"产业发展": {"做法": ["党支部领办合作社"], "事例": [
        "合作社和县里一家罐头厂签了黄桃收购合同，收购价比前年每斤高三毛，年底给群众分红3.2万元"]}},
        问题=["集体经济薄弱"], 原因=["人才支撑不足"])
    denied = ("结合得不够紧密", "对群众增收的带动有限", "带动群众共同增收的能力", "得到的实惠还不多")
    for variant in range(40):
        told = "".join(b.text for b in render(data, variant=variant).parts[1].blocks)
        assert not any(d in told for d in denied), (variant, told)


def test_a_brand_of_the_opening_is_named_again_where_it_belongs():
    """A brand spelled out in the opening and never again read as a field filled in (blind reading): with no
    品牌创建 item, the item its meaning speaks of names it once, and so does part three (首尾呼应); with a
    品牌创建 item, that item speaks for it and no echo is added."""
    data = _village(亮点={"产业发展": {"做法": ["党支部领办合作社"], "集体经济收入": {"从": 5.3, "到": 6.9}},
                        "组织建设": {"做法": ["三会一课"], "发展党员": 2}},
                    问题=["集体经济薄弱"], 原因=["人才支撑不足"])
    data["报告"].update(品牌="西湾党旗红", 品牌含义="支部带着群众沿河发展产业")
    for variant in range(6):
        draft = render(data, variant=variant)
        one = [b for b in draft.parts[0].blocks if "西湾党旗红" in b.text]
        three = [b for b in draft.parts[2].blocks if "西湾党旗红" in b.text]
        assert len(one) == 1 and "合作社" in one[0].text, (variant, [b.text for b in draft.parts[0].blocks])
        assert len(three) == 1, (variant, [b.text for b in draft.parts[2].blocks])
    data["亮点"]["品牌创建"] = {"做法": ["品牌创建"]}
    for variant in range(6):
        spans = [s.source for part in render(data, variant=variant).parts for b in part.blocks for s in b.spans]
        assert not any(s.endswith("/品牌呼应") for s in spans), variant


def test_a_figure_about_what_a_case_tells_stands_beside_the_case():
    """在职党员回社区报到158名 at the end of the item, apart from the case of the members who took on the
    stairwells, read as the same fact said twice (blind reading): the figure goes just before its case."""
    data = _village(亮点={"党员队伍": {"做法": ["党员志愿服务"], "在职党员报到": 158, "党员志愿服务": 36,
                                     "事例": ["在职党员到社区报到后认领了楼栋长岗位，加装电梯的意见征求三个月就谈完了"]}})
    data["报告"].update(单位="枫林社区", 层级="社区", 职务="党委书记", 上级="街道党工委")
    for variant in range(8):
        for block in render(data, variant=variant).parts[0].blocks:
            text = block.text
            if "158名" in text:
                at, case = text.index("158名"), text.index("认领了楼栋长岗位")
                assert 0 < case - at < 20, (variant, text)


def test_listed_causes_follow_the_problems_they_explain():
    """Causes listed apart are read 一是 against 一是: for authors who never point back at a cause by its
    place, they come in the order of the problems they explain (the clerk's order among equals), those that
    explain none last."""
    from conftest import style_where

    data = _village(问题=["后备干部不足", "集体经济薄弱"],
                    原因=["调查研究不深", {"自述": "能回村干事的年轻人太少，后备人选挑不出来", "主题": "干部队伍"}])
    style = style_where(part_two="分列", refers=False, sub_heads=True)
    for variant in range(6):
        blocks = render(data, variant=variant, style=style).parts[1].blocks
        second = [i for i, b in enumerate(blocks) if b.role.value == "heading2"][1]
        causes = "".join(b.text for b in blocks[second + 1:])
        assert causes.index("年轻人太少") < causes.index("二是"), (variant, causes)


def test_a_case_is_never_the_last_point_of_a_list():
    """一是…；二是…；四是 (the clerk's story) in every list read as a template's slot: the points are what was
    done, the case follows them as a sentence of its own."""
    for name, data in BUNDLED[:10]:
        for style in (1, 2, 3, 4, 5, 6, 7, 8):
            for block in render(data, style=style).parts[0].blocks:
                spans = block.spans
                for a, b in zip(spans, spans[1:]):
                    assert not (a.source == "序号" and a.text.endswith("是") and ".事例." in b.source), \
                        (name, style, block.text[:60])


def test_what_a_case_tells_of_is_a_point_of_the_list_before_it():
    """二是在商务楼宇建立党组织5个。新就业群体党组织建起3个。辖区两个快递分拨点…: the figure a case tells of,
    said as a sentence of its own between a list of points and the case, dangled (21st blind reading). In a
    list it is the list's last point; the case follows the list directly."""
    from generator.loader import load_yaml_file

    inputs = [*BUNDLED, *[(p.stem, load_yaml_file(p)[0]) for p in sorted((ROOT / "tests/fresh_inputs").glob("*.yaml"))]]
    listed_with_case = 0
    for name, data in inputs:
        for style in range(1, 13):
            for block in render(data, style=style).parts[0].blocks:
                spans = block.spans
                points = [i for i, x in enumerate(spans) if x.source == "序号" and x.text.endswith("是")]
                cases = [i for i, x in enumerate(spans) if ".事例." in x.source]
                if len(points) < 2 or not cases or cases[-1] < points[-1] \
                        or any(x.text.endswith("。") for x in spans[points[0]:points[-1]]):
                    continue   # no list of points, or one of whole sentences (a grouped item's themes)
                end = next((i for i in range(points[-1], len(spans)) if spans[i].text.endswith("。")), len(spans))
                case = next((i for i in cases if i > end), None)
                if case is None:   # the case is inside a point (a grouped item's theme)
                    continue
                listed_with_case += 1
                between = [x.text for x in spans[end + 1:case] if x.source.startswith(("指标:", "做法:"))]
                assert not between, (name, style, block.text[:120])
    assert listed_with_case


def test_part_three_never_points_back_at_a_cause_by_its_place():
    """针对这条原因 / 从第二条原因入手 read to the blind readers as a seam no secretary would speak: a cause is
    answered where it belongs, or named by the clerk's 简称, never by its place."""
    import shutil
    import tempfile

    # an author who does point back at problems: none of the bundled ones since the twelfth blind reading, so a
    # folder that brings them back (作者.yaml → 回应点名)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "tpl"
        shutil.copytree(ROOT / "templates", root)
        spec = root / "作者.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace("回应点名: {不点: 1}", "回应点名: {按序: 1}"),
                        encoding="utf-8")
        for name, data in BUNDLED[:10]:
            for s, folder in ((None, root), (1, None), (2, None)):
                plan = "".join(b.text for b in render(data, style=s, templates=folder).parts[2].blocks)
                assert not re.search(r"这条原因|第[一二三四五六七八九十]条原因", plan), (name, s, plan)


def test_no_lead_in_with_a_comma_inside_a_clause():
    """发展党员17名，一年来，培养入党积极分子26名: an author's lead-in that carries a comma (一年来，这一年，)
    starts a sentence; after a practice's comma it breaks the clause in two."""
    for name, data in BUNDLED[:8]:
        for style in range(1, 30):
            for block in render(data, style=style).parts[0].blocks:
                assert not re.search(r"，(?:一年来|这一年)，", block.text), (name, style, block.text[:80])


def test_an_author_who_keeps_it_short_still_says_how_a_problem_shows():
    """三条光杆问题 (each a bare one-line point) read to the blind reader as slots left unfilled: the authors
    who keep part two short (问题展开: 简) still say how each bank problem shows; only their causes stay
    one line."""
    from conftest import style_where

    style = style_where(elaborate="简", part_two="分列", sub_heads=True)
    data = _village(问题=["集体经济薄弱", "作风建设有差距"], 原因=["人才支撑不足", "从严管理不够"])
    for variant in range(4):
        blocks = render(data, variant=variant, style=style).parts[1].blocks
        second = [i for i, b in enumerate(blocks) if b.role.value == "heading2"][1]
        problems = [b for b in blocks[:second] if b.spans and b.spans[0].source.startswith("词库:问题/") and
                    b.spans[0].lead]
        causes = [b for b in blocks[second:] if b.spans and b.spans[0].lead]
        assert len(problems) == 2 and all(len(b.spans) >= 2 for b in problems), [b.text for b in problems]
        assert causes and all(len(b.spans) == 1 for b in causes), [b.text for b in causes]


def test_a_problem_is_not_told_in_words_its_causes_cannot_explain():
    """Blind reading: 组织生活会上批评多是点到为止。之所以这样，是因为工作思路不够活 — avoiding criticism is
    not explained by a lack of new ideas. With only such causes the problem is told another way."""
    def drafts(causes):
        for name in ("红柳", "白杨", "青石", "黄渠", "马营", "石佛", "南湖", "北山", "平川", "沙坡", "金沙", "松林"):
            data = minimal(问题=["组织生活质量不高", "精力投入不足", "集体经济薄弱"], 原因=causes)
            data["报告"] = {**data["报告"], "单位": f"{name}镇"}
            for style in range(1, 11):
                yield "\n".join(b.text for b in render(data, style=style).blocks())

    assert not [t for t in drafts(["创新意识不强", "工作方法欠缺"]) if "点到为止" in t or "多是表态" in t]
    # a cause that does explain it: the wording is there to be drawn
    assert any("点到为止" in t or "多是表态" in t for t in drafts(["思想认识不到位"]))


def test_two_practices_of_one_item_do_not_say_one_thing_twice():
    """A blind reader quoted 支委和老党员上门调解，全年化解纠纷6件。发挥老党员、老干部在调解中的作用: two confirmed
    practices worded alike. The second gives way to a wording that shares no two content pairs with the
    first (compose/units.APART_PAIRS)."""
    from generator.compose.overlap import Matcher
    from generator.resources import load_data

    from variety import town_variant_renders

    match = Matcher(load_data("呼应.yaml"))
    twice = []
    drafts = [render(data) for _, data in sample_inputs()] + [d for _, d in town_variant_renders()]
    for draft in drafts:
        for b in draft.blocks():
            done: list[list[str]] = []   # [source, text] per practice (its figure splits one into spans)
            for s in b.spans:
                if s.source.startswith("做法:"):
                    if done and done[-1][0] == s.source:
                        done[-1][1] += s.text
                    else:
                        done.append([s.source, s.text])
            texts = [t for _, t in done]
            twice += [(t, texts[:i]) for i, t in enumerate(texts)
                      if any(len(match.shared(t, e)) >= 2 for e in texts[:i])]
    assert len(twice) <= 3, twice   # 10 before, over these 54 drafts; 2 left where every wording shares two


def test_a_frame_before_figures_claims_nothing_they_do_not_bear_out():
    """坚持把规矩立在前面，主题党日开展了12次 read as a slogan glued to a figure: a frame (亮点 → 引出) that
    claims something (呼应.yaml → 凭据词) stands only before figures that bear it out."""
    import yaml

    from variety import town_variant_renders

    evidence = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["凭据词"]
    drafts = [render(data) for _, data in sample_inputs()] + [d for _, d in town_variant_renders()]
    frames, glued = 0, []
    for draft in drafts:
        for b in draft.blocks():
            for i, s in enumerate(b.spans):
                if not s.source.endswith("/引出"):
                    continue
                frames += 1
                after = "".join(x.text for x in b.spans[i + 1:]).split("。")[0]
                glued += [(s.text, after) for k, words in evidence.items()
                          if k in s.text and not any(w in after for w in words)]
    # (a third of the authors frame figures at all since the nineteenth blind reading: 作者.yaml → 数字帽子;
    # ten frames over these drafts with 336 authors, stop 34)
    assert frames >= 6 and not glued, (frames, glued)


def test_no_slogan_is_hung_on_the_clerks_story():
    """具体事迹后面硬缀口号 (blind reading): an author who puts the stance at the end puts it before the case
    the item ends on, never right after it."""
    from variety import town_variant_renders

    drafts = [render(data) for _, data in sample_inputs()] + [d for _, d in town_variant_renders()]
    stances, hung = 0, []
    for draft in drafts:
        for b in draft.blocks():
            told = [s for s in b.spans if s.source]
            for i, s in enumerate(told):
                if s.source.endswith("/立场"):
                    stances += 1
                    if i and ".事例." in told[i - 1].source:
                        hung.append(b.text[-60:])
                    # … nor spliced into a sentence (开展警示教育坚持把纪律和规矩挺在前面……。3次。, blind reading)
                    before = "".join(x.text for x in b.spans[:b.spans.index(s)])
                    if before and not before.endswith(("。", "；", "：")):
                        hung.append(("inside", before[-20:], s.text))
    assert stances > 20 and not hung, hung


def test_a_practice_the_clerk_says_falls_short_is_not_told_as_working():
    """流动党员一人一卡，去向清楚、联系畅通 in part one and 流动党员管理办法不多 in part two (blind reading): where
    the clerk's own problem says a confirmed practice falls short, it is worded without 成效词 (呼应.yaml)."""
    import yaml

    outcome = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["成效词"]
    claims = {False: 0, True: 0}
    for short in (False, True):
        for name in ("红柳", "白杨", "青石", "黄渠", "马营", "石佛", "南湖", "北山"):
            problems = ["精力投入不足", "集体经济薄弱"]
            if short:
                problems.append({"自述": "年轻党员大多外出务工，流动党员管理办法不多", "主题": "党员队伍"})
            data = minimal(亮点={"党员队伍": {"做法": ["流动党员管理"], "党员培训": 40}, "组织建设": {"发展党员": 3}},
                           问题=problems)
            data["报告"] = {**data["报告"], "单位": f"{name}镇"}
            for style in range(1, 9):
                for b in render(data, style=style).blocks():
                    said = "".join(s.text for s in b.spans if s.source.startswith("做法:亮点.党员队伍"))
                    claims[short] += any(w in said for w in outcome)
    assert claims[False] > 0 and claims[True] == 0, claims


def test_a_problem_no_cause_explains_is_pointed_out():
    """Parts that answer each other: 问题三有头无尾，既没有原因 (blind reading). A problem none of the clerk's
    causes accounts for is warned, with the bank's causes that would; a theme in a cause's 解释 speaks for the
    clerk's own problems of that field, not for every bank kind of it."""
    def unexplained(problems, causes):
        return [str(w) for w in render(minimal(问题=problems, 原因=causes)).warnings if "没有哪条原因" in str(w)]

    found = unexplained(["精力投入不足", "党员队伍老化"], ["思想认识不到位"])
    assert len(found) == 1 and "党员队伍老化" in found[0] and "人才支撑不足" in found[0] and "问题 → 第2项" in found[0]
    assert not unexplained(["精力投入不足", "党员队伍老化"], ["思想认识不到位", "人才支撑不足"])
    own = {"自述": "党小组长多是七十岁上下的老党员，活动主要靠支部书记张罗", "主题": "组织建设"}
    assert not unexplained([own, "精力投入不足"], ["思想认识不到位", "人才支撑不足"])
    # … but 人才支撑不足 does not explain a bank kind of 组织建设 by its theme
    assert unexplained(["组织生活质量不高", "精力投入不足"], ["思想认识不到位", "人才支撑不足"])


def test_the_clerks_own_practice_stands_beside_the_case_that_is_an_instance_of_it():
    """把…维修资金的每一笔使用在楼栋公示栏里公开 and the case of the bills put up at the door, with a figure between
    them, read as 公示 said twice: the own practice goes just before its case."""
    practice = "把社区物业专项维修资金的每一笔使用在楼栋公示栏里公开"
    case = "有居民对三号楼外墙维修的花费有疑问，社区把施工合同、验收单和发票复印件贴在单元门口，质疑的声音就没有了"
    data = minimal(亮点={"作风建设": {"做法": ["警示教育", {"自述": practice}], "警示教育": 2, "事例": [case]},
                        "组织建设": {"发展党员": 3}})
    for style in range(1, 25):
        text = "\n".join(b.text for b in render(data, style=style).blocks())
        assert practice + "。" + case in text, (style, text)


def test_a_catalogue_practice_stands_just_before_the_case_that_is_about_it():
    """团结村 (batch sample): the case of what the cooperative bought came first and 发挥党支部作用，领办合作社 closed the
    item, the same cooperative told twice. A confirmed practice of the catalogue that the clerk's case is about
    (合作社 in both, though the case does not tell who set it up) is worded just before the case."""
    case = "合作社统一买种子、统一买化肥，每亩地的成本比群众自己买低了几十元"
    data = minimal(亮点={"产业发展": {"做法": ["盘活闲置资源", "党支部领办合作社"], "事例": [case],
                                  "村集体经济收入": {"从": 11.6, "到": 15}},
                        "组织建设": {"发展党员": 3}})
    data["报告"] = {**data["报告"], "单位": "团结村", "层级": "村", "职务": "党支部书记", "上级": "镇党委"}
    for style in range(1, 25):
        draft = render(data, style=style)
        for b in draft.parts[0].blocks:
            spans = [s for s in b.spans if s.text.strip("，。；")]
            at = next((i for i, s in enumerate(spans) if s.source.startswith("原文:亮点.产业发展.事例")), None)
            if at is None:
                continue
            before = [s.source for s in spans[:at]]
            practice = next(i for i, s in enumerate(spans) if s.source == "做法:亮点.产业发展.做法.1")
            assert practice < at and all(not x.startswith("做法:") for x in before[practice + 1:]), (style, b.text)
            assert "领办" not in "".join(s.text for s in spans[at + 1:]), (style, b.text)


def test_no_stock_measure_beside_the_clerks_own_plan():
    """让党员在急难险重任务中站出来、冲在前 before the clerk's own 楼门长 plan read as an empty measure beside a
    real one: where an item of part three holds the clerk's plan, a bank problem of it is answered by that plan
    (recorded on it), not by a stock 对策 as well."""
    drafts = [render(data) for _, data in sample_inputs()] + [render(load_example(p)[0]) for p in EXAMPLE_INPUTS]
    both = []
    plans = 0
    for draft in drafts:
        for b in draft.parts[2].blocks:
            sources = [s.source for s in b.spans]
            own = any(x.startswith("原文:措施.事项.") for x in sources)
            plans += own
            if own and any(x.startswith("词库:问题/对策/") for x in sources):
                both.append(b.text)
    assert plans > 20 and not both, both[:3]


def _sentences(block) -> list[list]:
    """A paragraph's spans, sentence by sentence (each run of spans up to one ending in 。)."""
    out, current = [], []
    for s in block.spans:
        current.append(s)
        if s.text.endswith("。"):
            out.append(current)
            current = []
    return out


def test_a_short_purpose_is_the_last_clause_of_the_sentence_before():
    """开展党员志愿服务36次。让党员在群众中亮出身份。逢年过节看望…27名。 (eleventh blind reading: 一句话一件事，没有
    任何过渡; the middle sentence 悬在半空): a short practice worded as a purpose (让…, 使…), with no figure of its
    own, after a short sentence of figures or of a practice, closes that sentence instead of standing alone."""
    from generator.compose import sentences

    SHORT_PRACTICE = getattr(sentences, "SHORT_PRACTICE", 16)
    alone = []
    drafts = [render(data) for _, data in sample_inputs()] + [render(load_example(p)[0]) for p in EXAMPLE_INPUTS]
    for draft in drafts:
        for b in draft.parts[0].blocks:
            said = _sentences(b)
            for a, c in zip(said, said[1:]):
                ta, tc = "".join(x.text for x in a).rstrip("。"), "".join(x.text for x in c).rstrip("。")
                kinds_a = {x.source.split(":")[0] for x in a if x.source}
                bare = [x for x in c if x.source] and all(x.source.startswith("做法:") for x in c if x.source)
                if bare and tc.startswith(("让", "使")) and kinds_a <= {"做法", "指标"} \
                        and not any(ch.isdigit() for ch in tc) \
                        and len(tc) <= SHORT_PRACTICE and len(ta) <= 2 * SHORT_PRACTICE and ta.count("，") <= 1:
                    alone.append((ta, tc))
    assert not alone, alone


def test_two_short_practices_make_one_sentence():
    """一句一事、很零碎 (blind reading): two short practices in a row are said in one sentence
    (合作社优先用本村劳力，和收购方签订单，保证销路。), not as two sentences of a few characters each."""
    from generator.compose import sentences

    SHORT_PRACTICE = getattr(sentences, "SHORT_PRACTICE", 16)
    choppy, joined = [], 0
    for _, data in sample_inputs():
        for b in render(data).parts[0].blocks:
            sentences = _sentences(b)
            def one(ss):   # a sentence of practice wording alone
                return [x for x in ss if x.source] and all(x.source.startswith("做法:") for x in ss if x.source)

            for a, c in zip(sentences, sentences[1:]):
                ta, tc = "".join(x.text for x in a).rstrip("。"), "".join(x.text for x in c).rstrip("。")
                if one(a) and one(c) and len(ta) <= SHORT_PRACTICE and "，" not in ta and len(tc) <= SHORT_PRACTICE:
                    choppy.append((ta, tc))
            joined += sum(1 for ss in sentences if len({x.source for x in ss if x.source.startswith("做法:")}) > 1)
    assert joined > 5 and len(choppy) <= 2, (joined, choppy)   # 40 such pairs over the sample before


def test_a_plan_goes_to_the_problem_it_shares_words_with_not_to_a_theme_alone():
    """请县果业中心的技术员来村里培训，培养本村技术员 shares 技术 with 果园管护技术跟不上, and only a theme with
    组织生活质量不高 (its words 培养 place it under 组织建设): the theme's point tied the shared word, the first
    problem won the tie and the own problem was left without its plan (a fresh input, read before the twelfth
    blind reading)."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    own = "果园管护技术跟不上，合作社懂技术的只有一个人"
    plans = ["请县果业中心的技术员每季度来村里培训一次，培养三名本村技术员", "组织生活会的议题提前一周在党小组里征集"]
    data = _village(问题=["组织生活质量不高", {"自述": own, "主题": "产业发展"}], 原因=["工作方法欠缺"],
                    措施={"事项": plans},
                    亮点={"组织建设": {"做法": ["三会一课", "入党积极分子培养"], "发展党员": 2},
                          "产业发展": {"做法": ["订单农业"], "土地流转": 860}})
    t = load_templates()
    report = validate(data, catalogue=t.catalogue)
    plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
    by_item = {(a.item.text or a.item.kind): a.tasks for a in plan.answers}
    assert by_item[own] == [0] and by_item["组织生活质量不高"] == [1], by_item


def test_a_plan_for_members_away_goes_to_their_problem_not_to_a_cause_sharing_a_place_word():
    """每条渔船指定一名党员当联络员，海上也能收到学习材料 answers 休渔期过后党员出海分散，组织生活只能靠微信群, but it
    shared 海上 with the cause 渔民常年在海上…, whose theme took it to 后备干部不足 (北湾村, a fresh input; the 45th
    blind reading: 措施放错了标题). 学习材料, 联络员 are words of plans for members' organisational life."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    data = _village(问题=[{"自述": "休渔期过后党员出海分散，组织生活只能靠微信群", "主题": "组织建设"}, "后备干部不足"],
                    原因=[{"自述": "渔民常年在海上，年轻人大多去城里打工", "主题": "干部队伍"}, "工作方法欠缺"],
                    措施={"事项": ["每条渔船指定一名党员当联络员，海上也能收到学习材料", "从跑船的年轻人里物色三名后备人选"]})
    t = load_templates()
    report = validate(data, catalogue=t.catalogue)
    plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
    by_item = {(a.item.text or a.item.kind): a.tasks for a in plan.answers}
    assert by_item["休渔期过后党员出海分散，组织生活只能靠微信群"] == [0] and by_item["后备干部不足"] == [1], by_item


def test_a_lead_built_of_parts_says_no_word_twice():
    """细想起来，归结起来有这样几点 (龙潭镇, a fresh draft) and 把问题和自身对照起来看，问题的根子主要在以下几个方面: a
    lead-in built part by part ({拼: […]}) takes no part that says a word an earlier part said. Over the bundled
    inputs and the sample, every ninth author."""
    from generator.resources import load_data

    def pairs(text: str) -> set[str]:
        plain = "".join(re.findall(r"[\u4e00-\u9fff]+", text))
        return {plain[i:i + 2] for i in range(len(plain) - 1)}

    bank = load_data("bank/问题.yaml")
    firsts = {key: sorted(bank[key][0]["拼"][0], key=len, reverse=True) for key in ("原因引语", "收尾")}
    seen = 0
    for _, data in BUNDLED[:6]:
        for style in range(1, 337, 9):
            for b in render(data, style=style).parts[1].blocks:
                for sp in b.spans:
                    key = sp.source.removeprefix("词库:问题/")
                    if key in firsts:
                        first = next((f for f in firsts[key] if sp.text.startswith(f)), None)
                        if first is None:   # a habit reworded the first part (把 → 将)
                            continue
                        seen += 1
                        assert not pairs(first) & pairs(sp.text[len(first):]), (style, sp.text)
    assert seen >= 100, seen


def test_an_own_cause_is_the_writers_when_it_speaks_of_the_writer_not_of_others_own():
    """各村守着自己的茶园搞，没有统一规划线路 was filed under 从本人和班子自身看 for its 自己 (the villages' own: 龙潭镇,
    42nd blind reading: 主客观放反); 支部在组织种植户上用力不够 is the writer's (红柳村, the sample)."""
    from generator.resources import load_data

    markers = load_data("呼应.yaml")["主观标记"]
    subjective = lambda text: any(w in text for w in markers)   # noqa: E731  (problems._subjective)
    assert not subjective("各村守着自己的茶园搞，没有统一规划线路，旅游公司也只认两个老点")
    assert not subjective("村里没有冷库，桃子放不住")
    # 标准 of a compensation is a condition, not the writer's standard (南门社区; 45th blind reading: 定性贴错)
    assert not subjective("补偿标准没有统一的政策依据，只能一栋一栋谈")
    assert subjective("从严要求的标准不高，有时碍于情面")
    assert subjective("支部在组织种植户上用力不够，种什么、怎么卖多由各户自己拿主意")
    assert subjective("乡里对牧区党员的学习方式想得少")
    # how the branch runs its own meetings is the writer's (石塘村 2024, 56th blind reading: 从外部条件看：组织生活的
    # 内容多是读文件), and so are its kin
    assert subjective("组织生活的内容多是读文件，党员说自己的事少")
    assert subjective("主题党日多是念报纸，党员坐着听")
    assert subjective("学习时照本宣科，联系村里的事少")
    assert not subjective("年轻党员大多在外务工，组织生活凑不齐人")


def test_a_plan_goes_to_the_problem_whose_practice_it_names():
    """党小组会每两个月开一次 (杨柳湾村) and 社区书记抓党建述职改为半年一次 (西关街道), two fresh inputs: each plan names a
    practice of the problem it answers (组织生活质量不高, 责任传导不够) but shares no word with its name, so it went
    to another item, and the problem itself got a stock 对策 (将组织生活和解决实际问题结合起来). The plan words of
    each kind (问题.yaml → 事项词) place it. Cases of our own of the same kind, one for each of six problems."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    cases = {"组织生活质量不高": "主题党日每月固定在15号，议题提前三天贴在村部",
             "责任传导不够": "村党组织书记抓党建述职每半年一次",
             "党员教育管理不严": "党员积分每季度在公开栏里公示",
             "后备干部不足": "每个村物色两名后备人选到镇里跟班",
             "理论学习不深": "中心组每季度围绕一个专题研讨，班子成员轮流发言",
             "基层治理能力不强": "在老旧小区推选楼栋长，卫生和停车先管起来",
             # a check of the branches' records shares 三会一课 with 组织生活 and answers 督导 (大坪乡, 青龙镇: fresh
             # inputs, both under 支部建设)
             "督导检查不够": "每半年对7个村的“三会一课”记录抽查一次"}
    t = load_templates()
    for problem, task in cases.items():
        others = [p for p in cases if p != problem][:2]
        data = minimal(问题=[*others, problem], 原因=["思想认识不到位"], 措施={"事项": [task]})
        report = validate(data, catalogue=t.catalogue)
        plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
        by_item = {a.item.kind: a.tasks for a in plan.answers}
        assert by_item[problem] == [0], (problem, by_item)
        # … and in the draft the problem's item holds the plan, with no stock 对策 beside it
        for style in (3, 40, 101):
            for b in render(data, style=style).parts[2].blocks:
                sources = [s.source for s in b.spans]
                if "原文:措施.事项.0" in sources:
                    assert f"词库:问题/对策/{problem}" not in sources, (problem, style, b.text)


def test_a_plan_is_not_matched_by_where_it_happens_and_an_own_problem_takes_its_items_plan():
    """A fresh 社区 input: 东巷平房区…完成排水改造 went to 平房区和新建小区的党员流动大 by the place 平房区 alone (呼应.yaml
    → 通用字对 now holds place words), and beside the clerk's 给报到党员建专长台账 the own problem about members who
    vanish after reporting still got the stock 让党员在群众身边的事上带头."""
    own = "平房区和新建小区的党员流动大，有的在职党员报到后就不见人"
    data = minimal(亮点={"党员队伍": {"在职党员报到": 121, "党员志愿服务": 64},
                        "基层治理": {"网格": 9, "事例": ["东巷片区平房一下大雨就倒灌，社区党委把排水改造列为头号实事"]}},
                   问题=[{"自述": own, "主题": "党员队伍"}, "基层治理能力不强"],
                   原因=[{"自述": "对报到党员只管登记不管使用，没有按专长派活", "主题": "党员队伍"}, "人才支撑不足"],
                   措施={"事项": ["给报到党员建专长台账，按医疗、法律、维修等专长派单",
                                  "东巷平房区剩下的两条巷道明年汛期前完成排水改造"]})
    data["报告"] = {**data["报告"], "单位": "南关社区", "层级": "社区", "职务": "党委书记", "上级": "城关街道党工委"}
    for style in range(1, 169, 7):
        for b in render(data, style=style).parts[2].blocks:
            sources = [s.source for s in b.spans]
            if "原文:措施.事项.0" in sources:
                assert not any(x.startswith("词库:问题/对策/") for x in sources), (style, b.text)
            if "原文:措施.事项.1" in sources:
                assert "原文:措施.事项.0" not in sources, (style, b.text)


def test_a_figure_does_not_open_with_the_verb_of_the_practice_before_it():
    """趁农闲开展党员冬春训，开展集中学习研讨12次 and 在基础工作上，在居民小区建立党支部3个 (three fresh inputs, in
    tests/fresh_inputs/, read before the twelfth blind reading): a figure after a practice in one sentence does not
    open with the practice's verb where another wording is there, and no 在…上 frame stands before figures that
    open with 在. Over every other author of each input (without the fix: 84 and 3 of them)."""
    from generator.loader import load_yaml_file

    for path in sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml")):
        data = load_yaml_file(path)[0]
        for style in range(1, 169, 2):
            for b in render(data, style=style, base=path.parent).parts[0].blocks:
                for said in re.split("[。；]", b.text):
                    clauses = said.split("，")
                    for a, c in zip(clauses, clauses[1:]):
                        assert not (a.startswith("在") and a.endswith("上") and c.startswith("在")), (style, said)
                spans = [s for s in b.spans if s.text not in ("，", "。")]
                for a, c in zip(spans, spans[1:]):
                    if a.source.startswith("做法:") and c.source.startswith("指标:") and not a.text.endswith("。"):
                        assert c.text[:2] not in a.text, (path.name, style, a.text, c.text)


def test_a_practice_is_told_modestly_beside_the_bank_problem_that_says_it_falls_short():
    """按要求开好“三会一课”，不走过场 in part one and 组织生活多是传达文件 in part two (twelfth blind reading: 前后
    矛盾): a bank problem the clerk chose (组织生活质量不高, keywords 组织生活, 三会一课) makes the practice it names
    take a wording that claims no result (呼应.yaml → 成效词), as the clerk's own problems did."""
    import yaml

    outcome = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["成效词"]
    data = _village(亮点={"组织建设": {"做法": ["三会一课", "主题党日"], "主题党日": 12, "发展党员": 2}},
                    问题=["组织生活质量不高", "后备干部不足", "集体经济薄弱"], 原因=["工作方法欠缺", "人才支撑不足"])
    told = 0
    for n, unit in enumerate(["红柳村", "青杨村", "石门村", "马营村", "五星村", "光明村", "沙河村", "金川村", "高崖村",
                              "北坡村", "南滩村", "西湾村", "前进村", "永丰村", "和平村", "团结村"]):
        village = {**data, "报告": {**data["报告"], "单位": unit}}
        for b in render(village, style=1 + 7 * n).parts[0].blocks:
            said = [s.text for s in b.spans if s.source == "做法:亮点.组织建设.做法.0"]
            told += len(said)
            assert not [t for t in said if any(w in t for w in outcome)], (unit, said)
    assert told >= 12, told


def test_a_cause_does_not_deny_the_young_people_the_clerk_brought_in():
    """两名回乡种苹果的大学生当选村委委员 in part one and 发现、培养、使用年轻人才的机制还不够健全 in part two (twelfth
    blind reading: 前后矛盾): a bank elaboration that says young people do not come or stay is not said beside the
    clerk's case of young people who did (不与亮点: 大学生, 当选, 返乡青年 …)."""
    from generator.loader import load_yaml_file

    path = ROOT / "tests" / "fresh_inputs" / "柳林村-2026.yaml"
    data = load_yaml_file(path)[0]
    denial = re.compile(r"年轻人[^，。]{0,8}(不多|不高|不强|少)|年轻人才的机制|引不来|回村任职的意愿不强")
    for style in range(1, 169, 2):
        two = "".join(b.text for b in render(data, style=style, base=path.parent).parts[1].blocks)
        assert not denial.search(two), (style, two)


def test_every_own_problem_and_cause_of_the_fresh_inputs_has_its_plan():
    """石岭镇 (a fresh input): 本人每季度到每个村至少走一趟，专门听党建 answered nothing (no word in common with
    精力投入不足 or with the clerk's own cause about 招商和项目) and the cause was marked 【待补充】; an own cause of an
    item whose theme holds the clerk's plan is answered by that plan. Over the fresh inputs, as a clerk would
    have them after the warnings: no 【待补充】 in part three and no warning that a problem or cause has no plan."""
    from generator.loader import load_yaml_file

    for path in sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml")):
        data = load_yaml_file(path)[0]
        draft = render(data, base=path.parent)
        plan = "".join(b.text for b in draft.parts[2].blocks)
        assert "【待补充" not in plan, (path.name, plan)
        assert not [w for w in map(str, draft.warnings) if "还没有具体措施" in w], path.name


def test_a_case_with_the_same_number_does_not_state_another_figure():
    """东城街道 (a fresh input): 政绩观学习教育中…近三年上马的12个项目 shares the number 12 and the pair 学习 with
    中心组学习12次, and the figure was left out as if the case had said it. A case states a figure only with its
    unit after the number, or with what it counts named (two content pairs, as for practices)."""
    from generator.loader import load_yaml_file

    path = ROOT / "tests" / "fresh_inputs" / "东城街道-2026.yaml"
    data = load_yaml_file(path)[0]
    for style in range(1, 169, 12):
        text = "".join(b.text for b in render(data, style=style, base=path.parent).parts[0].blocks)
        assert "12次" in text, style


def test_the_figure_a_case_is_about_comes_just_before_the_case():
    """石岭镇 (thirteenth blind reading): the story of 整顿的瓦窑村 opened the item and 排查整顿软弱涣散党组织1个 came
    at its end — 先讲故事后补字段. A figure whose thing the case tells of (metrics.yaml → 关键词: 整顿) is said just
    before the case."""
    from generator.loader import load_yaml_file

    path = ROOT / "tests" / "fresh_inputs" / "石岭镇-2025.yaml"
    data = load_yaml_file(path)[0]
    for style in range(1, 169, 6):
        for b in render(data, style=style, base=path.parent).parts[0].blocks:
            spans = [s for s in b.spans if s.source]
            at = next((i for i, s in enumerate(spans) if s.source == "原文:亮点.组织建设.事例.0"), None)
            if at is None:
                continue
            figure = next(i for i, s in enumerate(spans) if s.source.endswith("整顿软弱涣散党组织"))
            assert figure == at - 1, (style, b.text)


def test_a_cause_named_for_a_field_explains_only_the_own_problems_whose_words_it_can_account_for():
    """老旧小区没有物业的还有17个，靠社区兜底 … 细究起来，抓党建的方法还不够多 (fifteenth blind reading: no cause in it).
    A bank cause whose 解释 names a field (工作方法欠缺 → 基层治理) explains a clerk's own problem of that field
    only when the problem's words say what the cause can account for (问题.yaml → 解释词); else the problem is
    pointed out as unexplained and the cause joins the common paragraph instead of standing under it."""
    def unexplained(problems, causes):
        return [str(w) for w in render(minimal(问题=problems, 原因=causes)).warnings if "没有哪条原因" in str(w)]

    condition = {"自述": "老旧小区没有物业的还有17个，靠社区兜底，矛盾多、人手少", "主题": "基层治理"}
    method = {"自述": "调解矛盾纠纷还是老办法，说服教育多，依法调处少", "主题": "基层治理"}
    found = unexplained([condition, "精力投入不足"], ["工作方法欠缺", "思想认识不到位"])
    assert len(found) == 1 and "老旧小区" in found[0], found
    assert not unexplained([method, "精力投入不足"], ["工作方法欠缺", "思想认识不到位"])
    # in the layout that puts each problem with its cause, the method cause does not stand under the condition
    style = style_where(part_two="对应")
    draft = render(minimal(问题=[condition, "精力投入不足"], 原因=["工作方法欠缺", "思想认识不到位"]), style=style)
    part_two = [b.text for b in draft.parts[1].blocks]
    under = next(t for t in part_two if "老旧小区" in t)
    assert "方法" not in under.split("老旧小区", 1)[1], part_two


def test_a_formulations_meaning_told_by_a_case_is_not_spelled_out_in_the_opening_too():
    """抓住“茶园里的党支部”这条主线，在茶叶合作社和加工厂里建党小组 in the opening, then the case 在茶叶合作社和两家
    加工厂建了3个党小组 (21st blind reading: 原样重复). Where part one tells the meaning of a formulation or a brand,
    the opening names it only; where nothing does, the opening spells it out."""
    meaning = "在茶叶合作社和加工厂里建党小组，党员带头管茶园、闯市场"
    case = "在茶叶合作社和两家加工厂建了3个党小组，采茶季的主题党日就在加工车间里开"
    for told in (True, False):
        data = minimal(亮点={"组织建设": {"发展党员": 3, **({"事例": [case]} if told else {})},
                            "政治建设": {"做法": ["第一议题制度"]}})
        data["报告"] = {**data["报告"], "本地提法": [{"名称": "茶园里的党支部", "含义": meaning}]}
        named = 0
        for style in range(1, 9):
            opening = render(data, style=style).blocks()[2].text
            if "茶园里的党支部" in opening:   # (authors who open straight with the facts name no formulation)
                named += 1
                assert ("管茶园" in opening) is not told, (told, style, opening)
        assert named >= 4
    data = minimal(亮点={"品牌创建": {"事例": ["各村的茶叶合作社里都建了党小组，党员带头管茶园、闯市场，带动茶农增收"]}})
    data["报告"] = {**data["报告"], "品牌": "茶香先锋", "品牌含义": "在茶叶合作社里建党小组，党员带头管茶园、闯市场"}
    for style in range(1, 9):
        opening = render(data, style=style).blocks()[2].text
        assert "管茶园" not in opening, (style, opening)


def test_a_problem_named_by_one_side_is_spelled_out_by_that_side():
    """四是引导群众参与治理的渠道仍不够宽。处理群众诉求有时等上级安排，主动作为不够 (21st blind reading): the
    elaboration answered another question than its lead. A lead that names one side of its kind (问题.yaml →
    要点 → 配) is spelled out only by an elaboration holding one of its words, or stands for the whole kind's."""
    import yaml

    kinds = yaml.safe_load((ROOT / "templates/bank/问题.yaml").read_text(encoding="utf-8"))["问题"]
    paired = {o["说"]: o["配"] for spec in kinds.values() for o in spec["要点"] if isinstance(o, dict) and o.get("配")}
    assert len(paired) >= 10
    seen = 0
    for kind in ("基层治理能力不强", "精力投入不足", "意识形态工作有短板", "党员作用发挥不够"):
        for style in range(1, 41):
            for block in render(minimal(问题=[kind], 原因=["调查研究不深"]), style=style).parts[1].blocks:
                lead = next((s.text for s in block.spans if s.lead), "")
                rest = block.text[len(lead):] if block.text.startswith(lead) else ""
                name = re.sub("^[一二三四五六七八九十]是", "", lead).rstrip("。")
                if name in paired and rest:
                    seen += 1
                    assert any(w in rest for w in paired[name]), (kind, style, block.text)
    assert seen


def test_a_bank_problem_the_clerks_own_cause_spells_out_stands_in_its_lead():
    """一是抓党建的时间常被其他事务挤占。心思更多用在看得见的发展指标上… beside the clerk's own cause 本人把精力更多
    放在招商和项目上 (21st blind reading: 同一句话说两遍). A bank problem whose words (关键词) the clerk's own cause
    speaks does not say how it shows (its 表现), only what it leads to (its 影响: 一是组织生活的内容仍不够实在。 alone
    was a bare line, its cause three paragraphs on — 32nd blind reading), and is not warned for it; without that
    cause it is spelled out."""
    from generator.resources import load_data

    kind = load_data("bank/问题.yaml")["问题"]["精力投入不足"]
    effects = {(o["说"] if isinstance(o, dict) else o).split("|")[-1] for o in kind["影响"]}
    own = {"自述": "本人把精力更多放在招商和项目上，到村里专门研究党建的时候少", "主题": "责任落实"}
    for causes, spelled in (([own, "调查研究不深"], False), (["调查研究不深", "统筹谋划不够"], True)):
        shows = said = 0
        for style in range(1, 13):
            draft = render(minimal(问题=["精力投入不足", "后备干部不足"], 原因=causes), style=style)
            block = next(b for b in draft.parts[1].blocks if any(s.lead and "精力投入不足" in s.source for s in b.spans))
            told = [s.text.strip("。，") for s in block.spans if not s.lead and s.source == "词库:问题/精力投入不足"]
            said += bool(told)
            shows += any(t not in effects and t.replace("仍", "还") not in effects for t in told)   # 仍: a habit
            assert not [w for w in draft.warnings if "精力投入不足" in str(w) and "展开" in str(w)]
        assert (shows > 0) is spelled, (causes, shows)
        assert said >= 10, (causes, said)


def test_a_figure_after_its_practice_does_not_name_the_thing_again():
    """扶持党员致富带头人，带着群众干，培养农村党员致富带头人26名 (a fresh draft read whole): a practice without a
    wording that carries its figure, and a figure wording naming the same thing. Where the practice's clause names
    what is counted, the figure follows without the name (…，共26名). Every practice of the catalogue with a
    figure, at the levels it is for."""
    from generator.resources import load_data

    metrics = load_data("metrics.yaml")["指标"]
    checked = 0
    for theme, practices in load_data("做法.yaml")["做法"].items():
        for key, spec in practices.items():
            for metric in spec.get("指标") or ():
                m = metrics.get(theme, {}).get(metric)
                if m is None or "{" in metric or len(metric) < 4:
                    continue
                data = minimal(亮点={theme: {"做法": [key], metric: 7}})
                try:
                    validate(data)
                except InputError:   # a village's practice or figure: the town's are enough of the kind
                    continue
                for style in (1, 2, 3):
                    for block in render(data, style=style).parts[0].blocks:
                        for sentence in re.split("[。；]", block.text):
                            if "7" in sentence:
                                checked += 1
                                names = [n for n in (metric, *(m.get("别名") or ())) if len(n) >= 4]
                                assert not [n for n in names if sentence.count(n) > 1], (key, metric, sentence)
                                # … and the practice leaves the name to the figure where a wording can: a bare
                                # …，共7名 read as a number left hanging (22nd blind reading)
                                if metric not in (spec.get("带数说法") or {}) \
                                        and any(not any(n in w for n in names) for w in spec["说法"]):
                                    assert "共7" not in sentence, (key, metric, sentence)
    assert checked > 100


def test_the_two_sides_of_the_causes_are_led_in_alike():
    """从主观上看： and then 客观方面： (22nd blind reading): the lead-ins of the 主观 and 客观 causes are a pair,
    the i-th of one list with the i-th of the other."""
    import yaml

    bank = yaml.safe_load((ROOT / "templates/bank/问题.yaml").read_text(encoding="utf-8"))
    pairs = set(zip(bank["主观引语"], bank["客观引语"]))
    style = style_where(part_two="主客")
    seen = 0
    for variant in range(12):
        draft = render(minimal(问题=["精力投入不足", "后备干部不足"], 原因=["思想认识不到位", "人才支撑不足"]),
                       style=style, variant=variant)
        leads = {s.source: s.text for b in draft.parts[1].blocks for s in b.spans
                 if s.source in ("词库:问题/主观引语", "词库:问题/客观引语")}
        if len(leads) == 2:
            seen += 1
            assert (leads["词库:问题/主观引语"], leads["词库:问题/客观引语"]) in pairs, leads
    assert seen


def test_the_opening_says_each_clause_once():
    """深化“*红管家”党建品牌，落脚在…，把区委交办的党建任务当成分内的事来办。 twice over, and the year's line lost
    (23rd blind reading): the duty line joining a brand spelled out was stored over the year's sentence. For
    every author, the opening of a unit with a brand, a theme or a formulation says no clause twice and keeps
    the year's 学习教育."""
    from generator.loader import load_yaml_file

    import json

    for path in sorted((ROOT / "tests/fresh_inputs").glob("*.yaml")):
        data = load_yaml_file(path)[0]
        unit = data["报告"]["单位"]
        renamed = json.loads(json.dumps(data, ensure_ascii=False, default=str).replace(unit[:2], "西关"))
        for style, case in [(n, data) for n in range(1, 169, 4)] + [(None, renamed)]:
            opening = render(case, style=style).blocks()[2]
            said = [s.text for s in opening.spans if s.source and s.text not in ("，", "。")]
            assert len(said) == len(set(said)), (path.stem, style, opening.text[:200])


def test_the_openings_sentences_hold_each_clause_once():
    """The kind behind the doubled opening: whatever clauses the opening has, cutting them into sentences keeps
    each once and in order (the duty line joining the clause before it stored the run over the year's)."""
    import importlib

    from generator.model import Span

    cut = importlib.import_module("generator.compose.opening")._sentences
    year = [Span("过去一年，街道党工委", source="词库:开头/简起"), Span("自觉对照" + "正确政绩观的要求" * 3, source="年度")]
    own = [Span("深化“红管家”党建品牌，落脚在党员当好小区的管家" * 2, source="原文:报告.品牌"),
           Span("把区委交办的党建任务当成分内的事来办", source="词库:开头/落实")]
    for clauses in (year + own, year[1:] + own, year + own[:1], year + own + own[:1]):
        runs = cut(list(clauses))
        assert [c for run in runs for c in run] == clauses, [[c.text[:6] for c in run] for run in runs]


def test_no_bare_total_follows_a_clause_with_a_count_of_its_own():
    """理论学习中心组研讨交流12次，共4次 (23rd blind reading): 共 + a number after a clause that has its own figure
    reads as a second count of the same thing. The short form is only for a figure after its practice's words."""
    import json

    from generator.loader import load_yaml_file

    for path in sorted((ROOT / "tests/fresh_inputs").glob("*.yaml")):
        data = load_yaml_file(path)[0]
        renamed = json.loads(json.dumps(data, ensure_ascii=False, default=str).replace(data["报告"]["单位"][:2], "西关"))
        for style, case in [(n, data) for n in range(1, 25)] + [(None, renamed)]:
            text = "\n".join(b.text for b in render(case, style=style).parts[0].blocks)
            assert not re.search(r"\d[^，。；：\d]*，共\d", text), (path.stem, style, re.findall(r"[^。]*，共\d[^。]*", text))


def test_the_base_figures_are_dated_once():
    """到年底，全镇现有村党组织14个 (24th blind reading): a lead-in that dates the figures and a figure said as of
    now, two times at once. Over every author, an opening never has both."""
    from generator.loader import load_yaml_file

    data = load_yaml_file(ROOT / "tests/fresh_inputs/河口镇-2023.yaml")[0]
    seen = 0
    for style, variant in [(s, v) for s in range(1, 169, 7) for v in range(6)]:
        opening = render(data, style=style, variant=variant).blocks()[2].text
        if "现有" in opening:
            seen += 1
            assert not re.search("(年底|年末|截至)[^。]*现有", opening), (style, opening)
    assert seen


def test_an_author_may_say_the_base_counts_as_what_the_committee_leads():
    """全镇共有村党组织19个，有党员847名 as a sentence of its own in every draft read as a slot (21st–24th blind
    readings). An author of 家底入句 says them in the first sentence, 镇党委带领全镇19个村党组织、847名党员，…, each
    figure once and traced to its key; where the 家底 is more than such counts, as figures."""
    from generator.compose import author_spec
    from generator.compose.author import make_author
    from generator.loader import load_yaml_file

    spec = author_spec(None)
    styles = [n for n in range(1, int(spec["风格数"]) + 1)
              if make_author(spec, n).opening == "家底入句" and make_author(spec, n).overview_first]
    assert styles
    town = load_yaml_file(ROOT / "inputs/2024.yaml")[0]
    for style in styles[:6]:
        opening = render(town, style=style).blocks()[2]
        assert "镇党委带领全镇19个村党组织、847名党员，" in opening.text and opening.text.count("847") == 1, opening.text
        first = next(s for s in opening.spans if "带领" in s.text)
        assert {c.path for c in first.covers} >= {("基本情况", "村党组织"), ("基本情况", "党员")}, first.covers
    # the place's figures as what it serves (作者.yaml → 服务的家底): 全村在册党员41名，建有党小组4个，设村民小组
    # 9个，登记户籍人口1480人 as a sentence of its own read as a table read out (42nd–44th blind readings)
    village = load_yaml_file(ROOT / "tests/fresh_inputs/井坪村-2024.yaml")[0]
    opening = render(village, style=styles[0]).blocks()[2].text
    # … and the people in them, not the groups (服务9个村民小组: 57th blind reading, 党组织服务的是群众)
    assert "带领全村46名党员、4个党小组，服务8个村民小组的群众" in opening and opening.count("46名") == 1, opening
    community = minimal(基本情况={"党支部": 9, "党员": 512, "常住居民": 21800, "小区": 14})
    community["报告"] = {**community["报告"], "单位": "春晖社区", "层级": "社区", "职务": "党委书记"}
    opening = render(community, style=styles[0]).blocks()[2].text
    assert "服务14个小区的2.18万名居民" in opening, opening
    # a figure neither led nor served (两新党组织) is said as figures, with the rest
    other = minimal(基本情况={"村党组织": 12, "党员": 500, "两新党组织": 3})
    opening = render(other, style=styles[0]).blocks()[2].text
    assert "带领" not in opening and "500名" in opening, opening


def test_a_brand_slogan_is_quoted_and_taken_up():
    """守着“石桥红”这块牌子，红色引领、石桥同心 (24th and 26th blind readings: 后半句悬空): a brand meaning that is a
    slogan of short phrases is quoted and taken up by a verb; a meaning that is a clause is said as one."""
    slogan = minimal()
    slogan["报告"] = {**slogan["报告"], "品牌": "红柳红", "品牌含义": "红色引领、红柳同心"}
    clause = minimal()
    clause["报告"] = {**clause["报告"], "品牌": "红柳红", "品牌含义": "党员在小区里亮身份、办小事，群众有事找得到人"}
    seen = 0
    for variant in range(8):
        opening = render(slogan, variant=variant).blocks()[2].text
        if "红色引领" in opening:
            seen += 1
            assert "“红色引领、红柳同心”" in opening and "，红色引领" not in opening, opening
        assert "“党员在小区里" not in render(clause, variant=variant).blocks()[2].text
    assert seen


def test_a_plan_about_study_goes_to_study_not_to_the_theme_whose_case_shares_a_place_word():
    """夏季转场前后各集中一次，平时用手机群和村村响广播送学 (a fresh 乡 input, read before the 33rd blind reading) went
    under 抓服务，强化矛盾调处 because the 基层治理 case said 转场 too, and the own cause about how members study
    was left with 【待补充】: 送学, 集中学习 and 学习方式 are 政治建设's words (metrics.yaml → 主题 → 关键词)."""
    from generator.bundle import load_templates
    from generator.compose.answers import task_theme

    t = load_templates()
    data = _village(亮点={"政治建设": {"集中学习": 9},
                          "基层治理": {"化解矛盾纠纷": 41, "事例": ["两村老党员一起走了一遍界线，今年转场没有再起争执"]}})
    report = validate(data, catalogue=t.catalogue)
    for plan in ("夏季转场前后各集中一次，平时用手机群送学", "牧区党员的学习方式改成分片集中学习",
                 "冬闲时送学到户"):
        assert task_theme(plan, report, t.catalogue, t.matcher) == "政治建设", plan


def test_a_local_formulation_that_names_things_is_set_beside_its_name():
    """沿着“两清单一台账”的路子，班子成员履职清单、村级党建任务清单和问题整改台账。 (a fresh input read before the 33rd
    blind reading): a meaning that lists things has no verb, and after a comma it reads as a deed with its verb
    lost. It is set beside the name (（…）, 即…, ——…——); a meaning of deeds (班子成员联村、党员联户) still runs on."""
    things = "班子成员履职清单、村级党建任务清单和问题整改台账"
    deeds = "班子成员联村、党员联户、强村联弱村"
    for meaning, beside in ((things, True), (deeds, False)):
        data = minimal()
        data["报告"] = {**data["报告"], "本地提法": [{"名称": "两清单一台账", "含义": meaning}]}
        seen = 0
        for style in range(1, 337, 17):
            text = render(data, style=style).opening[0].text
            if meaning not in text:
                continue
            seen += 1
            at = text.index(meaning)
            assert (text[at - 1] in "（即—") is beside, (style, text)
        assert seen >= 3, (meaning, seen)


def test_a_cause_shows_itself_in_the_words_of_the_problem_it_explains():
    """人才总量偏少、结构不够合理。懂政策、会做群众工作的党务骨干不多 as the cause of 发展年轻党员的力度还不够
    (34th blind reading: 原因和问题对不上). A cause kind explaining a problem says how it shows in words that
    problem speaks of (its 解释词 the problem's text, name or 关键词 hold: 年轻, 老化, 年龄 …), where enough of its
    entries do."""
    data = _village(问题=["党员队伍老化", "组织生活质量不高"], 原因=["人才支撑不足", "工作方法欠缺"])
    near = ("年轻", "老化", "年龄", "岁")
    spelled = speaking = 0
    for style in range(1, 337, 5):
        for b in render(data, style=style).parts[1].blocks:
            told = [s.text for s in b.spans if s.source == "词库:问题/人才支撑不足" and not s.lead]
            if told:
                spelled += 1
                speaking += any(w in t for t in told for w in near)
    assert spelled >= 10 and speaking >= 0.8 * spelled, (spelled, speaking)


def test_causes_listed_apart_stand_in_the_order_of_the_problems_they_answer():
    """三是在职党员报到后，社区派的多是临时性任务 answered 二是党员作用发挥还不够均衡 (35th blind reading): a broad
    kind that explains problems one and two (工作方法欠缺) took the second place by its first problem. Problem by
    problem, the cause explaining it and fewest others comes first; causes explaining none come last."""
    from generator.bundle import load_templates
    from generator.compose.explaining import in_problem_order

    t = load_templates()
    own_one = {"自述": "联系点只在三个大站点，小站点和众包骑手没有覆盖到", "主题": "组织建设"}
    own_two = {"自述": "在职党员报到后，社区派的多是临时性任务，和他们的专长对不上", "主题": "党员队伍"}
    data = _village(问题=[{"自述": "新就业群体党员聚不起来，组织生活很难按时开", "主题": "组织建设"},
                          "党员作用发挥不够", "创新意识不强"],
                    原因=[own_one, "工作方法欠缺", own_two])
    report = validate(data, catalogue=t.catalogue)
    order = [c.text or c.kind for c in in_problem_order(report, t.bank.get("问题", "原因"))]
    assert order == [own_one["自述"], own_two["自述"], "工作方法欠缺"], order


def test_a_cause_explaining_no_problem_takes_the_place_of_a_problem_no_cause_explains():
    """一是带头人队伍后继乏人 (人才支撑不足, the second problem's cause) stood against 一是组织生活…, and 二是学而不深,
    which explains neither, came last (河湾村, 48th blind reading: 原因全是交叉错位). Where the first problem has no
    cause of its own, a cause that explains none stands in its place, so the one that explains the second
    problem is second."""
    from generator.bundle import load_templates
    from generator.compose.explaining import in_problem_order

    t = load_templates()
    data = _village(问题=["组织生活质量不高", "后备干部不足"], 原因=["人才支撑不足", "学习不够深入"])
    report = validate(data, catalogue=t.catalogue)
    order = [c.text or c.kind for c in in_problem_order(report, t.bank.get("问题", "原因"))]
    assert order == ["学习不够深入", "人才支撑不足"], order
    # … and where no later problem has a cause, the clerk's order stands
    data = _village(问题=["后备干部不足", "组织生活质量不高"], 原因=["学习不够深入", "人才支撑不足"])
    report = validate(data, catalogue=t.catalogue)
    order = [c.text or c.kind for c in in_problem_order(report, t.bank.get("问题", "原因"))]
    assert order == ["人才支撑不足", "学习不够深入"], order
    # lax management explains members who do not stand out (锦绣社区: 执行制度的刚性还不够 was read as no cause of
    # 部分党员先锋意识不够强)
    from generator.compose.explaining import explained

    report = validate(_village(问题=["党员作用发挥不够", "后备干部不足"], 原因=["从严管理不够"]), catalogue=t.catalogue)
    assert [p.kind for p in explained(report.causes[0], report, t.bank.get("问题", "原因"))] == ["党员作用发挥不够"]


def test_a_practice_does_not_carry_a_count_of_more_than_itself():
    """中心组集中学习13次，到红色教育基地过组织生活，集中学习24次 (龙潭镇, a fresh draft; 42nd blind reading: 串了位):
    a year's 集中学习 are not all held at a red-education site, nor is every 中心组学习 a 读书班; said in one
    sentence after the practice, the count read as the practice's own. Those practices carry none of them."""
    from generator.catalogue import load_catalogue

    cat = load_catalogue()
    practices = {p.key: p for ps in cat.practices.values() for p in ps}
    assert "集中学习" not in practices["现场教学"].metrics
    assert "中心组学习" not in practices["读书班"].metrics
    data = minimal(亮点={"政治建设": {"做法": ["现场教学", "第一议题制度"], "集中学习": 24, "中心组学习": 13}})
    for style in range(1, 60, 4):
        for b in render(data, style=style).parts[0].blocks:
            for said in re.split("[。；]", b.text):
                if "红色教育基地" in said:
                    assert "24次" not in said, (style, said)


def test_a_heading_promises_organisational_life_only_over_it():
    """以规提质，规范组织生活 over new Party organisations in property firms (北关街道, a fresh input; 43rd blind
    reading: 标题和内容对不上): 组织生活 in a heading needs the item to hold 组织生活, 三会一课, 主题党日 … (呼应.yaml →
    凭据词). Over every fourth author."""
    data = minimal(亮点={"组织建设": {"做法": ["新领域党建"], "新建党组织": 6, "小区党支部": 38},
                        "党员队伍": {"做法": ["在职党员双报到"], "在职党员报到": 300}})
    data["报告"] = {**data["报告"], "单位": "北关街道", "层级": "街道", "职务": "党工委书记"}
    for style in range(1, 337, 4):
        for b in render(data, style=style).parts[0].blocks:
            heads = "".join(s.text for s in b.spans if s.lead) if b.role.value == "body" else b.text
            if "党组织" in b.text and "组织生活" in heads:
                assert "组织生活" in "".join(s.text for s in b.spans if not s.lead), (style, b.text)


def test_only_a_year_that_opens_something_is_told_to_open_it_well():
    """2019年是新中国成立七十周年，开好局、起好步至关重要 and the same of 2020, 收官之年: the year's place line
    says 开好局 only of a 开局 year (era.yaml → 年份定位)."""
    import datetime

    for year, opening_year in ((2019, False), (2020, False), (2023, True)):
        data = minimal()
        data["报告"] = {**data["报告"], "年度": year, "日期": datetime.date(year + 1, 1, 10)}
        said = {render(data, style=style).opening[0].text.split("。")[0] for style in range(1, 337, 3)}
        told = [s for s in said if "开好局" in s or "开局" in s and "起步" in s]
        assert bool(told) == opening_year, (year, told)


def test_a_large_count_is_said_in_the_larger_unit_as_a_writer_says_it():
    """累计投入项目资金12600万元 read as a figure copied out of a table (43rd blind reading): ten thousand 万元 and
    more are said in 亿元, 亩 in 万亩, 人 in 万人 — where two decimals say it (11840人 stays as it is); and a case
    that says 1.26亿元 has said the figure of 12600万元."""
    from generator.facts import quantity

    assert quantity(12600, "万元") == "1.26亿元" and quantity(3800, "万元") == "3800万元"
    assert quantity(21800, "人") == "2.18万人" and quantity(11840, "人") == "11840人"
    assert quantity(13000, "亩") == "1.3万亩" and quantity(10000, "人次") == "10000人次"
    data = minimal(亮点={"产业发展": {"做法": ["招商引资"], "产业项目": 7, "项目投资": 12600}})
    text = render_text(data)
    assert "1.26亿元" in text and "12600" not in text, text
    data["亮点"]["产业发展"]["事例"] = ["引进海产品加工企业3家，项目资金1.26亿元全部到位"]
    text = render_text(data)
    assert text.count("1.26亿元") == 1, text


def test_the_political_line_does_not_boast():
    """学习…从来不拿走过场来应付，贯彻…也从不打折扣、搞变通 (41st and 45th blind readings: 病句, and 述职报告里很少这样
    自夸): no 政治站位 line says the writer never failed (从来不, 从不, 从没有)."""
    from generator.resources import load_data

    lines = load_data("bank/亮点.yaml")["政治站位"]
    assert not [x for x in lines if re.search("从来不|从不|从没有|从未", str(x))]


def test_a_practice_the_clerk_says_falls_short_is_not_worded_as_kept_without_fail():
    """将“三会一课”当作支部的日常功课 / 严格落实“三会一课”制度 in part one, and 组织生活的时间安排不够固定，有时一拖
    再拖 in part two (45th blind reading: 亮点和问题直接矛盾): with 组织生活质量不高 among the problems, 三会一课 is
    worded without claiming it was kept (呼应.yaml → 成效词)."""
    data = minimal(亮点={"组织建设": {"做法": ["三会一课", "党群服务中心"]}, "党员队伍": {"在职党员报到": 120}},
                   问题=["党员作用发挥不够", "组织生活质量不高"])
    data["报告"] = {**data["报告"], "单位": "南门社区", "层级": "社区", "职务": "党委书记", "上级": "城关街道党工委"}
    claims = ("日常功课", "严格落实", "不拖不漏", "开在平时", "按时", "不走过场", "联系村里的实际", "议实事", "会前定主题")
    # … and in a village (三会一课内容联系村里的实际 beside 组织生活多是传达文件，讨论实际问题少: 杨柳湾村, 46th reading)
    village = _village(亮点={"组织建设": {"做法": ["三会一课", "组织生活会"], "发展党员": 1}},
                       问题=["组织生活质量不高", "集体经济薄弱"])
    village["报告"]["单位"] = "青山村"
    for d in (data, village):
        for style in range(1, 337, 5):
            said = [s.text for b in render(d, style=style).parts[0].blocks for s in b.spans
                    if s.source.startswith("做法:亮点.组织建设")]
            assert not [t for t in said if any(c in t for c in claims)], (style, said)


def test_a_practice_the_clerks_own_problem_says_falls_short_claims_no_uptake():
    """在职党员到社区报到1180名，就近认领服务项目 in part one, and the clerk's own 报到的在职党员多是参加一两次活动，长期认领
    岗位的不到三成 in part two (东湖街道, a fresh input, 52nd reading): the practice the clerk's own words find short
    is worded without claiming members took up posts (呼应.yaml → 成效词: 认领, 认岗位, 领题)."""
    data = minimal(亮点={"党员队伍": {"做法": ["在职党员双报到"], "在职党员报到": 860}},
                   问题=["组织生活质量不高", {"自述": "报到的在职党员多是参加一两次活动，长期认领岗位的不到三成",
                                                "主题": "党员队伍"}])
    said = []
    names = ("东湖", "西城", "南关", "北苑", "新华", "和平", "胜利", "建设", "人民", "解放", "光明", "文化", "朝阳",
             "青年", "红旗", "东风", "滨江", "花园", "工农", "长征")
    for name in names:   # the wording is drawn by the unit
        data["报告"] = {**data["报告"], "单位": f"{name}街道", "层级": "街道", "职务": "党工委书记", "上级": "区委"}
        said += [s.text for b in render(data).parts[0].blocks for s in b.spans
                 if s.source.startswith("做法:亮点.党员队伍")]
    assert len(set(said)) > 5
    assert not [t for t in said if any(c in t for c in ("认领", "认岗位", "领题"))], said[:5]


def test_no_adverb_before_organisation_as_a_noun():
    """精心组织生活会上将问题摆到桌面上 / 积极组织生活会上把问题摆到桌面上 (sample-style villages, read at the end of
    stop 39): 组织 opening 组织生活会, 组织关系, 组织优势 … is a noun, and takes no 公文 adverb (作者.yaml → 公文修饰 →
    后不接)."""
    for unit in ("青山村", "石门村"):
        data = _village(亮点={"组织建设": {"做法": ["三会一课", "组织生活会"], "发展党员": 1}},
                        问题=["组织生活质量不高", "集体经济薄弱"])
        data["报告"]["单位"] = unit
        for style in range(1, 337, 5):
            text = "".join(b.text for b in render(data, style=style).parts[0].blocks)
            assert not re.search("(精心|积极|认真|扎实|广泛|深入)组织(生活|关系|优势|体系|覆盖)", text), (unit, style)


def test_a_village_with_one_branch_is_not_told_of_each_branch():
    """把党纪学习教育的任务分解到每个支部、每名党员 in a village whose organisation is one 党支部 (红柳村 of the sample;
    47th blind reading: 一个村只有一个党支部，这句话对不上): the opening and stance lines say 每个{{下级单位}} (党小组
    for a 党支部, 党支部 for a 党总支, 村党组织 for a township). Every sample row of a 党支部, every fifth author."""
    rows = [(u, d) for u, d in sample_inputs() if not str(d["报告"].get("党组织") or "").endswith(("党总支", "党委"))]
    assert len(rows) >= 10
    for unit, data in rows[:8]:
        for style in range(1, 337, 5):
            said = [s.text for b in render(data, style=style).blocks() for s in b.spans
                    if s.source.startswith(("词库:", "年度"))]
            assert not [t for t in said if "每个支部" in t], (unit, style)


def test_a_target_goes_with_the_plan_that_names_its_metric():
    """新发展党员22名 stood in the 支部建设 item (its metric's theme) while 发展党员向35岁以下的渔民和返乡青年倾斜 stood
    in the 党员管理 one (白沙镇, a fresh draft): one plan said in two places. A target now goes where a 事项
    naming its metric went; without one, under its metric's theme as before."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    t = load_templates()
    problems = ["组织生活质量不高", {"自述": "党员队伍青黄不接，六十岁以上的党员占的比重大"}]
    for tasks, home in ((["发展党员向35岁以下的返乡青年倾斜"], "党员队伍"), (["每季度开一次支部书记例会"], "组织建设")):
        data = minimal(问题=problems, 措施={"目标": {"发展党员": 15}, "事项": tasks})
        report = validate(data, catalogue=t.catalogue)
        plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
        assert plan.homes == {"发展党员": home}, (tasks, plan.homes)
        for style in (1, 5, 9, 30):
            items = [b.text for b in render(data, style=style).parts[2].blocks]
            with_target = [i for i in items if "发展党员15名" in i]
            assert len(with_target) == 1 and (home != "党员队伍" or "倾斜" in with_target[0]), (style, items)


def test_an_own_problem_naming_its_field_first_is_not_taken_for_another_fields_kind():
    """党员队伍青黄不接，六十岁以上的党员占的比重大 was read as 后备干部不足 by its 青黄不接, placed under 干部队伍 and
    answered under 强班子，干部队伍不松劲. The field it names before the kind's word decides."""
    report = validate(minimal(问题=[{"自述": "党员队伍青黄不接，六十岁以上的党员占的比重大"},
                                  {"自述": "后备干部青黄不接，年轻人大多在外务工"}]))
    first, second = report.problems
    assert (first.theme, first.like) == ("党员队伍", None), first
    assert (second.theme, second.like) == ("干部队伍", "后备干部不足"), second


def test_a_secretary_who_went_down_to_the_villages_does_not_confess_to_not_going():
    """抓党建还没有完全做到亲力亲为 beside 本人牵头联系后进村 and 党建调研26次 (白沙镇, a fresh draft; readers since the
    44th: 亮点和问题直接矛盾). The leads and elaborations of 精力投入不足 that say the secretary seldom went in
    person are not said where the highlights tell of visits; the others (在党建上下的功夫还不够深) are."""
    data = minimal(亮点={"责任落实": {"做法": ["书记联村", "约谈提醒"], "党建调研": 26}},
                   问题=["精力投入不足", "组织生活质量不高"])
    said = []
    for i in range(30):
        data["报告"] = dict(data["报告"], 单位=f"{'东西南北中'[i % 5]}{'山河湾岭坪沟'[i // 5]}镇")
        part_two = "\n".join(b.text for b in render(data).parts[1].blocks)
        said += [w for w in ("亲力亲为", "亲自抓党建的", "亲自过问", "到基层少", "问党建问得少", "上手的少",
                             # … nor that he followed little up (党建上的难事常常拖到年底才过问 beside 党建调研31次:
                             # 龙潭镇, 49th blind reading)
                             "拖到年底才过问", "中间跟进的少", "亲自破题少", "过问得不够勤", "指导还停留在面上",
                             "指导深度不够", "帮得不够") if w in part_two]
    assert not said, said


def test_a_case_that_names_the_brand_tells_the_brand_practice():
    """结合本地特点培育党建品牌 before “草原红帆”服务队全年跑了140多户牧户 (平安乡, a fresh draft): the case is the
    brand at work, so the catalogue's wording of 品牌创建 is not said beside it; without the case, it is."""
    brand = {"品牌": "草原红帆", "品牌含义": "牧区党员骑着摩托跑草场，政策、技术、调解送到牧户毡房"}
    case = "“草原红帆”服务队全年跑了140多户牧户，帮着调解草场边界纠纷19起"
    for cases, said in (([case], False), ([], True)):
        theme = {"做法": ["品牌创建"], **({"事例": cases} if cases else {"党建示范点": 3})}
        data = minimal(亮点={"品牌创建": theme, "组织建设": {"发展党员": 8}})
        data["报告"] = {**data["报告"], **brand}
        for variant in range(4):
            sources = [s.source for b in render(data, variant=variant).parts[0].blocks for s in b.spans]
            assert any(x.startswith("做法:亮点.品牌创建.做法") for x in sources) is said, (cases, variant)


def test_a_plan_sharing_a_word_with_a_kind_and_with_the_clerks_own_problem_goes_to_the_own_problem():
    """在三个夏牧场设流动学习点，党员不下山也能学习 shares 学习 with 理论学习不深 and with the clerk's own 牧区党员居住
    分散，冬季以外很难集中学习; the kind took it by its theme and the clerk's problem was left 【待补充】 (平安乡, a
    fresh input). The kind has its 对策; the clerk's words outweigh it by a point."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    own = "牧区党员居住分散，冬季以外很难集中学习"
    data = minimal(问题=["理论学习不深", {"自述": own, "主题": "组织建设"}], 原因=["思想认识不到位"],
                   措施={"事项": ["在三个夏牧场设流动学习点，党员不下山也能学习"]})
    t = load_templates()
    report = validate(data, catalogue=t.catalogue)
    plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
    by_item = {(a.item.text or a.item.kind): a.tasks for a in plan.answers}
    assert by_item[own] == [0] and by_item["理论学习不深"] == [], by_item
    assert "待补充" not in "".join(b.text for b in render(data).parts[2].blocks)


def test_plans_in_a_clerks_words_find_the_problem_they_answer():
    """Three plans of fresh inputs that went to the wrong item while their problem got a stock 对策:
    每月第一个周五留给党建，到联系村开支部会 (精力投入不足, not 支部建设 by 支部会; 桃源镇), 每个党小组至少联系一名在外
    上学或务工的年轻人 (后备干部不足; 河湾村), and the target 发展党员 beside 从年轻人里培养入党积极分子 (by the metric's
    关键词 入党), not in an item of its own."""
    from generator.bundle import load_templates
    from generator.compose.answers import answer_plan, task_theme

    t = load_templates()
    for problems, task, kind in ((["精力投入不足", "组织生活质量不高"], "每月第一个周五留给党建，到联系村开支部会", "精力投入不足"),
                                 (["组织生活质量不高", "后备干部不足"], "每个党小组至少联系一名在外上学或务工的年轻人", "后备干部不足")):
        data = minimal(问题=problems, 原因=["思想认识不到位"], 措施={"事项": [task]})
        report = validate(data, catalogue=t.catalogue)
        plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
        assert {a.item.kind: a.tasks for a in plan.answers}[kind] == [0], (task, plan.answers)
    data = minimal(问题=["精力投入不足", "党员队伍老化"], 原因=["思想认识不到位"],
                   措施={"目标": {"发展党员": 10}, "事项": ["从果园技术员和电商带货的年轻人里培养入党积极分子"]})
    report = validate(data, catalogue=t.catalogue)
    plan = answer_plan(report, t.bank, t.matcher, lambda x: task_theme(x, report, t.catalogue, t.matcher))
    assert plan.homes == {"发展党员": "党员队伍"}, plan.homes


def test_an_elaboration_does_not_deny_a_monthly_routine_the_clerk_counted():
    """组织生活的时间安排不够固定，有时一拖再拖 beside 一直坚持主题党日制度，全年12次 (河湾村, a fresh draft)."""
    data = _village(亮点={"组织建设": {"做法": ["三会一课", "主题党日"], "主题党日": 12, "发展党员": 1}},
                    问题=["组织生活质量不高", "后备干部不足"])
    for i in range(30):
        data["报告"] = dict(data["报告"], 单位=f"{'东西南北中'[i % 5]}{'河湾岭坪沟梁'[i // 5]}村")
        assert "一拖再拖" not in "".join(b.text for b in render(data).parts[1].blocks), data["报告"]["单位"]


def test_a_total_is_not_called_a_total_twice():
    """全镇村级集体经济总收入总计460万元 (桃源镇, a fresh draft): a wording of a figure whose name at some level is a
    total (总收入) does not add a word for the sum (总计, 合计, 共计, 累计)."""
    from generator.bank import load_bank
    from generator.catalogue import load_catalogue

    bank, cat = load_bank(), load_catalogue()
    names = {bank.get("称谓", level)["集体收入"] for level in ("镇", "乡", "街道", "村", "社区")}
    metric = cat.lookup("产业发展", "村集体经济收入")[0]
    for name in names:
        for wording in (*metric.phrases, *metric.target_phrases):
            said = bank.render(wording, {"集体收入": name, "数量": "460万元"})
            assert not re.search("总.{0,6}(总计|合计|共计|累计)", said), said


def test_a_practice_that_another_practices_figure_counts_is_not_said_again():
    """按照党员特点设置先锋岗9个。在村里的重点工作中设先锋岗，由党员挑大梁 (北坡村 of the sample, read beside three other
    villages): 设岗定责 carried the count of 党员先锋岗, and the confirmed 先锋岗 said the same posts again. A practice
    with no figure of its own whose name is what another's figure counts is said by that figure."""
    data = _village(亮点={"党员队伍": {"做法": ["设岗定责", "先锋岗", "关爱慰问"], "党员先锋岗": 9},
                          "组织建设": {"发展党员": 2}})
    for variant in range(6):
        item = next(b.text for b in render(data, variant=variant).parts[0].blocks if "9个" in b.text)
        assert item.count("先锋岗") <= 1, (variant, item)


def test_a_count_and_the_case_that_tells_it_stand_together():
    """开展党建观摩交流2次 and, two sentences on, 上半年和下半年各搞了一次“一线三赛”现场观摩 (龙潭镇, 49th blind
    reading: 同一件事说两遍). The count goes just before the case that tells it (its metric's 关键词: 观摩)."""
    case = "上半年和下半年各搞了一次现场观摩，14个村书记挨个上台讲，排在后三位的由本人逐个谈话"
    data = minimal(亮点={"责任落实": {"做法": ["书记联村"], "党建调研": 31, "党建观摩": 2, "事例": [case]},
                       "组织建设": {"发展党员": 12}})
    for style in range(1, 60, 7):
        item = next(b.text for b in render(data, style=style).parts[0].blocks if case[:8] in b.text)
        count = re.search(r"[^。；]*观摩[^。；]*2次", item)
        assert count and item[count.end() + 1:].lstrip("一二三四五六七八九是").startswith(case[:8]), (style, item)


def test_a_figure_of_no_practice_goes_beside_the_counted_practices():
    """遇到群众意见不一的事，先开议事会议一议。兑现为民实事42件。 (锦绣社区, 48th and 49th blind readings: 一句一个数):
    a figure no practice carries stood after a practice without a count, where a count may not be strung onto a
    deed. The practices that say a count go next to the figures: last where the figures follow the practices
    (woven), first where the figures come before them; other architectures keep the clerk's order."""
    from generator.compose.item_plan import _beside_the_figures
    from generator.compose.units import Step
    from generator.facts import Fact

    count = Fact("网格", "个", value=19)
    deed, counted, figures, case = Step("practice"), Step("practice", facts=(count,)), Step("figures"), Step("case")
    steps = [counted, deed, figures, case]
    assert _beside_the_figures(steps, "woven") == [deed, counted, figures, case]
    assert _beside_the_figures(steps, "figures") == [counted, deed, figures, case]
    assert _beside_the_figures(steps, "points") == steps
    assert _beside_the_figures([counted, deed, case], "woven") == [counted, deed, case]   # no figures to join
    # … and in a draft: the town example's 作风 item, worded woven by an author of long sentences
    data = load_example(EXAMPLE_INPUTS[0])[0]
    said = [b.text for n in range(1, 80, 3) for b in render(data, style=n).parts[0].blocks if "警示教育8次" in b.text]
    assert any(re.search(r"警示教育8次，[^。]*140人次", t) for t in said), said


def test_a_practice_carries_no_count_of_something_else():
    """冬春时节把党员召集起来集中学 … 集中学习研讨12次 (twelve sessions are not all winter training), and 党员讲微党课，
    讲自己的体会，带头讲党课5次 (讲党课 counts the secretary's, not the members' short talks): 50th blind reading.
    党员冬春训 and 微党课 no longer list those metrics (做法.yaml → 指标), so their sentences carry no such count."""
    for practice, metric, count in (("党员冬春训", "集中学习", "12次"), ("微党课", "讲党课", "5次")):
        value = int(count[:-1])
        data = _village(亮点={"政治建设": {"做法": [practice], metric: value}, "组织建设": {"发展党员": 2}})
        for variant in range(8):
            item = next(b.text for b in render(data, variant=variant).parts[0].blocks if count in b.text)
            sentence = next(x for x in re.split("[。；]", item) if count in x)
            assert not any(w in sentence for w in ("冬春", "冬训", "微党课", "自己的体会")), (practice, variant, item)


def test_a_case_of_people_named_as_examples_tells_the_practice_of_naming_them():
    """评了20户“暖心楼栋长”，把他们的照片和电话贴在单元门口 … 选树身边的先进典型 (春晖社区, 50th blind reading: 具体
    事迹后面又接了一句意思相同的套话): 评了, 评出, 评选 … are words of 选树典型 (做法.yaml → 关键词)."""
    case = "评了20户“暖心楼栋长”，把他们的照片和电话贴在单元门口"
    data = _village(亮点={"品牌创建": {"做法": ["选树典型"], "事例": [case]}, "组织建设": {"发展党员": 2}})
    for variant in range(6):
        sources = [s.source for b in render(data, variant=variant).parts[0].blocks for s in b.spans]
        assert not any(x.startswith("做法:亮点.品牌创建.做法") for x in sources), variant


def test_part_three_does_not_say_within_the_year_without_the_year():
    """年内化解群众矛盾8件 in part one and 年内村集体经济收入达到13.5万元 in part three (北坡村 of the sample, 51st
    blind reading: 同一个词指两年): a target says 年内 only with its year (2025年内)."""
    said = []
    for path in EXAMPLE_INPUTS:
        data = load_example(path)[0]
        for style in range(1, 80, 3):
            said += [s.text for b in render(data, style=style, base=path.parent).parts[2].blocks for s in b.spans
                     if not s.source.startswith("原文") and re.search(r"(?<!\d)年内", s.text)]   # (the clerk's own words aside)
    assert not said, said[:3]


def test_one_of_a_thing_the_case_speaks_of_is_not_counted_again():
    """支部领办的脐橙合作社今年统一打药……。党支部牵头组建合作社1个 (红岩村, a fresh input; 52nd blind reading: 像表格
    字段硬补上去的): a count of one thing (呼应.yaml → 一件的单位) is told by the case about that thing. One member
    admitted is no such thing: a case of 发展党员 does not say how many."""
    case = "支部领办的脐橙合作社今年统一打药、统一采摘，入社的63户都按时拿到了钱"
    for unit in ("红岩村", "青山村", "石门村", "柳树村"):
        data = _village(亮点={"产业发展": {"做法": ["党支部领办合作社"], "党建领办合作社": 1, "事例": [case]},
                              "组织建设": {"发展党员": 1, "事例": ["发展党员前先请群众代表评一评"]}})
        data["报告"]["单位"] = unit
        text = "\n".join(_items(render(data), 0))
        assert case in text
        assert not re.search(r"合作社\s*1\s*个", text), text
        assert re.search(r"1\s*名", text), text


def test_a_plan_of_farming_skills_is_the_industrys_and_no_village_secretary_assesses_himself():
    """请镇农技站每季度来讲一次果树管理，党员先学 stood under （四）从基础发力，筑牢党建根基, and 培养后备人选的成效纳入
    书记的年度考核 was planned by the very secretary it assesses (红岩村, a fresh input; 52nd blind reading: 放错了栏目).
    A 事项 of farm skills goes with the industry (metrics.yaml → 主题 → 产业发展 → 关键词); a village's plans do not
    put anything into the secretary's own assessment."""
    from generator.bundle import load_templates

    cat = load_templates().catalogue
    for task in ("请镇农技站每季度来讲一次果树管理，党员先学", "请县里的专家来讲果树栽培"):
        assert cat.theme_of_text(task) == "产业发展", task
    data = _village(亮点={"产业发展": {"做法": ["党支部领办合作社"], "村集体经济收入": 16.5}},
                    问题=["后备干部不足", "集体经济薄弱"], 原因=["人才支撑不足"])
    plans = []
    for unit in ("红岩村", "青山村", "石门村", "柳树村", "河湾村", "北坡村", "胜利村", "沙河村"):
        data["报告"]["单位"] = unit
        plans += _items(render(data), 2)
    assert not [p for p in plans if re.search("纳入(村党组织)?书记的", p)], plans


def test_a_case_in_its_own_words_tells_the_practice_it_is_about():
    """让群众在议事会上说事议事 stood alone after 社区把住户、产权单位和城管请到小院里议了两回 (西街社区), and 积极组织党员到
    红色教育基地接受教育 before 全村党员沿着那条红军路走了一趟 (红岩村): fresh inputs, 52nd blind reading. Words a case uses
    for a practice (做法.yaml → 关键词: 议了, 红军 …) make the case say it; the practice is not said again."""
    cases = {("基层治理", "议事会"): "五组的路灯坏了，支部把各家户主请到院坝里议了两回，分摊了电费",
             ("政治建设", "现场教学"): "请老党员的后人讲村里的红军路，全村党员沿着那条路走了一趟"}
    for (theme, practice), case in cases.items():
        for unit in ("红岩村", "青山村", "石门村", "柳树村"):
            data = _village(亮点={theme: {"做法": [practice], "事例": [case]}})
            data["报告"]["单位"] = unit
            spans = [s for b in render(data).parts[0].blocks for s in b.spans]
            assert case in "".join(s.text for s in spans), unit
            assert not [s.text for s in spans if s.source.startswith(f"做法:亮点.{theme}.做法")], (practice, unit)


def test_an_own_cause_about_what_a_stock_plan_answers_is_answered_by_it():
    """（一）推动责任担当向实处落。将党建工作的时间先排进日程表。【待补充：针对这个原因的具体措施】 (南门街道, a fresh
    input; 55th blind reading: 模板占位符): the clerk's own cause 本人把精力更多放在老城改造和招商上 speaks of what
    精力投入不足's 对策 in the same item answers, so that 对策 answers both, traced to both. A cause of something
    else is still marked and warned of."""
    own = {"自述": "本人把精力更多放在老城改造和招商上，到社区专门谈党建的时候少", "主题": "责任落实"}
    data = minimal(问题=["支部发展不均衡", "精力投入不足"], 原因=["工作方法欠缺", own], 措施={"事项": []})
    for unit in ("南门街道", "西关街道", "北城街道", "东湖街道"):
        data["报告"].update(单位=unit, 层级="街道", 职务="党工委书记", 上级="区委")
        draft = render(data)
        spans = [s for b in draft.parts[2].blocks for s in b.spans]
        assert not [s.text for s in spans if s.missing], unit
        assert not [w for w in draft.warnings if "老城改造" in str(w)], unit
        remedy = [s for s in spans if s.source == "词库:问题/对策/精力投入不足"]
        assert remedy and any(c.path == ("原因", 1) for s in remedy for c in s.covers), unit
    other = {"自述": "外卖公司总部不在本地，站点党员的组织关系转不过来", "主题": "组织建设"}
    data["原因"] = ["工作方法欠缺", other]
    assert [s for b in render(data).parts[2].blocks for s in b.spans if s.missing]
