"""Write the mining report: Markdown for curators, JSON for tools. Deterministic ordering."""
from __future__ import annotations

import json

from .analyse import PARTS, Report

TOP = 25


def _sorted(counter) -> list:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def markdown(reports: list[Report], agg: dict) -> str:
    lines = ["# 述职报告挖掘结果", "", f"共 {len(reports)} 篇：" + "、".join(r.name for r in reports), ""]
    lines += ["## 汇总", "", "### 引领句句式（编号条目的第一句，X/Y/Z 为内容词）", "", "| 句式 | 次数 |", "|---|---|"]
    lines += [f"| {s} | {n} |" for s, n in _sorted(agg["shapes"])[:TOP]]
    lines += ["", "### 引号里的提法", "", "| 提法 | 次数 | 篇数 |", "|---|---|---|"]
    quotes = sorted(agg["quotes"].items(), key=lambda kv: (-len(kv[1]), -agg["quote_total"][kv[0]], kv[0]))
    lines += [f"| “{q}” | {agg['quote_total'][q]} | {len(names)} |" for q, names in quotes[:TOP * 2]]
    lines += ["", "### 多篇共用的四字短语", "", "| 短语 | 篇数 |", "|---|---|"]
    phrases = sorted(agg["phrases"].items(), key=lambda kv: (-len(kv[1]), kv[0]))
    lines += [f"| {p} | {len(names)} |" for p, names in phrases[:TOP * 2]]
    lines += ["", "### 数字的说法（按单位）", ""]
    for unit in sorted(agg["figures"]):
        top = "、".join(f"{w}（{n}）" for w, n in _sorted(agg["figures"][unit])[:12])
        lines.append(f"- **{unit}**：{top}")
    lines += ["", "### 建议加入词典的词（多篇引用、jieba 却切开的提法；`--grow` 写入）", ""]
    lines += [f"- {c}" for c in agg["candidates"]] or ["- （无）"]
    for r in reports:
        lines += ["", f"## {r.name}", "", "| 部分 | 开头几个字 |", "|---|---|"]
        lines += [f"| {p} | {r.parts[p][:24].replace(chr(10), ' ')} |" for p in PARTS if p in r.parts]
        lines += ["", "引领句：", ""] + [f"- [{part}] {lead} → `{shape}`" for part, lead, shape in r.leads]
        lines += ["", "数字：" + "；".join(f"{w}{n}{u}" for w, n, u in r.figures[:40])]
        if r.placeholders:
            lines += ["", "**遗留占位符**：" + "；".join(r.placeholders)]
    return "\n".join(lines) + "\n"


def as_json(reports: list[Report], agg: dict) -> str:
    data = {
        "reports": [{"name": r.name, "parts": {p: r.parts[p][:40] for p in r.parts},
                     "leads": [{"part": p, "lead": lead, "shape": s} for p, lead, s in r.leads],
                     "quotes": dict(_sorted(r.quotes)), "figures": [list(f) for f in r.figures],
                     "placeholders": r.placeholders} for r in reports],
        "shapes": dict(_sorted(agg["shapes"])),
        "quotes": {q: {"count": agg["quote_total"][q], "reports": sorted(n)} for q, n in sorted(agg["quotes"].items())},
        "phrases": {p: sorted(n) for p, n in sorted(agg["phrases"].items())},
        "figures": {u: dict(_sorted(c)) for u, c in sorted(agg["figures"].items())},
        "candidates": agg["candidates"],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
