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
from collections import Counter

import pytest

from conftest import EXAMPLE_INPUTS, load_example
from variety import sample_drafts, summary, town_variants, wording
from generator.api import render, render_text
from generator.bank import load_bank

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
# most. Two measures are held here:
#  - check --across's (genre clauses discounted, the clerk's words left out), as in issues 11 and 19;
#  - the authors measure of issue 21 (only the three mandated part headings discounted, so the year's central
#    line counts; the batch sample with all its text, since no two villages share a case any more; the town
#    variants without the clerk's words). Its goal is a mean of at most 3% and a max of at most 8%.
# With authors (issue 21) the sample is at 2.6% / 12.7%, the town variants 5.8% / 20% (the same facts in all
# thirty, each practice worded from its catalogue list: the lists, not the skeleton, bound it now). The means
# are held close to where they are, so a change that loses variety fails; the maxima move by a point or two
# with any bank change (two drafts meet by chance): when one trips, add wordings where
# `python bench/variety.py --common` points.
# The means follow the banks (measured 1.8% and 4.6–4.8% in stop 30); a max is one pair, two drafts that
# happen to meet in several lists at once, and moves by a few points with any bank edit (the town's fell from
# 22.9% to 16.7% when practices stopped being split by register; the sample's genre max rose from 9.3% to
# 12.8% in the same change), so it guards against a jump, not against chance.
# SAMPLE_MAX 0.13, was 0.12: the max is one pair's draw. Over eight seedings of the sample (variant 0–7) it
# ranged 8.6%–11.8% once the batch wheel's later rounds were rotated (bank._turned; 14.2% on average before,
# when seats n apart met on every list of n options: 南滩村 ~ 永丰村 at 19.5%), so 0.12 sat inside chance; the
# year's line, now said in every draft (eleventh blind reading), raised the mean (its shared clauses per pair
# 0.11 → 0.26)
# SAMPLE_MEAN 0.02, was 0.025: stop 33 put the year's line inside clauses of the author's own words
# (tests/test_year_line.py) and grew the lists the sample met on (measured 1.3–1.6%)
# SAMPLE_MAX 0.10, was 0.13: measured 7.7% once the lists the sample shares most were grown (issue 21's goal 8%);
# a max is one pair's draw, so the guard keeps two points of room
SAMPLE_MEAN, SAMPLE_MAX = 0.02, 0.10           # authors measure
# TOWN_MEAN 0.054, was 0.052: every draft now says the year's line (指导思想, 会议精神) once — the eleventh blind
# reading found it in none of five drafts, a 组织部 reader's must-fix — and the line's clauses are near-duplicates of
# each other by nature (the year line's shared clauses per pair 0.20 → 0.33; the max fell, 20.0% → 18.2%)
# TOWN_MEAN 0.04, was 0.054: the same two changes (measured 5.4% → 3.5%; the year's line gave 0.35 shared
# clauses per pair before, 0.13 after)
# TOWN_MAX 0.17, was 0.22: stop 34 measured 14.8% (another 30 names: 13.2%) once heading families vary within
# themselves (标题家族 → 领), part three's family turns with the author's round and there are 336 authors; two
# points of room as for the sample
# TOWN_MEAN 0.035, was 0.04: measured 2.9% in stop 34 (issue 21's goal 3%) once the practice lists the variants
# met most on held wordings that do not name their field again
TOWN_MEAN, TOWN_MAX = 0.035, 0.17               # authors measure (21.4% in stop 31: the share is of the shorter
#                                                draft, and 桥头镇 lost its stock 对策 beside the clerk's own plans —
#                                                42 clauses, 9 shared; 18.2% at the start of stop 33)
GENRE_SAMPLE_MEAN, GENRE_SAMPLE_MAX = 0.025, 0.15   # 14.3% in stop 31: 红柳村 ~ 高崖村, 6 of 42 clauses
GENRE_TOWN_MEAN, GENRE_TOWN_MAX = 0.05, 0.23   # 22.0% in stop 31, the same shorter draft as above


def test_village_sample_reads_as_different_authors():
    s = summary(sample_drafts(clerk=True), "mandated")
    assert s["mean"] <= SAMPLE_MEAN and s["max"] <= SAMPLE_MAX, (s["mean"], s["max"], s["worst"].shared[:5])
    s = summary(sample_drafts())
    assert s["mean"] <= GENRE_SAMPLE_MEAN and s["max"] <= GENRE_SAMPLE_MAX, (s["mean"], s["max"])


def test_town_example_under_thirty_names_reads_as_different_authors():
    """The hardest case: the same facts and practices everywhere, only the names differ."""
    drafts = town_variants(30)
    s = summary(drafts, "mandated")
    assert s["mean"] <= TOWN_MEAN and s["max"] <= TOWN_MAX, (s["mean"], s["max"], s["worst"].shared[:5])
    s = summary(drafts)
    assert s["mean"] <= GENRE_TOWN_MEAN and s["max"] <= GENRE_TOWN_MAX, (s["mean"], s["max"])


def test_thirty_similar_villages_differ(township_drafts):
    s = summary([(VILLAGE_NAMES[i], t) for i, t in enumerate(township_drafts)])
    # max 0.29, was 0.28: the genre list now also discounts each year's 基层说法 and every wording of its line
    # (issue 24), so the worst pair's 28 shared clauses stand against a smaller denominator; drafts unchanged
    assert s["mean"] <= 0.10 and s["max"] <= 0.29, (s["mean"], s["max"], s["worst"].shared[:5])


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
    from generator.compose.choose import formulations as compose_formulations

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



def test_a_writer_says_i_have_always_held_once(township_drafts):
    """本人始终认为 opens a stance once a report; two in one draft (items 9 and 10 of the town example did)
    read as a tic, and so did 本人体会 in items 4, 8 and 10 of a 乡 variant: one aside of the family
    (亮点.yaml 一稿一次) a draft."""
    from generator.bank import load_bank

    families = [[f] if isinstance(f, str) else f for f in load_bank().get("亮点", "一稿一次")]
    assert any("本人体会" in f and "本人始终认为" in f for f in families)
    drafts = list(_all_drafts(township_drafts)) + [(u, t) for u, t in sample_drafts()]
    twice = [(u, f) for u, t in drafts for f in families if sum(t.count(p) for p in f) > 1]
    assert not twice, twice


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

    from generator.similarity import shares as clause_shares

    base = render_text(data)
    assert render_text(data) == base  # the same input always gives the same draft
    for variant in (1, 2, 7):
        other = render_text(data, variant=variant)
        (pair,) = clause_shares([("0", wording(render(data))), ("v", wording(render(data, variant=variant)))],
                                every_pair=True)
        assert other != base and pair.share < 0.5, (variant, pair.share)
        assert facts(other) == facts(base), variant


def word_count(text: str) -> int:
    """Word's 字数 for Chinese text: CJK characters and full-width punctuation, plus ASCII words."""
    return len(re.findall(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uffef“”‘’—…·]", text)) + \
        len(re.findall(r"[A-Za-z0-9.%]+", text))


def cjk_count(text: str) -> int:
    """Chinese characters only (no punctuation, no digits)."""
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def test_a_full_input_gives_a_full_report_without_padding():
    """Length follows the input: the rich town example reads at the length of a real township report
    (about 2,000 characters and more), from what the clerk gave, not from stock sentences — whichever author
    writes it (one who opens without the year's line, announces no answer and links no cause writes ~200 fewer)."""
    data, _ = load_example(next(p for p in EXAMPLE_INPUTS if p.name == "2024.yaml"))
    for variant, style in zip(range(6), (None, 1, 2, 3, 4, 5)):
        text = render_text(data, variant=variant, style=style)
        # (1,700: stop 34 cut the stock stances to at most one item in five and said the 家底 in the opening's
        # first sentence for some authors; the clerk's facts are all still said)
        assert 1700 <= cjk_count(text) and word_count(text) <= 5000, (variant, style)


def test_sparse_input_keeps_all_parts_without_padding():
    data = {"格式版本": 1, "报告": {"年度": 2024, "单位": "青杨村", "层级": "村", "职务": "党支部书记",
                                "姓名": "李秀兰", "日期": dt.date(2024, 12, 26)},
            "亮点": {"组织建设": {"发展党员": 2}}, "问题": ["集体经济薄弱", "干部能力不足"], "原因": ["学习不够深入"]}
    draft = render(data)
    text = render_text(data)
    assert [p.heading[:2] for p in draft.parts] == ["一、", "二、", "三、"]
    assert len(draft.parts[0].blocks) == 1 and "发展党员2名" in draft.parts[0].blocks[0].text
    assert word_count(text) < 1800
    # No padding: every item of part one states something the clerk gave.
    assert all(re.search(r"\d", b.text) for b in draft.parts[0].blocks)


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


def _tool_spans(block):
    return [s for s in block.spans if not s.source.startswith(("原文", "指标"))]


def test_one_authors_hand_within_a_draft():
    """No formulation chosen twice in one paragraph, the opening not echoed by item 1, part two's last line
    not echoed by part three's first, and no two items of part one closing from the same family in a row."""
    from generator.compose.choose import _grams
    from generator.compose.choose import formulations as compose_formulations

    from test_claims import _bundled

    for name, data in _bundled():
        for variant in range(3):
            draft = render(data, variant=variant)
            for block in draft.blocks():
                seen = Counter(w for s in _tool_spans(block) for w in set(compose_formulations(s.text)))
                assert not [w for w, n in seen.items() if n > 1], (name, variant, block.text[:40])
            opening = _grams("".join(s.text for s in _tool_spans(draft.opening[0])))
            item1 = _grams("".join(s.text for s in _tool_spans(draft.parts[0].blocks[0])))
            assert not opening & item1, (name, variant, opening & item1)
            last_two = _grams(draft.parts[1].blocks[-1].text)
            first_three = _grams(draft.parts[2].blocks[0].text)
            assert not last_two & first_three, (name, variant)
            families = [s.text[:4] for b in draft.parts[0].blocks for s in b.spans if s.source.endswith("/收束")]
            assert all(a != b or a[:2] not in ("通过", "经过", "一年", "几项") for a, b in zip(families, families[1:]))


def test_no_lead_in_doubles_the_scope_a_figure_opens_with():
    """全年全镇集体经济收入超过20万元的村达到6个: a lead-in (全年, 年内, 这一年) is left out where the figure's
    own wording already opens with where or when."""
    from test_claims import _bundled

    doubled = re.compile(r"(?:全年|年内|这一年，|一年来，|20\d\d年，)(?:全村|全镇|全乡|全社区|全街道|全年|年内|20\d\d年)")
    # … nor where it says it further on (全年谈心谈话全年40人次: read in a batch village)
    again = re.compile(r"(?<![\d])(全年|年内)[^。；，]*?\1")
    found = [(name, variant, m) for name, data in _bundled() for variant in range(3)
             for text in [render_text(data, variant=variant)] for m in doubled.findall(text) + again.findall(text)]
    assert not found, found[:5]


def test_a_target_does_not_open_with_a_word_its_item_already_uses():
    """确保发展党员4名 … 确保发展党员质量 in one item of part three (read in the sample's 石门村): the target's
    opener (目标引语) is not one the item's other sentences already say."""
    from test_claims import _bundled

    openers = [w for w in load_bank().get("措施", "目标引语") if "{{" not in w]
    twice = [(name, variant, b.text[:30]) for name, data in _bundled() for variant in range(5)
             for b in render(data, variant=variant).parts[2].blocks
             for w in openers if b.text.count(w) > 1 and re.search(w + r"[^，。]*\d", b.text)]
    assert not twice, twice[:5]


def test_a_figure_that_says_its_year_anywhere_takes_no_lead_in():
    """全年谈心谈话全年40人次 (a batch village read whole): the figure's wording said 全年 after its subject, and the
    author's lead-in said it again before. A figure that names where or when anywhere in its first words takes
    no lead-in."""
    from generator.compose.units import says_scope
    from generator.model import Span

    ctx = {"全域": "全村", "年度": 2024}
    assert says_scope([Span("谈心谈话全年40人次")], ctx)
    assert says_scope([Span("全村现有党员38名")], ctx)
    assert not says_scope([Span("组织党员集中学习13次")], ctx)
