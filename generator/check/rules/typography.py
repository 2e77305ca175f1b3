"""Typography, each finding at the exact spot.

punct.halfwidth-comma / -colon / -semicolon / -paren   half-width , : ; ( ) next to Chinese text
punct.unbalanced      a quote or bracket not closed, or closed by another kind (《…）, （试行)）
punct.mixed-quotes    “” and "" in one paragraph
punct.double          doubled punctuation (，，  。。  ，。)
punct.quote-dunhao    a 顿号 between quoted or titled items (“…”、“…”, 》、《), which GB/T 15834 omits
space.in-chinese      spaces inside Chinese text or between a number and its unit
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("punct.halfwidth-comma", "punct.halfwidth-colon", "punct.halfwidth-semicolon", "punct.halfwidth-paren",
       "punct.unbalanced", "punct.mixed-quotes", "punct.double", "punct.quote-dunhao", "space.in-chinese")
CJK = "\u4e00-\u9fff"
HALF = {",": ("punct.halfwidth-comma", "，"), ":": ("punct.halfwidth-colon", "："),
        ";": ("punct.halfwidth-semicolon", "；")}
HALF_NEAR_CJK = re.compile(rf"(?<=[{CJK}“”）])\s*([,:;])|([,:;])\s*(?=[{CJK}“（])")
PAIRS = {"“": "”", "（": "）", "(": ")", "《": "》", "【": "】", "‘": "’"}
CLOSERS = {v: k for k, v in PAIRS.items()}
DOUBLE = re.compile(r"([，。、；：！？])\1|[，、；：][。，、]|。[，、；]")
DUNHAO = re.compile(r"[”》]、[“《]")
# " 1 个": the spaces around a number are one finding, not two.
SPACE = re.compile(rf"(?<=[{CJK}，。、；：“”（）])[ \u3000\t]+\d+(?:\.\d+)?[ \u3000\t]+(?=[{CJK}])"
                   rf"|(?<=[{CJK}\d，。、；：“”（）])[ \u3000\t]+(?=[{CJK}])|(?<=[{CJK}])[ \u3000\t]+(?=\d)")


def check(doc, ctx) -> list[Finding]:
    title = doc.parts.get("标题", (-1, -1))
    out = []
    for p in doc.paragraphs:
        text = p.text
        for m in HALF_NEAR_CJK.finditer(text):
            ch = m.group(1) or m.group(2)
            start = m.start(1) if m.group(1) else m.start(2)
            rule, full = HALF[ch]
            out.append(Finding(rule, WARNING, p.number, start, start + 1,
                               f"中文里用了半角“{ch}”", f"改为全角“{full}”"))
        out += _brackets(p)
        if "“" in text and '"' in text:
            i = text.index('"')
            out.append(Finding("punct.mixed-quotes", WARNING, p.number, i, i + 1,
                               "同一段里既有中文引号“”又有英文引号\"\"", "统一用中文引号“”"))
        for m in DOUBLE.finditer(text):
            out.append(Finding("punct.double", WARNING, p.number, m.start(), m.end(),
                               f"标点“{m.group()}”重复", "删去多余的标点"))
        for m in DUNHAO.finditer(text):
            out.append(Finding("punct.quote-dunhao", WARNING, p.number, m.start() + 1, m.start() + 2,
                               "引号或书名号标出的并列项之间一般不用顿号", "删去这个顿号"))
        if not (title[0] <= p.number - 1 <= title[1]):  # the signature line spaces name from title
            for m in SPACE.finditer(text):
                out.append(Finding("space.in-chinese", WARNING, p.number, m.start(), m.end(),
                                   "中文或数字与单位之间多了空格", "删去空格"))
    return out


def _brackets(p) -> list[Finding]:
    out = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(p.text):
        if ch in PAIRS and not (ch == "“" and stack and stack[-1][0] == "“"):
            stack.append((ch, i))
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                start = stack.pop()[1]
                if ch == ")" and _near_cjk(p.text, start, i):
                    out.append(Finding("punct.halfwidth-paren", WARNING, p.number, start, i + 1,
                                       "中文里用了半角括号“()”", "改为全角括号“（）”"))
            elif stack and {stack[-1][0], opener} == {"（", "("}:
                out.append(Finding("punct.unbalanced", ERROR, p.number, i, i + 1,
                                   f"“{stack[-1][0]}”与“{ch}”不配对（全角、半角混用）", f"改为“{PAIRS[stack[-1][0]]}”"))
                stack.pop()
            else:
                out.append(Finding("punct.unbalanced", ERROR, p.number, i, i + 1,
                                   f"“{ch}”前面没有与它配对的“{opener}”" if not stack else
                                   f"“{stack[-1][0]}”还没有结束，就出现了“{ch}”",
                                   "检查引号和括号是否成对"))
                if stack:
                    stack.pop()
    for ch, i in stack:
        out.append(Finding("punct.unbalanced", ERROR, p.number, i, i + 1, f"“{ch}”没有配对的“{PAIRS[ch]}”",
                           f"补上“{PAIRS[ch]}”"))
    return out


def _near_cjk(text: str, start: int, end: int) -> bool:
    """Return True if a bracketed span (start..end) sits in or holds Chinese text."""
    around = text[max(0, start - 1):start] + text[start + 1:end] + text[end + 1:end + 2]
    return bool(re.search(f"[{CJK}]", around))
