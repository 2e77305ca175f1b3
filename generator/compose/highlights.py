"""一、履职工作特色和亮点: one numbered item per theme the clerk filled in (two thin neighbours may share one).

Plan, then wording. `plan_item` (compose/item_plan.py) turns a theme's input into *units* — a confirmed practice carrying the
figures of its metrics, a group of the remaining figures, a case — and picks an *architecture* by what the
item holds, never the same as the item before when another fits:

  woven    practices as sentences with their figures, other figures grouped, cases after 比如
  points   the units as 一是……；二是……；三是……
  case     the clerk's case first, then what stands behind it
  figures  the figures first, then the practices that produced them
  short    a thin theme: the lead and one sentence
  (merged) two thin themes in one item under a joint lead

A stance sentence and a judgement of results are optional; the judgement appears only when a figure,
practice or case supports it, no figure went the wrong way, and no problem the clerk named contradicts it.
Closings never come from the same family twice running.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..bank import Bank
from ..facts import Fact, Report, ThemeFacts
from ..errors import Problem
from ..model import Block, Role, Span, body
from .opening import LINE_THEME
from .choose import Choose, _grams
from .conditions import fitting
from .text import close, fact_clause, item_number, point_number
from .follow_up import last_targets, rectify_item
from .sentences import word_units
from .item_plan import Plan, plan_item, word_plan
from .local import theme_content
from .units import Unit

def highlights(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[Problem]) -> list[Block]:
    if not report.themes:
        warnings.append(Problem("“亮点”没有填写，第一部分标出了【待补充】。请在“亮点”下按主题填写做法、数字和事例。",
                                path=("亮点",)))
        return [body(Span("【待补充：本年度抓党建的主要做法和成效（在“亮点”下按主题填写做法、数字和事例）】",
                          missing=True, source="待补充:亮点"))]
    author = pick.author
    themes = ordered(report.themes, author.order)
    rectify = bool(report.last and (report.last.done or report.last.ongoing))
    targets = last_targets(report)
    last = {"architecture": "", "lead": "", "family": "", "case_last": False}
    shape = author.part_one
    groups = _by_group(themes, pick.heads.spec, author.grouping) if shape in ("归并", "分层") else []
    if len(groups) + rectify < 2:
        shape = "分项" if shape != "平铺" else shape
    if shape == "归并" and any(sum(_weight(tf) for tf in g) > PARAGRAPH_WEIGHT for _, g in groups):
        shape = "分层"   # a group too rich for one paragraph: the same groups, a paragraph per theme
    if shape in ("归并", "分层") and any(len(g) > 1 for _, g in groups):
        pick.layout["一"] = f"{shape}/{author.grouping}"
        return _grouped_items(shape, groups, report, bank, pick, ctx, last, targets, rectify)
    if shape in ("归并", "分层"):
        shape = "分项"
    pick.layout["一"] = shape
    items = _group(themes, pick.heads.spec, author.grouping)
    out: list[Block] = []
    numbered = len(items) + rectify > 1
    for n, item in enumerate(items, 1):
        plan = plan_item(item, bank, pick, ctx, last, first=n == 1, targets=targets,
                         nested=shape == "平铺")
        units = word_plan(plan, bank, pick, ctx)
        marker = _marker(shape, n, bank) if numbered else ""
        lead = pick.heads.heading("一", _heading_key(item, pick.heads.spec, author.grouping), n - 1,
                                  content=_told(item, bank), worded="".join(s.text for u in units for s in u.spans))
        out.append(body(*_item_spans(marker, plan, units, report, bank, pick, ctx, last, lead=lead)))
        last["architecture"] = plan.architecture
    if rectify:
        n = len(items) + 1
        out.append(rectify_item(_marker(shape, n, bank), report, bank, pick, n - 1))
    return out


# 归并 puts a group's themes in one paragraph as 一是…二是…; past this many things said (practices, figures,
# cases) it would run to 600 characters and more (real items run 300–700), past what a reader takes in as one paragraph.
PARAGRAPH_WEIGHT = 12


def _weight(tf: ThemeFacts) -> int:
    return len(tf.practices) + len(tf.cases) + (len(tf.facts) + 1) // 2


def ordered(themes: tuple[ThemeFacts, ...], order: tuple[str, ...]) -> tuple[ThemeFacts, ...]:
    """The themes in the author's order (a theme the order does not know keeps its place at the end)."""
    rank = {t: i for i, t in enumerate(order)}
    return tuple(sorted(themes, key=lambda tf: rank.get(tf.theme, len(rank))))


def _marker(shape: str, n: int, bank: Bank) -> str:
    """An item's number: （一） for items, 一是 for flat paragraphs."""
    if shape == "平铺":
        ordinals = bank.get("结构", "序号")
        return point_number(n - 1, ordinals)
    return item_number(n)


def _group_of(authors: Mapping, grouping: str) -> dict[str, str]:
    """theme → the name of its group among the author's (作者.yaml → 分组)."""
    return {t: g["名"] for g in ((authors or {}).get("分组") or {}).get(grouping) or [] for t in g["主题"]}


def _by_group(themes: tuple[ThemeFacts, ...], authors: Mapping, grouping: str) -> list[tuple[str, list[ThemeFacts]]]:
    """The author's groups of the themes filled in, in the order of their first theme; a group of one theme
    is that theme."""
    home = _group_of(authors, grouping)
    out: list[tuple[str, list[ThemeFacts]]] = []
    for tf in themes:
        name = home.get(tf.theme, tf.theme)
        hit = next((g for g in out if g[0] == name), None)
        if hit is None:
            out.append((name, [tf]))
        else:
            hit[1].append(tf)
    return out


def _told(themes: tuple[ThemeFacts, ...], bank: Bank) -> tuple[str, ...]:
    """What a heading may speak of, theme by theme: each theme's names and the names and words of what it
    holds."""
    return tuple("；".join((*bank.get("亮点", "主题", tf.theme, "短称"), theme_content(tf))) for tf in themes)


def _heading_key(item: tuple[ThemeFacts, ...], authors: Mapping, grouping: str) -> str:
    """What a heading speaks of: the theme, or for two merged themes the group they share (else the first)."""
    if len(item) == 1:
        return item[0].theme
    groups = _by_group(item, authors, grouping)
    return groups[0][0] if len(groups) == 1 else item[0].theme


def _grouped_items(shape: str, groups, report: Report, bank: Bank, pick: Choose, ctx: dict, last: dict,
                   targets: dict, rectify: bool) -> list[Block]:
    """Fewer items, each a group of related themes: 归并 — （一）group heading, then 一是…二是… in one
    paragraph; 分层 — （一）group heading on its own line, then a paragraph 1. 2. per theme."""
    out: list[Block] = []
    first = True
    ordinals = bank.get("结构", "序号")
    for n, (name, members) in enumerate(groups, 1):
        key = name if len(members) > 1 else members[0].theme
        head = pick.heads.heading("一", key, n - 1, content=_told(tuple(members), bank))
        if len(members) == 1 and shape == "归并":   # a group of one theme is an ordinary item
            plan = plan_item((members[0],), bank, pick, ctx, last, first=first, targets=targets)
            units = word_plan(plan, bank, pick, ctx)
            out.append(body(*_item_spans(item_number(n), plan, units, report, bank, pick, ctx, last, lead=head)))
            last["architecture"] = plan.architecture
            first = False
            continue
        source = f"词库:作者/{name}"
        if head is None and len(members) > 1:   # the family cannot say it: an aim of the whole group
            head = pick.heads.aim(key, _told(tuple(members), bank), n - 1)
        if head is None:   # … else the first theme's own lead, traced to it
            head = pick.text(bank.get("亮点", "主题", members[0].theme, "要点"), "lead", name)
            source = f"词库:亮点/{members[0].theme}/要点"
        if shape == "分层":
            out.append(Block(Role.HEADING2, (Span(item_number(n) + head.rstrip("。"), source=source),)))
            for k, tf in enumerate(members, 1):   # one paragraph under its heading is not numbered 1.
                plan = plan_item((tf,), bank, pick, ctx, last, first=first, targets=targets)
                units = word_plan(plan, bank, pick, ctx)
                out.append(body(*_item_spans(f"{k}." if len(members) > 1 else "", plan, units, report, bank,
                                             pick, ctx, last)))
                last["architecture"] = plan.architecture
                first = False
            continue
        spans = [Span(item_number(n), lead=True, source="序号"),
                 Span(head.rstrip("。") + "。", lead=True, source=source)]
        pick.begin_item(keep=first)   # one paragraph: its points must not echo its heading or each other
        pick.note(head)
        for k, tf in enumerate(members):
            plan = plan_item((tf,), bank, pick, ctx, last, first=first, targets=targets,
                             nested=True, keep=True)
            units = word_plan(plan, bank, pick, ctx)
            spans += _item_spans(point_number(k, ordinals), plan, units, report, bank,
                                 pick, ctx, last, bold=False)
            last["architecture"] = plan.architecture
            first = False
        out.append(body(*spans))
    if rectify:
        n = len(groups) + 1
        out.append(rectify_item(item_number(n), report, bank, pick, n - 1))
    return out


# A theme is thin when it holds no case and at most this much (practices, and figures by twos): a heading over
# one deed and its figure (分析研判意识形态领域形势2次 under 3.将意识形态工作的责任扛起来、阵地守起来) read as an
# empty slot to the 31st and 32nd blind readings; two such neighbours share one item
THIN_WEIGHT = 2


def _thin(tf: ThemeFacts) -> bool:
    return not tf.cases and _weight(tf) <= THIN_WEIGHT


def _group(themes: tuple[ThemeFacts, ...], authors: Mapping, grouping: str) -> list[tuple[ThemeFacts, ...]]:
    """Pair up thin themes (a deed or two figures each, no case) of one of the author's groups into one item,
    at the place of the first: its heading speaks for both (（四）注重党员管理 over the 作风 problems put right,
    two themes of different groups, read as a heading over the wrong thing)."""
    if len(themes) <= 2:
        return [(tf,) for tf in themes]
    home = _group_of(authors, grouping)
    out: list[tuple[ThemeFacts, ...]] = []
    taken: set[int] = set()
    for i, tf in enumerate(themes):
        if i in taken:
            continue
        mate = next((j for j in range(i + 1, len(themes)) if j not in taken and _thin(themes[j])
                     and home.get(tf.theme, tf.theme) == home.get(themes[j].theme, "")), None) if _thin(tf) else None
        if mate is None:
            out.append((tf,))
        else:
            taken.add(mate)
            out.append((tf, themes[mate]))
    return out


# --- wording ---------------------------------------------------------------------------------------

def _own_names(plan: Plan, bank: Bank, pick: Choose) -> list[Span]:
    """The unit's own formulation (本地提法) this item carries, once each, and the brand of the opening again
    where it belongs (首尾呼应)."""
    out = []
    for tf in plan.themes:
        # … not where the clerk's own words about the item name it already: 对照“三事分流”的要求，… then 按“三事分流”的
        # 办法，今年21件纠纷… (马家庄村, 38th blind reading: 关键词硬塞)
        told = theme_content(tf)
        for k, (name, _) in enumerate(n for n in pick.local.pop(tf.theme, []) if n[0] not in told):
            slot = "本地提法引出" if bank.has("亮点", "本地提法引出") and not k else "本地提法"
            if bank.has("亮点", slot):
                out.append(Span(pick.text(bank.get("亮点", slot), "local", tf.theme, k, extra={"提法": name}),
                                source=f"词库:亮点/{slot}"))
        if tf.theme == pick.brand_home:
            pick.brand_taken_up("一")
            if pick.ctx.get("品牌") and pick.ctx["品牌"] in told:   # the clerk's words name it here already
                continue
            aspect = pick.one(bank.get("亮点", "主题", tf.theme)["短称"], "short", tf.theme)
            out.append(Span(pick.text(bank.get("亮点", "品牌呼应"), "brand", tf.theme, extra={"方面": aspect}),
                            source="词库:亮点/品牌呼应"))
    return out


def _item_spans(marker: str, plan: Plan, units: list[Unit], report: Report, bank: Bank, pick: Choose, ctx: dict,
                last: dict, lead: str | None = None, bold: bool = True) -> list[Span]:
    """One item's words: its marker and lead (the heading family's `lead` when given, else one of the
    theme's own), the author's stance if any, its units in its architecture, a closing only where the
    author closes at all. `bold`: the lead is a run-in heading (not when the item is a point of another)."""
    spec = bank.get("亮点", "主题", plan.themes[0].theme)
    theme = plan.themes[0].theme
    author = pick.author
    if lead is not None:
        pick.note(lead)
        source = "词库:作者/" + theme
    elif plan.architecture == "merged":
        other = bank.get("亮点", "主题", plan.themes[1].theme)
        words = {"甲": pick.one(spec["短称"], "short", theme),
                 "乙": pick.one(other["短称"], "short", plan.themes[1].theme)}
        lead = pick.note(bank.render(pick.one(bank.get("亮点", "合并要点"), "merged-lead", theme), {**ctx, **words}))
        source = f"词库:亮点/{theme}/要点"
    else:  # a heading promises only what the item holds (no 后进 without a 后进 fact, no 一项一项 for one)
        content = _content(plan)
        leads = pick.match.supported(spec["要点"], content)
        lead = pick.text(leads or spec["要点"], "lead", theme, avoid_start=last["lead"][:2],
                         single=len(units) < 2)
        source = f"词库:亮点/{theme}/要点"
    last["lead"] = lead
    pick.leads |= _grams(lead)
    spans: list[Span] = [Span(marker, lead=bold, source="序号")] if marker else []
    spans.append(Span(lead.rstrip("。") + "。", lead=bold, source=source))

    # the year's line, once in a report: here when the opening did not say it (亮点 → 政治站位)
    if not pick.line_said and "理论" in ctx and any(tf.theme == LINE_THEME for tf in plan.themes) \
            and bank.has("亮点", "政治站位"):
        # … only the year's meeting where the item's lead, or a practice of the item, names the guiding
        # thought already (学习党的创新理论… beside 推动党的创新理论进村入户 in one paragraph)
        named = ctx["理论"] in lead or any(ctx["理论"] in x.text for u in units for x in u.spans)
        slot = "会议站位" if named and bank.has("亮点", "会议站位") else "政治站位"
        spans.append(Span(pick.text(bank.get("亮点", slot), "line", LINE_THEME), source="年度"))
        pick.year_line_said()

    stance = None
    if plan.architecture not in ("short", "merged") and pick.chance(author.stance_rate, "stance", theme):
        stance = Span(pick.text(fitting(spec["立场"], report), "stance", theme, avoid_start=lead[:2]),  # 注重…。注重…
                      source=f"词库:亮点/{theme}/立场")
    if stance is not None and author.stance_first:
        spans.append(stance)
    said_stance = stance.text if stance is not None else ""   # before the units or after them, drawn first
    own = _own_names(plan, bank, pick)
    # a formulation of the unit's own opens the item's first sentence (围绕“三联三帮”，…) where the bank has
    # lead-ins: as a sentence of its own about the formulation it read as 硬插进去 (blind readings 7 and 8)
    prefix = tuple(x for x in own if x.source == "词库:亮点/本地提法引出")
    spans += [x for x in own if x.source != "词库:亮点/本地提法引出"]

    # the unit's 家底 first, a sentence of its own, whatever the architecture
    for unit in (u for u in units if u.kind == "overview"):
        spans += close(unit.spans)
    units = [u for u in units if u.kind != "overview"]
    a = plan.architecture
    cases = [u for u in units if u.kind == "case"]
    # … and what a case tells of (its figure, its practice) is a point of the list, the last before the case:
    # as a sentence of its own between the list and the case it dangled (二是……。新就业群体党组织建起3个。
    # and then the story: 21st blind reading)
    listed = [u for u in units if u.kind != "case"] + [Unit("point", told) for u in cases for told in u.told_before()]
    list_at = None   # where a list of points that ends on what a case tells of begins
    if a == "points" and len(listed) >= 2:
        # the points are what was done; the clerk's case follows them as its own sentence, not as the last
        # point: 一是…；二是…；四是（a story) in every list read as a template's slot (blind reading)
        spans += prefix
        prefix = ()
        if any(u.head for u in cases):
            list_at = len(spans)
        for i, unit in enumerate(listed):
            ordinals = bank.get("结构", "序号")   # one list of 一是、二是…, in 结构.yaml
            spans.append(Span(point_number(i, ordinals), source="序号"))
            spans += unit.spans
            spans.append(Span("；" if i < len(listed) - 1 else "。"))
        spans += word_units([Unit("case", u.spans[u.head:]) for u in cases], bank, pick, theme)
    elif a == "case":
        cases = [u for u in units if u.kind == "case"]
        rest = [u for u in units if u.kind != "case"]
        spans += word_units(cases[:1], bank, pick, theme, first_case=True, prefix=prefix)
        spans += word_units(rest + cases[1:], bank, pick, theme)
    elif a == "figures":
        figures = [u for u in units if u.kind in ("figures", "plain")]
        rest = [u for u in units if u.kind not in ("figures", "plain")]
        # a formulation's lead-in opens a practice where there is one (not an outcome figure)
        later = prefix if any(u.says_practice for u in rest) else ()
        spans += word_units(figures, bank, pick, theme, frame=True, prefix=() if later else prefix, lead=lead,
                            stance=said_stance)
        spans += word_units(rest, bank, pick, theme, prefix=later)
    elif a == "merged":
        spans += word_units(units, bank, pick, theme, frame=True, prefix=prefix, lead=lead, stance=said_stance)
    else:  # woven, short
        spans += word_units(units, bank, pick, theme, frame=(a == "woven"), prefix=prefix, lead=lead,
                            stance=said_stance)
    if stance is not None and not author.stance_first:
        # not after the clerk's case: a slogan hung on a story read as 具体事迹后面硬缀口号 (blind reading)
        # … nor between the case and the point just before it that it is an instance of: before the list
        at = list_at if list_at is not None else _case_tail(spans)
        spans.insert(at, stance)

    closing = _closing(plan, report, bank, pick, spec, theme, last)
    if closing:
        spans += closing
    told = [x for x in spans if x.source]
    last["case_last"] = bool(told) and ".事例." in told[-1].source
    return spans


def _case_tail(spans: list[Span]) -> int:
    """Where the item's closing run of the clerk's cases begins (the end when it does not end on one)."""
    at = len(spans)
    # the case with what was placed beside it: the figure it tells of and the clerk's own practice it is an
    # instance of (units.plan_units)
    while at and (spans[at - 1].source.startswith(("原文:亮点.", "指标:亮点.")) or not spans[at - 1].source):
        at -= 1
    # … at a sentence boundary: never inside a practice's clause and its figure (开展警示教育[stance]3次。)
    while at < len(spans) and not (at == 0 or spans[at - 1].text.endswith(("。", "；", "："))):
        at += 1
    return at if at < len(spans) and any(".事例." in s.source for s in spans[at:]) else len(spans)


def _content(plan: Plan) -> str:
    """What an item holds, as text: its practices' and figures' names and the clerk's words."""
    parts = []
    for tf in plan.themes:
        parts += [d.practice.key if d.practice else d.text or "" for d in tf.practices]
        parts += [f.metric.key if f.metric else (f.name or f.key) for f in tf.facts]
        parts += list(tf.cases)
    return "；".join(parts)


def _closing(plan: Plan, report: Report, bank: Bank, pick: Choose, spec: dict, theme: str,
             last: dict) -> list[Span]:
    """A judgement of results, only where the item supports it and no problem contradicts it."""
    # no judgement of results in a theme where the clerk names a problem: 干部作风进一步转变 in part one
    # and 干部作风还需进一步转变 in part two cannot both be the writer's view
    troubled = any(i.theme in {tf.theme for tf in plan.themes} for i in report.problems)
    # once a draft at most, from the few authors who close at all: two items ending 经过一年的努力…… and
    # 通过持续用力…… in one draft were what blind readers quoted first
    if not plan.supported or plan.bad or troubled or plan.architecture == "short" or last.get("closed") \
            or not pick.chance(pick.author.close_chance, "close", theme):
        last["family"] = ""
        return []
    content = _content(plan)
    options = pick.match.supported(fitting(spec["收束"], report), content)
    if not options:
        return []
    families = bank.get("亮点", "收束引语")
    names = [f for f in families if f != last["family"]] or list(families)
    family = names[pick.shape(len(names), "close-family", theme)]
    last["family"] = family
    last["closed"] = True
    intro = pick.text(families[family], "close-lead", theme)
    text = pick.text(options, "close", theme)
    return [Span(intro + text, source=f"词库:亮点/{theme}/收束")]


__all__ = ["highlights", "plan_item", "fact_clause", "Fact"]
