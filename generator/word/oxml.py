"""The raw-XML layer: the only module that writes WordprocessingML by hand.

python-docx has no API for a few things we need (East Asian fonts live in the reference styles; here:
run-level bold/highlight, title line breaks, indents in character units), and building ~40 paragraphs
through its object API costs ~20 ms a draft. So paragraphs are written as XML text here, escaped, and
parsed once with python-docx's own `parse_xml` into the document body.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

_W = nsdecls("w")


# Chinese text and the marks Chinese shares with Western type (“” ‘’ — … ·): a run holding any is hinted
# East Asian, so the East Asian font draws them even after a clerk sets the Western font to Times New Roman
# (WPS and Word would otherwise draw “ ” and — narrow, in the Western font).
_EAST_ASIAN = re.compile("[\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def run_xml(text: str, *, bold: bool = False, highlight: bool = False, line_break: bool = False) -> str:
    """Return one `w:r` with `text` (spaces kept), optionally bold, highlighted, or ending in a break."""
    props = '<w:rFonts w:hint="eastAsia"/>' if _EAST_ASIAN.search(text) else ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if highlight:
        props += '<w:highlight w:val="yellow"/>'
    r_pr = f"<w:rPr>{props}</w:rPr>" if props else ""
    br = "<w:br/>" if line_break else ""
    return f'<w:r>{r_pr}<w:t xml:space="preserve">{escape(text)}</w:t>{br}</w:r>'


def paragraph_xml(style_id: str, runs: str, *, right_chars: float | None = None,
                  font_half_points: int = 32, keep_next: bool = False, digit_spacing: bool = True) -> str:
    """Return one `w:p` in style `style_id`; `right_chars` indents it from the right in characters,
    `keep_next` keeps it on the page of the next paragraph, `digit_spacing=False` turns off the extra space
    Word and LibreOffice put between Chinese characters and digits (so widths count exactly).
    Properties are written in the schema's order (pStyle, keepNext, autoSpaceDN, ind), which Word needs."""
    keep = "<w:keepNext/>" if keep_next else ""
    spacing = "" if digit_spacing else '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    ind = ""
    if right_chars is not None:
        twips = round(right_chars * font_half_points * 10)
        ind = f'<w:ind w:right="{twips}" w:rightChars="{round(right_chars * 100)}"/>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{spacing}{ind}</w:pPr>{runs}</w:p>'


def replace_body(body, paragraphs: list[str]) -> None:
    """Replace the content of `body` (a `w:body`) with `paragraphs`, keeping its section properties."""
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    fragment = parse_xml(f"<w:body {_W}>{''.join(paragraphs)}</w:body>")
    index = 0
    for child in list(fragment):
        body.insert(index, child)
        index += 1
