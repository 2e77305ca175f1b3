"""Drafts open in a real office suite: LibreOffice converts every example draft to PDF; the PDF has the
title, the three part headings, the page numbers `— 1 —`, `— 2 —`, and a sensible page count.

CI installs LibreOffice, CJK fonts and poppler (.ci/run); on a machine without them these tests skip.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import EXAMPLE_INPUTS, load_example

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                reason="LibreOffice / poppler not installed (CI installs them)")


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
    profile = folder / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, docs)], check=True, capture_output=True, timeout=240)
    return {d.stem: d.with_suffix(".pdf") for d in docs}


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


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
