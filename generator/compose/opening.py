"""开头: one paragraph — the year's framing, the unit's figures (基本情况), and the sentence that hands over
to part one. Its words are remembered, so item 1 of part one does not echo them."""
from __future__ import annotations

from ..bank import Bank
from ..facts import Report
from ..model import Block, Span, body
from .choose import Choose
from .text import close, figure_spans, sentence


def opening(report: Report, bank: Bank, pick: Choose, ctx: dict) -> Block:
    o = bank.get("开头")
    pick.begin_item()
    way = pick.author.opening
    if way == "开门见山" and (ctx["主题"] or ctx["品牌"]):
        way = "简述"   # a theme or brand of the year belongs in the opening (首尾呼应)
    spans: list[Span] = []
    if way != "开门见山":
        if ctx["年份定位"] and way != "简述":
            spans.append(Span(pick.text(o["年份定位"], "open", "era"), source="年度"))
        clauses: list[Span] = []
        if way == "简述" or "简起" in o and "理论" not in ctx:
            start = pick.text(o["简起"], "open", "brief")
            clauses.append(Span(start, source="词库:开头/简起"))
        else:
            start = pick.text(o["起句"], "open", "start", avoid_start="{{年度}}" if spans else "")
            clauses.append(Span(start, source="年度"))
        if ctx["学习教育"]:
            clauses.append(Span(pick.text(o["学习教育"], "open", "study"), source="年度"))
        elif ctx["对照学习教育"]:
            clauses.append(Span(pick.note(ctx["对照学习教育"]), source="年度"))
        if ctx["主题"]:
            clauses.append(Span(pick.text(o["主题"], "open", "theme"), source="原文:报告.主题"))
        if ctx["品牌"]:
            brand = o["品牌含义"] if ctx.get("品牌含义") and "品牌含义" in o else o["品牌"]
            clauses.append(Span(pick.text(brand, "open", "brand"), source="原文:报告.品牌"))
        for i, (name, meaning) in enumerate(report.info.local[:2]):   # the unit's own formulations
            slot = "本地提法含义" if meaning and "本地提法含义" in o else "本地提法"
            if slot in o:
                clauses.append(Span(pick.text(o[slot], "open", "local", i, extra={"提法": name, "含义": meaning or ""}),
                                    source=f"原文:报告.本地提法.{i}"))
        clauses.append(Span(pick.text(o["落实"], "open", "duty"), source="词库:开头/落实"))
        for i, c in enumerate(clauses):
            # the brief start (一年来，村党支部) runs straight into the next clause
            spans += [Span("，")] if i and clauses[i - 1].source != "词库:开头/简起" else []
            spans.append(c)
        spans = close(spans)
    if report.overview:   # the unit's own figures (家底): after the year's line, or first for some authors
        overview = [Span(pick.text(o["概况引语"], "open", "overview"), source="词库:开头/概况引语")]
        overview += close(figure_spans(report.overview, bank, pick, ctx))
        spans = overview + spans if way in ("家底在前", "开门见山") else spans + overview
    spans.append(Span(pick.text(o["结句"], "open", "end"), source="词库:开头/结句"))
    return body(*spans)


__all__ = ["opening", "sentence"]
