"""Structure: the parts present and in order, and every numbering sequence without gaps or restarts.

structure.parts      开头 / 一、亮点 / 二、问题 / 三、下一步 present, in this order
structure.numbering  一、二、 / （一）（二） / 1. 2. / 一是 二是 / 第一 第二: consecutive, restarting only
                     under a new heading or paragraph, never a number inside a paragraph (seed 000: 3.)
structure.level-skip in parts one and three, items numbered 1. straight under 一、, skipping the second level:
                     GB/T 9704 orders 一、（一）1.（1）
"""
from __future__ import annotations

import re

from ...forms import small_number
from ..document import HEADING1
from ..findings import ERROR, WARNING, Finding

IDS = ("structure.parts", "structure.numbering", "structure.level-skip")
HEADING2 = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
ARABIC = re.compile(r"^(\d{1,2})[.．、](?!\d)")
INLINE_ARABIC = re.compile(r"(?<=[，。；：,;:])(\d{1,2})[.．](?=[\u4e00-\u9fff])")
SHI = re.compile(r"(?:^|(?<=[。；：:，]))([一二三四五六七八九十]{1,2})是")
DI = re.compile(r"^第([一二三四五六七八九十]{1,2})[，、,]")


def number(cn: str) -> int:
    """Return the value of a small Chinese numeral (一 … 九十九), 0 when it is none (forms.small_number)."""
    return small_number(cn) or 0


def check(doc, ctx) -> list[Finding]:
    return _parts(doc) + _numbering(doc) + _level_skip(doc)


def _level_skip(doc) -> list[Finding]:
    out = []
    for part in ("一", "三"):
        if part not in doc.parts:
            continue
        a, b = doc.parts[part]
        seen_second = False
        for p in doc.paragraphs[a + 1:b + 1]:
            if HEADING2.match(p.text):
                seen_second = True
            m = ARABIC.match(p.text)
            if m and not seen_second:
                out.append(Finding("structure.level-skip", WARNING, p.number, 0, m.end(),
                                   f"“{m.group()}”直接排在一级标题下，跳过了“（一）”这一层",
                                   "按“一、（一）1.（1）”的层次，把这一层改为“（一）（二）……”"))
                break
    return out


def _parts(doc) -> list[Finding]:
    out = []
    names = {"开头": "开头（导语）", "一": "一、履职工作特色和亮点", "二": "二、存在的问题及原因",
             "三": "三、下一步工作思路和措施"}
    heads = [i for i, t in enumerate(doc.texts) if HEADING1.match(t) and len(t) <= 40]
    if not heads:
        out.append(Finding("structure.parts", WARNING, 0, 0, 0, "全文没有“一、二、三、”部分标题",
                           "按“一、履职工作特色和亮点 / 二、存在的问题及原因 / 三、下一步工作思路和措施”分部分"))
    elif len(heads) > 3:
        out.append(Finding("structure.parts", WARNING, heads[3] + 1, 0, 2,
                           f"一级标题有 {len(heads)} 个，标准的述职报告正文是三个部分",
                           "把工作亮点合并到“一、”之下，问题、措施分别作“二、”“三、”"))
    for key, label in names.items():
        if key not in doc.parts:
            severity = WARNING if key == "开头" else ERROR
            out.append(Finding("structure.parts", severity, 0, 0, 0, f"没有找到“{label}”部分",
                               f"补上“{label}”"))
    order = [doc.parts[k][0] for k in ("一", "二", "三") if k in doc.parts]
    if order != sorted(order):
        out.append(Finding("structure.parts", ERROR, 0, 0, 0, "各部分的顺序不对",
                           "按 亮点、问题及原因、下一步措施 的顺序排列"))
    return out


def _numbering(doc) -> list[Finding]:
    out = []
    level1 = level2 = arabic = di = 0
    shi_last = 0
    for p in doc.paragraphs:
        text = p.text
        m1, m2, ma, md = HEADING1.match(text), HEADING2.match(text), ARABIC.match(text), DI.match(text)
        if m1 and len(text) <= 40:
            n = number(m1.group()[:-1])
            if n != level1 + 1:
                out.append(_gap(p, 0, len(m1.group()), m1.group(), level1))
            level1, level2, arabic, di, shi_last = n, 0, 0, 0, 0
            continue
        if m2:
            n = number(m2.group(1))
            if n != level2 + 1:
                out.append(_gap(p, 0, m2.end(), m2.group(), level2))
            level2, arabic, shi_last = n, 0, 0
        if ma:
            n = int(ma.group(1))
            if n != arabic + 1:
                out.append(_gap(p, 0, ma.end(), ma.group(), arabic))
            arabic, shi_last = n, 0
        if md:
            n = number(md.group(1))
            if n != di + 1:
                out.append(_gap(p, 0, md.end(), md.group(), di))
            di, shi_last = n, 0
        for m in INLINE_ARABIC.finditer(text):
            out.append(Finding("structure.numbering", ERROR, p.number, m.start(), m.end(),
                               f"段落中间出现序号“{m.group()}”，像是粘贴时带进来的另一条内容",
                               "删去这个序号，或把它后面的内容另起一段并接续编号"))
        shis = list(SHI.finditer(text))
        if shis:
            first = number(shis[0].group(1))
            expected = shi_last + 1 if shis[0].start() == 0 and first != 1 else 1
            for m in shis:
                n = number(m.group(1))
                if n != expected:
                    out.append(Finding("structure.numbering", ERROR, p.number, m.start(1), m.end(),
                                       f"“{m.group()}”的前面应是“{_cn(expected - 1)}是”，序号不连续",
                                       f"改为“{_cn(expected)}是”或补上缺的一条"))
                expected = n + 1
            shi_last = expected - 1
        elif not (m2 or ma or md):
            shi_last = shi_last if text.endswith("：") else 0
    return out


def _gap(p, start, end, found, previous) -> Finding:
    return Finding("structure.numbering", ERROR, p.number, start, end,
                   f"序号“{found.strip()}”不连续（上一个是第{previous}项）" if previous else
                   f"序号“{found.strip()}”没有从第一项开始",
                   "按顺序重新编号")


def _cn(n: int) -> str:
    digits = "一二三四五六七八九"
    if n <= 0:
        return "零"
    if n < 10:
        return digits[n - 1]
    return "十" + (digits[n - 11] if n > 10 else "")
