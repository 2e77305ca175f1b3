"""The clerk's free text, made fit for a 公文 before it goes in verbatim: full-width digits become half-width
(１２ → 12, as GB/T 9704 writes numbers), ASCII quotes become Chinese ones ("…" → “…”), and what a report
cannot hold — emoji, HTML-like tags pasted from a web page — is reported, not silently dropped."""
from __future__ import annotations

import re

# Characters an XML 1.0 document cannot hold (Word would refuse to open the file): checked when the input is
# validated, and again by the writer for text that did not come through validation.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_ASCII_QUOTED = re.compile(r'"([^"\n]*)"')
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")


def normalise(text: str) -> tuple[str, list[str]]:
    """Return `text` with digits and quotes normalised, and Chinese notes on what the clerk should fix."""
    notes = []
    out = text.translate(_FULL_DIGITS)
    out = _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”", out)
    if _TAG.search(out):
        notes.append(f"“{_TAG.search(out).group()}”像是从网页复制来的标记，报告里会原样出现，请删掉")
    if _EMOJI.search(out):
        notes.append("含有表情符号，公文里不宜出现，请删掉")
    return out, notes
