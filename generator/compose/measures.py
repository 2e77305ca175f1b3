"""三、下一步工作思路和措施 (for year + 1): an item per theme the clerk raised, and the clerk's own 事项.

Which themes: those of the problems (a bank kind's theme, or the theme an own-words problem was placed in)
and of the targets; only when these give fewer than two items, topped up from the themes of part one —
never a theme the clerk did not mention. Each item answers the problems of its theme by name (the bank's
对策 for a kind, the clerk's own words for their own problem), adds one or two general measures, and
carries the theme's targets; where the targets stand varies, so the items do not all end on a figure.
"""
from __future__ import annotations

from ..bank import Bank
from ..facts import Report
from ..errors import Problem
from ..model import Block, Span, body
from .choose import Choose, _grams
from .conditions import fitting
from .text import item_number, close, figure_spans, key_path, sentence

MIN_ITEMS = 2
MAX_TOP_UP = 3


def measure_themes(report: Report, order: tuple[str, ...]) -> list[str]:
    wanted = {i.theme for i in report.problems if i.theme}
    wanted |= {t.metric.theme for t in report.targets if t.metric is not None}
    for tf in report.themes:
        if len(wanted) >= MIN_ITEMS:
            break
        if len(wanted) < MAX_TOP_UP:
            wanted.add(tf.theme)
    return [t for t in order if t in wanted]


def measures(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[str], *,
             after: str = "") -> list[Block]:
    spec = bank.get("措施")
    from ..catalogue import load_catalogue  # the theme order lives in the catalogue

    order = load_catalogue(bank.root).themes
    pick.begin_item()
    pick.said = _grams(after)  # the opening of part three must not echo part two's last line
    if report.idea:
        blocks = [body(Span(sentence(report.idea), source="原文:措施.思路"))]
    else:
        blocks = [body(Span(pick.text(spec["引言"], "measures", "intro"), source="词库:措施/引言"))]
    for item in report.problems:
        if item.kind is None and item.theme is None:
            warnings.append(Problem(f"自述问题“{_short(item.text)}”没有写主题，也看不出属于哪个主题，第三部分没有专门"
                                    "针对它的措施。可以写成 {自述: …, 主题: 组织建设} 让第三部分对应回应。",
                                    path=item.path))
    themes = measure_themes(report, order)
    free_targets = [t for t in report.targets if t.metric is None]
    items = len(themes) + (1 if report.tasks or free_targets else 0)
    numbered = items > 1
    last_lead = ""
    if report.last is not None:  # last year's plan: its leads are not repeated, nor echoed
        for lead in report.last.plan_leads:
            pick.used.add(lead.rstrip("。"))
            pick.leads |= _grams(lead)
    for n, theme in enumerate(themes, 1):
        block, last_lead = _theme_item(n if numbered else 0, theme, report, bank, pick, ctx, last_lead)
        blocks.append(block)
    if report.tasks or free_targets:
        n = len(themes) + 1
        lead = pick.text(spec["事项要点"], "tasks")
        spans = [Span(item_number(n), lead=True, source="序号")] if numbered else []
        spans.append(Span(sentence(lead), lead=True, source="词库:措施/事项要点"))
        for i, task in enumerate(report.tasks):
            spans.append(Span(sentence(task), source=f"原文:措施.事项.{i}"))
        if free_targets:
            opener = pick.text(spec["目标引语"], "target", "free")
            spans += close([Span(opener, source="词库:措施/目标引语"),
                            *figure_spans(free_targets, bank, pick, ctx, target=True)])
        blocks.append(body(*spans))
    if len(blocks) == 1:
        warnings.append(Problem("第三部分没有可写的内容：请在“问题”“措施 → 目标”或“措施 → 事项”下填写下一年的打算。",
                                path=("措施",)))
        blocks.append(body(Span("【待补充：下一年的工作打算（在“措施”下填写目标和事项）】", missing=True,
                                source="待补充:措施")))
    return blocks


def _naming(item, bank: Bank, theme: str, pick: Choose) -> list[Span]:
    """针对……的问题，: the clerk's own problem named by its first clause, or by its theme when that is long."""
    first = item.text.split("，")[0].rstrip("。")
    if len(first) <= 24:
        return [Span("针对"), Span(first, source="原文:" + key_path(item.path)), Span("的问题，")]
    short = pick.one(bank.get("亮点", "主题", theme, "短称"), "short", theme)
    return [Span(f"针对{short}上的这一短板，")]


def _short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _theme_item(n: int, theme: str, report: Report, bank: Bank, pick: Choose, ctx: dict,
                last_lead: str) -> tuple[Block, str]:
    spec = bank.get("措施")
    t = spec["主题"][theme]
    pick.begin_item()
    pick.said = set(pick.leads)  # a plan that repeats the year's own headings reads like a copy
    lead = pick.text(t["要点"], "measure-lead", theme, avoid_start=last_lead[:2])
    head = [Span(item_number(n), lead=True, source="序号")] if n else []
    head.append(Span(sentence(lead), lead=True, source=f"词库:措施/{theme}/要点"))

    answers: list[list[Span]] = []
    remedies = bank.get("问题", "对策")
    for item in report.problems:
        if item.theme != theme:
            continue
        if item.kind is not None and item.kind in remedies:
            # the remedy opens the item's body: not with the heading's verb (拓宽…，拓宽…)
            answers.append([Span(pick.text(remedies[item.kind], "remedy", item.kind, avoid_start=lead[:2]),
                                 source=f"词库:问题/对策/{item.kind}")])
        elif item.kind is None:
            answers.append([*_naming(item, bank, theme, pick),
                            Span(pick.text(spec["自述回应"], "own-remedy", theme, item.text), source="词库:措施/自述回应")])
    general = 1 if answers else (2 if pick.level == "村" else 3)
    stock = []
    for i in range(general):
        if t.get("举措") and t.get("目的") and (not t.get("展开") or pick.chance(0.5, "measure", theme, i)):
            text = (pick.text(fitting(t["举措"], report), "measure", theme, i, "means") + "，"
                    + pick.text(t["目的"], "measure", theme, i, "aim"))
        else:
            text = pick.text(fitting(t["展开"], report), "measure", theme, i)
        stock.append([Span(text, source=f"词库:措施/{theme}")])

    targets = [f for f in report.targets if f.metric is not None and f.metric.theme == theme]
    target_spans: list[Span] = []
    if targets:
        # not an opener the item's other sentences already use (确保发展党员4名 … 确保发展党员质量)
        said = "".join(s.text for unit in answers + stock for s in unit)
        opener = pick.text(spec["目标引语"], "target", theme, not_in=said)
        target_spans = [Span(opener, source="词库:措施/目标引语"),
                        *figure_spans(targets, bank, pick, ctx, target=True)]

    # Where the target stands: first, in the middle, or last — so not every item ends on a figure.
    units = answers + stock
    spot = pick.shape(3, "target-spot", theme) if target_spans else -1
    if spot == 0:
        units = [target_spans] + units
    elif spot == 1 and len(units) >= 2:
        units = units[:1] + [target_spans] + units[1:]
    elif target_spans:
        units = units + [target_spans]
    spans = head
    for u in units:
        spans += close(u)
    return body(*spans), lead
