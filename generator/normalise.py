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
# An exact count of ten or more in Chinese numerals (十四户, 十二个, 一万二千元): a 公文 writes counts in Arabic
# numerals (GB/T 15835), and beside the report's own figures (88个, 214件) the two styles read as two hands
# (every blind reading said so). Approximations keep their Chinese numerals: 十多户, 四百多个, 五成, 几十个.
_CN_COUNT = re.compile(r"(?<![几第数])(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]百[零一二三四五六七八九十]*"
                       r"|[一二两三四五六七八九十]+万[零一二两三四五六七八九]?千?)"
                       r"[户个名人件次场座亩家支条元天](?!多|余|来|左右|上下|以上)")


# The writer saying 我 in the clerk's text, where the report calls the writer 本人 throughout: a blind reader
# quoted 跟着我跑项目 as the place the voice changed. (我们, 我村, 我镇, 自我 are not the writer alone.)
_I = re.compile(r"(?<![自忘本唯])我(?![们村镇乡县区市国省党社街])")


def normalise(text: str) -> tuple[str, list[str]]:
    """Return `text` with digits and quotes normalised, and Chinese notes on what the clerk should fix."""
    notes = []
    out = text.translate(_FULL_DIGITS)
    out = _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”", out)
    tag = _TAG.search(out)
    if tag:
        notes.append(f"“{tag.group()}”像是从网页复制来的标记，报告里会原样出现，请删掉")
    if _EMOJI.search(out):
        notes.append("含有表情符号，公文里不宜出现，请删掉")
    count = _CN_COUNT.search(out)
    if count:
        said = count.group()
        notes.append(f"“{said}”这样的确数，公文里一般写阿拉伯数字（GB/T 15835），和报告里其他数字一致；"
                     "“十多户”“四百多个”“五成”这样的概数可以照旧。报告里按原样写了，请在输入里改")
    if _I.search(out):
        notes.append("这里用了“我”，报告通篇自称“本人”，读来像换了一个人说话；请改成“本人”"
                     "（报告里按原样写了，请在输入里改）")
    return out, notes
