"""Copy-paste remnants from another kind of report.

remnant.foreign-unit  words from another kind of unit (民警, 学生, 患者, 客户, 我局 …) in a Party
                      secretary's report on 基层党建
                      (全局党建/全局干警: “全局” as “the whole bureau” is a 提醒, since 全局 also means “overall”)
remnant.level         a village report that calls itself 镇 (我镇, 全镇), or a township report 我村
"""
from __future__ import annotations

import re

from ..findings import ERROR, WARNING, Finding

IDS = ("remnant.foreign-unit", "remnant.level")
FOREIGN = re.compile(r"民警|辅警|警力|警务|师生|学生|教职工|患者|病人|医护人员|客户|营业网点|我局|本局|局党组|我校|本校|我院|本院")
BUREAU = re.compile(r"全局(?=党建|党员|干警|职工|上下|干部职工)")
LEVEL = {"村": re.compile(r"我镇|本镇|全镇"), "镇": re.compile(r"我村|本村")}


def check(doc, ctx) -> list[Finding]:
    out = []
    for p in doc.paragraphs:
        for m in FOREIGN.finditer(p.text):
            out.append(Finding("remnant.foreign-unit", ERROR, p.number, m.start(), m.end(),
                               f"“{m.group()}”不像是基层党建述职报告的用语，可能是从别的材料复制来的",
                               "改成本单位的说法（如 党员、干部、群众），或删去"))
        for m in BUREAU.finditer(p.text):
            out.append(Finding("remnant.foreign-unit", WARNING, p.number, m.start(), m.end(),
                               "“全局”在这里像是“全局（局机关）”，可能是从局机关的材料复制来的",
                               f"改为“全{'村' if ctx.level == '村' else '镇'}”"))
        pattern = LEVEL.get(ctx.level or "")
        if pattern:
            for m in pattern.finditer(p.text):
                out.append(Finding("remnant.level", WARNING, p.number, m.start(), m.end(),
                                   f"这是{ctx.level}级的报告，却写了“{m.group()}”",
                                   f"核对是否从{'镇' if ctx.level == '村' else '村'}级材料复制而来"))
    return out
