"""Copy-paste remnants from another kind of report.

remnant.foreign-unit  words from another kind of unit (民警, 学生, 患者, 客户, 我局 …) in a Party
                      secretary's report on 基层党建 — unless the report's title names that kind of unit
                      (a school's report speaks of 师生); 返乡大学生 and 大学生村官 are not 学生
                      (全局党建/全局干警: “全局” as “the whole bureau” is a 提醒, since 全局 also means “overall”)
remnant.level         a village report that calls itself 镇 (我镇, 全镇), or a township report 我村
                      (在全镇考核中排名第三: a village ranked among the township's, not a remnant)
"""
from __future__ import annotations

import re

from ...resources import load_data
from ..findings import ERROR, WARNING, Finding

IDS = ("remnant.foreign-unit", "remnant.level")
# Words of another kind of unit, by kind, from templates/check/外来用语.yaml; a report whose own title names
# that kind of unit (a school's, a bureau's) uses them rightly.
KINDS = {kind: (re.compile(spec["词"]), re.compile(spec["本单位"]))
         for kind, spec in load_data("check/外来用语.yaml")["外来用语"].items()}
BUREAU = re.compile(r"全局(?=党建|党员|干警|职工|上下|干部职工)")
LEVEL = {"村": re.compile(r"我镇|本镇|全镇"), "镇": re.compile(r"我村|本村")}
# 在全镇考核中排名第三, 全镇第一: the village measured among the township's villages, not a remnant
AMONG = re.compile(r"(?:考核|评比|排名|排在|第[一二三四五六七八九十\d]|前列|前茅|率先|首个|唯一|各村|范围内)")


def check(doc, ctx) -> list[Finding]:
    out = []
    a, b = doc.parts.get("标题", (0, 0))
    title = "".join(doc.texts[a:b + 1])[:80]
    foreign = [words for words, own in KINDS.values() if not own.search(title)]
    for p in doc.paragraphs:
        for m in (m for words in foreign for m in words.finditer(p.text)):
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
                if m.group() == "全镇" and AMONG.search(p.text[m.end():m.end() + 12]):
                    continue
                out.append(Finding("remnant.level", WARNING, p.number, m.start(), m.end(),
                                   f"这是{ctx.level}级的报告，却写了“{m.group()}”",
                                   f"核对是否从{'镇' if ctx.level == '村' else '村'}级材料复制而来"))
    return out
