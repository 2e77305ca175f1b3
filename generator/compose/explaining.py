"""Which of the clerk's causes explains which problem (parts that answer each other): a cause kind by its 解释
(problem kinds, the kinds own words resemble, and themes, with 解释词 for the clerk's own problems of a
field), an own cause by the theme it names. Pure; part two orders and pairs by it, and points out a problem
no cause explains."""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import Problem
from ..facts import Item, Report
from .conditions import subset


def unexplained(report: Report, kinds: Mapping) -> list[Problem]:
    """Each problem wants a cause that explains it (parts that answer each other): a problem no cause of
    the clerk's accounts for is pointed out, with the bank's causes that would (a blind reader: 问题三有头无尾，
    既没有原因). Only when the clerk gave causes at all: none at all is warned where part two marks it."""
    if not report.causes:
        return []
    told = {id(p) for c in report.causes for p in accounts_for(c, report, kinds)}
    out = []
    for i, p in enumerate(report.problems):
        if id(p) in told:
            continue
        would = [k for k, v in kinds.items() if isinstance(v, Mapping) and _explains(set(v.get("解释") or ()), p,
                                                                                      v.get("解释词"))][:3]
        name = p.called
        hint = f"如 {'、'.join(would)}，" if would else ""
        out.append(Problem(f"问题“{name}”没有哪条原因解释它：请在“原因”里补一条说明它为什么会出现（{hint}或用自己的话写，"
                           "写明主题），第二、三部分才前后对得上。", path=p.path or ("问题", i)))
    return out


def in_problem_order(report: Report, kinds: Mapping) -> tuple[Item, ...]:
    """The causes in the order of the problems they explain (a kind's 解释, an own cause's theme), those that
    explain none last: listed apart, 一是 is read against 一是 (a reader paired the second problem with the
    second cause, which explained the third). Part three never points back at a cause by its place, so
    the order is part two's own."""
    # problem by problem, the cause that explains it and fewest others (the clerk's order among equals): by the
    # first problem each explains, a broad kind (工作方法欠缺, for problems one and two) took the second place
    # from the clerk's own cause of the second problem (35th blind reading: 三是… answered 二是…)
    reach = {id(c): accounts_for(c, report, kinds) for c in report.causes}
    left = list(report.causes)
    slots: list[Item | None] = []
    for problem in report.problems:
        fits = [c for c in left if problem in reach[id(c)]]
        cause = min(fits, key=lambda c: len(reach[id(c)])) if fits else None
        slots.append(cause)
        if cause is not None:
            left.remove(cause)
    # a problem no cause explains keeps its place for a cause that explains none (河湾村: 一是 人才支撑不足, which
    # explains the second problem, stood against the first; 学而不深 explained none, and came last)
    general = [c for c in left if not reach[id(c)]]
    for i, cause in enumerate(slots):
        if cause is None and general and any(s is not None for s in slots[i + 1:]):
            slots[i] = stand_in = general.pop(0)
            left.remove(stand_in)
    return tuple(c for c in slots if c is not None) + tuple(left)


def accounts_for(cause: Item, report: Report, kinds: Mapping) -> list[Item]:
    """The problems a cause explains: a kind's by its 解释, the clerk's own by the theme it names."""
    if cause.kind:
        return explained(cause, report, kinds)
    return [p for p in report.problems if cause.theme and p.theme == cause.theme]


def left_to_causes(report: Report, kinds: Mapping) -> dict[int, tuple[str, ...]]:
    """By problem (its id), what the cause kinds of the clerk's that explain it speak of (their 问题里不说): the
    problem's stock elaboration leaves it to them (面对群众诉求多元化的新情况，工作方法仍显单一 under 治理服务的触角延伸得
    还不够 said 工作方法欠缺 before its turn, and the cause then said it again: 河西社区 2023, a fresh input)."""
    out: dict[int, tuple[str, ...]] = {}
    for c in report.causes:
        spec = kinds.get(c.kind) if c.kind else None
        words = tuple(spec.get("问题里不说") or ()) if isinstance(spec, Mapping) else ()
        if words:
            for p in explained(c, report, kinds):
                out[id(p)] = out.get(id(p), ()) + words
    return out


def unsaid(options: list, words: tuple[str, ...]) -> list:
    """The options that say none of `words` (an entry {说: …} by its words); all of them when none is left. The
    same list object for the same question (conditions.subset: choices remember lists by identity)."""
    if not words or not options:
        return options
    return subset(options, lambda o: not any(w in (o["说"] if isinstance(o, dict) else o) for w in words)) or options


def explained(cause: Item, report: Report, kinds: Mapping) -> list[Item]:
    """The clerk's problems a cause kind accounts for, by its 解释 (problem kinds or themes)."""
    if cause.kind is None:
        return []
    spec = kinds.get(cause.kind)
    listed = list(spec.get("解释") or ()) if isinstance(spec, Mapping) else []
    reasons = set(listed)
    words = spec.get("解释词") if isinstance(spec, Mapping) else None
    found = [p for p in report.problems if _explains(reasons, p, words)]
    # the closest first, as 解释 lists them: 人才支撑不足 goes with 后备干部不足 before 党员作用发挥不够 (红岩镇, 38th
    # blind reading: 部分党员先锋意识不够强……根子上看，引进和留住人才的办法还不多), the clerk's order among equals
    return sorted(found, key=lambda p: min((listed.index(x) for x in (p.kind, p.like, p.theme) if x in reasons),
                                           default=len(listed)))


def _explains(reasons: set, problem: Item, words=None) -> bool:
    """Whether a cause's 解释 covers `problem`: a bank kind by its kind (or the kind its own words match); a
    theme in 解释 speaks for the clerk's own problems of that field only (人才支撑不足 explains an own 组织建设
    problem about old group leaders, not 组织生活质量不高) — and, where the cause lists 解释词, only for those
    whose words say what it can account for (工作方法欠缺 explains 矛盾调处多是老办法, not 老旧小区没有物业的还有17个:
    a reader saw no cause in 细究起来，抓党建的方法还不够多 under it)."""
    if {problem.kind, problem.like} & reasons:
        return True
    if problem.kind is not None or problem.theme not in reasons:
        return False
    said = (problem.text or "") + (problem.detail or "")
    return not words or any(w in said for w in words)


__all__ = ["accounts_for", "explained", "in_problem_order", "unexplained"]
