"""Year-by-year formulations: every year a clerk can write has an entry, and the draft and the checker use it."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import minimal
from generator.api import render
from generator.check.api import check_paragraphs
from generator.resources import load_data


def _year(year: int, level: str = "镇"):
    data = minimal()
    data["报告"] = {**data["报告"], "年度": year, "日期": dt.date(year, 12, 20), "层级": level}
    if level == "村":
        data["报告"].update(单位="青石村", 职务="党支部书记", 上级="镇党委")
    return data


def test_every_year_from_2018_to_2026_is_known():
    years = load_data("era.yaml")["年度"]
    assert set(range(2018, 2027)) <= set(years)
    for year, terms in years.items():
        assert terms["会议精神"] and terms.get("来源"), year


@pytest.mark.parametrize("level", ["镇", "村"])
def test_2026_draft_uses_2026_terms_and_plans_for_2027(level):
    from conftest import style_where

    draft = render(_year(2026, level), style=style_where(opening="站位在前"))
    opening = draft.opening[0].text
    # the year's place in the plan opens a township's report; a village of thirty members does not begin with
    # it (48th blind reading: 口气大而空)
    first = opening.split("。")[0]
    assert (first.startswith("2026年") and "“十五五”开局之年" in first) if level == "镇" else "开局之年" not in opening
    # the year's line in one of its equivalent wordings (era.yaml → 会议精神说法), or none for the authors
    # who open without it
    import yaml

    from conftest import ROOT

    terms = yaml.safe_load((ROOT / "templates/era.yaml").read_text(encoding="utf-8"))["年度"][2026]
    forms = [terms["会议精神"], *terms["会议精神说法"]]
    assert any(f in opening for f in forms) or "全会" not in opening
    assert "三中全会" not in opening or "四中" in opening
    # the 学习教育 of 2026 is aimed at county-level leaders: a township or village measures itself against
    # it instead of claiming to have run it
    assert "树立和践行正确政绩观" in opening and "开展树立和践行正确政绩观学习教育" not in opening
    assert not [w for w in map(str, draft.warnings) if "era.yaml" in w]
    part3 = " ".join(b.text for b in draft.parts[2].blocks)
    assert "2027年" in part3 and "2026年，" not in part3


def test_2025_draft_still_names_its_own_study_campaign():
    opening = render(_year(2025)).opening[0].text
    assert "深入贯彻中央八项规定精神学习教育" in opening
    assert "十五五" not in opening


@pytest.mark.parametrize("text, year, severity", [
    ("扎实开展深入贯彻中央八项规定精神学习教育，推动作风建设常态长效。", 2026, "错误"),
    ("巩固拓展深入贯彻中央八项规定精神学习教育成果，推动作风建设常态长效。", 2026, None),
    ("扎实开展深入贯彻中央八项规定精神学习教育，推动作风建设常态长效。", 2025, None),
    ("扎实开展树立和践行正确政绩观学习教育，推动各项工作落实。", 2027, "提醒"),
    ("认真学习贯彻党的十九大精神，推动各项工作落实。", 2024, "错误"),
])
def test_checker_knows_which_year_a_study_campaign_belongs_to(text, year, severity):
    paragraphs = [f"{year}年度抓基层党建工作述职报告", text]
    found = [f for f in check_paragraphs(paragraphs, year=year) if f.rule == "era.stale"]
    assert [f.severity for f in found] == ([severity] if severity else [])
