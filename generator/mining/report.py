"""The mining report: Markdown for the curators who write the banks, JSON for tools.

Every table is ordered by count (descending), then by number of reports, then by text, so re-running
on the same folder gives the same bytes and a diff shows only what new reports changed.
"""
from __future__ import annotations

import json

from .corpus import Report, Tally, ranked
from .leads import informative

TOP = 20
PART_TITLES = {"开头": "开头", "亮点": "亮点（做法与成效）", "问题": "问题", "原因": "原因", "措施": "措施（下一步）"}


def _short(name: str) -> str:
    return name.split("_")[0]


def _names(t: Tally) -> str:
    return "、".join(_short(n) for n in sorted(t.reports))


def _table(head: list[str], rows: list[list]) -> list[str]:
    if not rows:
        return ["（无）", ""]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines + [""]


def _shapes(tallies: dict[str, Tally], limit: int = TOP, min_count: int = 1) -> list[str]:
    rows = [[f"`{k}`", t.count, _names(t), "；".join(e[:26] for e in t.examples[:2])]
            for k, t in ranked(tallies, min_count=min_count) if informative(k)][:limit]
    return _table(["句式", "次数", "出自", "例"], rows)


def markdown(reports: list[Report], agg: dict, proposed: list[str]) -> str:
    out = ["# 述职报告挖掘结果", "",
           f"共 {len(reports)} 篇：" + "、".join(r.name for r in reports) + "。由 `gen-report mine` 生成，请勿手改；"
           "报告增加后重新运行。", "",
           "句式里 X、Y、Z 是各篇自己填的内容，其余是可以照搬的框架词；骨架里 V 代表框架动词（强化、聚焦、落实……）。"
           "“出自”是报告编号。", ""]
    out += ["## 一、各部分的引领句（编号条目的第一句）", ""]
    for part, tables in agg["parts"].items():
        styles = "、".join(f"{k}（{t.count}次，{_names(t)}）" for k, t in ranked(tables["style"]))
        out += [f"### {PART_TITLES[part]}", "", f"编号方式：{styles}", "", "首分句句式：", ""]
        out += _shapes(tables["first"])
        out += ["整句骨架（前两个分句）：", ""]
        out += _shapes(tables["skeleton"], limit=12)
    out += ["## 二、句首句式（所有句子的第一个分句，至少出现两次）", ""]
    out += _shapes(agg["openings"], limit=30, min_count=2)
    out += ["句首结构（去掉开头的动词、副词，看介词框架：坚持把…作为 与 始终把…作为 同为 把X作为Y）：", ""]
    out += _shapes(agg["cores"], limit=15, min_count=2)
    out += ["## 三、引号里的提法", "", "多篇共用的排在前面；只出现在一篇里的多半是地方品牌或口号。", ""]
    quotes = sorted(agg["quotes"].items(), key=lambda kv: (-len(kv[1].reports), -kv[1].count, kv[0]))
    out += _table(["提法", "次数", "篇数", "出自"], [[f"“{q}”", t.count, len(t.reports), _names(t)] for q, t in quotes])
    out += ["## 四、多篇共用的四字短语（至少两篇）", ""]
    phrases = ranked(agg["phrases"], min_reports=2)
    phrases.sort(key=lambda kv: (-len(kv[1].reports), kv[0]))
    out += ["、".join(f"{p}（{len(t.reports)}）" for p, t in phrases) or "（无）", ""]
    out += ["## 五、数字的说法", "", "按单位汇总（说法是数字前面的几个词；# 表示说法在数字后面或前面还有别的数字）：", ""]
    by_unit: dict[str, list] = {}
    for key, t in ranked(agg["figures"]):
        wording, unit = key.rsplit("|", 1)
        by_unit.setdefault(unit, []).append(f"{wording}（{_names(t)}）" if len(t.reports) > 1 or t.count > 1
                                            else wording)
    for unit, t in ranked(agg["units"]):
        out.append(f"- **{unit}**（{t.count} 处，{_names(t)}）：" + "；".join(by_unit[unit]))
    out += ["", "## 六、遗留的占位符（缺陷：报告里本该是数字或名称的地方）", ""]
    rows = [[_short(r.name), p.mark, p.unit or "（名称）", p.context] for r in reports for p in r.placeholders]
    out += _table(["报告", "记号", "后面的单位", "上下文"], rows)
    out += ["## 七、建议加入词典的词", "",
            "多篇引用的提法和多篇共用的名词性四字短语，jieba 现在会把它们切开。`gen-report mine DIR --grow` 把它们追加到 "
            "`templates/jieba_userdict.txt`（只追加，不删改已有的行）。", ""]
    out += ["、".join(proposed) if proposed else "（无）", ""]
    out += ["## 八、逐篇", ""]
    for r in reports:
        out += [f"### {r.name}", ""]
        out += _table(["部分", "段数", "开头"], [[p, len(ps), ps[0][:24]] for p, ps in r.parts.items()])
        out += ["引领句：", ""] + [f"- [{lead.part}] {lead.style} {lead.text[:40]} → `{lead.shape}`" for lead in r.leads]
        out += ["", "引号提法：" + ("、".join(f"“{q}”×{n}" if n > 1 else f"“{q}”"
                                         for q, n in sorted(r.quotes.items(), key=lambda kv: (-kv[1], kv[0])))
                                or "（无）"), ""]
        out += ["数字：" + ("；".join(f"{f.wording}〔{f.number}{f.unit}〕" for f in r.figures) or "（无）"), ""]
        if r.placeholders:
            out += [f"**占位符 {len(r.placeholders)} 处**：" + "；".join(p.context for p in r.placeholders), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _tallies(tallies: dict[str, Tally], **kw) -> list[dict]:
    return [{"text": k, "count": t.count, "reports": sorted(t.reports), "examples": t.examples}
            for k, t in ranked(tallies, **kw)]


def to_json(reports: list[Report], agg: dict, proposed: list[str]) -> str:
    data = {
        "reports": [{
            "name": r.name,
            "parts": {p: {"paragraphs": len(ps), "start": ps[0][:40]} for p, ps in r.parts.items()},
            "leads": [{"part": x.part, "style": x.style, "text": x.text, "shape": x.shape, "first": x.first,
                       "skeleton": x.skeleton} for x in r.leads],
            "quotes": dict(sorted(r.quotes.items(), key=lambda kv: (-kv[1], kv[0]))),
            "figures": [{"wording": f.wording, "number": f.number, "unit": f.unit} for f in r.figures],
            "placeholders": [{"mark": p.mark, "unit": p.unit, "context": p.context} for p in r.placeholders],
        } for r in reports],
        "parts": {part: {k: _tallies(v) for k, v in tables.items()} for part, tables in agg["parts"].items()},
        "openings": _tallies(agg["openings"], min_count=2),
        "cores": _tallies(agg["cores"], min_count=2),
        "quotes": _tallies(agg["quotes"]),
        "phrases": _tallies(agg["phrases"], min_reports=2),
        "figures": _tallies(agg["figures"]),
        "dictionary_candidates": proposed,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
