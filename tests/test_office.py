"""Drafts open in a real office suite: LibreOffice converts drafts to PDF, and the PDF is measured.

- every example has the title, the three part headings, page numbers `— 1 —` … and a sensible page count;
- the page number's dash (一字线) sits 7 ± 1 mm below the type area, one character in from the right on odd
  pages and from the left on even pages (GB/T 9704 7.5);
- no title line is a stub of one or two characters, for long and awkward units and posts;
- the sign-off never stands alone on the last page, over a range of last-paragraph lengths.

LibreOffice runs with tests/fonts/fonts.conf, which maps 仿宋_GB2312, 楷体_GB2312, 方正小标宋简体 and 黑体 to
Debian's fonts with the same GB2312 metrics, so its line breaks are Word's. CI installs LibreOffice, the
fonts and poppler (.ci/run); on a machine without them these tests skip.
"""
from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLE_INPUTS, load_example, minimal

FONTS = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
MM = 72 / 25.4

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                 reason="LibreOffice / poppler not installed (CI installs them)")]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    from generator.api import render_docx

    folder = tmp_path_factory.mktemp("office")
    docs = []
    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        target = folder / f"{path.stem}.docx"
        target.write_bytes(render_docx(data))
        docs.append(target)
    for name, data in _awkward():
        target = folder / f"{name}.docx"
        target.write_bytes(render_docx(data))
        docs.append(target)
    for name, data in _sample():
        target = folder / f"{name}.docx"
        target.write_bytes(render_docx(data))
        docs.append(target)
    return _convert(folder, docs)


def _sample():
    """The 24 village drafts of the batch sample: wording that moves every line break, so a mark that
    LibreOffice loses at a line end shows up somewhere among them (four did before 正文 set overflowPunct)."""
    from variety import sample_inputs

    for i, (_, data) in enumerate(sample_inputs()):
        yield f"sample{i:02d}", data


def _convert(folder, docs) -> dict:
    profile = folder / "profile"
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, docs)], check=True, capture_output=True, timeout=400,
                   env=env)
    return {d.stem: d.with_suffix(".pdf") for d in docs}


UNITS = [("红柳镇新沟村", "党总支书记兼村委主任"), ("青海省海东市互助县威远镇下寨村", "党支部书记"),
         ("东城街道", "党工委书记"), ("石桥镇杏花村股份经济合作社", "党支部书记兼理事长"), ("北山乡", "党委书记")]


# Lengths of the last paragraph that put its end at the foot of a page (252–322 extra characters do, for the
# town example, when nothing keeps the sign-off with the text), and some that do not.
SIGN_OFF_PADDING = (0, 140, 252, 280, 308, 322, 420)


def _awkward():
    """Drafts with long and awkward units and posts (titles), and with last paragraphs of many lengths
    (sign-off placement)."""
    for i, (unit, post) in enumerate(UNITS):
        data = minimal()
        level = "村" if unit.endswith(("村", "社")) else ("街道" if unit.endswith("街道") else "乡" if unit.endswith("乡") else "镇")
        data["报告"] = {**data["报告"], "单位": unit, "职务": post, "层级": level}
        yield f"title{i}", data
    base, _ = load_example(next(p for p in EXAMPLE_INPUTS if p.name == "2024.yaml"))
    for n in SIGN_OFF_PADDING:
        data = copy.deepcopy(base)
        data["措施"]["事项"] = data["措施"]["事项"][:1] + ["建成花椒精深加工车间" + "好" * n]
        yield f"signoff{n}", data


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _lines(page):
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            yield line, "".join(s["text"] for s in line["spans"])


def test_page_number_seven_mm_below_one_character_in(pdfs):
    import pymupdf
    doc = pymupdf.open(pdfs["2024"])
    assert len(doc) >= 2
    for number, page in enumerate(doc, 1):
        bottom = page.rect.height - 1984 / 20          # the type area's lower edge (bottom margin 35 mm)
        left, right = 1587 / 20, page.rect.width - 1474 / 20
        (line,) = [ln for ln, t in _lines(page) if re.fullmatch(r"\s*—\s*\d+\s*—\s*", t)]
        dash = next(c for s in page.get_text("rawdict")["blocks"] for ln in s.get("lines", [])
                    for sp in ln["spans"] for c in sp["chars"] if c["c"] == "—")
        centre = (dash["bbox"][1] + dash["bbox"][3]) / 2
        assert abs((centre - bottom) / MM - 7) <= 1, (number, (centre - bottom) / MM)
        x0, _, x1, _ = line["bbox"]
        inset = (right - x1) if number % 2 else (x0 - left)    # odd pages right, even pages left
        assert 3.5 <= inset / MM <= 6.5, (number, inset / MM)     # one 四号 character, about 4.9 mm


@pytest.mark.parametrize("i", range(len(UNITS)))
def test_no_title_line_is_a_stub(pdfs, i):
    import pymupdf
    page = pymupdf.open(pdfs[f"title{i}"])[0]
    title = [t.strip() for ln, t in _lines(page) if ln["spans"][0]["size"] >= 21]
    assert title and "".join(title).endswith("抓基层党建工作述职报告"), title
    assert all(len(t) >= 3 for t in title), title


def test_sign_off_never_stands_alone(pdfs):
    import pymupdf
    for n in SIGN_OFF_PADDING:
        doc = pymupdf.open(pdfs[f"signoff{n}"])
        last = [re.sub(r"\s+", "", t) for _, t in _lines(doc[-1])]
        last = [t for t in last if t and not re.fullmatch(r"—\d+—", t)]
        assert last[-2:] == ["周立文", "2025年1月16日"], last[-3:]
        assert len(last) >= 3, (n, last)   # some of the text stands with the sign-off


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLE_INPUTS])
def test_pdf_has_structure_and_page_numbers(pdfs, stem):
    pdf = pdfs[stem]
    assert pdf.exists() and pdf.stat().st_size > 10_000
    text = _text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert "抓基层党建工作述职报告" in flat
    for heading in ("一、履职工作特色和亮点", "二、存在的问题及原因", "三、下一步工作思路和措施"):
        assert heading in flat, heading
    pages = _pages(pdf)
    # ~ 22 lines × 28 characters a page: a township draft runs 4–9 pages, a village draft 3–7.
    assert 3 <= pages <= 10, pages
    # pdftotext may drop the thin spaces around the number, so match "— N —" with optional spaces.
    numbers = [int(n) for n in re.findall(r"—\s*(\d+)\s*—", text)]
    assert numbers == list(range(1, pages + 1)), numbers


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLE_INPUTS])
def test_every_mark_of_the_text_is_in_the_pdf(pdfs, stem):
    """LibreOffice used to drop a mark that hung past an exactly full line; 正文 sets overflowPunct, which
    Word reads as its default (marks may hang) and LibreOffice, inverted, as "do not hang": it carries the
    last character down with the mark instead, and prints every mark."""
    from generator.api import render_text
    from lost_marks import lost_marks

    data, _ = load_example(next(p for p in EXAMPLE_INPUTS if p.stem == stem))
    assert lost_marks(render_text(data), pdfs[stem]) == {}


def test_every_mark_of_the_sample_drafts_is_in_the_pdf(pdfs):
    from generator.api import render_text
    from lost_marks import lost_marks

    lost = {name: lost_marks(render_text(data), pdfs[name]) for name, data in _sample()}
    assert not {name: marks for name, marks in lost.items() if marks}, lost


def test_lines_hold_twenty_eight_characters(pdfs):
    """22 lines of 28 characters a page (GB/T 9704 5.2.2): a full line of text without digits holds 28
    characters (in LibreOffice no mark hangs past the line end, see above; the check allows one that does)."""
    import pymupdf
    from collections import Counter

    lengths, hanging = Counter(), []
    for page in pymupdf.open(pdfs["2024"]):
        for line, text in _lines(page):
            text = re.sub(r"\s", "", text)
            if line["spans"][0]["size"] == 16 and text and not re.search(r"[\dA-Za-z]", text):
                lengths[len(text)] += 1
                if len(text) == 29:
                    hanging.append(text)
    assert max(lengths) <= 29 and lengths[28] >= 10, lengths
    assert all(t[-1] in "，。、；：”）" for t in hanging), hanging
