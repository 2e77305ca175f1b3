"""Repetition: the same sentence twice, a 4-character formulation overused, the same lead shape in a row.

repeat.sentence    a sentence (12+ characters) that appears twice
repeat.phrase4     a 4-character formulation (四字格) used more than three times: a four-character jieba word,
                   or two adjacent two-character words (严格+落实), that does not name a thing — not a
                   catalogue theme or metric, not ending in a noun such as 工作、干部、经济 (集体经济 is the
                   subject, not a formulation), not a policy name (全面从严治党); text in “…” is skipped
repeat.lead-shape  three or more consecutive numbered items whose leads open the same way (坚持把… ×3)
jieba (through ../segment.py) is imported by this rule only, once per process, and only when it runs.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..findings import ERROR, WARNING, Finding

IDS = ("repeat.sentence", "repeat.phrase4", "repeat.lead-shape")
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
LEAD = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，、])")
MAX_PHRASE = 3


def check(doc, ctx) -> list[Finding]:
    return _sentences(doc) + _phrases(doc) + _lead_shapes(doc)


def _sentences(doc) -> list[Finding]:
    seen: dict[str, tuple[int, int]] = {}
    out = []
    for p in doc.paragraphs:
        for m in SENTENCE.finditer(p.text):
            s = re.sub(r"^" + LEAD.pattern[1:], "", m.group().strip("。！？；").strip())
            if len(s) < 12:
                continue
            if s in seen:
                out.append(Finding("repeat.sentence", ERROR, p.number, m.start(), m.end(),
                                   f"这句话与第{seen[s][0]}段重复", "删去重复的一处，或改写其中一处"))
            else:
                seen[s] = (p.number, m.start())
    return out


# Nouns that end the names of things; a 4-character word ending in one of them names something (党建工作,
# 后备干部) rather than being a formulation. jieba's part-of-speech tagger would say the same but costs
# ~0.5 s more to load, and `check` must stay under 2 s cold.
NOUN_HEADS = frozenset("""工作 经济 干部 党员 组织 建设 生活 队伍 书记 群众 形态 党建 产业 振兴 治理 阵地 责任 制度 机制
活动 项目 基地 收入 能力 水平 作用 意识 精神 思想 问题 任务 中心 服务 人才 班子 支部 党委 政府 农村 乡村 村民 农民
企业 合作 资源 资金 规划 环境 教育 学习 会议 纪律 作风 品牌 示范 模式 体系 格局 基础 成果 质量 效能 目标
成员 思路 措施 部署 要求 情况""".split())
# Names of policies that a report's own topic may require again and again (全面从严治党).
POLICY_TERMS = frozenset({"从严治党", "党建引领", "乡村振兴", "脱贫攻坚", "民主集中", "党风廉政", "两个维护", "四个意识"})


@lru_cache(maxsize=1)
def subject_words() -> frozenset:
    from ...catalogue import load_catalogue

    cat = load_catalogue()
    return frozenset(cat.themes) | {m.display() for ms in cat.metrics.values() for m in ms}


def formulation_spans(text: str):
    """Yield (word, start) for each 4-character formulation in `text` (see the module docstring)."""
    from ..segment import words_of  # jieba: loaded here, on first use, once per process

    masked = re.sub(r"“[^”]*”", lambda m: "\u3000" * len(m.group()), text)
    words = words_of(masked)
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w))
    for i, word in enumerate(words):
        pair = word + words[i + 1] if i + 1 < len(words) and len(word) == 2 and len(words[i + 1]) == 2 else ""
        for candidate in (word, pair):
            if len(candidate) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", candidate) \
                    and candidate[2:] not in NOUN_HEADS and candidate not in POLICY_TERMS \
                    and candidate not in subject_words():
                yield candidate, starts[i]


def _phrases(doc) -> list[Finding]:
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p in doc.paragraphs:
        for word, start in formulation_spans(p.text):
            places[word].append((p.number, start))
    out = []
    for word, where in places.items():
        if len(where) > MAX_PHRASE:
            number, start = where[MAX_PHRASE]
            out.append(Finding("repeat.phrase4", WARNING, number, start, start + 4,
                               f"“{word}”在全文出现 {len(where)} 次", "换一种说法，避免同一套话反复出现"))
    return out


def _lead_shapes(doc) -> list[Finding]:
    out = []
    run: list = []
    for p in doc.paragraphs:
        m = LEAD.match(p.text)
        if not m:
            continue
        shape = p.text[m.end():m.end() + 3]
        if run and run[-1][1] == shape:
            run.append((p, shape))
            if len(run) == 3:
                out.append(Finding("repeat.lead-shape", WARNING, p.number, m.end(), m.end() + 3,
                                   f"连续三条以上都以“{shape}”开头", "变换几条引领句的句式，避免千篇一律"))
        else:
            run = [(p, shape)]
    return out
