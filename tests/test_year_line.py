"""The year's line and the guiding thought, said in each author's own words.

Every draft names the guiding thought (习近平新时代中国特色社会主义思想, 16 character pairs) and the year's
line (党的二十大和二十届三中全会精神, 15). A clause holding one is a near-duplicate of any other clause holding
it unless it carries about as many words of its own: 坚持以…为指导 and 始终以…为指引 are the same clause to
the variety measure and to a reader of a township's drafts side by side. So every wording of the line in the
banks says it inside a clause of its own words, and no two wordings' clauses are near-duplicates, for every
year's forms and both names of the thought.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from generator.compose import line_forms
from generator.similarity import THRESHOLD, bigrams, clauses, jaccard

ROOT = Path(__file__).resolve().parents[1]
ERA = yaml.safe_load((ROOT / "templates/era.yaml").read_text(encoding="utf-8"))
NAMES = (ERA["指导思想"], "党的创新理论")
HOLDS = ("{{会议精神}}", "{{理论}}", "{{指导思想}}")
# the words that mark a clause as holding the thought or the line
MARKS = ("二十", "十九", "全会", "习近平", "创新理论", "中国特色")


def _entries() -> list[tuple[str, str]]:
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where} → {key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)
        elif isinstance(node, str) and any(h in node for h in HOLDS):
            found.append((where, node))

    for path in sorted((ROOT / "templates/bank").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)
    return found


def _said(entry: str, line: str, name: str) -> list[frozenset]:
    text = entry.replace("{{会议精神}}", line).replace("{{理论}}", name).replace("{{指导思想}}", NAMES[0])
    text = re.sub(r"\{\{.*?\}\}", "镇党委", text)
    return [bigrams(c) for c in clauses(text) if any(m in c for m in MARKS)]


def test_the_banks_say_the_line_in_many_places():
    # the check below is only as good as what it walks over
    assert len(_entries()) >= 30


@pytest.mark.parametrize("year", sorted(ERA["年度"]))
def test_no_two_wordings_of_the_line_are_the_same_clause(year):
    entries = _entries()
    clashes = []
    for line in line_forms(ERA["年度"][year]):
        said = [(where, e, g) for where, e in entries for name in NAMES for g in _said(e, line, name)]
        for (wa, ea, ga), (wb, eb, gb) in itertools.combinations(said, 2):
            if ea != eb and jaccard(ga, gb) >= THRESHOLD:
                clashes.append(f"{line}: {ea} ≈ {eb}")
    assert not clashes, f"{len(clashes)} pairs, e.g.\n" + "\n".join(sorted(set(clashes))[:15])


def test_authors_say_the_forms_without_a_break_inside():
    forms = line_forms({"会议精神": "党的二十大和二十届二中、三中全会精神",
                        "会议精神说法": ["党的二十大和二十届三中全会精神", "党的二十大、二十届三中全会精神"]})
    assert forms == ["党的二十大和二十届三中全会精神"]
    # a year whose every form has one keeps them all
    assert line_forms({"会议精神": "甲、乙", "会议精神说法": ["丙、丁"]}) == ["甲、乙", "丙、丁"]


def test_the_thought_is_never_read_as_xue_xi_jinping():
    # 学{{理论}} with the full name prints 学习近平新时代…: the verb 学 swallows the name's first character
    assert not [e for _, e in _entries() if re.search(r"学\{\{(理论|指导思想)\}\}", e)]


def test_the_years_fixed_line_is_said_in_each_authors_words():
    """2026's 基层说法 (对照树立和践行正确政绩观的要求…) word for word in two drafts of one table read as one sentence
    bank under both (fifteenth blind reading). Authors say one of its equivalent wordings; each keeps the
    line's substance and none claims the unit ran the 学习教育 aimed at county-level leaders."""
    from generator.compose import _own_wording

    terms = ERA["年度"][2026]
    said = {_own_wording(terms, "基层说法", n) for n in range(1, 169)}
    assert len(said) >= 4, said
    for line in said:
        assert "政绩" in line and "为民出政绩" in line, line
        assert "学习教育" not in line, line
    assert _own_wording(terms, "基层说法", 0) == terms["基层说法"]
    assert _own_wording({"会议精神": "甲"}, "基层说法", 5) == ""


def test_the_years_line_is_never_the_basis_of_the_whole_years_planning():
    """把党的二十大和二十届四中全会精神作为谋划全年党建工作的总依据 (2025, 21st blind reading): the plenum of
    the year's October cannot have guided the plans made in January. A clause that says the year's line never
    makes it the year's main line, basis or plan (全年, 主线, 总依据, 年度的, 年初)."""
    whole_year = re.compile("全年|主线|总依据|年度的|年初|今年")   # (…是衡量今年党建工作好坏的对照表: 23rd reading)
    found = [(where, clause) for where, text in _entries() for clause in re.split("[，。；]", text)
             if "{{会议精神}}" in clause and whole_year.search(clause)]
    assert not found, found


def test_the_years_study_campaign_is_not_said_to_span_the_year_nor_to_do_what_only_some_do():
    """通过深入贯彻中央八项规定精神学习教育把党员干部的心气提起来 (21st blind reading): the campaigns run some months
    of a year and differ in kind (党纪, 作风, 政绩观, 理论); a wording of one says neither that it ran through the
    year nor an effect that fits only some of them."""
    bank = yaml.safe_load((ROOT / "templates/bank/开头.yaml").read_text(encoding="utf-8"))
    wrong = re.compile("贯穿全年|始终|心气|热情")
    assert not [w for w in bank["学习教育"] if wrong.search(w)]


def test_no_formulation_of_a_later_year_is_said(tmp_path):
    """引导党员干部深刻领悟“两个确立”的决定性意义 stood in the banks for any year: 两个确立 dates from November 2021.
    Compose passes over a wording naming a formulation later than the report's year (era.yaml → 年份标志);
    a report of that year or later may say it. (A templates folder whose opening duty line has such a wording
    beside a plain one, as a township keeping its own banks might write.)"""
    import shutil
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import minimal
    from generator.api import render_text

    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    opening = folder / "bank" / "开头.yaml"
    data = yaml.safe_load(opening.read_text(encoding="utf-8"))
    data["落实"] = ["坚定拥护“两个确立”、坚决做到“两个维护”", "落实{{上级}}的要求，不搞变通、不打折扣"]
    opening.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    said = {2019: 0, 2024: 0}
    for year in said:
        report = minimal()
        report["报告"] = {**report["报告"], "年度": year, "日期": __import__("datetime").date(year + 1, 1, 10)}
        for style in range(1, 9):
            for variant in range(4):
                said[year] += "两个确立" in render_text(report, style=style, variant=variant, templates=folder)
    assert said[2019] == 0 and said[2024] > 0, said


def test_a_congress_that_met_late_in_the_year_is_studied_not_said_to_have_guided_it():
    """乡党委……以党的二十大会议精神检验各项工作的成色 (石门乡 2022, a fresh input, 52nd blind reading): the
    congress of October 2022 cannot have been the measure of the year's work, and 二十大会议精神 is no standard
    name. A 2022 opening says it as studied and carried into next year (era.yaml → 会议在年末; 开头.yaml →
    年末会议分句)."""
    import copy

    from conftest import minimal
    from generator.api import render

    late = [re.sub(r"\{\{会议精神\}\}", "党的二十大精神", w).lstrip("，")
            for w in yaml.safe_load((ROOT / "templates/bank/开头.yaml").read_text(encoding="utf-8"))["年末会议分句"]]
    base = minimal()
    base["报告"]["年度"] = 2022
    said = []
    for name in ("石门乡", "青峰乡", "白水乡", "龙门乡", "枫林镇", "金沙镇", "东坝镇", "南湖镇", "柳河镇", "三岔镇"):
        data = copy.deepcopy(base)
        data["报告"]["单位"] = name
        opening = render(data).blocks()[2].text
        assert "会议精神" not in opening, opening
        said += [c for c in re.split("[，。；]", opening) if "二十大" in c]
    assert len(said) >= 5
    assert all(c in late for c in said), [c for c in said if c not in late]


def test_the_years_central_task_is_named_where_every_report_of_that_year_names_it():
    """A 2019 township with six mountain villages without income, and not one 脱贫攻坚 in its report (青龙镇, a fresh
    input; 52nd blind reading: 不合常识). The year's central task (era.yaml → 中心工作) is named in the opening,
    as stance, for the places that had it: villages and townships in 2019, streets in 2020 only for 疫情防控, nobody
    in 2024; and a draft that names it does not also say the duty line it stands in for."""
    import copy

    from conftest import minimal
    from generator.api import render

    def opening(year: int, unit: str, level: str) -> str:
        data = copy.deepcopy(minimal())
        data["报告"].update(年度=year, 单位=unit, 层级=level)
        if level == "街道":
            data["报告"].update(职务="党工委书记", 上级="区委")
        return render(data).blocks()[2].text

    def duty(year: int, unit: str) -> bool:
        data = copy.deepcopy(minimal())
        data["报告"].update(年度=year, 单位=unit)
        return any(s.source == "词库:开头/落实" for s in render(data).blocks()[2].spans)

    towns = ("青龙镇", "白水镇", "金沙镇", "东坝镇", "柳河镇", "三岔镇")
    assert all("脱贫攻坚" in opening(2019, t, "镇") for t in towns)
    assert not any(duty(2019, t) for t in towns) and any(duty(2024, t) for t in towns)
    assert all("疫情防控" in opening(2020, t.replace("镇", "街道"), "街道")
               and "脱贫" not in opening(2020, t.replace("镇", "街道"), "街道") for t in towns[:3])
    assert not any(re.search("脱贫|疫情", opening(2024, t, "镇")) for t in towns)


def test_a_phrase_that_came_into_use_later_is_not_said_of_an_earlier_year():
    """为群众解决急难愁盼问题31件 in a 2020 community's draft (新华社区, a fresh input; 53rd blind reading: 2021年以后
    才常用): 急难愁盼 marks 2021 and later (era.yaml → 年份标志), so a 2020 draft words the figure without it."""
    import copy

    from conftest import minimal
    from generator.api import render

    said = {2020: 0, 2024: 0}
    for year in said:
        for name in [a + b for a in "新和解光朝东胜建人文红青" for b in "华平放明阳风"]:
            data = copy.deepcopy(minimal(亮点={"基层治理": {"为民办实事": 31}}))
            data["报告"].update(年度=year, 单位=f"{name}镇", 日期=__import__("datetime").date(year + 1, 1, 10))
            said[year] += "急难愁盼" in "".join(b.text for b in render(data).parts[0].blocks)
    assert said[2020] == 0 and said[2024] > 0, said
