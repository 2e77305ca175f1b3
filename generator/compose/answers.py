"""What answers what in part three, decided before any wording (pure: no choice of words here).

Each of the clerk's 事项 is matched to the problem or cause it answers (shared content words, a kind's 关键词
and 事项词, the same theme), else placed under its theme, else left loose for the last item; each problem is
answered by its matched 事项, else by its kind's 对策, else by an unclaimed 事项 of its theme. Each target goes
where a 事项 naming its metric went, else under its metric's theme.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..bank import Bank
from ..facts import Item, Report

@dataclass
class Answer:
    """One problem or own-words cause of part two and what part three answers it with."""

    item: Item
    role: str                       # problem | cause
    index: int                      # its place in part two (0-based)
    theme: str | None
    tasks: list[int] = field(default_factory=list)   # indexes into report.tasks
    remedy: str | None = None       # the bank kind whose 对策 answers it


@dataclass
class AnswerPlan:
    answers: list[Answer]
    by_theme: dict[str, list[int]]  # 事项 placed under a theme without answering a problem
    loose: list[int]                # 事项 that fit no theme
    homes: dict[str, str] = field(default_factory=dict)   # a target's key → the theme whose item says it


def answer_plan(report: Report, bank: Bank, match, theme_of_text) -> AnswerPlan:
    """Decide, before any wording, what answers what (pure: no choice of words here)."""
    remedies = bank.get("问题", "对策")
    kinds = bank.get("问题", "问题")
    answers = [Answer(p, "problem", i, p.theme) for i, p in enumerate(report.problems)]
    answers += [Answer(c, "cause", i, c.theme) for i, c in enumerate(report.causes) if c.kind is None]
    profile = [_profile(a.item, kinds) for a in answers]
    by_theme: dict[str, list[int]] = {}
    loose: list[int] = []
    for t, task in enumerate(report.tasks):
        theme = theme_of_text(task)
        # the answer it shares most words with (the first on a tie); the same theme adds a point, but a theme
        # alone, with no word in common, matches nothing
        content = [_score(task, prof, match) for prof in profile]
        total = [c + (1 if theme and theme == a.theme else 0) for c, a in zip(content, answers)]
        # … and the clerk's own words a point over a bank kind's name: 在夏牧场设流动学习点 shares 学习 with 牧区党员
        # 居住分散…很难集中学习 and with 理论学习不深, and went to the kind by its theme, leaving the clerk's own
        # problem 【待补充】 (平安乡, a fresh input)
        total = [s + (1 if content[k] and answers[k].item.text else 0) for k, s in enumerate(total)]
        # among the answers it shares a word with: a theme's point alone never outweighs a shared word (the
        # fruit technician's training went to 组织生活质量不高 by its theme, and 果园管护技术跟不上 was left
        # without its plan)
        sharing = [k for k in range(len(answers)) if content[k]]
        best = max(sharing, key=lambda k: (total[k], -k), default=None)
        # a plan that speaks to a problem and to its own cause answers the problem (the cause is answered in
        # the same item): given to the cause for sharing more of its words, it left the problem marked 【待补充】
        # right beside it (老旧楼院多…物业服务跟不上 / 为6个无物业楼院引入准物业服务, a fresh input)
        # … even when the plan shares no word with the problem itself, only with its cause (和三家快递公司签党建共建
        # 协议 answers 快递员换公司频繁，平台没有专人对接党建, the cause of 新就业群体党员流动快: the problem was left
        # 【待补充】 in the very item that held the plan; a fresh input, 河东街道)
        score = total[best] if best is not None else 0
        if best is not None and answers[best].role == "cause":
            mates = [k for k in range(len(answers)) if answers[k].role == "problem" and answers[k].theme is not None
                     and answers[k].theme == answers[best].theme]
            best = next((k for k in mates if k in sharing), mates[0] if mates else best)
        if best is not None and score >= 1:
            answers[best].tasks.append(t)
        elif theme is not None:
            by_theme.setdefault(theme, []).append(t)
        else:
            loose.append(t)
    for a in answers:
        if a.theme is None:  # placed by its own words, else by its 事项 (keywords, then part one's nearest words)
            a.theme = theme_of_text(a.item.text or "") or \
                (theme_of_text(report.tasks[a.tasks[0]]) if a.tasks else None)
        kind = a.item.kind or a.item.like
        if not a.tasks and a.role == "problem" and kind in remedies:
            a.remedy = kind
        elif not a.tasks and a.theme is not None and by_theme.get(a.theme):
            # nothing else answers it: the clerk's 事项 of the same theme is the likeliest answer
            a.tasks.append(by_theme[a.theme].pop(0))
    return AnswerPlan(answers, by_theme, loose, _homes(report, answers, by_theme))


def _homes(report: Report, answers: list[Answer], by_theme: dict[str, list[int]]) -> dict[str, str]:
    """Each target where a 事项 naming its metric went, else under its metric's theme: 新发展党员22名 in the
    支部建设 item and 发展党员向35岁以下的渔民倾斜 in the 党员管理 one (白沙镇, a fresh draft) said one plan twice."""
    placed = [(a.theme, a.tasks) for a in answers if a.theme] + list(by_theme.items())
    homes = {}
    for f in report.targets:
        if f.metric is not None:
            # (its 关键词 too: 培养入党积极分子 is a plan for 发展党员, by 入党)
            names = [n for n in (f.key, f.metric.key, *f.metric.aliases, *f.metric.terms) if "{" not in n]
            homes[f.key] = next((theme for theme, tasks in placed
                                 if any(n in report.tasks[i] for i in tasks for n in names)), f.metric.theme)
    return homes


def task_theme(text: str, report: Report, cat, match) -> str | None:
    """The theme a 事项 belongs to: by the catalogue's theme keywords, else the theme of part one whose
    practices and cases share most content words with it (建一座黄桃冷库 goes with the 黄桃 of 产业发展)."""
    theme = cat.theme_of_text(text)
    if theme is not None:
        return theme
    # else the theme whose practices and cases share most words with it — only when one theme clearly does
    # (a word shared with two themes, 蜜瓜 in a members' case and in the industry's, places it nowhere: a 事项
    # under the wrong heading reads worse than one in the last item)
    scores = []
    for tf in report.themes:
        told = "；".join([*tf.cases, *(d.said or d.names for d in tf.practices)])
        scores.append((len(match.shared(text, told)), tf.theme))
    scores.sort(reverse=True)
    if not scores or not scores[0][0] or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _profile(item: Item, kinds: dict) -> tuple[str, tuple[str, ...]]:
    """The words a 事项 answering `item` would share with it: its text, or a bank kind's name, 简称, 关键词,
    and the words of the plans that answer it (事项词: 党小组会 for 组织生活质量不高, 述职 for 责任传导不够)."""
    kind = kinds.get(item.kind or item.like or "") or {}
    words = tuple(kind.get("关键词") or ()) + tuple(kind.get("事项词") or ())
    names = kind.get("简称") or ()
    names = [names] if isinstance(names, str) else list(names)
    text = " ".join(filter(None, (item.text, item.detail, item.name, item.kind, *names)))
    return text, words


def _score(task: str, profile: tuple[str, tuple[str, ...]], match) -> int:
    text, words = profile
    return len(match.shared(task, text)) + sum(2 for w in words if w in task)
