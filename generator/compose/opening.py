"""开头: one paragraph — the year's framing, the unit's figures (基本情况), and the sentence that hands over
to part one. Its words are remembered, so item 1 of part one does not echo them."""
from __future__ import annotations

import re

from ..bank import Bank
from ..facts import Report, quantity, quantity_parts
from ..model import Block, Source, Span, body
from .choose import Choose
from .text import close, figure_spans, sentence


# a brand's meaning that is a slogan: two to four short phrases (红色引领、石桥同心), not a clause that says
# what the members do
SLOGAN = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[、，][\u4e00-\u9fff]{2,6}){1,3}")

# the theme whose item says the year's line (指导思想, 会议精神) when the opening does not (亮点 → 政治站位)
LINE_THEME = "政治建设"


def opening(report: Report, bank: Bank, pick: Choose, ctx: dict) -> Block:
    o = bank.get("开头")
    pick.begin_item()
    way = pick.author.opening
    if way == "开门见山" and (ctx["主题"] or ctx["品牌"]):
        way = "简述"   # a theme or brand of the year belongs in the opening (首尾呼应)
    if way in ("简述", "开门见山") and not any(tf.theme == LINE_THEME for tf in report.themes):
        way = "站位在前"   # no 政治建设 item to say the year's line: the opening says it (a report says it once)
    held = _held(report, pick.author.led, dict(pick.author.served)) if way == "家底入句" else None
    if way == "家底入句" and held is None:
        way = "站位在前"   # a 家底 that is not all counts of organisations and members is said as figures
    spans: list[Span] = [] if way == "开门见山" else _framing(report, o, pick, ctx, way)
    if held is not None:
        # what the unit's committee leads, said in the first sentence (镇党委带领全镇19个村党组织、847名党员，…),
        # not as a sentence of figures of its own: every draft's 全镇共有村党组织×个，有党员×名 read as a slot
        # (21st–24th blind readings; real openings give no 家底 sentence at all)
        spans = _led(spans, ctx, *held)
    if report.overview and held is None:   # the unit's own figures (家底): after the year's line, or first
        figures = close(figure_spans(pick.author.overview_order(report.overview), bank, pick, ctx))
        said = "".join(x.text for x in figures)
        # a lead-in that dates the figures (到年底) before figures said as of now (现有党员): 到年底，全镇现有…
        # read as two times at once (24th blind reading)
        now = pick.match.names_any(pick.match.now, said)
        leads = [w for w in o["概况引语"] if not (now and pick.match.names_any(pick.match.dated, w))] or o["概况引语"]
        if way in ("家底在前", "开门见山") and "".join(x.text for x in spans).startswith(f"{report.info.year}年"):
            # figures first, then the year's sentence: not 2020年末，…。2020年，正值…之年 (57th blind reading)
            leads = [w for w in leads if "{{年度}}" not in w] or leads
        overview = [Span(pick.text(leads, "open", "overview"), source="词库:开头/概况引语"), *figures]
        spans = overview + spans if way in ("家底在前", "开门见山") else spans + overview
    ends = o["结句"]
    last = "".join(x.text for x in spans).rstrip("。").split("。")[-1]
    if last.startswith(ACCORDING):   # 依据县委的统一安排，突出重点抓落实。按照述职评议会的议程，现就…: 49th reading
        ends = [e for e in ends if not _opens_according(e)] or ends
    spans.append(Span(pick.text(ends, "open", "end"), source="词库:开头/结句"))
    return body(*spans)


# what a sentence says it follows (an arrangement, a plan): two such sentences in a row read as one said twice
ACCORDING = ("按照", "根据", "依据", "遵照", "依照")


def _opens_according(entry) -> bool:
    """Whether a 结句 entry (a 拼 of parts, or a string) may open with one of ACCORDING."""
    parts = entry.get("拼", [[entry.get("说", "")]]) if isinstance(entry, dict) else [[entry]]
    return any(str(o).startswith(ACCORDING) for o in parts[0])


def _held(report: Report, led: tuple[str, ...], served: dict[str, str] | None = None) \
        -> tuple[str, tuple[Source, ...]] | None:
    """The unit's 家底 as what its committee leads (19个村党组织、847名党员) and serves (9个村民小组1480名群众:
    作者.yaml → 服务的家底), and where those figures come from (the span that says them covers them: trace,
    --annotate), when every figure of it is one or the other and one is led (作者.yaml → 带领的家底); None
    otherwise."""
    facts, served = report.overview, served or {}
    if not facts or not led or any(f.is_change or f.metric is None or f.key not in (*led, *served) for f in facts):
        return None
    leading = [f for f in facts if f.key in led]
    if not leading:
        return None
    text = "、".join(f"{quantity(f.amount, f.unit)}{f.key}" for f in leading)
    order = list(served)   # the places, then the people they hold (14个小区的2.18万名居民)
    serving = [quantity_parts(f.amount, f.unit)[0] + served[f.key]   # 2.18万 + 名居民, 9 + 个村民小组
               for f in sorted((f for f in facts if f.key not in led), key=lambda f: order.index(f.key))]
    places = [x for x in serving if not _PEOPLE.search(x)]
    people = [x for x in serving if _PEOPLE.search(x)]
    if serving:
        text += "，服务" + "、".join(places) + ("的" if places and people else "") + "、".join(people)
        if places and not people:   # a committee serves people, not groups (服务9个村民小组: 57th blind reading)
            text += "的居民" if any(f.key == "小区" for f in facts) else "的群众"
    return text, tuple(Source.of("指标", f.path) for f in facts)


_PEOPLE = re.compile(r"名[\u4e00-\u9fff]+$")   # 1480名群众: people, after the places that hold them


def _led(spans: list[Span], ctx: dict, held: str, sources: tuple[Source, ...]) -> list[Span]:
    """The first sentence with 带领{全域}{家底} after the committee's name; a new first clause where the
    framing never names it."""
    own, leads = ctx.get("本级") or "", f"带领{ctx.get('全域', '')}{held}"
    for i, span in enumerate(spans):
        at = span.text.find(own) if own else -1
        if at >= 0 and span.source in ("年度", "词库:开头/简起"):
            cut = at + len(own)
            rest = span.text[cut:].lstrip("，")
            text = span.text[:cut] + leads + (f"，{rest}" if rest else "")
            return [*spans[:i], Span(text, source=span.source, covers=span.covers + sources), *spans[i + 1:]]
    return [Span(f"一年来，{own}{leads}。", source="词库:开头/简起", covers=sources), *spans]


def _starts(o: dict, ctx: dict, way: str) -> list:
    """The 起句 this opening may say."""
    starts = o["起句"]
    if ctx.get("会议在年末") and o.get("年末会议分句"):   # studied and carried into next year, not followed all year
        starts = _late_starts(starts, o["年末会议分句"])
    if way == "家底入句":   # 带领… goes after the committee's name: not 镇党委带领全镇…，带着班子成员… (桃源镇)
        starts = [x for x in starts if "{{本级}}带" not in str(x)] or starts
    return starts


_LATE: dict = {}


def _late_starts(starts: list, late: list) -> list:
    """The 起句 with the clause on the year's meetings drawn from `late` (开头.yaml → 年末会议分句): built once
    per bank list, so Choose's per-list caches keep hitting."""
    hit = _LATE.get(id(starts))
    if hit is None or hit[0] is not starts or hit[1] is not late:
        hit = _LATE[id(starts)] = (starts, late, [{"拼": [*x["拼"][:-1], late]} if isinstance(x, dict) and "拼" in x
                                                  else x for x in starts])
    return hit[2]


def _framing(report: Report, o: dict, pick: Choose, ctx: dict, way: str) -> list[Span]:
    """The opening's sentences before the unit's figures: the year's line (or a brief start), the year's
    学习教育, the unit's theme, brand and own formulations, and, for the authors who say one, a line of duty."""
    spans: list[Span] = []
    if ctx["年份定位"] and way != "简述" and pick.usable(o["年份定位"]):   # (镇级 only: 开头.yaml)
        spans.append(Span(pick.text(o["年份定位"], "open", "era"), source="年度"))
    clauses: list[Span] = []
    if way == "简述" or "简起" in o and "理论" not in ctx:
        start = pick.text(o["简起"], "open", "brief")
        clauses.append(Span(start, source="词库:开头/简起"))
    else:
        start = pick.text(_starts(o, ctx, way), "open", "start", avoid_start="{{年度}}" if spans else "")
        clauses.append(Span(start, source="年度"))
        pick.year_line_said()
    if ctx["学习教育"]:
        # the full name of 2023's 主题教育 holds the guiding thought: said once in a sentence, not twice
        said = "".join(s.text for s in (*spans, *clauses))
        short = {"学习教育": ctx["学习教育简称"]} if ctx.get("学习教育简称") and ctx["指导思想"] in said else None
        clauses.append(Span(pick.text(o["学习教育"], "open", "study", extra=short), source="年度"))
    elif ctx["对照学习教育"]:
        clauses.append(Span(pick.note(ctx["对照学习教育"]), source="年度"))
    # the year's central task (脱贫攻坚, 疫情防控) beside the year's line, in place of the duty line
    task = bool(ctx.get("中心工作") and o.get("中心工作"))
    if task:
        clauses.append(Span(pick.text(o["中心工作"], "open", "task"), source="年度"))
    if ctx["主题"]:
        clauses.append(Span(pick.text(o["主题"], "open", "theme"), source="原文:报告.主题"))
    if ctx["品牌"]:
        clauses.append(Span(pick.text(_brand_wordings(report, o, pick, ctx), "open", "brand"), source="原文:报告.品牌"))
    for i, (name, meaning) in enumerate(report.info.local[:2]):   # the unit's own formulations
        spelled = meaning and not _told_in_part_one(meaning, report, pick)
        slot = "本地提法含义" if spelled and "本地提法含义" in o else "本地提法"
        if slot == "本地提法含义" and "本地提法名词含义" in o and pick.match.names_things(meaning):
            slot = "本地提法名词含义"   # things beside their name, not run on as deeds (两清单一台账)
        if slot in o:
            clauses.append(Span(pick.text(o[slot], "open", "local", i, extra={"提法": name, "含义": meaning or ""}),
                                source=f"原文:报告.本地提法.{i}"))
    if not task and (pick.author.duty or len(clauses) < 2):   # a brief start needs something after it
        clauses.append(Span(pick.text(o["落实"], "open", "duty"), source="词库:开头/落实"))
    for run in _sentences(clauses):
        for i, c in enumerate(run):
            # the brief start (一年来，村党支部) runs straight into the next clause
            spans += [Span("，")] if i and run[i - 1].source != "词库:开头/简起" else []
            spans.append(c)
        spans = close(spans)
    return spans


def _brand_wordings(report: Report, o: dict, pick: Choose, ctx: dict) -> list:
    """The opening's wordings of the brand: with its meaning, unless part one tells it; a meaning that names a
    thing beside the name (not run on after a comma as a deed), a slogan quoted and taken up by a verb."""
    meaning = ctx.get("品牌含义") or ""
    if not meaning or _told_in_part_one(meaning, report, pick) or "品牌含义" not in o:
        return o["品牌"]
    if "品牌名词含义" in o and pick.match.names_things(meaning):
        return o["品牌名词含义"]
    if SLOGAN.fullmatch(meaning) and o.get("品牌口号"):
        return o["品牌口号"]
    return o["品牌含义"]


# A brand's or formulation's meaning that a case or the clerk's own practice of part one tells again, most
# of its content pairs in one of them (在茶叶合作社和加工厂里建党小组 and the case 在茶叶合作社和两家加工厂建了3个
# 党小组: 21st blind reading), is left to that telling: the opening names it only.
TOLD_SHARE = 0.4


def _told_in_part_one(meaning: str, report: Report, pick: Choose) -> bool:
    own = pick.match.pairs(meaning)
    if not own:
        return False
    texts = [c for tf in report.themes for c in tf.cases]
    texts += [d.text for tf in report.themes for d in tf.practices if d.practice is None and d.text]
    return any(len(own & pick.match.pairs(t)) >= TOLD_SHARE * len(own) for t in texts)


# One sentence holds the year's line, a theme, a brand with its meaning, a formulation with its meaning and
# the duty only in a form: blind readers read "主题、品牌、口号、释义一口气列完" as fields of a table spelled
# out. Past this many clauses, or characters, the unit's own (theme, brand, 提法) and the duty start a
# sentence of their own, as real openings do (……精神。突出“……”主题，以“……”为抓手，……).
MAX_OPENING_CLAUSES = 4
MAX_OPENING_CHARS = 90


def _sentences(clauses: list[Span]) -> list[list[Span]]:
    """The opening's clauses as one sentence, or several: the year's (start, 学习教育), then the unit's own
    two at a time, a clause that carries its own meaning (a brand or formulation spelled out, with commas
    inside) ending its sentence."""
    year = [c for c in clauses if c.source in ("年度", "词库:开头/简起")]
    own = clauses[len(year):]
    if clauses[:len(year)] != year or not year or not own:
        return [clauses]
    if len(clauses) <= MAX_OPENING_CLAUSES and sum(len(c.text) for c in clauses) <= MAX_OPENING_CHARS:
        return [clauses]
    if year[-1].source == "词库:开头/简起":   # 一年来，村党支部 cannot stand as a sentence alone
        return [clauses]
    out: list[list[Span]] = [year, []]
    for c in own:
        out[-1].append(c)
        if "，" in c.text or len(out[-1]) == 2:
            out.append([])
    if len(out[-1]) == 1 and len(out) > 2 and out[-1][0].source == "词库:开头/落实" and len(out[-2]) == 1:
        duty = out.pop()   # the duty alone would be a fragment: it joins the clause before (popped first:
        out[-1] += duty     # out[-2] += out.pop() stored the joined run over the year's, the opening said twice)
    return [run for run in out if run]


__all__ = ["opening", "sentence"]
