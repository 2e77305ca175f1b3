"""一、履职工作特色和亮点: one numbered item per theme the clerk filled in (two thin neighbours may share one).

Plan, then wording. `plan_item` turns a theme's input into *units* — a confirmed practice carrying the
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

import re
from dataclasses import dataclass, field

from ..bank import Bank
from ..facts import Done, Fact, Report, ThemeFacts, achieved
from ..errors import Problem
from ..model import Block, Role, Span, body
from .choose import Choose, _grams
from .conditions import fitting
from .text import close, fact_clause, figure_spans, item_number, key_path, sentence

FIGURES_PER_SENTENCE = 3
# An author's connector at most this often in a draft: its one habit, not a tic (同时，×4 reads as one).
MAX_LINKS = 2
# The author's lead-in before figures (一年来，) at most this often in a draft and once a paragraph: three
# 一年来 in one item read as a tic (a blind reader counted them).
MAX_FIGURE_LEADS = 3
# How often connectors (另外, 同时 …) and closing judgements appear is the author's (作者.yaml): real authors
# use few connectors (0.3 per 1,000 characters in the seeds) and close no item on a judgement.
ARCHITECTURES = ("woven", "points", "case", "figures", "short")


@dataclass
class Unit:
    """One thing an item says: a practice (with its figures), a group of figures, or a case."""

    kind: str                       # practice | figures | case
    spans: list[Span] = field(default_factory=list)   # without the final full stop


@dataclass
class Plan:
    themes: tuple[ThemeFacts, ...]  # one, or two when merged
    units: list[Unit]
    architecture: str
    supported: bool                 # a judgement of results has something under it
    bad: bool                       # a figure went the wrong way or is zero


def highlights(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[str]) -> list[Block]:
    if not report.themes:
        warnings.append(Problem("“亮点”没有填写，第一部分标出了【待补充】。请在“亮点”下按主题填写做法、数字和事例。",
                                path=("亮点",)))
        return [body(Span("【待补充：本年度抓党建的主要做法和成效（在“亮点”下按主题填写做法、数字和事例）】",
                          missing=True, source="待补充:亮点"))]
    author = pick.author
    themes = ordered(report.themes, author.order)
    rectify = bool(report.last and (report.last.done or report.last.ongoing))
    targets = _last_targets(report)
    last = {"architecture": "", "lead": "", "family": ""}
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
    items = _group(themes)
    out: list[Block] = []
    numbered = len(items) + rectify > 1
    for n, item in enumerate(items, 1):
        plan = plan_item(item, bank, pick, ctx, last["architecture"], first=n == 1, targets=targets,
                         nested=shape == "平铺")
        marker = _marker(shape, n, bank) if numbered else ""
        lead = pick.heads.heading("一", _heading_key(item, pick.heads.spec, author.grouping), n - 1,
                                  content=_told(item, bank))
        out.append(body(*_item_spans(marker, plan, report, bank, pick, ctx, last, lead=lead)))
        last["architecture"] = plan.architecture
    if rectify:
        n = len(items) + 1
        lead = pick.heads.heading("一", "整改", n - 1)
        out.append(_rectify_item(_marker(shape, n, bank), report, bank, pick, lead))
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
        return ordinals[n - 1] if n <= len(ordinals) else f"第{n}"
    return item_number(n)


def _by_group(themes: tuple[ThemeFacts, ...], authors: dict, grouping: str) -> list[tuple[str, list[ThemeFacts]]]:
    """The author's groups of the themes filled in, in the order of their first theme; a group of one theme
    is that theme."""
    spec = ((authors or {}).get("分组") or {}).get(grouping) or []
    home = {t: g["名"] for g in spec for t in g["主题"]}
    out: list[tuple[str, list[ThemeFacts]]] = []
    for tf in themes:
        name = home.get(tf.theme, tf.theme)
        hit = next((g for g in out if g[0] == name), None)
        if hit is None:
            out.append((name, [tf]))
        else:
            hit[1].append(tf)
    return out


def _told(themes: tuple[ThemeFacts, ...], bank: Bank) -> str:
    """What a heading may speak of: the themes' names and the names and words of what they hold."""
    from .local import theme_content

    return "；".join(part for tf in themes
                    for part in (*bank.get("亮点", "主题", tf.theme, "短称"), theme_content(tf)))


def _heading_key(item: tuple[ThemeFacts, ...], authors: dict, grouping: str) -> str:
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
            plan = plan_item((members[0],), bank, pick, ctx, last["architecture"], first=first, targets=targets)
            out.append(body(*_item_spans(item_number(n), plan, report, bank, pick, ctx, last, lead=head)))
            last["architecture"] = plan.architecture
            first = False
            continue
        if head is None:
            head = pick.text(bank.get("亮点", "主题", members[0].theme, "要点"), "lead", name)
        if shape == "分层":
            out.append(Block(Role.HEADING2, (Span(item_number(n) + head.rstrip("。"),
                                                  source=f"词库:作者/{name}"),)))
            for k, tf in enumerate(members, 1):   # one paragraph under its heading is not numbered 1.
                plan = plan_item((tf,), bank, pick, ctx, last["architecture"], first=first, targets=targets)
                out.append(body(*_item_spans(f"{k}." if len(members) > 1 else "", plan, report, bank, pick,
                                             ctx, last)))
                last["architecture"] = plan.architecture
                first = False
            continue
        spans = [Span(item_number(n), lead=True, source="序号"),
                 Span(head.rstrip("。") + "。", lead=True, source=f"词库:作者/{name}")]
        pick.begin_item(keep=first)   # one paragraph: its points must not echo its heading or each other
        pick.note(head)
        for k, tf in enumerate(members):
            plan = plan_item((tf,), bank, pick, ctx, last["architecture"], first=first, targets=targets,
                             nested=True, keep=True)
            spans += _item_spans(ordinals[k] if k < len(ordinals) else f"第{k + 1}", plan, report, bank, pick,
                                 ctx, last, bold=False)
            last["architecture"] = plan.architecture
            first = False
        out.append(body(*spans))
    if rectify:
        n = len(groups) + 1
        out.append(_rectify_item(item_number(n), report, bank, pick, pick.heads.heading("一", "整改", n - 1)))
    return out


def _last_targets(report: Report) -> dict:
    """Last year's targets by (metric, params), for the themes whose figures answer them."""
    if report.last is None:
        return {}
    return {(t.metric.key, t.params): t for t in report.last.targets if t.metric is not None}


def _completion(target: Fact, fact: Fact, bank: Bank, pick: Choose, ctx: dict, theme: str) -> list[Span]:
    """年初定下发展党员15名的目标，全年发展党员17名，超额完成2名: both figures, and the gap computed from them."""
    from ..facts import format_number

    got = achieved(target, fact)
    gap = abs(got - target.value)
    better = target.metric.better(target.value, got)
    kind = "完成" if gap == 0 else ("超额" if better in (True, None) else "未完成")
    options = bank.get("亮点", "完成", kind)
    source = pick.one(options, "completion", theme, target.key)
    marks = {"目标": "\x01", "实际": "\x02", "差": "\x03"}
    text = bank.render(source, {**ctx, **marks})
    goal = fact_clause(Fact(target.key, target.unit, value=target.value, metric=target.metric, params=target.params,
                            aim=target.aim), bank, pick, ctx)
    now = _achieved(fact, bank, pick, ctx, theme)
    pieces = {"\x01": Span(goal, source="指标:" + key_path(("上年", "措施", "目标", target.key))),
              "\x02": Span(now, source="指标:" + key_path(fact.path)),
              "\x03": Span(f"{format_number(round(gap, 6))}{fact.unit}",
                            source=f"计算:{key_path(fact.path)}−{key_path(('上年', '措施', '目标', target.key))}")}
    out: list[Span] = []
    for part in re.split("([\x01\x02\x03])", text):
        if part in pieces:
            out.append(pieces[part])
        elif part:
            out.append(Span(pick.note(part), source="词库:亮点/完成"))
    return out


def _achieved(fact: Fact, bank: Bank, pick: Choose, ctx: dict, theme: str) -> str:
    """This year's figure beside last year's target, without naming the metric a second time
    (目标是储备后备干部3名，实际完成3名; not …，储备村级后备干部3名)."""
    from ..facts import format_number

    if fact.is_change:
        word = fact.metric.rise_word if fact.after > fact.before else fact.metric.fall_word
        source = pick.one(bank.get("亮点", "完成实际", "变化"), "achieved", theme, fact.key)
        return bank.render(source, {**ctx, "从量": f"{format_number(fact.before)}{fact.unit}",
                                    "到量": f"{format_number(fact.after)}{fact.unit}", "变化": word})
    source = pick.one(bank.get("亮点", "完成实际", "单值"), "achieved", theme, fact.key)
    return bank.render(source, {**ctx, "数量": f"{format_number(fact.value)}{fact.unit}"})


def _rectify_item(marker: str, report: Report, bank: Bank, pick: Choose, lead: str | None = None) -> Block:
    """The last item of part one: last year's problems, each named, done or still in hand."""
    pick.begin_item()
    lead = lead or pick.text(bank.get("亮点", "整改要点"), "rectify-lead")
    spans = [Span(marker, lead=True, source="序号")] if marker else []
    spans.append(Span(sentence(lead), lead=True, source="词库:亮点/整改要点"))
    notes = dict(report.last.notes)
    for status, items in (("整改完成", report.last.done), ("整改推进", report.last.ongoing)):
        told = [i for i in items if id(i) in notes]   # the clerk said how: one sentence each, in their words
        plain = [i for i in items if id(i) not in notes]
        for item in told:
            spans += _rectify_told(item, notes[id(item)], status, bank, pick)
        if not plain:
            continue
        names = "".join(f"“{i.called}”" for i in plain)
        text = bank.render(pick.one(bank.get("亮点", status), "rectify", status), {"问题": "\x01"})
        before, _, after = text.partition("\x01")
        spans += [Span(before, source=f"词库:亮点/{status}"), Span(names, source="原文:上年.问题"),
                  Span(sentence(after), source=f"词库:亮点/{status}")]
    return body(*spans)


def _rectify_told(item, note: str, status: str, bank: Bank, pick: Choose) -> list[Span]:
    """去年查摆的“大棚卖菜没销路”，和两家超市签了直供协议，已整改到位: the problem, the clerk's how, the status."""
    slot = status + "经过"
    text = bank.render(pick.one(bank.get("亮点", slot), "rectify-told", status), {"问题": "\x01", "经过": "\x02"})
    out: list[Span] = []
    for part in re.split("([\x01\x02])", text):
        if part == "\x01":
            out.append(Span(f"“{item.called}”", source="原文:上年.问题"))
        elif part == "\x02":
            out.append(Span(note, source="原文:整改"))
        elif part:
            out.append(Span(part, source=f"词库:亮点/{slot}"))
    out[-1] = Span(sentence(out[-1].text), source=out[-1].source)
    return out


def _thin(tf: ThemeFacts) -> bool:
    return not tf.practices and not tf.cases and len(tf.facts) <= 2


def _group(themes: tuple[ThemeFacts, ...]) -> list[tuple[ThemeFacts, ...]]:
    """Pair up neighbouring thin themes (a figure or two each, nothing else) into one item."""
    out: list[tuple[ThemeFacts, ...]] = []
    i = 0
    while i < len(themes):
        if i + 1 < len(themes) and _thin(themes[i]) and _thin(themes[i + 1]) and len(themes) > 2:
            out.append((themes[i], themes[i + 1]))
            i += 2
        else:
            out.append((themes[i],))
            i += 1
    return out


# --- plan ------------------------------------------------------------------------------------------

def plan_item(themes: tuple[ThemeFacts, ...], bank: Bank, pick: Choose, ctx: dict, previous: str,
              first: bool = False, targets: dict | None = None, nested: bool = False, keep: bool = False) -> Plan:
    """`nested`: the item is itself a point (一是…) of a paragraph, so it cannot be worded as points."""
    pick.begin_item(keep=first or keep)  # item 1 must not echo the opening; a point, its paragraph
    units: list[Unit] = []
    bad = False
    supported = False
    for tf in themes:
        for case in tf.cases:  # the clerk's own words: no bank sentence may echo them
            pick.count(pick.note(case))
        answered = [(targets[(f.metric.key, f.params)], f) for f in tf.facts
                    if f.metric is not None and targets and (f.metric.key, f.params) in targets]
        for target, fact in answered:   # last year's target first: 年初定下……的目标，……
            units.append(Unit("target", _completion(target, fact, bank, pick, ctx, tf.theme)))
        if answered:
            tf = ThemeFacts(tf.theme, tuple(f for f in tf.facts if all(f is not a for _, a in answered)),
                            tf.cases, tf.practices)
        theme_units, theme_bad = _units(tf, bank, pick, ctx)
        units += theme_units
        bad |= theme_bad
        supported |= bool(tf.practices or tf.cases or any(f.good for f in tf.facts))
    kinds = {u.kind for u in units}
    if len(themes) > 1:
        return Plan(themes, units, "merged", supported, bad)
    fits = ["woven"]
    if len(units) >= 2:
        fits.append("points")
    if "case" in kinds and len(units) >= 2:
        fits.append("case")
    if "figures" in kinds and "practice" in kinds:
        fits.append("figures")
    if len(units) <= 1 and "case" not in kinds:
        fits = ["short"]
    if nested:
        fits = [a for a in fits if a != "points"] or ["woven"]
    # the author's own architectures, never the same twice running when another of them fits
    own = [a for a in fits if a in pick.author.architectures or a == "short"] or fits
    choices = [a for a in own if a != previous] or own
    architecture = choices[pick.shape(len(choices), "architecture", themes[0].theme)]
    return Plan(themes, units, architecture, supported, bad)


def _units(tf: ThemeFacts, bank: Bank, pick: Choose, ctx: dict) -> tuple[list[Unit], bool]:
    """Return the units of one theme, and whether any figure must not be celebrated.

    One fact, said once: the clerk's own words in the theme (事例, 自述 practices) come first. A figure they
    already state (46场 in the case of the 46 talks) and a confirmed practice they carry out (订单农业 beside the
    case of the supermarket contract) are not said again in the catalogue's words; the clerk's span records
    that it covers them. A zero is left out (validate warns of it): no writer lists what did not happen."""
    theme = tf.theme
    kept_facts, practices, covers = _said_by_the_clerk(tf, pick.match)
    units: list[Unit] = []
    claimed: set[int] = set()
    good = [f for f in kept_facts if f.good is not False]
    bad_facts = [f for f in kept_facts if f.good is False]
    owner = _owners(tuple(practices), good, pick.match)
    for done in practices:
        mine = [f for f in good if owner.get(id(f)) is done]
        claimed.update(id(f) for f in mine)
        if done.practice is None:
            spans = [_practice_span(done, theme, pick, ctx, tuple(covers.get("原文:" + key_path(done.path), ())))]
        else:
            carried = next((f for f in mine if not f.is_change and done.practice.figure_phrases(f.metric.key)), None)
            if carried is not None:  # a wording that says the figure itself: 推行发展党员全程纪实，全年发展党员3名
                spans = _carrying(done, carried, theme, pick, ctx)
                mine = [f for f in mine if f is not carried]
            else:
                spans = [_practice_span(done, theme, pick, ctx)]
        if mine:
            spans.append(Span("，"))
            figures = figure_spans(mine, bank, pick, ctx)
            if not _opens_with_scope(figures, ctx):
                lead_in = _figure_lead(bank, pick, "做法数字引语", theme,
                                       done.practice.key if done.practice else done.text,
                                       not_in="".join(x.text for x in spans))
                if lead_in:
                    spans.append(Span(lead_in, source="词库:亮点/做法数字引语"))
            spans += figures
        units.append(Unit("practice", spans))
    rest = [f for f in good if id(f) not in claimed]
    for chunk in _clauses(rest, pick.match):
        units.append(Unit("figures", figure_spans(chunk, bank, pick, ctx)))
    if bad_facts:  # stated plainly, on their own, never as a result
        units.append(Unit("plain", figure_spans(bad_facts, bank, pick, ctx)))
    for i, case in enumerate(tf.cases):
        where = f"原文:亮点.{theme}.事例.{i}"
        units.append(Unit("case", [Span(case, source=where, covers=tuple(covers[where]))]))
    return units, bool(bad_facts)


def _said_by_the_clerk(tf: ThemeFacts, match) -> tuple[list[Fact], list[Done], dict[str, list[str]]]:
    """The theme's figures and practices left to word once the clerk's own words (事例, 自述) have said what
    they say, and what each of those words covers. A zero is left out (validate warns of it); a figure that
    must not be celebrated is kept, to be stated plainly."""
    theme = tf.theme
    own = [(f"原文:{key_path(d.path)}", d.text) for d in tf.practices if d.practice is None]
    told = own + [(f"原文:亮点.{theme}.事例.{i}", c) for i, c in enumerate(tf.cases)]
    covers: dict[str, list[str]] = {where: [] for where, _ in told}

    def teller(test) -> str | None:
        return next((where for where, text in told if test(text)), None)

    kept_facts = []
    for f in (f for f in tf.facts if f.is_change or f.value != 0):
        where = teller(lambda text: match.figure_told(f, text, f.metric.terms if f.metric else ()))
        if where is None or f.good is False:
            kept_facts.append(f)
        else:
            covers[where].append("指标:" + key_path(f.path))
    practices = []
    for done in tf.practices:
        p = done.practice
        where = None if p is None else teller(lambda text: match.entry_told((*p.terms, *p.aliases), p.key, text))
        if where is None:
            practices.append(done)
        else:
            covers[where].append("做法:" + key_path(done.path))
    return kept_facts, practices, covers


def _clauses(facts: list[Fact], match) -> list[list[Fact]]:
    """Group figures into clauses by meaning: a figure joins a clause only beside a figure it is related to
    (12345 工单 and their on-time rate; 网格 and 网格员), at most FIGURES_PER_SENTENCE a clause — never two
    unrelated figures in one clause because they are the next two fields."""
    groups: list[list[Fact]] = []
    for f in facts:
        name = _figure_name(f)
        home = next((g for g in groups if len(g) < FIGURES_PER_SENTENCE
                     and any(match.related(name, _figure_name(o)) for o in g)), None)
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    return groups


def _figure_name(fact: Fact) -> str:
    if fact.metric is None:
        return fact.name or fact.key
    return _metric_name(fact.metric)


def _metric_name(metric) -> str:
    """What a metric counts, in all its names: the key, its aliases and its 关键词 (remembered by identity:
    hashing a catalogue entry would cost more than the join)."""
    hit = _METRIC_NAMES.get(id(metric))
    if hit is None or hit[0] is not metric:
        hit = _METRIC_NAMES[id(metric)] = (metric, " ".join((metric.key, *metric.aliases, *metric.terms)))
    return hit[1]


_METRIC_NAMES: dict = {}


def _owners(practices: tuple[Done, ...], facts: list[Fact], match) -> dict[int, Done]:
    """Give each figure to the confirmed practice it belongs to most: one that can say it in its own words
    (带数说法), else one that lists its metric (fewest related metrics first), else one whose name or terms
    speak of what the figure counts (组织在职党员回社区报到 beside 在职党员报到 213名), else none."""
    out: dict[int, Done] = {}
    for fact in facts:
        if fact.metric is None:
            continue
        fits = [d for d in practices if d.practice is not None and fact.metric.key in d.practice.metrics]
        if fits:
            out[id(fact)] = min(fits, key=lambda d: (not d.practice.figure_phrases(fact.metric.key),
                                                     len(d.practice.metrics)))
            continue
        name = _figure_name(fact)
        near = [d for d in practices if d.practice is not None
                and match.entry_told(d.practice.terms, d.practice.key, name)]
        if near:
            out[id(fact)] = near[0]
    return out


def _figure_lead(bank: Bank, pick: Choose, slot: str, *key, not_in: str = "") -> str:
    """A lead-in before figures (全年, 一年来，): the author's one habit, now and then, or none; the bank's
    list for a templates folder without authors."""
    author = pick.author
    if author.figure_lead is None:
        return pick.text(bank.get("亮点", slot), slot, *key, not_in=not_in)
    if not author.figure_lead or author.figure_lead.strip("，") in not_in or pick.item_leads \
            or pick.figure_leads >= MAX_FIGURE_LEADS or not pick.chance(author.figure_lead_chance, slot, *key):
        return ""
    pick.item_leads += 1
    pick.figure_leads += 1
    return pick.note(author.figure_lead)


def _opens_with_scope(spans: list[Span], ctx: dict) -> bool:
    """Whether a figure's own wording already opens with where or when (全镇……, 全年……): a lead-in
    (全年, 年内 …) before it would double it, as in 全年全镇集体经济收入……"""
    text = next((s.text for s in spans if s.text.strip("，")), "")
    scopes = [ctx.get("全域") or "", "全年", "年内", "一年来", "这一年", f"{ctx.get('年度', '')}年"]
    return any(w and text.startswith(w) for w in scopes)


def _carrying(done: Done, fact: Fact, theme: str, pick: Choose, ctx: dict) -> list[Span]:
    """Word a practice with its figure inside: the practice's words traced to the practice, the figure
    (number and unit) traced to its metric."""
    from ..facts import format_number

    mark = "\x00"
    source = pick.one(done.practice.figure_phrases(fact.metric.key), "practice-figure", theme,
                      done.practice.key, single=fact.value == 1)   # 1个 is not done 逐个
    text = pick.bank.render(source, {**ctx, "数量": mark})
    before, _, after = text.partition(mark)
    where = "做法:" + key_path(done.path)
    spans = [Span(pick.note(before), source=where),
             Span(f"{format_number(fact.value)}{fact.unit}", source="指标:" + key_path(fact.path))]
    return spans + ([Span(pick.note(after), source=where)] if after else [])


def _practice_span(done: Done, theme: str, pick: Choose, ctx: dict, covers: tuple[str, ...] = ()) -> Span:
    if done.practice is None:
        return Span(pick.count(pick.note(done.text)), source="原文:" + key_path(done.path), covers=covers)
    text = pick.text(done.practice.phrases, "practice", theme, done.practice.key)
    return Span(text, source="做法:" + key_path(done.path))


# --- wording ---------------------------------------------------------------------------------------

def _item_spans(marker: str, plan: Plan, report: Report, bank: Bank, pick: Choose, ctx: dict, last: dict,
                lead: str | None = None, bold: bool = True) -> list[Span]:
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
                         single=len(plan.units) < 2)
        source = f"词库:亮点/{theme}/要点"
    last["lead"] = lead
    pick.leads |= _grams(lead)
    spans: list[Span] = [Span(marker, lead=bold, source="序号")] if marker else []
    spans.append(Span(lead.rstrip("。") + "。", lead=bold, source=source))

    stance = None
    if plan.architecture not in ("short", "merged") and pick.chance(author.stance_rate, "stance", theme):
        stance = Span(pick.text(fitting(spec["立场"], report), "stance", theme), source=f"词库:亮点/{theme}/立场")
    if stance is not None and author.stance_first:
        spans.append(stance)
    for tf in plan.themes:   # the unit's own formulation this item carries (本地提法), once
        for k, (name, _) in enumerate(pick.local.pop(tf.theme, [])):
            if bank.has("亮点", "本地提法"):
                spans.append(Span(pick.text(bank.get("亮点", "本地提法"), "local", tf.theme, k, extra={"提法": name}),
                                  source="词库:亮点/本地提法"))

    units = plan.units
    a = plan.architecture
    if a == "points" and len(units) >= 2:
        for i, unit in enumerate(units):
            ordinals = bank.get("结构", "序号")   # one list of 一是、二是…, in 结构.yaml
            spans.append(Span(ordinals[i] if i < len(ordinals) else f"第{i + 1}", source=""))
            spans += unit.spans
            spans.append(Span("；" if i < len(units) - 1 else "。"))
    elif a == "case":
        cases = [u for u in units if u.kind == "case"]
        rest = [u for u in units if u.kind != "case"]
        spans += _sentences(cases[:1], bank, pick, theme, first_case=True)
        spans += _sentences(rest + cases[1:], bank, pick, theme)
    elif a == "figures":
        figures = [u for u in units if u.kind in ("figures", "plain")]
        rest = [u for u in units if u.kind not in ("figures", "plain")]
        spans += _sentences(figures, bank, pick, theme, frame=True)
        spans += _sentences(rest, bank, pick, theme)
    elif a == "merged":
        spans += _sentences(units, bank, pick, theme, frame=True)
    else:  # woven, short
        spans += _sentences(units, bank, pick, theme, frame=(a == "woven"))
    if stance is not None and not author.stance_first:
        spans.append(stance)

    closing = _closing(plan, report, bank, pick, spec, theme, last)
    if closing:
        spans += closing
    return spans


def _sentences(units: list[Unit], bank: Bank, pick: Choose, theme: str, *, frame: bool = False,
               first_case: bool = False) -> list[Span]:
    """Word units as sentences: practices one by one (a connector only between two practices), figure groups
    with a framing clause, cases after 比如."""
    out: list[Span] = []
    previous = ""
    joined = 0
    for i, unit in enumerate(units):
        head: list[Span] = []
        author = pick.author
        if unit.kind == "practice" and previous == "practice" and author.connector != "" \
                and pick.links < MAX_LINKS and not pick.item_links \
                and pick.chance(author.link_chance, "link", theme, i):
            pick.links += 1
            pick.item_links += 1
            links = [author.connector] if author.connector else bank.get("亮点", "衔接")
            head.append(Span(pick.text(links, "link", theme, i), source="词库:亮点/衔接"))
        elif unit.kind in ("figures", "plain") and frame and i == 0:
            spec = bank.get("亮点", "主题", theme)
            head.append(Span(pick.text(spec["引出"], "frame", theme) + "，", source=f"词库:亮点/{theme}/引出"))
        elif unit.kind in ("figures", "plain") and not _opens_with_scope(unit.spans, pick.ctx):
            lead_in = _figure_lead(bank, pick, "数字引语", theme, i)
            if lead_in:
                head.append(Span(lead_in, source="词库:亮点/数字引语"))
        # A case enters as a statement of its own, never after 比如: what it is an instance of has been
        # merged with it (overlap), and a 比如 before anything else ties it to the wrong sentence.
        # Two groups of figures in a row make one sentence (讲党课5次，组织集中学习13次。), not two short ones
        # side by side — a blind reader took 讲党课5次。集中学习13次。 for figures hung on the end.
        if unit.kind == "figures" and previous == "figures" and not head and joined < 1 and out \
                and out[-1].text.endswith("。"):
            last = out[-1]
            out[-1] = Span(last.text[:-1], last.lead, last.missing, last.source, last.covers)
            out += close([Span("，"), *unit.spans])
            joined += 1
        else:
            out += close(head + unit.spans)
            joined = 0
        previous = unit.kind
    return out


def _content(plan: Plan) -> str:
    """What an item holds, as text: its practices' and figures' names and the clerk's words."""
    parts = []
    for tf in plan.themes:
        parts += [d.practice.key if d.practice else d.text for d in tf.practices]
        parts += [f.metric.key if f.metric else (f.name or f.key) for f in tf.facts]
        parts += list(tf.cases)
    return "；".join(parts)


def _closing(plan: Plan, report: Report, bank: Bank, pick: Choose, spec: dict, theme: str,
             last: dict) -> list[Span]:
    """A judgement of results, only where the item supports it and no problem contradicts it."""
    # no judgement of results in a theme where the clerk names a problem: 干部作风进一步转变 in part one
    # and 干部作风还需进一步转变 in part two cannot both be the writer's view
    troubled = any(i.theme in {tf.theme for tf in plan.themes} for i in report.problems)
    if not plan.supported or plan.bad or troubled or plan.architecture == "short" \
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
    intro = pick.text(families[family], "close-lead", theme)
    text = pick.text(options, "close", theme)
    return [Span(intro + text, source=f"词库:亮点/{theme}/收束")]


__all__ = ["highlights", "plan_item", "ARCHITECTURES", "fact_clause", "Fact"]
