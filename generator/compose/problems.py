"""二、存在的问题及原因: exactly the problems and causes the clerk named — bank kinds worded from the bank, the
clerk's own words verbatim (with their 表现 when given) — each as 一是/二是…, a single one unnumbered.

A bank kind's elaboration never contradicts the year's own highlights: an entry that declares 不与亮点 words
is passed over when part one holds them (no 在急难险重任务中带头作用不明显 beside the case of the hail). When
every elaboration would contradict, the kind is said in its short form and the clerk is asked for a 表现.

A cause kind says which of the clerk's problems it accounts for (its 解释, matched against the problems'
kinds, the kinds their own words resemble, and their themes), so the causes explain the problems above them;
at most one cause of a draft stands as general self-criticism, and the clerk hears of any other.

Causes are worded so that none repeats a run of words a problem already used (a cause that restates its
problem, 重业务、轻党建 twice, reads as padding)."""
from __future__ import annotations

from typing import Mapping

from ..bank import Bank
from ..facts import Item, Report
from ..errors import Problem
from ..model import Block, Role, Span, body
from .choose import Choose, _grams
from .conditions import clashes, fitting
from .text import key_path, sentence


def problems(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[str]) -> tuple[list[Block], str]:
    """Return part two's blocks, and its last line (part three's opening must not echo it)."""
    spec = bank.get("问题")
    structure = bank.get("结构")
    blocks = [Block(Role.HEADING2, (Span(structure["问题小标题"]),))]
    said: set[str] = set()
    if report.problems:
        blocks.append(body(Span(pick.text(spec["问题引语"], "problems", "intro"), source="词库:问题/问题引语")))
        blocks += _items(report, report.problems, spec["问题"], bank, pick, "problem", said, warnings)
    else:
        warnings.append(Problem("没有填写“问题”，第二部分标出了【待补充：存在的问题】。", path=("问题",)))
        blocks.append(body(Span("【待补充：存在的问题（在“问题”下填写）】", missing=True, source="待补充:问题")))
    blocks.append(Block(Role.HEADING2, (Span(structure["原因小标题"]),)))
    if report.causes:
        if len(report.causes) > 1:
            blocks.append(body(Span(pick.text(spec["原因引语"], "causes", "intro"), source="词库:问题/原因引语")))
        blocks += _items(report, report.causes, spec["原因"], bank, pick, "cause", said, warnings)
    else:
        warnings.append(Problem("没有填写“原因”，第二部分标出了【待补充：产生问题的主要原因】。", path=("原因",)))
        blocks.append(body(Span("【待补充：产生问题的主要原因（在“原因”下填写）】", missing=True, source="待补充:原因")))
    last = pick.text(spec["收尾"], "problems", "end", single=len(report.problems) < 2)
    blocks.append(body(Span(last, source="词库:问题/收尾")))
    return blocks, last


def explained(cause: Item, report: Report, kinds: Mapping) -> list[Item]:
    """The clerk's problems a cause kind accounts for, by its 解释 (problem kinds or themes)."""
    if cause.kind is None:
        return []
    reasons = set(kinds[cause.kind].get("解释") or ()) if isinstance(kinds.get(cause.kind), Mapping) else set()
    return [p for p in report.problems if {p.kind, p.like, p.theme} & reasons]


def problem_label(item: Item, pick: Choose) -> str | None:
    """How a measure names the clerk's own problem or cause: by the clerk's 简称; None when there is none
    (then it is referred to by its place — never by a name part two did not print, never by a cut at a
    comma). Bank-kind problems are not named: they are answered under their theme's heading."""
    return pick.count(item.name) if item.kind is None and item.name else None


def field_name(theme: str, bank: Bank, pick: Choose) -> str:
    """A theme's short name (党员队伍建设, 产业发展), the same one all through a draft."""
    chosen = pick.labels.get(("field", theme))
    if chosen is None:  # the first, from a place drawn for this unit, that overuses no formulation
        names = list(bank.get("亮点", "主题", theme, "短称"))
        start = pick.pick.number("field", theme) % len(names)
        turn = names[start:] + names[:start]
        chosen = pick.labels[("field", theme)] = next((n for n in turn if not pick.overused(n)), turn[0])
    return pick.count(chosen)


def _items(report: Report, items: tuple[Item, ...], kinds: dict, bank: Bank, pick: Choose, slot: str,
           said: set[str], warnings: list) -> list[Block]:
    ordinals = bank.get("结构", "序号")
    out = []
    general = 0
    named: set[str] = set()   # fields a cause above already accounts for: each is named once
    for i, item in enumerate(items):
        ordinal = "" if len(items) == 1 else (ordinals[i] if i < len(ordinals) else f"第{i + 1}")
        where = "原文:" + key_path(item.path)
        if item.kind is None:
            pick.count(pick.note(item.text))
            rest = [Span(sentence(item.detail), source=where)] if item.detail else []
            out.append(body(Span(ordinal + sentence(item.text), lead=True, source=where), *rest))
            continue
        pick.begin_item()
        pick.said |= said
        lead, detail = _kind_wording(kinds[item.kind], report, pick, slot, item.kind)
        said |= _grams(lead) | _grams(detail)
        source = f"词库:问题/{item.kind}"
        spans = [Span(ordinal + sentence(lead), lead=True, source=source)]
        if detail:
            spans.append(Span(sentence(detail), source=source))
        elif slot == "problem":
            spec = kinds[item.kind]
            words = clashes([*(spec.get("表现") or ()), *(spec.get("影响") or ()), *(spec.get("展开") or ())], report)
            seen = "、".join(f"“{w}”" for w in words[:4])
            warnings.append(Problem(
                f"问题“{item.kind}”的几种展开说法都和今年亮点里写的{seen or '做法、事例'}对不上（亮点说做到了的，问题里"
                f"不能再说没做到），报告里只写了一句“{lead}”。请改写成自己的话，说清具体表现："
                f"{{自述: {item.kind}, 表现: 哪些方面、什么程度}}。", path=item.path))
        if slot == "cause":
            answers = explained(item, report, kinds)
            # named by the fields they lie in (党员队伍建设、集体经济上的问题), each field once: a problem's own
            # words are part two's, and a kind's name is the bank's, not the writer's
            fields = [t for t in dict.fromkeys(p.theme for p in answers if p.theme) if t not in named]
            named.update(fields)
            if fields:
                where = "、".join(field_name(t, bank, pick) for t in fields)
                link = pick.text(bank.get("问题", "原因呼应"), "cause-link", item.kind, single=len(fields) < 2,
                                 extra={"方面": where})
                spans.append(Span(sentence(link), source="词库:问题/原因呼应",
                                  covers=tuple("原文:" + key_path(p.path) for p in answers)))
            elif report.problems and not answers:
                general += 1
                if general > 1:
                    warnings.append(Problem(
                        f"原因“{item.kind}”说明不了填写的哪一个问题，是一条泛泛的检讨；一份报告里这样的原因至多一条。"
                        "请换成能解释某个问题的原因，或写成自己的话 {自述: …}。", path=item.path))
        out.append(body(*spans))
    return out


def _kind_wording(kind: Mapping, report: Report, pick: Choose, slot: str, name: str) -> tuple[str, str]:
    """Return (lead, elaboration) of a problem or cause kind, each part picked independently: 要点, and
    表现 + 影响 (any 表现 fits any 影响) or a whole 展开 sentence — only those that fit the year's highlights.
    The elaboration is "" when none fits."""
    if "说法" in kind:
        wordings = kind["说法"]
        leads, whole = [w["要点"] for w in wordings], [w["展开"] for w in wordings]
    else:
        leads, whole = kind["要点"], kind.get("展开") or []
    # a lead may contradict the highlights too (党员在发展一线的带动作用还不够明显 beside the members' 先锋岗);
    # the kind the clerk named is said all the same, so when every lead would, any lead does
    leads = fitting(leads, report) or [o["说"] if isinstance(o, dict) else o for o in leads]
    lead = pick.text(leads, slot, name, "lead")
    hows = pick.usable(fitting(kind.get("表现") or [], report))
    sos = pick.usable(fitting(kind.get("影响") or [], report))
    whole = pick.usable(fitting(whole, report))
    if hows and sos and (not whole or pick.chance(0.8, slot, name, "form")):
        return lead, pick.text(hows, slot, name, "how") + "，" + pick.text(sos, slot, name, "so")
    if whole:
        return lead, pick.text(whole, slot, name, "detail")
    if hows:
        return lead, pick.text(hows, slot, name, "how")
    return lead, ""
