"""Copy-paste remnants from another kind of report.

remnant.foreign-unit  words from another kind of unit (民警, 学生, 患者, 客户, 我局 …) in a Party
                      secretary's report on 基层党建 — unless the report's title names that kind of unit
                      (a school's report speaks of 师生) — or the sentence works with such a unit or its
                      people (联合派出所民警, 资助困难学生, 返乡大学生, 看望患者)
                      (全局党建/全局干警: “全局” as “the whole bureau” is a 提醒, since 全局 also means “overall”)
remnant.level         a village report that calls itself 镇 (我镇, 全镇), or a township report 我村
                      (在全镇考核中排名第三: a village ranked among the township's, not a remnant)
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_data
from ..findings import ERROR, WARNING, Finding

IDS = ("remnant.foreign-unit", "remnant.level")
# Words of another kind of unit, by kind, from templates/check/外来用语.yaml; a report whose own title names
# that kind of unit (a school's, a bureau's) uses them rightly.
# read on first use, not at import


@lru_cache(maxsize=1)
def _foreign() -> tuple[dict, re.Pattern]:
    data = load_data("check/外来用语.yaml")
    kinds = {kind: (re.compile(spec["词"]), re.compile(spec["本单位"]), re.compile(spec["合作方"]),
                    re.compile(spec["自称"])) for kind, spec in data["外来用语"].items()}
    return kinds, re.compile(data["协作"])
_SENTENCE = re.compile(r"[^。！？；]+")
BUREAU = re.compile(r"全局(?=党建|党员|干警|职工|上下|干部职工)")
LEVEL = {"村": re.compile(r"我镇|本镇|全镇"), "镇": re.compile(r"我村|本村")}
# By the exact level: the words by which a report of another level names itself (全乡 in a 镇 report, 全镇 in a
# 乡 report, 全村 in a 社区 report). 全乡镇, 全乡村: not a level word.
_SELF = {lvl: rf"(?:全|我|本){lvl}(?![镇村])" if lvl == "乡" else rf"(?:全|我|本){lvl}" for lvl in
         ("镇", "乡", "街道", "村", "社区")}
EXACT = {own: re.compile("|".join(_SELF[other] for other in _SELF if other != own and not (
    own == "社区" and other in ("镇", "乡", "街道")) and not (own == "村" and other in ("镇", "乡"))))
    for own in _SELF}
# a 村 or 社区 report may name the township it belongs to: only 我镇/本镇 (not 全镇 among…) is a remnant there
OWN_TOWN = re.compile(r"(?:我|本)(?:镇|乡|街道)")
# 在全镇考核中排名第三, 全镇第一: the village measured among the township's villages, not a remnant
AMONG = re.compile(r"(?:考核|评比|排名|排在|第[一二三四五六七八九十\d]|前列|前茅|率先|首个|唯一|各村|范围内)")
# 每人交一份本村发展的思路 in a township report: each village cadre's own village, not the report calling itself
# a village (白沙镇, a fresh input: 镇村干部…每人交一份本村发展的思路 was flagged as copied)
EACH = re.compile(r"(?:每人|每名|每个|各村|各自|村干部|村党组织书记|支部书记|村里的)[^。；]{0,10}$")


def check(doc, ctx) -> list[Finding]:
    out = []
    a, b = doc.parts.get("标题", (0, 0))
    title = "".join(doc.texts[a:b + 1])[:80]
    kinds = _foreign()[0]
    foreign = [(words, partner, self_) for words, own, partner, self_ in kinds.values() if not own.search(title)]
    for p in doc.paragraphs:
        for m in (m for kind in foreign for m in _remnants(p.text, *kind)):
            out.append(Finding("remnant.foreign-unit", ERROR, p.number, m.start(), m.end(),
                               f"“{m.group()}”不像是基层党建述职报告的用语，可能是从别的材料复制来的",
                               "改成本单位的说法（如 党员、干部、群众），或删去"))
        for m in BUREAU.finditer(p.text):
            out.append(Finding("remnant.foreign-unit", WARNING, p.number, m.start(), m.end(),
                               "“全局”在这里像是“全局（局机关）”，可能是从局机关的材料复制来的",
                               f"改为“全{'村' if ctx.level == '村' else '镇'}”"))
        out += _level_words(p, ctx)
    return out


def _remnants(text: str, words, partner, self_):
    """The words of another kind of unit in `text` that are not about working with such a unit: 联合派出所民警,
    资助困难学生, 看望患者 speak of others; 民警管理时紧时松 and 我校 speak as that unit."""
    for sentence in _SENTENCE.finditer(text):
        found = list(words.finditer(text, sentence.start(), sentence.end()))
        if not found:
            continue
        # the unit is named by other words than its people's (民警 names no 警 unit); 大学生 is a partner
        named = partner.search(words.sub(lambda w: "\u3000" * len(w.group()), sentence.group()))
        for m in found:
            if not self_.match(text, m.start()) and (named or _foreign()[1].search(text, sentence.start(), m.end())):
                continue
            yield m


def _level_words(p, ctx) -> list[Finding]:
    """全镇 in a 乡 report, 全乡 in a 镇 report, 全村 in a 社区 report, 我镇 in a village's: another level's words.
    A village or 社区 may speak of its township among others (在全镇考核中排名第三): not a remnant."""
    out = []
    own = ctx.unit_level
    patterns = [EXACT[own]] if own else []
    if own in ("村", "社区"):
        patterns.append(OWN_TOWN)
        if own == "村":
            patterns.append(re.compile(r"全(?:镇|乡|街道)"))
    elif own is None and ctx.level in LEVEL:
        patterns.append(LEVEL[ctx.level])
    seen: set[tuple[int, int]] = set()
    for pattern in patterns:
        for m in pattern.finditer(p.text):
            if (m.start(), m.end()) in seen:
                continue
            seen.add((m.start(), m.end()))
            word = m.group()
            if word.startswith("全") and (own in ("村", "社区") or ctx.level == "村") and word[1:] in ("镇", "乡", "街道") \
                    and AMONG.search(p.text[m.end():m.end() + 12]):
                continue
            if word.startswith("本") and (own or ctx.level) in ("镇", "乡", "街道") \
                    and EACH.search(p.text[max(0, m.start() - 16):m.start()]):
                continue
            level = own or ctx.level
            out.append(Finding("remnant.level", WARNING, p.number, m.start(), m.end(),
                               f"这是{level}的报告，却写了“{word}”",
                               f"改成“全{level}”这类本{level}的说法，或核对是否从别的单位的材料复制而来"))
    return out
