"""Wording that varies the way authors do: drafts of different units read as different authors' work,
one draft never repeats itself, and a variant changes the words but never the facts.

What counts, precisely:
- near-duplicate clauses (generator.similarity, the measure of `gen-report check --across`): clauses of at
  least eight characters without digits, split at ，；。：、; two are near-duplicates at a character-bigram
  Jaccard of 0.5 or more. The share of a pair is of the shorter draft's clauses. The clerk's own words
  (事例, 自述, 事项: spans whose source is 原文) are left out, since the same input has the same words in
  every variant; everything the tool words — leads, stances, practices, figures, problems, measures — counts.
  bench/variety.py prints the same figures and the clauses that recur most.
- a 4-character formulation, counted two ways, both at most three times a draft: (1) sliding window
  (`generator.compose.choose.formulations`, which compose itself obeys); (2) as `gen-report check` counts it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import sys
from collections import Counter

import pytest

from conftest import EXAMPLE_INPUTS, ROOT, load_example
sys.path.insert(0, str(ROOT / "bench"))
from variety import sample_drafts, summary, town_variants, wording  # noqa: E402
from generator.api import render, render_text
from generator.bank import load_bank
from generator.catalogue import load_catalogue

SENTENCE_END = re.compile(r"[。！？；]")
ORDINAL = re.compile(r"^\u3000*(\d+\.|[一二三四五六七八九十]+是)")
VILLAGE_NAMES = [a + b + "村" for a, b in itertools.product("东西南北上下前后", "沟湾坪庄") ][:30]


def sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = ORDINAL.sub("", line.strip("\u3000 "))
        out += [s.strip() for s in SENTENCE_END.split(line) if len(s.strip()) >= 6]
    return out


def share(a: list[str], b: list[str]) -> float:
    bs = set(b)
    return sum(s in bs for s in a) / len(a)


def village(i: int, rng: random.Random) -> dict:
    """A village of 红柳镇 with facts much like its neighbours': the same themes mostly, the same fixed
    figures for study sessions and 主题党日, small differences elsewhere, three of a few common problems."""
    before = round(rng.uniform(4, 9), 1)
    highlights = {
        "政治建设": {"集中学习": 12, "讲党课": 4},
        "组织建设": {"发展党员": rng.randint(1, 3), "主题党日": 12},
        "党员队伍": {"结对帮扶": rng.randint(10, 30)},
        "产业发展": {"村集体经济收入": {"从": before, "到": round(before + rng.uniform(1, 4), 1)},
                 "党建领办合作社": 1},
        "基层治理": {"化解矛盾纠纷": rng.randint(8, 30)},
    }
    if rng.random() < 0.3:
        highlights["作风建设"] = {"警示教育": rng.randint(2, 6)}
    if rng.random() < 0.2:
        del highlights["基层治理"]
    return {
        "格式版本": 1,
        "报告": {"年度": 2024, "单位": VILLAGE_NAMES[i], "层级": "村", "职务": "党支部书记", "姓名": "王建国",
                 "日期": dt.date(2024, 12, 26), "上级": "镇党委", "所属镇": "红柳镇"},
        "基本情况": {"党员": rng.randint(30, 80)},
        "亮点": highlights,
        "问题": rng.sample(["党员作用发挥不够", "集体经济薄弱", "干部能力不足", "组织生活质量不高", "后备干部不足"], 3),
        "原因": rng.sample(["学习不够深入", "工作方法欠缺", "人才支撑不足", "思想认识不到位"], 3),
        "措施": {"目标": {"发展党员": 3}},
    }


def body_text(data: dict, variant: int = 0) -> str:
    return "\n".join(b.text for b in render(data, variant=variant).blocks() if b.role.value == "body")


@pytest.fixture(scope="module")
def township_drafts() -> list[str]:
    rng = random.Random(30)
    return [body_text(village(i, rng)) for i in range(30)]


# Where variety stands (bench/variety.py): real reports by different authors share 2% on average and 7% at
# most; the goal is a mean of 10% and a max of 15%. These limits hold the drafts to what has been reached
# (sample 8.6% / 24.3%, town variants 14.5% / 25.0%), so a change that loses variety fails. The max of the
# sample moves by a few points with any bank change: two villages that tick the same practices meet by chance.
SAMPLE_MEAN, SAMPLE_MAX = 0.09, 0.25
TOWN_MEAN, TOWN_MAX = 0.15, 0.26
