"""The .docx as Word sees it: page setup, restyled built-in styles with East Asian fonts, outline levels,
run-in bold leads, highlighted gaps, odd/even page numbers, reproducible bytes."""
from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path
import zipfile

import docx

from generator.bank import load_bank
import pytest
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from conftest import minimal
from generator.api import render, render_docx
from generator.errors import InputError
from generator.word.writer import sign_off_indents, write_docx

MM = 36000  # EMU per millimetre


@pytest.fixture(scope="module")
def document():
    """The minimal report by an author of （一） items and part two in two lists (the layout these tests read)."""
    from conftest import style_where

    data = minimal(亮点={"组织建设": {"发展党员": 12, "入党积极分子": 14}, "政治建设": {"集中学习": 12, "讲党课": 4}})
    return docx.Document(io.BytesIO(render_docx(data, style=style_where(part_one="分项", part_two="分列"))))


def _fonts(style):
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    return {k: rfonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia")}


def test_page_setup(document):
    s = document.sections[0]
    assert (s.page_width, s.page_height) == (Emu(11906 * 635), Emu(16838 * 635))
    assert round(s.top_margin / MM) == 37 and round(s.bottom_margin / MM) == 35
    assert round(s.left_margin / MM) == 28 and round(s.right_margin / MM) == 26
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"


@pytest.mark.parametrize("style, font, size, bold", [
    ("Normal", "仿宋_GB2312", 16, None),
    ("Title", "方正小标宋简体", 22, False),
    ("Heading 1", "黑体", 16, False),
    ("Heading 2", "楷体_GB2312", 16, False),
    ("Report Signature", "楷体_GB2312", None, None),
    ("Footer", "宋体", 14, None),
])
def test_style_fonts_sizes_and_east_asian_slot(document, style, font, size, bold):
    st = document.styles[style]
    assert _fonts(st) == {"ascii": font, "hAnsi": font, "eastAsia": font}
    if size:
        assert st.font.size == Pt(size)
    assert st.font.bold is bold


def test_no_theme_fonts_or_colours_anywhere():
    with zipfile.ZipFile(io.BytesIO(render_docx(minimal()))) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
        names = z.namelist()
    assert "Theme" not in styles and "w:themeColor" not in styles
    assert 'w:eastAsia="zh-CN"' in settings and "<w:evenAndOddHeaders/>" in settings
    # a theme part is there because the schema wants one; the styles never take fonts or colours from it
    assert "word/theme/theme1.xml" in names


def test_headings_keep_outline_levels(document):
    levels = {name: document.styles[name].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val"))
              for name in ("Heading 1", "Heading 2")}
    assert levels == {"Heading 1": "0", "Heading 2": "1"}


def test_heading_order_and_text(document):
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    structure = load_bank().get("结构")
    assert [h for h in headings if h[0] == "Heading 1"] == [
        ("Heading 1", "一、履职工作特色和亮点"), ("Heading 1", "二、存在的问题及原因"), ("Heading 1", "三、下一步工作思路和措施")]
    assert [h[0] for h in headings] == ["Heading 1", "Heading 1", "Heading 2", "Heading 2", "Heading 1"]
    assert headings[2][1] in structure["问题小标题"] and headings[3][1] in structure["原因小标题"]
    title = document.paragraphs[0]
    assert title.style.name == "Title" and title.text == "红柳镇党委书记2024年度\n抓基层党建工作述职报告"


def test_body_indent_and_line_spacing(document):
    normal = document.styles["Normal"].element.pPr
    ind = normal.find(qn("w:ind"))
    assert (ind.get(qn("w:firstLineChars")), ind.get(qn("w:firstLine"))) == ("200", "640")
    spacing = normal.find(qn("w:spacing"))
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    # −0.3 pt a character: 28 characters fit the 156 mm line (28 × 15.7 pt = 439.6 pt of 442.2 pt) and 29 do
    # not, with enough slack that LibreOffice keeps the mark ending a full line (−0.25 pt lost some)
    assert document.styles["Normal"].element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-6"


def test_lead_is_bold_and_rest_is_not(document):
    item = next(p for p in document.paragraphs if p.text.startswith("（一）") and len(p.text) > 30)
    assert item.runs[0].bold and item.runs[0].text.endswith("。")
    assert not item.runs[1].bold and len(item.runs[1].text) > 5


def test_missing_fact_is_highlighted():
    data = minimal()
    del data["报告"]["姓名"]
    doc = docx.Document(io.BytesIO(render_docx(data)))
    runs = [r for p in doc.paragraphs for r in p.runs if "待补充" in r.text]
    assert runs and all(r.font.highlight_color == 7 for r in runs)  # WD_COLOR_INDEX.YELLOW


def test_page_numbers_odd_right_even_left(document):
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert document.settings.odd_and_even_pages_header_footer
    for p in (odd, even):
        xml = p._p.xml
        assert "PAGE" in xml and p.text.startswith("— ") and p.text.endswith(" —")
    assert odd.alignment == 2 and even.alignment == 0  # RIGHT, LEFT


def test_sign_off_and_date(document):
    name, date = document.paragraphs[-2], document.paragraphs[-1]
    assert (name.text, date.text) == ("王建平", "2025年1月10日")
    assert document.paragraphs[-3].text == ""  # one blank line before the sign-off
    assert name.style.name == date.style.name == "Closing"
    right = [p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) for p in (name, date)]
    assert right == ["750", "200"]


def test_sign_off_rule():
    # A date wider than the name keeps two characters of right space; the name starts two characters
    # left of the date's start.
    name_right, date_right = sign_off_indents("王建平", "2025年1月10日")
    assert date_right == 2 and (name_right + 3) - (date_right + 6.5) == 2
    # A long signature keeps the two characters; the date starts two characters right of its start.
    name_right, date_right = sign_off_indents("红柳镇党委书记王建平同志", "2025年1月10日")
    assert name_right == 2 and (2 + 12) - (date_right + 6.5) == 2


def test_core_properties_from_input(document):
    props = document.core_properties
    assert props.title == "红柳镇党委书记2024年度抓基层党建工作述职报告" and props.author == "王建平"
    assert props.created.isoformat().startswith("2025-01-10") and props.modified == props.created


def test_byte_identical_for_same_input():
    assert render_docx(minimal()) == render_docx(minimal())
    assert render_docx(minimal()) != render_docx(minimal(), variant=1)


def test_xml_illegal_text_is_a_clear_error():
    import dataclasses

    draft = render(minimal())
    bad = dataclasses.replace(draft, title_lines=("红柳镇\x01", "报告"))
    with pytest.raises(InputError, match="U\\+0001"):
        write_docx(bad)


def test_text_with_markup_characters_is_escaped():
    data = minimal()
    data["亮点"]["组织建设"]["事例"] = ["<w:p>&amp; 特殊字符 ]]> 原样"]
    doc = docx.Document(io.BytesIO(render_docx(data)))
    assert any("<w:p>&amp; 特殊字符 ]]> 原样" in p.text for p in doc.paragraphs)


def test_every_part_is_schema_valid():
    """Every XML part of generated drafts against the ISO/IEC 29500 schemas (openxml-audit, a pure-Python
    port of the Open XML SDK validator): zero errors and zero warnings. Word silently drops a property out
    of schema order, so an out-of-order footer indent would put the page number flush right."""
    import openxml_audit as audit
    from conftest import EXAMPLE_INPUTS, load_example

    validator = audit.OpenXmlValidator()
    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        for variant in (0, 1):
            target = Path(tempfile.mkdtemp()) / "draft.docx"
            target.write_bytes(render_docx(data, variant=variant))
            result = validator.validate(str(target))
            assert result.error_count == 0 and result.warning_count == 0, [str(e) for e in result.errors]


def test_sign_off_keeps_with_the_text_and_counts_digits_exactly():
    with zipfile.ZipFile(io.BytesIO(render_docx(minimal()))) as z:
        body = z.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p>.*?</w:p>", body)
    name, date = paragraphs[-2], paragraphs[-1]
    blank, last_text = paragraphs[-3], paragraphs[-4]
    assert "<w:keepNext/>" in last_text and "<w:keepNext/>" in blank and "<w:keepNext/>" in name
    for p in (name, date):
        assert '<w:autoSpaceDN w:val="0"/>' in p


def test_chinese_runs_are_hinted_east_asian_and_fonts_carry_their_fallbacks():
    """WPS on a stock Windows: a run with Chinese text or “”—… is hinted eastAsia (so it stays in the East
    Asian font when the Western one is set to Times New Roman), and the GB2312 fonts a stock system lacks carry
    the altName, panose and signature WPS substitutes by."""
    import zipfile
    from xml.etree import ElementTree as ET

    from conftest import EXAMPLE_INPUTS, load_example

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    data, _ = load_example(EXAMPLE_INPUTS[0])
    with zipfile.ZipFile(io.BytesIO(render_docx(data))) as z:
        body = ET.fromstring(z.read("word/document.xml"))
        fonts = ET.fromstring(z.read("word/fontTable.xml"))
    runs = [r for r in body.iter(w + "r") if "".join(t.text or "" for t in r.iter(w + "t"))]
    chinese = [r for r in runs if re.search("[\u4e00-\u9fff“”—]", "".join(t.text or "" for t in r.iter(w + "t")))]
    assert len(chinese) > 50
    for r in chinese:
        hint = r.find(f"{w}rPr/{w}rFonts")
        assert hint is not None and hint.get(w + "hint") == "eastAsia"
    table = {f.get(w + "name"): f for f in fonts.iter(w + "font")}
    for name, fallback in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        font = table[name]
        assert font.find(w + "altName").get(w + "val") == fallback
        assert len(font.find(w + "panose1").get(w + "val")) == 20 and font.find(w + "sig") is not None
