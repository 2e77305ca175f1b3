"""term.nonstandard — fixed names written in a short or informal form that formal Party documents avoid.

习总书记 → 习近平总书记; 新时代中国特色社会主义思想 without 习近平 in front → the full name.
"""
from __future__ import annotations

import re

from ..findings import WARNING, Finding

IDS = ("term.nonstandard",)
TERMS = (
    (re.compile(r"(?<!学)习总书记"), "习近平总书记", "正式材料中应称“习近平总书记”"),  # 学习总书记… is 学习+总书记
    (re.compile(r"(?<!习近平)新时代中国特色社会主义思想"), "习近平新时代中国特色社会主义思想",
     "指导思想应写全称"),
)


def check(doc, ctx) -> list[Finding]:
    out = []
    for p in doc.paragraphs:
        for pattern, right, why in TERMS:
            for m in pattern.finditer(p.text):
                out.append(Finding("term.nonstandard", WARNING, p.number, m.start(), m.end(),
                                   f"“{m.group()}”不规范：{why}", f"改为“{right}”"))
    return out
