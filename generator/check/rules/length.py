"""length.total — the draft far shorter or longer than real reports (about 2,400–3,300 字 in the seeds);
length.part — part two or three only a line long."""
from __future__ import annotations

import re

from ..document import HEADING1
from ..findings import WARNING, Finding

IDS = ("length.total", "length.part")
MIN_TOTAL, MAX_TOTAL = 1500, 6000
# A village or 社区 secretary reports on one 支部's year: real village reports run shorter than a township's
# (1,000–2,500 字 is common; a small village's two pages are about 1,100), so "far shorter" starts lower there.
MIN_VILLAGE = 1000
MIN_PART = 60


def word_count(text: str) -> int:
    """Return Word's 字数 for Chinese text: CJK characters and full-width punctuation, plus ASCII words."""
    return len(re.findall(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uffef“”‘’—…·]", text)) + \
        len(re.findall(r"[A-Za-z0-9.%]+", text))


def check(doc, ctx) -> list[Finding]:
    out = []
    total = word_count("".join(doc.texts))
    least = MIN_VILLAGE if ctx.level == "村" else MIN_TOTAL
    usual = "村级述职报告通常 1000—2500 字" if ctx.level == "村" else "述职报告通常 2500—5000 字"
    if total < least or total > MAX_TOTAL:
        out.append(Finding("length.total", WARNING, 0, 0, 0,
                           f"全文约 {total} 字，{'偏短' if total < least else '偏长'}（{usual}）",
                           "补充主要做法和成效" if total < least else "压缩到 5000 字以内"))
    for key, label in (("二", "存在的问题及原因"), ("三", "下一步工作思路和措施")):
        if key in doc.parts:
            a, b = doc.parts[key]
            first = a + 1 if HEADING1.match(doc.texts[a]) else a  # a report without headings starts with text
            size = word_count("".join(doc.texts[first:b + 1]))
            if size < MIN_PART:
                out.append(Finding("length.part", WARNING, a + 1, 0, len(doc.texts[a]),
                                   f"“{label}”部分只有 {size} 字", "展开写清楚问题、原因或措施"))
    return out
