"""typo.confusion — two words that both exist, one used where the context asks for the other: 截止 before a
date (截至10月底), 精减 of meetings (精简), 权力和义务 (权利), 到社区报道 (报到). Each entry of the 易混词 list in
templates/check/错别字.yaml says the context (a pattern of what stands just before or after) that decides."""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_data
from ..findings import ERROR, WARNING, Finding

IDS = ("typo.confusion",)


@lru_cache(maxsize=1)
def entries() -> tuple[dict, ...]:
    """The 易混词 entries, each with its compiled patterns: the word with what must follow it (后接), and what
    must stand just before it (前接) — matched on the text before the word, since `re` lookbehinds must be of
    fixed width."""
    out = []
    for row in load_data("check/错别字.yaml").get("易混词") or ():
        after = f"(?={row['后接']})" if row.get("后接") else ""
        out.append({**row, "_after": re.compile(re.escape(row["写法"]) + after),
                    "_before": re.compile(f"(?:{row['前接']})$") if row.get("前接") else None})
    return tuple(out)


def check(doc, ctx) -> list[Finding]:
    from .typos import listed_spans

    out = []
    for p in doc.paragraphs:
        listed = listed_spans(p.text)   # 截止目前 is typo.common's already: one finding, not two
        for row in entries():
            for m in row["_after"].finditer(p.text):
                if row["_before"] is not None and not row["_before"].search(p.text, 0, m.start()):
                    continue
                if any(a < m.start() + len(row["写法"]) and m.start() < b for a, b in listed):
                    continue
                out.append(Finding("typo.confusion", WARNING if row.get("提醒") else ERROR, p.number, m.start(),
                                   m.start() + len(row["写法"]),
                                   f"这里应写“{row['应为']}”，不是“{row['写法']}”（{row['编号']}）",
                                   f"改为“{row['应为']}”"))
    return out
