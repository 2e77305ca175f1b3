"""二、存在的问题及原因: the problems and causes the clerk named — bank kinds worded from the bank, the
clerk's own words verbatim (with their 表现 when given) — each as 一是/二是…, a single one unnumbered.

Causes are worded so that none repeats a run of words a problem already used (a cause that restates its
problem, 重业务、轻党建 twice, reads as padding)."""
from __future__ import annotations

from typing import Mapping

from ..bank import Bank
from ..facts import Item, Report
from ..errors import Problem
from ..model import Block, Role, Span, body
from .choose import Choose, _grams
from .text import key_path, sentence


def problems(report: Report, bank: Bank, pick: Choose, ctx: dict, warnings: list[str]) -> tuple[list[Block], str]:
    """Return part two's blocks, and its last line (part three's opening must not echo it)."""
    spec = bank.get("问题")
    structure = bank.get("结构")
    blocks = [Block(Role.HEADING2, (Span(structure["问题小标题"]),))]
    said: set[str] = set()
    if report.problems:
        blocks.append(body(Span(pick.text(spec["问题引语"], "problems", "intro"), source="词库:问题/问题引语")))
        blocks += _items(report.problems, spec["问题"], bank, pick, "problem", said)
    else:
        warnings.append(Problem("没有填写“问题”，第二部分标出了【待补充：存在的问题】。", path=("问题",)))
        blocks.append(body(Span("【待补充：存在的问题（在“问题”下填写）】", missing=True, source="待补充:问题")))
    blocks.append(Block(Role.HEADING2, (Span(structure["原因小标题"]),)))
    if report.causes:
        if len(report.causes) > 1:
            blocks.append(body(Span(pick.text(spec["原因引语"], "causes", "intro"), source="词库:问题/原因引语")))
        blocks += _items(report.causes, spec["原因"], bank, pick, "cause", said)
    else:
        warnings.append(Problem("没有填写“原因”，第二部分标出了【待补充：产生问题的主要原因】。", path=("原因",)))
        blocks.append(body(Span("【待补充：产生问题的主要原因（在“原因”下填写）】", missing=True, source="待补充:原因")))
    last = pick.text(spec["收尾"], "problems", "end")
    blocks.append(body(Span(last, source="词库:问题/收尾")))
    return blocks, last


def _items(items: tuple[Item, ...], kinds: dict, bank: Bank, pick: Choose, slot: str,
           said: set[str]) -> list[Block]:
    ordinals = bank.get("结构", "序号")
    out = []
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
        lead, detail = _kind_wording(kinds[item.kind], pick, slot, item.kind)
        said |= _grams(lead) | _grams(detail)
        source = f"词库:问题/{item.kind}"
        out.append(body(Span(ordinal + sentence(lead), lead=True, source=source),
                        Span(sentence(detail), source=source)))
    return out


def _kind_wording(kind: Mapping, pick: Choose, slot: str, name: str) -> tuple[str, str]:
    """Return (lead, elaboration) of a problem or cause kind, each part picked independently: 要点, and
    表现 + 影响 (any 表现 fits any 影响) or a whole 展开 sentence."""
    if "说法" in kind:
        wordings = kind["说法"]
        leads, whole = [w["要点"] for w in wordings], [w["展开"] for w in wordings]
    else:
        leads, whole = kind["要点"], kind.get("展开") or []
    lead = pick.text(leads, slot, name, "lead")
    if kind.get("表现") and kind.get("影响") and (not whole or pick.chance(0.8, slot, name, "form")):
        detail = pick.text(kind["表现"], slot, name, "how") + "，" + pick.text(kind["影响"], slot, name, "so")
    else:
        detail = pick.text(whole, slot, name, "detail")
    return lead, detail
