"""The mining itself: pure functions from report texts to counts."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..check.document import from_texts

ORDINAL = re.compile(r"(?:^|(?<=[。；：:]))(\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]{1,2}是|"
                     r"第[一二三四五六七八九十]{1,2}[，,、])")
QUOTE = re.compile(r"“([^“”]{2,24})”")
UNITS = "万元|亿元|人次|场次|个|名|人|次|%|岁|亩|公里|件|户|支|座|期|条|份|项|篇|处"
FIGURE = re.compile(rf"([\u4e00-\u9fff“”]{{2,10}}?)\s*(\d+(?:\.\d+)?)\s*({UNITS})")
PLACEHOLDER_FIGURE = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(X{{1,3}}|×{{1,3}}|\*{{1,2}})({UNITS}|[\u4e00-\u9fff])")
# A lead's shape keeps its frame and abstracts its content: the verbs/adverbs that open or close the
# first clause (坚持, 聚焦, 全面…不断提升) and the structural words anywhere (把, 作为, 以, 为).
FRAME = set("""坚持 聚焦 围绕 强化 加强 全面 不断 进一步 持续 深化 突出 着力 坚决 切实 扎实 始终 牢牢 深入 推动
            推进 提升 夯实 筑牢 打造 创新 压实 严格 得到 彰显 显著 明显 有效 持之以恒 高站位 高质量 高标准
            高效率""".split())
STRUCT = {"把", "作为", "以", "为", "在", "的"}
PARTS = ("开头", "一", "二", "三")


@dataclass
class Report:
    name: str
    parts: dict[str, str] = field(default_factory=dict)
    leads: list[tuple[str, str, str]] = field(default_factory=list)   # (part, lead, shape)
    quotes: Counter = field(default_factory=Counter)
    phrases: Counter = field(default_factory=Counter)
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # (wording, number, unit)
    placeholders: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _jieba(userdict: str | None):
    import logging

    import jieba
    import jieba.posseg  # noqa: F401 - loaded once; shapes need parts of speech

    jieba.setLogLevel(logging.ERROR)
    if userdict:
        jieba.load_userdict(userdict)
    return jieba


def analyse(name: str, text: str, userdict: Path | None = None) -> Report:
    """Return what one report holds, for the curators' report."""
    jieba = _jieba(str(userdict) if userdict and userdict.exists() else None)
    doc = from_texts(name, text.splitlines())
    report = Report(name)
    texts = doc.texts
    for part in PARTS:
        if part in doc.parts:
            a, b = doc.parts[part]
            report.parts[part] = "\n".join(texts[a:b + 1])
            for paragraph in texts[a:b + 1]:
                for lead in leads(paragraph):
                    report.leads.append((part, lead, shape(lead, jieba)))
    body = "\n".join(texts)
    report.quotes = Counter(QUOTE.findall(body))
    report.phrases = Counter(p for p in four_character_phrases(body, jieba))
    report.figures = [(w.strip("“”"), n, u) for w, n, u in FIGURE.findall(body)]
    report.placeholders = ["".join(m) for m in PLACEHOLDER_FIGURE.findall(body)]
    return report


def leads(paragraph: str) -> list[str]:
    """Return the lead sentence of each numbered item in `paragraph` (text up to the first 。 or ；)."""
    out = []
    for m in ORDINAL.finditer(paragraph):
        rest = paragraph[m.end():]
        lead = re.split(r"[。；]", rest, maxsplit=1)[0]
        if 4 <= len(lead) <= 40:
            out.append(lead)
    return out


def shape(lead: str, jieba) -> str:
    """Return the shape of the lead's first clause: frame words kept, content runs as X, Y, Z."""
    import jieba.posseg as pseg

    clause = re.split(r"[，,：]", lead, maxsplit=1)[0]
    tokens = [w.word for w in pseg.cut(clause)]
    letters, out, content = iter("XYZUVW"), [], False
    for i, word in enumerate(tokens):
        edge = i < 2 or i >= len(tokens) - 2
        if word in STRUCT or (edge and word in FRAME) or re.fullmatch(r"[“”、]", word):
            out.append(word)
            content = False
        elif not content:
            out.append(next(letters, "…"))
            content = True
    return "".join(out)


def four_character_phrases(text: str, jieba):
    """Yield four-character words and 2+2 pairs of the text (the candidates for 四字格)."""
    words = [w for w in jieba.lcut(text, HMM=False)]
    for i, w in enumerate(words):
        if len(w) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", w):
            yield w
        if len(w) == 2 and i + 1 < len(words) and len(words[i + 1]) == 2:
            pair = w + words[i + 1]
            if re.fullmatch(r"[\u4e00-\u9fff]{4}", pair):
                yield pair


def aggregate(reports: list[Report], jieba_splits) -> dict:
    """Return the counts across reports that the curators' report shows."""
    shapes, quotes, phrases, figures = Counter(), defaultdict(set), defaultdict(set), defaultdict(Counter)
    quote_total = Counter()
    for r in reports:
        shapes.update(s for _, _, s in r.leads)
        for q, n in r.quotes.items():
            quotes[q].add(r.name)
            quote_total[q] += n
        for p in r.phrases:
            phrases[p].add(r.name)
        for wording, _, unit in r.figures:
            figures[unit][wording] += 1
    recurring = {p: names for p, names in phrases.items() if len(names) >= 2}
    candidates = sorted(q for q, names in quotes.items()
                        if len(names) >= 2 and 2 <= len(q) <= 8 and jieba_splits(q))
    return {"shapes": shapes, "quotes": quotes, "quote_total": quote_total, "phrases": recurring,
            "figures": figures, "candidates": candidates}


def splits(word: str) -> bool:
    """Return True if jieba cuts `word` into more than one token (so the dictionary should learn it)."""
    jieba = _jieba(None)
    return len(jieba.lcut(word, HMM=False)) > 1
