"""placeholder.leftover — X, ×, *, 某某 or a lone 某 (某镇), 【…】, （待补充） left where a number or a name belongs,
                       at a paragraph's edge too (XX村党支部…, 联系电话：XXX), runs of any length (XXXX).
placeholder.missing-number — an ordinal 第 with its number deleted (县委第上半年…, from 县委第X次…).

Rule of judgement (documented in the README): an X/Ｘ written between plus signs is a formula such as
“支部+X+农户” or “1+X”, not a placeholder; × between digits is multiplication. A file the clerk marks as a
template (`--template`) is expected to hold placeholders and is not checked by this rule.
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("placeholder.leftover", "placeholder.missing-number")
# 第 must be followed by a number; 次第, 门第, 府第, 及第, 落第, 宅第 are words of their own.
_ORDINAL = re.compile(r"(?<![次门府及落宅科甲])第(?![一二三四五六七八九十百千零〇两0-9０-９几X×xＸ*＊宅])")
_PATTERNS = (
    (re.compile(r"【[^】]{0,40}】"), "方括号里的待填内容"),
    (re.compile(r"[（(]\s*待(补充|填写|定)\s*[）)]|待补充"), "“待补充”标记"),
    (re.compile(r"某某"), "“某某”"),
    # a lone 某 standing for a name: 某镇, 某村 (某些, 某种, 某个 are words)
    (re.compile(r"(?<!某)某(?=[镇乡村县区市街道社区单位同志局部门支部党委])"), "“某”"),
    (re.compile(r"[*＊]+"), "星号"),
    (re.compile(r"[×xX]+|[Ｘｘ]+"), "X"),
)
_PLUS = "+＋"


def check(doc, ctx) -> list[Finding]:
    if doc.template:
        return []
    out = []
    for p in doc.paragraphs:
        taken: list[tuple[int, int]] = []
        for pattern, label in _PATTERNS:
            for m in pattern.finditer(p.text):
                if any(a <= m.start() < b for a, b in taken) or not _is_placeholder(p.text, m, label):
                    continue
                taken.append((m.start(), m.end()))
                out.append(Finding("placeholder.leftover", ERROR, p.number, m.start(), m.end(),
                                   f"占位符{label}“{m.group()}”没有填写",
                                   "填上实际的数字或名称；没有这项内容就删去这句话"))
        for m in _ORDINAL.finditer(p.text):
            out.append(Finding("placeholder.missing-number", WARNING, p.number, m.start(), m.end(),
                               "“第”后面缺了数字，像是删掉占位符时连数字一起删了",
                               "补上序数（如“第十五次”），或删去“第”"))
    return out


def _is_placeholder(text: str, m: re.Match, label: str) -> bool:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if label in ("“某某”", "“某”") and (_after_surname(text, m.start()) or after == "案"):
        return False  # 王某某, 张某同志, 欧阳某某, 某某案: a name withheld in a case, not a blank
    if label == "X":
        # an empty neighbour (the paragraph's edge) is not a plus sign: XX村…, 联系电话：XXX
        if (before and before in _PLUS) or (after and after in _PLUS):
            return False  # 支部+X+农户, 1+X: a formula, not a blank
        if len(m.group()) >= 4:
            return True   # XXXX, xxxx: always a blank
        if re.match(r"[A-Za-z]", before) or re.match(r"[A-Za-z]", after):
            return False  # part of a Latin word
        if m.group()[0] == "×" and before.isdigit() and after.isdigit():
            return False  # 3×4
        if m.group() in ("x", "xx", "xxx") and not (_cjk(before) or _cjk(after)) and before not in "：:，、" \
                and after not in "，、。；":
            return False
    return True


def _cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _after_surname(text: str, start: int) -> bool:
    """Whether the characters before `start` are a surname (王某某 …): templates/check/姓氏.yaml."""
    from ...resources import load_data

    names = load_data("check/姓氏.yaml")
    if start >= 2 and text[start - 2:start] in (names.get("复姓") or ()):
        return True
    return start >= 1 and text[start - 1] in (names.get("单姓") or "")
