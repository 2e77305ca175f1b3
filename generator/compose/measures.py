"""三、下一步工作思路和措施 (for year + 1): an item per theme the clerk raised, each problem and each of the
clerk's own causes answered once, concretely.

First the plan (answers.py: what answers what, and where each target goes); a problem nothing answers is left
for the clerk to fill in (【待补充】 and a warning) — never by an empty formula (作为重点事项来抓，做到有计划、
有检查). Then the wording: a theme item answers its bank-kind problems under its heading (the span records
what it answers), names the clerk's own problems and causes (by 简称, else 前面说的第二个问题 — never by a cut
at a comma), carries the targets the plan put there, and only when it answers nothing holds one general
measure. 事项 that fit no theme make the last item.

Which themes: those of the problems, the own causes and the 事项 placed by theme, and of the targets; only
when these give fewer than two items, topped up from the themes of part one.
"""
from __future__ import annotations

from ..bank import Bank
from ..facts import Report
from ..errors import Problem
from ..model import Block, Source, Span, body
from .answers import Answer, AnswerPlan, answer_plan, task_theme
from .choose import Choose, _grams
from .conditions import fitting
from .local import plan_home
from .problems import problem_label
from .text import CN_NUMERALS, item_number, close, figure_spans, sentence

MIN_ITEMS = 2
MAX_TOP_UP = 3
# A theme item with nothing of the clerk's to answer says one general measure: 举措 + 目的 or, as often, one
# whole 展开 sentence where the theme has them (two forms, so the items of a part do not all read alike).
WHOLE_MEASURE_CHANCE = 0.5


def measure_themes(report: Report, order: tuple[str, ...], plan: AnswerPlan) -> list[str]:
    wanted = {i.theme for i in report.problems if i.theme} | set(plan.homes.values())
    wanted |= {a.theme for a in plan.answers if a.theme}
    wanted |= set(plan.by_theme)
    for tf in report.themes:
        if len(wanted) >= MIN_ITEMS:
            break
        if len(wanted) < MAX_TOP_UP:
            wanted.add(tf.theme)
    return [t for t in order if t in wanted]


def measures(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[Problem], *,
             catalogue, after: str = "") -> list[Block]:
    """Part three. `catalogue`: the run's practice catalogue (the theme order and keywords live there)."""
    spec = bank.get("措施")
    cat = catalogue
    plan = answer_plan(report, bank, pick.match, lambda text: task_theme(text, report, cat, pick.match))
    pick.begin_after(_grams(after))  # the opening of part three must not echo part two's last line
    author = pick.author
    if report.idea:
        blocks = [body(Span(sentence(report.idea), source="原文:措施.思路"))]
    elif author.outline:
        blocks = [body(Span(pick.text(spec["引言"], "measures", "intro"), source="词库:措施/引言"))]
    else:   # this author goes straight to the items
        blocks = []
    themes = measure_themes(report, _order(report, plan, author, cat.themes), plan)
    free_targets = [t for t in report.targets if t.metric is None]
    loose = [t for t in plan.loose]
    for a in plan.answers:  # an answer with no theme of its own goes to the last item
        if a.theme not in themes:
            loose += a.tasks
    unplaced = [a for a in plan.answers if a.theme not in themes]
    last_item = bool(loose or free_targets or unplaced)
    numbered = len(themes) + last_item > 1
    last_lead = ""
    for lead in pick.last_leads:   # last year's plan: its leads are not repeated, nor echoed
        pick.used.add(lead.rstrip("。"))
        pick.leads |= _grams(lead)
    # a formulation (or the brand) whose theme has no item here is taken up by the item it speaks of, if any
    pick.plans_move_to(lambda own, said: own if own in themes else
                       plan_home(said, themes, report, pick.match.stop, pick.match.theme_words))
    for n, theme in enumerate(themes, 1):
        mine = [a for a in plan.answers if a.theme == theme]
        targets = [f for f in report.targets if plan.homes.get(f.key) == theme]
        block, last_lead = _theme_item(n if numbered else 0, theme, mine, plan.by_theme.get(theme, []), targets,
                                       report, bank, pick, ctx, last_lead, warnings)
        blocks.append(block)
    if last_item:
        blocks.append(_last_item(len(themes) + 1, numbered, loose, free_targets, unplaced, report, bank, pick,
                                 ctx, warnings))
    if len(blocks) == (1 if (report.idea or author.outline) else 0):
        warnings.append(Problem("第三部分没有可写的内容：请在“问题”“措施 → 目标”或“措施 → 事项”下填写下一年的打算。",
                                path=("措施",)))
        blocks.append(body(Span("【待补充：下一年的工作打算（在“措施”下填写目标和事项）】", missing=True,
                                source="待补充:措施")))
    return blocks


def _last_item(n: int, numbered: bool, loose: list[int], free_targets: list, unplaced: list, report: Report,
               bank: Bank, pick: Choose, ctx: dict, warnings: list) -> Block:
    """The last item: answers with no theme item of their own, the clerk's tasks no theme took, and targets
    with no figure of the catalogue; headed in the part's family too (党建 as a whole), else from the bank."""
    spec = bank.get("措施")
    pick.begin_item()
    count = len(loose) + len(free_targets) + len(unplaced)
    # what the item holds, so its heading promises nothing else (以学铸魂 over a 党群服务中心 refit: blind reading)
    content = "；".join([*(report.tasks[t] for t in loose), *(a.item.text or a.item.kind or "" for a in unplaced),
                        *(report.tasks[t] for a in unplaced for t in a.tasks), *(f.key for f in free_targets)])
    lead = pick.heads.heading("三", "党建", n - 1, content=content) if numbered else None
    source = "词库:作者/党建"
    if lead is None or any(lead.rstrip("。") == x.rstrip("。") for x in pick.used):
        lead = pick.text(spec["事项要点"], "tasks", single=count < 2)
        source = "词库:措施/事项要点"
    else:
        pick.note(lead)
    spans = [Span(item_number(n), lead=True, source="序号")] if numbered else []
    spans.append(Span(sentence(lead), lead=True, source=source))
    for a in unplaced:
        spans += close(_answer(a, report, bank, pick, warnings, with_tasks=True))
    for t in dict.fromkeys(loose):
        spans.append(Span(sentence(report.tasks[t]), source=f"原文:措施.事项.{t}"))
    if free_targets:
        opener = pick.text(_openers(spec, free_targets), "target", "free")
        spans += close([Span(opener, source="词库:措施/目标引语"),
                        *figure_spans(free_targets, bank, pick, ctx, target=True)])
    return body(*spans)


def _order(report: Report, plan: AnswerPlan, author, default: tuple[str, ...]) -> tuple[str, ...]:
    """The order of part three's items: the author's theme order, or (按问题) the order of part two's
    problems first, each answered where it was raised, then the other themes."""
    order = tuple(author.order) if author.order else tuple(default)
    order += tuple(t for t in default if t not in order)
    if author.part_three != "按问题":
        return order
    first = tuple(dict.fromkeys(a.theme for a in plan.answers if a.role == "problem" and a.theme))
    return first + tuple(t for t in order if t not in first)


def _naming(a: Answer, report: Report, bank: Bank, pick: Choose) -> list[Span]:
    """How an item names the problem or cause it answers: by a short name (针对党员队伍老化的问题，), else by
    its place in part two (针对前面说的第二个问题，) — never by the problem's text cut at a comma."""
    spec = bank.get("措施")
    label = problem_label(a.item, pick)
    if label:
        text = bank.render(pick.one(spec["点名"], "name", a.role, a.index), {**pick.ctx, "问题": label})
        return [Span(text, source="词库:措施/点名", covers=(Source.of("原文", a.item.path),))]
    # by its place: problems only (a cause is not pointed back at, _answer)
    total = len(report.problems)
    options = [o for o in spec["回指"] if ("{{第}}" in o) == (total > 1)] or spec["回指"]
    text = bank.render(pick.one(options, "refer", a.role, a.index), {**pick.ctx, "第": _ordinal(a.index + 1)})
    return [Span(text, source="词库:措施/回指", covers=(Source.of("原文", a.item.path),))]


def _ordinal(n: int) -> str:
    return CN_NUMERALS[n - 1] if n <= 10 else str(n)


def _answer(a: Answer, report: Report, bank: Bank, pick: Choose, warnings: list, *, avoid: str = "",
            with_tasks: bool = True) -> list[Span]:
    """The sentence that answers one problem or cause: its 事项 (the clerk's words), else its kind's 对策,
    else a marked gap the clerk is told to fill."""
    # A bank kind is answered under its theme's heading without naming it again (its 对策, or the clerk's 事项
    # recorded as answering it); the clerk's own problem or cause is named: by its 简称, else by its place.
    # ... and, for the authors who do not number their own part two back (most), answered where it belongs
    # without being announced, unless the clerk gave it a 简称
    # A cause is never pointed back at by its place: 针对这条原因 / 从这条原因入手 read to the blind readers
    # as a seam no secretary would speak
    named = a.item.kind is None and (bool(problem_label(a.item, pick)) or (pick.author.refers and a.role == "problem"))
    spans = _naming(a, report, bank, pick) if named else []
    answered = (Source.of("原文", a.item.path),)
    if a.tasks and with_tasks:
        for k, t in enumerate(a.tasks):
            text = report.tasks[t].rstrip("。；;，, ")
            spans.append(Span(text + ("；" if k < len(a.tasks) - 1 else ""), source=f"原文:措施.事项.{t}",
                              covers=answered if not named and k == 0 else ()))
        return spans
    if a.remedy is not None:
        remedy = pick.text(fitting(bank.get("问题", "对策")[a.remedy], report), "remedy", a.remedy, avoid_start=avoid)
        return spans + [Span(remedy, source=f"词库:问题/对策/{a.remedy}", covers=() if named else answered)]
    what = "问题" if a.role == "problem" else "原因"
    shown = a.item.name or _short(a.item.text or a.item.kind or "")
    warnings.append(Problem(
        f"第二部分的{what}“{shown}”在第三部分还没有具体措施：请在“措施 → 事项”下写一条针对它的打算"
        f"（用上它的关键词，报告会把它放到这个{what}后面），草稿里暂时标了【待补充】。", path=a.item.path))
    return spans + [Span(f"【待补充：针对这个{what}的具体措施（在“措施 → 事项”下写一条）】", missing=True,
                         source="待补充:措施.事项")]


def _openers(spec: dict, targets) -> list:
    """The words that open a plan's targets: a metric's own where it has them (措施.yaml → 目标引语按指标:
    发展党员 is planned for the year, never 确保 — a quota for recruiting members reads wrong to a 组织部
    reader), else the part's."""
    own = spec.get("目标引语按指标") or {}
    return next((list(own[f.key]) for f in targets if own.get(f.key)), list(spec["目标引语"]))


def _answered_by_the_plan(answers: list[Answer], placed: list[int], kinds: dict | None = None) -> list[Answer]:
    """What the clerk's own plan in an item answers besides its own: where the item holds one of the clerk's
    事项, a problem is not also answered by a stock 对策 beside it (让党员在急难险重任务中站出来、冲在前 before
    the clerk's own 楼门长 plan read as an empty measure next to the real one), nor an own cause marked
    【待补充】. Decided before any wording, so no 对策 is chosen and thrown away.

    Where it holds none, an own cause that speaks of what a problem of the item answered by its kind's 对策 is
    about (`kinds`: 问题.yaml → 关键词) is answered by that 对策, not marked beside it (本人把精力更多放在老城改造
    和招商上 beside 将党建工作的时间先排进日程表 for 精力投入不足: 南门街道, a fresh input; 55th blind reading read
    the 【待补充】 after the plan as a leftover of the template)."""
    if not placed and not any(a.tasks for a in answers):
        terms = [t for a in answers if a.remedy for t in ((kinds or {}).get(a.remedy) or {}).get("关键词", ())]
        return [a for a in answers if a.role == "cause" and a.item.kind is None and not a.tasks
                and any(t in (a.item.text or "") + (a.item.detail or "") for t in terms)]
    # (an own problem that borrows a bank kind's 对策, 平房区的党员报到后就不见人 beside 给报到党员建专长台账, and an
    # own cause, 本人把精力更多放在招商和项目上 beside 本人每季度到每个村走一趟，专门听党建: both fresh inputs)
    return [a for a in answers if not a.tasks and (a.remedy is not None or a.role == "cause")]


def _short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _theme_item(n: int, theme: str, answers: list[Answer], placed: list[int], targets: list, report: Report,
                bank: Bank, pick: Choose, ctx: dict, last_lead: str, warnings: list) -> tuple[Block, str]:
    spec = bank.get("措施")
    t = spec["主题"][theme]
    pick.begin_after(pick.leads)  # a plan that repeats the year's own headings reads like a copy
    told = [tf for tf in report.themes if tf.theme == theme]
    # a bank problem's name (党员教育管理不严) is a label, not what the item plans: a heading may take its field
    # word from it, never a promise (教育培训再推进 over a plan to report attendance)
    kinds = "；".join(a.item.kind for a in answers if a.item.kind and not a.item.text)
    planned = "；".join([*(a.item.text or "" for a in answers), *(a.item.detail or "" for a in answers),
                         *(report.tasks[i] for a in answers for i in a.tasks), *(report.tasks[i] for i in placed),
                         *(f.key for f in targets)])
    content = "；".join([planned, *(c for tf in told for c in tf.cases),
                        *(d.said or (d.practice.key if d.practice else "") for tf in told for d in tf.practices)])
    things = len(answers) + len(placed) + len(targets)
    names = "；".join([theme, *bank.get("亮点", "主题", theme, "短称")])
    # the heading speaks for what this item plans; part one's cases and practices of the theme only when it
    # plans nothing of the clerk's own (党员服务再上台阶 over a plan to recruit, backed by part one's 党员服务小组)
    lead = pick.heads.heading("三", theme, max(n - 1, 0), content=planned or content,
                              field="；".join(x for x in (names, kinds) if x))
    source = f"词库:作者/{theme}"
    if lead is None or any(lead.rstrip("。") == x.rstrip("。") for x in pick.used):
        leads = pick.match.supported(fitting(t["要点"], report), content)
        lead = pick.text(leads or t["要点"], "measure-lead", theme, avoid_start=last_lead[:2], single=things < 2)
        source = f"词库:措施/{theme}/要点"
    else:
        pick.note(lead)
    head = [Span(item_number(n), lead=True, source="序号")] if n else []
    head.append(Span(sentence(lead), lead=True, source=source))

    by_plan = _answered_by_the_plan(answers, placed, bank.get("问题", "问题"))
    units: list[list[Span]] = [_answer(a, report, bank, pick, warnings, avoid=lead[:2]) for a in answers
                               if a not in by_plan]
    # the unit's own formulation again where it belongs (首尾呼应); the first item takes one whose theme has none
    for k, (name, _) in enumerate(pick.local_plan.pop(theme, [])):
        if spec.get("本地提法"):
            units.insert(0, [Span(pick.text(spec["本地提法"], "local-plan", theme, k, extra={"提法": name}),
                                  source="词库:措施/本地提法")])
    if theme == pick.brand_plan and spec.get("品牌呼应"):
        pick.brand_taken_up("三")
        aspect = pick.one(bank.get("亮点", "主题", theme)["短称"], "short", theme)
        units.insert(0, [Span(pick.text(spec["品牌呼应"], "brand-plan", theme, extra={"方面": aspect}),
                              source="词库:措施/品牌呼应")])
    units += [[Span(report.tasks[i].rstrip("。；; "), source=f"原文:措施.事项.{i}")] for i in placed]
    if by_plan:   # what the plan answers is recorded on its first 事项 (else on the 对策 that answers it)
        unit, at = next((u, k) for kind in ("原文:措施.事项.", "词库:问题/对策/") for u in units
                        for k, x in enumerate(u) if x.source.startswith(kind))
        task = unit[at]
        unit[at] = Span(task.text, lead=task.lead, missing=task.missing, source=task.source,
                        covers=tuple(dict.fromkeys(task.covers + tuple(Source.of("原文", a.item.path) for a in by_plan))))
    if not units:  # nothing of the clerk's to answer here: one general measure, not a list of them
        if t.get("举措") and t.get("目的") and (not t.get("展开") or pick.chance(WHOLE_MEASURE_CHANCE, "measure", theme)):
            text = (pick.text(fitting(t["举措"], report), "measure", theme, "means") + "，"
                    + pick.text(fitting(t["目的"], report), "measure", theme, "aim"))
        else:
            text = pick.text(fitting(t["展开"], report), "measure", theme)
        units.append([Span(text, source=f"词库:措施/{theme}")])

    target_spans: list[Span] = []
    if targets:
        # not an opener the item's other sentences already use (确保发展党员4名 … 确保发展党员质量)
        said = "".join(s.text for unit in units for s in unit)
        opener = pick.text(_openers(spec, targets), "target", theme, not_in=said)
        target_spans = [Span(opener, source="词库:措施/目标引语"),
                        *figure_spans(targets, bank, pick, ctx, target=True)]

    # Where the target stands: first, in the middle, or last — so not every item ends on a figure.
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
