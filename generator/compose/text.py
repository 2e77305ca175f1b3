"""Small text helpers every part uses: sentences, figure clauses, the title's line breaks, the date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..bank import Bank
from ..facts import Fact, format_number, quantity
from ..model import Source, Span
from ..width import title_width
from .choose import Choose

TITLE_LINE_WIDTH = 20      # 二号 characters per line in the type area
_END = "。！？；：…"


def sentence(text: str) -> str:
    """Return `text` ending with a full stop (unless it already ends a sentence)."""
    text = text.strip()
    # A closing quote ends a sentence only when a full stop stands inside it (“……。”).
    last = text[-2] if text.endswith("”") and len(text) > 1 else text[-1:]
    return text if not text or last in _END else text + "。"


def close(spans: list[Span]) -> list[Span]:
    """End a run of spans with a full stop, on the last span that has text."""
    for i in range(len(spans) - 1, -1, -1):
        if spans[i].text:
            last = spans[i]
            ended = sentence(last.text)
            if ended != last.text:
                spans = [*spans[:i], Span(ended, last.lead, last.missing, last.source, last.covers), *spans[i + 1:]]
            return spans
    return spans


CN_NUMERALS = "一二三四五六七八九十"


def point_number(i: int, ordinals) -> str:
    """The `i`-th (0-based) point of a paragraph or list: 一是, 二是 … (结构.yaml → 序号), 第N past them."""
    return ordinals[i] if i < len(ordinals) else f"第{i + 1}"


def item_number(n: int) -> str:
    """The number of an item under a part heading: （一）（二）…, the second level of GB/T 9704 (一、（一）1.（1）)."""
    if n <= 10:
        return f"（{CN_NUMERALS[n - 1]}）"
    return f"（十{CN_NUMERALS[n - 11]}）" if n < 20 else f"（{n}）"


NAMED = 4   # a name this long said in the clause before is not said again with its figure (致富带头人; not 党员)


def fact_clause(fact: Fact, bank: Bank, pick: Choose, ctx: dict, *, target: bool = False, after: str = "") -> str:
    """Render one figure as a clause in the catalogue's wording (or the free-form name).

    A figure that must not be celebrated (a change the wrong way) is stated plainly, with the neutral
    由…变为… wording, whatever the catalogue's rise/fall words say. `after`: the clause it follows in the
    same sentence, whose verb it does not open with again where another wording is there (趁农闲开展党员冬春训，
    开展集中学习研讨12次 read as a seam in a fresh draft)."""
    if fact.metric is None:
        return own_figure(fact, ctx)
    metric = fact.metric
    variables = {**ctx, **dict(fact.params), "单位": fact.unit}
    if fact.is_change:
        phrases = metric.change_phrases
        word = metric.rise_word if fact.end > fact.start else metric.fall_word
        variables.update(从量=quantity(fact.start, fact.unit),
                         到量=quantity(fact.end, fact.unit), 变化=word)
    else:
        wordings = metric.target_wordings(fact.aim) if target else ()
        phrases = wordings or metric.phrases
        if fact.unit != metric.unit:
            phrases = dict(metric.other_units).get(fact.unit, phrases)
        if target and not wordings:   # 新增土地流转1500亩 / 土地流转达到1500亩: the kind the clerk meant
            phrases = ("新增{{名称}}{{数量}}",) if (fact.aim or metric.aim) == "新增" else ("{{名称}}达到{{数量}}",)
            variables["名称"] = fact.key
        variables.update(数=format_number(fact.amount), 数量=quantity(fact.amount, fact.unit))
    if after:
        phrases = tuple(p for p in phrases if p[:2] not in after) or phrases
        # … and, where that clause names the thing counted already (扶持党员致富带头人，带着群众干 before
        # 培养农村党员致富带头人26名: 21st reading of fresh drafts), the figure without its name
        # (not after a clause that has a figure of its own: 研讨交流12次，共4次 read as one count contradicting
        # another, 23rd blind reading)
        if not fact.is_change and not target and not re.search(r"\d", after) and bank.has("结构", "不重名数字") \
                and any(len(name) >= NAMED and name in after for name in (metric.key, *metric.aliases)):
            phrases = (bank.get("结构", "不重名数字"),)
    # one of a thing is not done 逐个 (对1个软弱涣散党组织逐个制定整顿措施)
    source = pick.one(phrases, "fact", metric.key, fact.key, target, single=not fact.is_change and fact.value == 1)
    return bank.render(source, variables)


def own_figure(fact: Fact, ctx: dict) -> str:
    """A figure the clerk named under 其他: a verb-object name as written (建成花椒标准化种植基地1.3万亩), a
    noun as a clause with a verb (全村有防返贫监测户6户, 衔接资金共85万元)."""
    from ..bundle import load_templates

    names = load_templates().names
    name, number = fact.name or fact.key, quantity(fact.amount, fact.unit)
    verbs = tuple(names.get("动词开头") or ())
    if name.startswith(verbs) or (name[:1] == "新" and name[1:].startswith(verbs)):  # 新栽, 新修
        return name + number
    if fact.unit in (names.get("有字单位") or ()):
        return f"{ctx.get('全域', '')}有{name}{number}"
    return f"{name}共{number}"


def figure_spans(facts: Iterable[Fact], bank: Bank, pick: Choose, ctx: dict, *, joiner: str = "，",
                 target: bool = False, after: str = "") -> list[Span]:
    """Return the clauses of `facts`, each a span traced to its key path, joined by `joiner` (`after`: the
    clause they follow, see `fact_clause`)."""
    out: list[Span] = []
    for i, fact in enumerate(facts):
        if i:
            out.append(Span(joiner))
        said = after if not i else out[-2].text
        out.append(Span(pick.note(fact_clause(fact, bank, pick, ctx, target=target, after=said)),
                        source=Source.of("指标", fact.path)))
    return out


_PLACE = re.compile(r"(?<=[县市区旗镇乡村])(?=.)|(?<=街道)(?=.)|(?<=社区)(?=.)")
_POST = re.compile(r"(?=兼)")
TAIL_WORDS = ("抓基层党建工作", "述职报告")
MIN_LINE = 3   # no title line of one or two characters (a stub: 度, 告)


def _words(unit: str, post: str, year_part: str, tail: str) -> list[str]:
    """The title as words a line may break between: place names, the post, 2024年度, 抓基层党建工作, 述职报告."""
    words = [w for w in _PLACE.split(unit) if w] + [w for w in _POST.split(post) if w] + [year_part]
    if tail == "".join(TAIL_WORDS):
        return words + list(TAIL_WORDS)
    return words + [tail]


def break_title(head: str, tail: str, *, unit: str | None = None, post: str | None = None) -> tuple[str, ...]:
    """Break the title into display lines between words (GB/T 9704: 词意完整), never leaving a stub.

    One line when it fits; else two, preferring the break between 年度 and 抓基层党建工作, else the most
    even break; else three. Widths count digit spacing (`title_width`)."""
    if title_width(head + tail) <= TITLE_LINE_WIDTH:
        return (head + tail,)
    if unit is not None and post is not None and head == unit + post + head[len(unit) + len(post):]:
        words = _words(unit, post, head[len(unit) + len(post):], tail)
    else:
        words = [head, *(TAIL_WORDS if tail == "".join(TAIL_WORDS) else (tail,))]
    best: tuple | None = None
    n = len(words)
    for lines in (2, 3):
        for cuts in _cuts(n, lines):
            parts = ["".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, n))]
            if any(title_width(p) > TITLE_LINE_WIDTH or len(p) < MIN_LINE for p in parts):
                continue
            natural = "".join(words[cuts[0]:]).startswith(TAIL_WORDS[0]) or tail in parts
            score = (natural, min(title_width(p) for p in parts))
            if best is None or score > best[0]:
                best = (score, tuple(parts))
        if best:
            return best[1]
    # nothing fits between words (one word wider than a line): fall back to even halves of the head
    half = len(head) // 2
    return (head[:half], head[half:], tail)


def _cuts(n: int, lines: int):
    if lines == 2:
        for a in range(1, n):
            yield (a,)
    else:
        for a in range(1, n - 1):
            for b in range(a + 1, n):
                yield (a, b)


def chinese_date(d: dt.date) -> str:
    """Return a date the official way: 2024年12月5日 (Arabic numerals, no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"
