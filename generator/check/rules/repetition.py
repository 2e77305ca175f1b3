"""Repetition: the same sentence twice, a 4-character formulation overused, the same lead shape in a row.

repeat.sentence    a sentence (12+ characters) that appears twice
repeat.phrase4     a 4-character formulation (四字格) used more than three times: a four-character jieba word,
                   or two adjacent two-character words (严格+落实), that does not name a thing — not a
                   catalogue theme or metric, not ending in a noun such as 工作、干部、经济 (集体经济 is the
                   subject, not a formulation), not a policy name (全面从严治党); text in “…” is skipped
                   — nor the report's own subject, a word of its title (模范机关 in a report on 模范机关 building)
repeat.in-paragraph a set phrase of templates/check/套话.yaml twice in one paragraph (学用结合 … 学用结合), a
                   term of it twice in one sentence (坚持党建引领……党建引领发展), 依托“三会一课” twice in one
                   paragraph
repeat.lead-shape  three or more consecutive numbered items whose leads open the same way (坚持把… ×3)
jieba (through ../segment.py) is imported by this rule only, once per process, and only when it runs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ...resources import load_data
from ..findings import ERROR, WARNING, Finding

IDS = ("repeat.sentence", "repeat.phrase4", "repeat.in-paragraph", "repeat.lead-shape")
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
LEAD = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，、])")
MAX_PHRASE = 3


def check(doc, ctx) -> list[Finding]:
    return _sentences(doc) + _phrases(doc) + _in_paragraph(doc) + _lead_shapes(doc)


def _title(doc) -> str:
    a, b = doc.parts.get("标题", (0, -1))
    return "".join(doc.texts[a:b + 1])


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
# Names of policies that a report's own topic may require again and again (全面从严治党) are not counted either.
# Both from 名称.yaml (one file of names, shared with compose), read on first use.
@lru_cache(maxsize=1)
def _names() -> tuple[frozenset, frozenset]:
    data = load_data("名称.yaml")
    return frozenset(data["名词词尾"]), frozenset(data["政策名称"])


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
    heads, policies = _names()
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w))
    for i, word in enumerate(words):
        pair = word + words[i + 1] if i + 1 < len(words) and len(word) == 2 and len(words[i + 1]) == 2 else ""
        for candidate in (word, pair):
            if len(candidate) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", candidate) \
                    and candidate[2:] not in heads and candidate not in policies \
                    and candidate not in subject_words():
                yield candidate, starts[i]


_CLAUSE = re.compile(r"[^，。；：！？]+")


def parallel_clauses(text: str, term: str) -> list[tuple[int, int]]:
    """Return the spans of the clauses of `text` that repeat `term` as a deliberate 排比: consecutive
    clauses of about one length (three characters either way), each opening on the term (after at most one
    character, 以/用/抓) and going on with words of its own (以党建引领凝聚人心，以党建引领推动发展). 做到真抓实干，
    突出真抓实干 is a repetition, not a 排比. Empty when there is no such run."""
    clauses = [(m.start(), m.end(), m.group()) for m in _CLAUSE.finditer(text)]
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    for clause in clauses + [(0, 0, "")]:
        where = clause[2].find(term)
        if where > 1 or len(clause[2]) - len(term) - max(where, 0) < 3:
            where = -1
        if run and where >= 0 and where == run[0][2].find(term) and abs(len(clause[2]) - len(run[0][2])) <= 3:
            run.append(clause)
            continue
        if len(run) >= 2 and len(run) > len(best):
            best = [(a, b) for a, b, _ in run]
        run = [clause] if where >= 0 else []
    return best


def _outside_parallel(text: str, term: str, starts: list[int]) -> list[int]:
    """`starts` with the occurrences inside one 排比 counted once (its first)."""
    spans = parallel_clauses(text, term)
    if not spans:
        return starts
    inside = [s for s in starts if any(a <= s < b for a, b in spans)]
    return [s for s in starts if s not in inside[1:]]


def _phrases(doc) -> list[Finding]:
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    title = _title(doc)
    for p in doc.paragraphs:
        found: dict[str, list[int]] = defaultdict(list)
        for word, start in formulation_spans(p.text):
            if word not in title:
                found[word].append(start)
        for word, starts in found.items():
            places[word] += [(p.number, s) for s in _outside_parallel(p.text, word, starts)]
    out = []
    for word, where in places.items():
        if len(where) > MAX_PHRASE:
            number, start = where[MAX_PHRASE]
            out.append(Finding("repeat.phrase4", WARNING, number, start, start + 4,
                               f"“{word}”在全文出现 {len(where)} 次", "换一种说法，避免同一套话反复出现"))
    return out


SENTENCE_END = re.compile(r"[。！？；]")


@lru_cache(maxsize=1)
def _stock() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The set phrases of templates/check/套话.yaml: (not twice in a paragraph, not twice in a sentence)."""
    from ...resources import load_data

    data = load_data("check/套话.yaml")
    return tuple(data.get("段内不重复") or ()), tuple(data.get("句内不重复") or ())


def _in_paragraph(doc) -> list[Finding]:
    out = []
    title = _title(doc)
    per_paragraph, per_sentence = _stock()
    for p in doc.paragraphs:
        for word in per_paragraph:
            first = p.text.find(word)
            second = p.text.find(word, first + len(word)) if first >= 0 else -1
            if second >= 0 and word not in title and len(_outside_parallel(p.text, word, _all(p.text, word))) > 1:
                out.append(Finding("repeat.in-paragraph", WARNING, p.number, second, second + len(word),
                                   f"“{word}”在这一段里用了两次", "删去或换一种说法"))
        # a term inside a longer quoted name (“党建引领合作社发展…”) is part of a name, not a repetition
        masked = re.sub(r"“[^”]*”", lambda m: m.group() if m.group()[1:-1] in per_sentence
                        else "\u3000" * len(m.group()), p.text)
        for term in per_sentence:
            for text, offset in _sentences_of(masked):
                first = text.find(term)
                second = text.find(term, first + len(term)) if first >= 0 else -1
                if second >= 0 and len(_outside_parallel(text, term, _all(text, term))) > 1:
                    out.append(Finding("repeat.in-paragraph", WARNING, p.number, offset + second,
                                       offset + second + len(term), f"“{term}”在一句话里出现了两次",
                                       "删去一处，或拆成两句"))
        for m in re.finditer(r"依托(“[^”]+”)", p.text):
            if p.text.find(m.group(), m.end()) >= 0:
                later = p.text.find(m.group(), m.end())
                out.append(Finding("repeat.in-paragraph", WARNING, p.number, later, later + len(m.group()),
                                   f"“{m.group()}”在这一段里用了两次", "删去或换一种说法"))
    return out


def _all(text: str, term: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(term), text)]


def _sentences_of(text: str):
    start = 0
    for m in SENTENCE_END.finditer(text + "。"):
        yield text[start:m.end()], start
        start = m.end()


def _lead_shapes(doc) -> list[Finding]:
    """Three numbered leads in a row that open alike read as monotony — unless they are a deliberate
    parallel (排比): first clauses of one length, built alike (坚持把学习提高作为第一任务 / 坚持把靠实责任
    作为主要抓手 / 坚持把夯实基础作为重要途径, as a real report heads its items)."""
    out = []
    run: list = []
    for p in doc.paragraphs:
        m = LEAD.match(p.text)
        if not m:
            continue
        shape = p.text[m.end():m.end() + 3]
        if run and run[-1][1] == shape:
            run.append((p, shape))
            if len(run) == 3 and not _parallel([q.text[_lead_end(q.text):] for q, _ in run]):
                out.append(Finding("repeat.lead-shape", WARNING, p.number, m.end(), m.end() + 3,
                                   f"连续三条以上都以“{shape}”开头", "变换几条引领句的句式，避免千篇一律"))
        else:
            run = [(p, shape)]
    return out


_CLAUSE_END = re.compile(r"[，。；：]")


def _parallel(leads: list[str]) -> bool:
    """Whether leads that open alike are a parallel: their first clauses are of one length (a character
    either way), at least five characters, and differ from each other, as the members of a 排比 do."""
    firsts = [_CLAUSE_END.split(lead, 1)[0] for lead in leads]
    lengths = [len(f) for f in firsts]
    return max(lengths) - min(lengths) <= 1 and len(set(firsts)) == len(firsts) and min(lengths) >= 5


def _lead_end(text: str) -> int:
    """Where a paragraph's ordinal (LEAD) ends; 0 when it has none."""
    m = LEAD.match(text)
    return m.end() if m else 0
