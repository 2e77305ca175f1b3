"""Typography, each finding at the exact spot.

punct.halfwidth-comma / -colon / -semicolon / -paren   half-width , : ; ( ) next to Chinese text
punct.unbalanced      a quote or bracket not closed, or closed by another kind (《…）, （试行)）
punct.mixed-quotes    “” and "" in one paragraph
punct.ascii-quotes    "…" alone around Chinese text (设立"党员先锋岗"12个)
punct.wrong-bracket   〔一〕 or [一] numbering an item, where GB/T 9704 uses （一）
punct.double          doubled punctuation (，，  。。  ，。)
punct.quote-dunhao    a 顿号 between quoted or titled items (“…”、“…”, 》、《), which GB/T 15834 omits
space.in-chinese      spaces inside Chinese text or between a number and its unit — not inside 《…》 or “…”
                      (a quoted title may hold spaces), nor on a signature line (青石村党支部书记 李明)
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("punct.halfwidth-comma", "punct.halfwidth-colon", "punct.halfwidth-semicolon", "punct.halfwidth-paren",
       "punct.unbalanced", "punct.mixed-quotes", "punct.ascii-quotes", "punct.wrong-bracket", "punct.double",
       "punct.quote-dunhao", "space.in-chinese")
CJK = "\u4e00-\u9fff"
HALF = {",": ("punct.halfwidth-comma", "，"), ":": ("punct.halfwidth-colon", "："),
        ";": ("punct.halfwidth-semicolon", "；")}
HALF_NEAR_CJK = re.compile(rf"(?<=[{CJK}“”）])\s*([,:;])|([,:;])\s*(?=[{CJK}“（])")
PAIRS = {"“": "”", "（": "）", "(": ")", "《": "》", "【": "】", "‘": "’"}
CLOSERS = {v: k for k, v in PAIRS.items()}
DOUBLE = re.compile(r"([，。、；：！？])\1|[，、；：][。，、]|。[，、；]")
DUNHAO = re.compile(r"[”》]、[“《]")
ASCII_QUOTED = re.compile(rf'"[^"]*[{CJK}][^"]*"')
WRONG_BRACKET = re.compile(r"^[〔\[［]([一二三四五六七八九十]+)[〕\]］]")
QUOTED = re.compile(r"《[^》]*》|“[^”]*”")
# 单位职务 姓名: a short line ending in a name of two to four characters after a space
SIGNATURE = re.compile(rf"^[{CJK}（）“”]{{2,30}}(?:书记|主任|委员|主席|镇长|乡长|村长|组长)[ \u3000]+[{CJK}·]{{2,5}}$")
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
        else:
            for m in ASCII_QUOTED.finditer(text):
                out.append(Finding("punct.ascii-quotes", WARNING, p.number, m.start(), m.end(),
                                   "中文里用了英文引号\"\"", f"改为中文引号：“{m.group()[1:-1]}”"))
        bracket = WRONG_BRACKET.match(text)
        if bracket:
            out.append(Finding("punct.wrong-bracket", WARNING, p.number, 0, bracket.end(),
                               f"序号“{bracket.group()}”用错了括号", f"改为“（{bracket.group(1)}）”"))
        for m in DOUBLE.finditer(text):
            out.append(Finding("punct.double", WARNING, p.number, m.start(), m.end(),
                               f"标点“{m.group()}”重复", "删去多余的标点"))
        for m in DUNHAO.finditer(text):
            out.append(Finding("punct.quote-dunhao", WARNING, p.number, m.start() + 1, m.start() + 2,
                               "引号或书名号标出的并列项之间一般不用顿号", "删去这个顿号"))
        if not (title[0] <= p.number - 1 <= title[1]) and not SIGNATURE.match(text.strip()):
            quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
            for m in SPACE.finditer(text):
                if any(a < m.start() < b for a, b in quoted):
                    continue
                out.append(Finding("space.in-chinese", WARNING, p.number, m.start(), m.end(),
                                   "中文或数字与单位之间多了空格", "删去空格"))
    return out


def _brackets(p) -> list[Finding]:
    out = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(p.text):
        if ch == "“" and stack and stack[-1][0] == "“":
            # a second opening quote before the first closed: the first is the one left open
            out.append(Finding("punct.unbalanced", ERROR, p.number, stack[-1][1], stack[-1][1] + 1,
                               "“没有配对的”", "补上”"))
            stack[-1] = (ch, i)
        elif ch in PAIRS:
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
