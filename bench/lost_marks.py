"""Marks (，。、；：) that LibreOffice leaves out of the PDF, over the 24 village drafts of the batch sample
and the three examples: the measure behind issue 14's "every mark rendered".

Run it by hand (needs LibreOffice, poppler and the arphic fonts that CI installs):
    python bench/lost_marks.py [folder]
It renders the drafts, converts them with tests/fonts/fonts.conf (GB2312-metric stand-ins, so line breaks
are Word's), and prints per draft the marks in the text but not in the PDF.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
MARKS = "，。、；："


def drafts():
    from generator.loader import load_yaml_file
    from variety import sample_inputs

    for path in sorted((ROOT / "inputs").glob("*.yaml")):
        yield path.stem, load_yaml_file(path)[0]
    yield from sample_inputs()


def lost_marks(source: str, pdf: Path) -> dict[str, int]:
    """The marks of `source` (the draft's text) that the PDF does not print, with how many of each are
    missing (tests/test_office.py asks the same of the examples and the sample)."""
    import pymupdf

    printed = "".join(page.get_text() for page in pymupdf.open(pdf))
    return {ch: source.count(ch) - printed.count(ch) for ch in MARKS if source.count(ch) != printed.count(ch)}


def main() -> None:
    from generator.api import render_docx, render_text

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for name, data in drafts():
        (folder / f"{name}.docx").write_bytes(render_docx(data))
        texts[name] = render_text(data)
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "tests/fonts/fonts.conf"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), *sorted(map(str, folder.glob("*.docx")))],
                   check=True, capture_output=True, env=env)
    total = 0
    for name, source in texts.items():
        lost = lost_marks(source, folder / f"{name}.pdf")
        total += sum(lost.values())
        if lost:
            print(f"{name}: {lost}")
    print(f"{len(texts)} drafts, {total} marks missing from the PDFs")


if __name__ == "__main__":
    main()
