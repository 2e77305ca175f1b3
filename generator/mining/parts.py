"""Split a report into its parts: 开头 / 亮点 / 问题 / 原因 / 措施.

The three numbered parts are found as `gen-report check` finds them (level-1 headings, or the
认真总结…问题 / 下一步， transitions of a report without headings), so both tools agree; the mining
also separates 原因 from 问题 because the banks keep problem and cause wordings apart.
"""
from __future__ import annotations

import re

from ..check.document import find_parts

NAMES = {"标题": "标题", "开头": "开头", "一": "亮点", "二": "问题", "三": "措施"}
ORDER = ("标题", "开头", "亮点", "问题", "原因", "措施")
# 产生问题的主要原因： / 存在问题的主要原因: / 存在这些问题的主要原因是： / 原因分析：
CAUSES = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．])?(?:产生|存在)?(?:这些|上述)?(?:问题)?的?(?:主要)?原因(?:分析|是)?[：:]"
                    r"|^[一二三四五六七八九十]+、.{0,8}原因.{0,4}$")


def paragraphs(text: str) -> list[str]:
    """Return the report's non-empty lines, stripped (the unit both tools number)."""
    return [t for t in (line.strip().strip("\u3000") for line in text.splitlines()) if t]


def split(text: str) -> dict[str, list[str]]:
    """Return part name -> its paragraphs, in report order; parts not found are absent."""
    texts = paragraphs(text)
    out: dict[str, list[str]] = {}
    for key, (first, last) in sorted(find_parts(texts).items(), key=lambda kv: kv[1]):
        out[NAMES[key]] = texts[first:last + 1]
    problems = out.get("问题", [])
    at = next((i for i, t in enumerate(problems) if i > 0 and CAUSES.search(t)), None)
    if at is not None:
        out["问题"], out["原因"] = problems[:at], problems[at:]
    return {name: out[name] for name in ORDER if name in out}
