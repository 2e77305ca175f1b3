"""Part two paired (作者.yaml → 第二部分: 对应): each problem with the cause that explains it, in one paragraph.

A cause set after its problem with nothing to say it is one reads as a second problem glued on (31st blind
reading: 二是意识形态阵地管理仍需强化。…。钻研党建业务仍不够深。忙起来学习就往后放 — "两件事粘在一条里").
Real authors who pair write the cause into the problem: 一是工作精力投入不足。…由于…平时忙于事务性工作，对基层
党建研究谋划的不深不细 (a seed). So a short cause goes inside its problem, before what the problem shows, with
the bank's word for it (问题.yaml → 原因并入: 由于); a problem that shows nothing after its name says its cause
as what it comes down to (原因点明: 主要是); any other takes the author's one 原因接语, and the rest are said
after the pairs under their own lead-in."""
from __future__ import annotations

import re

from ..bank import Bank
from ..facts import Report
from ..model import Block, Span
from .choose import Choose, formulations
from .explaining import accounts_for

# the author's one 原因接语 turns at most this many causes (追根溯源 twice, 反思起来 twice in one part two read
# as a tic: 24th blind reading)
MAX_CAUSE_LINKS = 1
# 由于 … at most twice a part: at every problem it would be the tic the 原因接语 was (seventeenth reading)
MAX_MERGED = 2
# a cause short enough to sit inside its problem's sentence: clauses and characters (a longer 由于 clause
# leaves the reader looking for where it ends)
# a problem that shows nothing after its name says its cause as what it comes down to (主要是 …), once a part:
# moved to the closing causes it left a bare one-line problem (三是党员作用发挥还不够均衡。: 鼓楼街道 example)
MAX_SPELLED = 1
MERGE_CLAUSES = 2
MERGE_CHARS = 36

_END = re.compile(r"[。；]")
_CLAUSES = re.compile(r"[，。；、]")


def paired(report: Report, problem_blocks: list[Block], cause_blocks: list[Block], bank: Bank, pick: Choose,
           spec) -> list[Block] | None:
    """Each problem, then the cause that explains it (a cause kind's 解释, or an own cause of the same
    theme), each cause once. None when a cause could not be said with its problem (too long to go inside it,
    and the author's one turn of phrase taken): after 还有以下原因 it explained nothing (44th blind reading), so
    the part lists the causes as a set instead."""
    ordinals = bank.get("结构", "序号")
    home = _homes(report, problem_blocks, cause_blocks, spec["原因"])
    pairs = [(k, c) for k in range(len(problem_blocks)) for c in sorted(c for c, p in home.items() if p == k)]
    merged = [pair for pair in pairs if _mergeable(problem_blocks[pair[0]], cause_blocks[pair[1]], ordinals)]
    merged = merged[:MAX_MERGED]
    # one author, one way of turning to the cause: a different 原因接语 at each problem read as a template
    # rotating its connectors (eleventh blind reading), the same at each as a tic (seventeenth); it turns the
    # first cause that does not go inside its problem. A cause that can do neither is not glued to its
    # problem unannounced (31st): it joins the causes said after the pairs, under their lead-in
    spelled = [pair for pair in pairs if pair not in merged and _bare(problem_blocks[pair[0]])
               and not any(s.missing for s in cause_blocks[pair[1]].spans)][:MAX_SPELLED]
    linked = [pair for pair in pairs if pair not in merged and pair not in spelled][:MAX_CAUSE_LINKS]
    for pair in pairs:
        if pair not in merged and pair not in spelled and pair not in linked:
            del home[pair[1]]
    pairs = [pair for pair in pairs if pair[1] in home]
    link = pick.text(spec["原因接语"], "cause-after") if linked else ""   # counted once as it is chosen
    into = bank.get("问题", "原因并入") if merged and bank.has("问题", "原因并入") else ["由于"]
    out: list[Block] = []
    for k, block in enumerate(problem_blocks):
        spans = list(block.spans)
        for pair in (p for p in pairs if p[0] == k):
            cause = [_unnumbered(s, ordinals) for s in cause_blocks[pair[1]].spans]
            if pair in merged:
                word = pick.text(into, "cause-into")
                spans = [spans[0], Span(word, source="词库:问题/原因并入"), *_as_clause(cause), *spans[1:]]
            elif pair in spelled:
                word = pick.text(bank.get("问题", "原因点明") if bank.has("问题", "原因点明") else ["主要是"],
                                 "cause-spelled")
                first, *more = cause
                spans += [Span(word + first.text, source=first.source, covers=first.covers), *more]
            elif pair in linked:
                spans += [Span(link, source="词库:问题/原因接语"), *cause]
            else:
                spans += cause
        out.append(Block(block.role, tuple(spans)))
    rest = [c for c in range(len(cause_blocks)) if c not in home]
    if rest:
        return None
    return out


def pairs_up(report: Report, kinds) -> bool:
    """Whether each problem has a cause of its own to be said with and no cause is left over: the only input
    the 对应 layout fits. With three problems and two causes it left a problem bare and a cause after
    还有以下原因 explaining nothing (42nd to 44th blind readings: 问题和原因对不上, 原因游离); those drafts
    list the causes as a set (分列), as real reports with fewer causes than problems do."""
    if len(report.causes) != len(report.problems):
        return False
    home: dict[int, int] = {}
    for c, cause in sorted(enumerate(report.causes), key=lambda cc: cc[1].kind is not None):
        k = _free_problem(cause, report, kinds, home)
        if k is None:
            return False
        home[c] = k
    return True


def _free_problem(cause, report: Report, kinds, home: dict[int, int]) -> int | None:
    """The first problem `cause` explains (closest first) that no cause has been said with yet."""
    return next((k for k in (report.problems.index(p) for p in accounts_for(cause, report, kinds))
                 if k not in home.values()), None)


def _homes(report: Report, problem_blocks: list[Block], cause_blocks: list[Block], kinds) -> dict[int, int]:
    """cause index → the index of the problem it is said with."""
    home: dict[int, int] = {}
    # the clerk's own causes first: each names the field of its problem, where a bank kind explains several
    # (人才支撑不足 took 集体经营性收入的占比仍不高 from the clerk's own cause of it, leaving 党员队伍老化 bare)
    for c, cause in sorted(enumerate(report.causes), key=lambda cc: cc[1].kind is not None):
        for p in accounts_for(cause, report, kinds):
            k = report.problems.index(p)
            # one paragraph, one author's hand: a cause that would repeat a formulation of its problem's
            # paragraph waits for the last paragraph instead
            # (the clerk's own cause is said in the clerk's words wherever it stands: it goes with its problem)
            shared = cause.kind and set(formulations(problem_blocks[k].text)) & set(formulations(cause_blocks[c].text))
            if k not in home.values() and not shared:
                home[c] = k
                break
    # … but a cause left without its problem for that stands after 还有以下原因 explaining nothing, and its
    # problem bare (44th blind reading: 原因游离): where the problem is still free, it goes there after all
    for c, cause in enumerate(report.causes):
        if c not in home:
            free = _free_problem(cause, report, kinds, home)
            if free is not None:
                home[c] = free
    return home


def _mergeable(problem: Block, cause: Block, ordinals) -> bool:
    """Whether `cause` can go inside `problem`: the problem says how it shows after its name, in the bank's
    words (the clerk's own 表现 may be a condition rather than an effect: 由于年轻人大多在外发展，这几个村地处山
    区 — the 2024 example), and the cause is short."""
    shows = [s for s in problem.spans[1:] if s.text.strip("。")]
    if not problem.spans or not problem.spans[0].lead or not shows \
            or not all(s.source.startswith("词库:问题/") for s in shows):
        return False
    text = "".join(_unnumbered(s, ordinals).text for s in cause.spans).rstrip("。；")
    # one sentence: two run together with 、 read as a list whose second member starts a new thought
    # (由于把党建当作阶段性任务来完成的想法还有、有时把党建工作看成软任务，…: a fresh draft)
    if not text or any(s.missing for s in cause.spans) or "：" in text or _END.search(text):
        return False
    return len(text) <= MERGE_CHARS and len(_CLAUSES.split(text)) <= MERGE_CLAUSES


def _bare(problem: Block) -> bool:
    """A problem said by its name alone (its showing left out: it would repeat its cause, or there is none)."""
    return bool(problem.spans) and problem.spans[0].lead and not any(s.text.strip("。") for s in problem.spans[1:])


def _as_clause(spans: list[Span]) -> list[Span]:
    """A cause's sentence as one clause before its problem's showing, its parts run together with 、 so the
    reader sees where the 由于 clause ends: 工作中习惯“一刀切”，分类施策不够。 → 工作中习惯“一刀切”、分类施策不够，"""
    out = []
    for s in spans:
        text = _END.sub("、", s.text).replace("，", "、")
        if text:
            out.append(Span(text, lead=False, missing=s.missing, source=s.source, covers=s.covers))
    if out:
        last = out[-1]
        out[-1] = Span(last.text.rstrip("、") + "，", source=last.source, covers=last.covers)
    return out


def _unnumbered(span: Span, ordinals, lead: bool = False) -> Span:
    """A cause said inside another paragraph: without its own 一是 (结构.yaml → 序号) and not as a run-in
    heading."""
    text = span.text
    if span.lead:
        text = next((text[len(o):] for o in ordinals if text.startswith(o)), text)
    return Span(text, lead=lead, missing=span.missing, source=span.source, covers=span.covers)
