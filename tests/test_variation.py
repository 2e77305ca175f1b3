"""Wording that varies deterministically: thirty villages of one township read differently, one draft
never repeats itself, and the banks have the variety the issue asks for.

What counts, precisely:
- sentences: the body paragraphs split on 。！？；, keeping pieces of at least six characters, with the
  item numbers (1. / 一是) taken off; the title, the part headings fixed by the standard structure and the
  sign-off are not wording and not counted;
- share(A, B): the sentences of A found verbatim among the sentences of B, over the sentences of A —
  sentences that only state a fact count too; the township's worst pair (either direction) must stay
  within 30 %;
- a 4-character formulation, counted two ways, both at most three times a draft:
  (1) sliding window: any four consecutive Chinese characters of the draft, after masking text in “…”
      (“三会一课”), the unit's name and the names of things compose knows (generator.compose.TERMS: 基层党建,
      集体经济 …), unless its last two characters are a noun (党员干部, 后备干部 name things; 走深走实,
      干事创业, 严格落实 are formulations) — `generator.compose.formulations`, which compose itself obeys;
  (2) as `gen-report check` counts it (generator/check/rules/repetition.py): a four-character jieba word or
      two two-character words that do not name a thing.
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


def test_thirty_villages_share_at_most_thirty_percent(township_drafts):
    split = [sentences(t) for t in township_drafts]
    shares = [(share(a, b), i, j) for (i, a), (j, b) in itertools.permutations(enumerate(split), 2)]
    worst = max(shares)
    assert worst[0] <= 0.30, f"villages {worst[1]} and {worst[2]} share {worst[0]:.0%} of their sentences"
    # Well within the bound, not just under it: on average two villages share one sentence in ten or fewer.
    assert sum(x for x, _, _ in shares) / len(shares) <= 0.10


def test_thirty_villages_with_identical_facts_still_differ():
    """The hardest case: the same figures everywhere, only the names differ."""
    rng = random.Random(5)
    same = village(0, rng)
    drafts = []
    for i in range(30):
        data = {**same, "报告": {**same["报告"], "单位": VILLAGE_NAMES[i]}}
        drafts.append(sentences(body_text(data).replace(VILLAGE_NAMES[i], "某村")))
    worst = max(share(a, b) for a, b in itertools.permutations(drafts, 2))
    assert worst <= 0.30, f"{worst:.0%}"


@pytest.fixture(scope="module")
def formulations():
    """Count formulations with the checker's own definition (one definition, used by both)."""
    from generator.check.rules.repetition import formulation_spans

    return lambda text: Counter(word for word, _ in formulation_spans(text))


def _all_drafts(township_drafts):
    """(unit, text) of ten villages and four variants of every example input."""
    yield from zip(VILLAGE_NAMES, township_drafts[:10])
    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        for variant in range(4):
            yield data["报告"]["单位"], render_text(data, variant=variant)


def window_formulations(text: str, unit: str) -> Counter:
    """Sliding-window count over the whole draft (see the module docstring, (1))."""
    from generator.compose import formulations as compose_formulations

    return Counter(w for line in text.replace(unit, "\u3000").splitlines()
                   for w in compose_formulations(line))


def test_no_sentence_repeats_and_no_formulation_overused(township_drafts, formulations):
    for unit, text in _all_drafts(township_drafts):
        split = sentences(text)
        repeated = [s for s, n in Counter(split).items() if n > 1]
        assert not repeated, repeated
        overused = {w: n for w, n in formulations(text).items() if n > 3}
        assert not overused, overused
        overused = {w: n for w, n in window_formulations(text, unit).items() if n > 3}
        assert not overused, (unit, overused)


def test_sliding_window_counts_formulations_not_names():
    counts = window_formulations("坚持走深走实，推动走深走实。“三会一课”“三会一课”。基层党建工作基层党建工作。"
                                 "红柳镇红柳镇红柳镇红柳镇", "红柳镇")
    assert counts["走深走实"] == 2
    assert not {"三会一课", "基层党建", "党建工作", "层党建工", "红柳镇红"} & set(counts)


@pytest.mark.parametrize("path", EXAMPLE_INPUTS, ids=lambda p: p.name)
def test_variant_changes_wording_not_facts(path):
    data, _ = load_example(path)
    numbers = re.compile(r"\d+(?:\.\d+)?")
    strip = re.compile(r"^\u3000*\d+\.", re.M)
    years = {str(data["报告"]["年度"]), str(data["报告"]["年度"] + 1)}  # some wordings name the year

    def facts(text):
        return Counter(n for n in numbers.findall(strip.sub("", text)) if n not in years)

    base = render_text(data)
    assert render_text(data) == base  # the same input always gives the same draft
    for variant in (1, 2, 7):
        other = render_text(data, variant=variant)
        assert other != base and share(sentences(other), sentences(base)) < 0.3, variant
        assert facts(other) == facts(base), variant


def word_count(text: str) -> int:
    """Word's 字数 for Chinese text: CJK characters and full-width punctuation, plus ASCII words."""
    return len(re.findall(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uffef“”‘’—…·]", text)) + \
        len(re.findall(r"[A-Za-z0-9.%]+", text))


def cjk_count(text: str) -> int:
    """Chinese characters only (no punctuation, no digits)."""
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def test_full_township_input_has_the_length_of_a_real_report():
    data, _ = load_example(next(p for p in EXAMPLE_INPUTS if p.name == "2024.yaml"))
    for variant in range(6):
        text = render_text(data, variant=variant)
        assert 3000 <= cjk_count(text) and word_count(text) <= 5000, variant


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


def variants(options) -> int:
    """How many different texts a bank list can give: a string is one, a 拼 entry the product of its parts."""
    if isinstance(options, dict):
        options = [options]
    total = 0
    for o in options:
        if isinstance(o, dict):
            n = 1
            for part in o["拼"]:
                n *= len(part)
            total += n
        else:
            total += 1
    return total


ISSUE_THEMES = ("政治建设", "责任落实", "组织建设", "党员队伍", "干部队伍", "作风建设", "产业发展", "基层治理", "品牌创建",
                "意识形态")


def test_bank_sizes():
    """The counts of issue 3, section by section (a level-specific line counts once)."""
    bank, cat = load_bank(), load_catalogue()
    assert set(ISSUE_THEMES) <= set(cat.themes)
    for theme in cat.themes:
        h = bank.get("亮点", "主题", theme)
        assert len(h["要点"]) >= 4, theme                                   # numbered-lead variants
        assert len(h["概述"]) >= 6 and len(h["做法"]) >= 6 and len(h["成效"]) >= 5, theme   # general sentences
        assert len(h["收束"]) >= 3, theme                                   # closings
        for m in cat.metrics[theme]:
            assert len(m.phrases) >= 3, m.key                               # fact wordings (issue: 2)
            assert not m.change_phrases or len(m.change_phrases) >= 2, m.key
        t = bank.get("措施", "主题", theme)
        assert len(t["要点"]) >= 3 and len(t["展开"]) + len(t["举措"]) * len(t["目的"]) >= 3, theme
        assert len(t["举措"]) >= 6 and len(t["目的"]) >= 5, theme
    for m in cat.metrics["基本情况"]:
        assert len(m.phrases) >= 2, m.key
    problems, causes = bank.get("问题", "问题"), bank.get("问题", "原因")
    for kinds, least in ((problems, 12), (causes, 8)):
        assert len(kinds) >= least
        for name, k in kinds.items():
            assert len(k["要点"]) >= 4 and len(k["表现"]) >= 3 and len(k["影响"]) >= 3, name
    assert len(bank.get("开头", "起句")) >= 4 and variants(bank.get("开头", "结句")) >= 4
    assert variants(bank.get("问题", "问题引语")) >= 4 and variants(bank.get("问题", "原因引语")) >= 4
    assert variants(bank.get("问题", "收尾")) >= 3                          # 这些问题将……
    assert variants(bank.get("措施", "引言")) >= 4


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
