"""Quoted formulations (“四个意识”, “三会一课”) and how often each occurs; “*” and other
placeholders in quotes are not formulations."""
from __future__ import annotations

import re
from collections import Counter

# 1 to 30 characters between curly quotes; longer spans are slogans or a lost closing quote.
QUOTE = re.compile(r"“([^“”\n]{1,30})”")


def quotes(text: str) -> Counter:
    """Return each quoted formulation of the text and how often it occurs."""
    return Counter(q.strip() for q in QUOTE.findall(text) if re.search(r"[\u4e00-\u9fff]", q))
