"""Wording that varies deterministically: thirty villages of one township read differently, one draft
never repeats itself, and the banks have the variety the issue asks for.

What counts, precisely:
- sentences: the body paragraphs split on 。！？；, keeping pieces of at least six characters (the title,
  the part headings fixed by the standard structure, and the sign-off are not wording and not counted);
- share(A, B): the sentences of A found verbatim among the sentences of B, over the sentences of A —
  sentences that only state a fact count too;
- a 4-character formulation: as `gen-report check` counts it (generator/check/rules/repetition.py) — a
  four-character jieba word that does not name a thing (not a catalogue theme or metric, not ending in a
  noun such as 工作 or 干部): 走深走实 and 严格落实 count, 集体经济 and 发展党员 do not. Text inside “…” is
  skipped.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections import Counter

import pytest

from conftest import EXAMPLE_INPUTS, ROOT, load_example
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
    """A village of 红柳镇 with facts much like its neighbours'."""
    before = round(rng.uniform(4, 9), 1)
    return {
        "格式版本": 1,
        "报告": {"年度": 2024, "单位": VILLAGE_NAMES[i], "层级": "村", "职务": "党支部书记", "姓名": "王建国",
                 "日期": dt.date(2024, 12, 26), "上级": "镇党委", "所属镇": "红柳镇"},
        "基本情况": {"党员": rng.randint(30, 80)},
        "亮点": {
            "政治建设": {"集中学习": 12, "讲党课": 4},
            "组织建设": {"发展党员": rng.randint(1, 3), "主题党日": 12},
            "党员队伍": {"结对帮扶": rng.randint(10, 30)},
            "产业发展": {"村集体经济收入": {"从": before, "到": round(before + rng.uniform(1, 4), 1)},
                     "党建领办合作社": 1},
            "基层治理": {"化解矛盾纠纷": rng.randint(8, 30)},
        },
        "问题": rng.sample(["党员作用发挥不够", "集体经济薄弱", "干部能力不足", "组织生活质量不高"], 3),
        "原因": rng.sample(["学习不够深入", "工作方法欠缺", "人才支撑不足", "思想认识不到位"], 3),
        "措施": {"目标": {"发展党员": 3}},
    }


def body_text(data: dict, variant: int = 0) -> str:
    return "\n".join(b.text for b in render(data, variant=variant).blocks() if b.role.value == "body")


@pytest.fixture(scope="module")
def township_drafts() -> list[str]:
    rng = random.Random(30)
    return [body_text(village(i, rng)) for i in range(30)]


def test_thirty_villages_share_at_most_thirty_percent(township_drafts):
    split = [sentences(t) for t in township_drafts]
    worst = max((share(a, b), i, j) for (i, a), (j, b) in itertools.permutations(enumerate(split), 2))
    assert worst[0] <= 0.30, f"villages {worst[1]} and {worst[2]} share {worst[0]:.0%} of their sentences"


@pytest.fixture(scope="module")
def formulations():
    """Count formulations with the checker's own definition (one definition, used by both)."""
    from generator.check.rules.repetition import formulation_spans

    return lambda text: Counter(word for word, _ in formulation_spans(text))


def _all_drafts(township_drafts):
    yield from township_drafts[:10]
    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        for variant in range(4):
            yield render_text(data, variant=variant)


def test_no_sentence_repeats_and_no_formulation_overused(township_drafts, formulations):
    for text in _all_drafts(township_drafts):
        split = sentences(text)
        repeated = [s for s, n in Counter(split).items() if n > 1]
        assert not repeated, repeated
        overused = {w: n for w, n in formulations(text).items() if n > 3}
        assert not overused, overused


def test_variant_changes_wording_not_facts():
    data, _ = load_example(INPUT := EXAMPLE_INPUTS[0])
    a, b = render_text(data), render_text(data, variant=1)
    assert a != b and share(sentences(a), sentences(b)) < 0.7
    numbers = re.compile(r"\d+(?:\.\d+)?")
    strip = re.compile(r"^\u3000*\d+\.", re.M)
    years = {str(data["报告"]["年度"]), str(data["报告"]["年度"] + 1)}  # some wordings name the year
    facts = [Counter(n for n in numbers.findall(strip.sub("", t)) if n not in years) for t in (a, b)]
    assert facts[0] == facts[1], INPUT


def word_count(text: str) -> int:
    """Word's 字数 for Chinese text: CJK characters and full-width punctuation, plus ASCII words."""
    return len(re.findall(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uffef“”‘’—…·]", text)) + \
        len(re.findall(r"[A-Za-z0-9.%]+", text))


def test_full_township_input_has_the_length_of_a_real_report():
    data, _ = load_example(next(p for p in EXAMPLE_INPUTS if p.name == "2024.yaml"))
    for variant in range(3):
        assert 3000 <= word_count(render_text(data, variant=variant)) <= 5000


def test_sparse_input_keeps_all_parts_without_padding():
    data = {"格式版本": 1, "报告": {"年度": 2024, "单位": "新沟村", "层级": "村", "职务": "党支部书记",
                                "姓名": "李秀兰", "日期": dt.date(2024, 12, 26)},
            "亮点": {"组织建设": {"发展党员": 2}}, "问题": ["集体经济薄弱", "干部能力不足"], "原因": ["学习不够深入"]}
    draft = render(data)
    text = render_text(data)
    assert [p.heading[:2] for p in draft.parts] == ["一、", "二、", "三、"]
    assert len(draft.parts[0].blocks) == 1 and "发展党员2名" in draft.parts[0].blocks[0].text
    assert word_count(text) < 1800
    # No padding: every item of part one states something the clerk gave.
    assert all(re.search(r"\d", b.text) for b in draft.parts[0].blocks)


def test_bank_sizes():
    bank, cat = load_bank(), load_catalogue()
    for theme in cat.themes:
        h = bank.get("亮点", "主题", theme)
        assert (len(h["要点"]), len(h["概述"]), len(h["收束"])) >= (4, 6, 3), theme
        for m in cat.metrics[theme]:
            assert len(m.phrases) >= 2, m.key
        assert len(bank.get("措施", "主题", theme)["要点"]) >= 3, theme
    problems, causes = bank.get("问题", "问题"), bank.get("问题", "原因")
    assert len(problems) >= 12 and all(len(k["说法"]) >= 2 for k in problems.values())
    assert len(causes) >= 8 and all(len(k["说法"]) >= 2 for k in causes.values())
    assert len(bank.get("开头", "起句")) >= 4 and len(bank.get("问题", "收尾")) >= 3


def test_banks_are_mined_not_pasted(seeds_dir):
    """No bank sentence of twenty characters or more is a seed sentence copied verbatim."""
    seed_sentences = {s.strip() for p in seeds_dir.glob("*.txt")
                      for s in SENTENCE_END.split(p.read_text(encoding="utf-8")) if len(s.strip()) >= 20}
    bank = load_bank()

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)

    copied = [s for name in bank.data for text in strings(bank.data[name])
              for s in SENTENCE_END.split(text) if s.strip() in seed_sentences]
    assert not copied, copied
