"""`gen-report mine` on the five seeds: parts, lead shapes, quoted formulations, figures, placeholders."""
from __future__ import annotations

import shutil

import pytest

from generator.mining.command import grow, mine


@pytest.fixture(scope="module")
def mined(seeds_dir):
    reports, agg = mine(seeds_dir)
    return {r.name[:3]: r for r in reports}, agg


@pytest.mark.parametrize("seed, starts", [
    ("000", {"一": "一、履职工作特色和亮点", "二": "二、存在的主要问题及原因", "三": "三、下一步工作思路和主要措施"}),
    ("001", {"开头": "今年以来，*镇党委", "一": "一是党委主体责任", "二": "认真总结前几个月", "三": "下一步，我们将"}),
    ("002", {"开头": "今年以来，镇党委坚持", "一": "一、加强政治建设", "二": "八、存在问题", "三": "九、下步工作打算"}),
    ("003", {"开头": "2023年，全镇党建", "一": "一、履职工作特色和亮点", "二": "二、存在的问题及原因分析",
             "三": "三、下一步工作思路和主要措施"}),
    ("004", {"开头": "根据会议安排", "一": "一、履职工作特色和亮点", "二": "二、存在问题及原因", "三": "三、下一步工作思路和措施"}),
])
def test_parts(mined, seed, starts):
    reports, _ = mined
    for part, start in starts.items():
        assert reports[seed].parts[part].startswith(start), (part, reports[seed].parts[part][:20])


def test_lead_shapes(mined):
    reports, agg = mined
    assert agg["shapes"]["坚持把X作为Y"] >= 3
    leads = [lead for _, lead, _ in reports["004"].leads]
    assert "聚焦主责主业，党建工作责任全面落实" in leads


def test_quoted_formulations(mined):
    _, agg = mined
    assert len(agg["quotes"]["四个意识"]) >= 3 and len(agg["quotes"]["三会一课"]) >= 3
    assert agg["quote_total"]["三会一课"] >= len(agg["quotes"]["三会一课"])


def test_figures_and_placeholders(mined):
    reports, agg = mined
    for seed in ("000", "004"):
        assert any("发展" in w and w.endswith("党员") and u == "名" for w, _, u in reports[seed].figures), seed
    assert any("X" in p for p in reports["002"].placeholders)
    assert any("*" in p for p in reports["001"].placeholders)
    assert "名" in agg["figures"] and agg["phrases"]


def test_grow_appends_without_duplicates(tmp_path):
    from generator.resources import templates_dir

    userdict = tmp_path / "dict.txt"
    shutil.copy(templates_dir() / "jieba_userdict.txt", userdict)
    before = userdict.read_text(encoding="utf-8")
    assert grow(userdict, ["四抓两整治", "三会一课", "四抓两整治"]) == ["四抓两整治"]
    assert grow(userdict, ["四抓两整治"]) == []
    after = userdict.read_text(encoding="utf-8")
    assert after.startswith(before) and after.count("四抓两整治") == 1


def test_markdown_report_is_deterministic(seeds_dir):
    from generator.mining.report import markdown

    a = markdown(*mine(seeds_dir))
    b = markdown(*mine(seeds_dir))
    assert a == b and "## 汇总" in a and "坚持把X作为Y" in a
