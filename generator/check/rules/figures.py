"""figure.approx — 余/多 after a number that is not round (15余次, 3多名): an approximate figure is
written on a round number (10余次, 30多名), an exact one without 余/多 (15次). Seed 002: 理论宣讲15余次.
"""
from __future__ import annotations

import re

from ..findings import WARNING, Finding

IDS = ("figure.approx",)
# The last digit non-zero, not a decimal (1.5万余 is 万-rounded), then 余/多 and not 万/亿 (3万余 is fine).
ODD_APPROX = re.compile(r"(?<![\d.．])\d*[1-9][余多](?![万亿])")


def check(doc, ctx) -> list[Finding]:
    out = []
    for p in doc.paragraphs:
        for m in ODD_APPROX.finditer(p.text):
            number = m.group()[:-1]
            out.append(Finding("figure.approx", WARNING, p.number, m.start(), m.end(),
                               f"“{m.group()}”：“余”“多”只跟在整数后面（如 10余、20多）",
                               f"写确数“{number}”，或改为约数（如“{int(number) // 10 * 10 or 10}余”）"))
    return out
