"""Regenerate examples/ from inputs/: a .docx and a .txt per example input, and a PNG of each draft's
first page as LibreOffice renders it (when LibreOffice and poppler are installed).

Run `make examples` (or `python scripts/make_examples.py`). tests/test_examples.py fails when the .docx
or .txt in examples/ drift from what the code produces, so commit the regenerated files with the change
that caused them. The PNGs depend on the fonts of the machine, so they are not compared.
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

from generator.api import render_file  # noqa: E402
from generator.text import draft_to_text  # noqa: E402
from generator.word.writer import write_docx  # noqa: E402


def outputs(path: Path) -> dict[str, bytes]:
    """Return the example files (name → bytes) that `path` produces."""
    draft, _ = render_file(path)
    return {f"{path.stem}.docx": write_docx(draft), f"{path.stem}.txt": draft_to_text(draft).encode("utf-8")}


def first_page_png(docx: Path, png: Path) -> bool:
    """Render page 1 of `docx` to `png` with LibreOffice and pdftoppm; False if they are missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not (soffice and shutil.which("pdftoppm")):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        # the fonts with the GB2312 metrics that the LibreOffice tests use (tests/fonts/fonts.conf)
        env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "tests" / "fonts" / "fonts.conf"))
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(docx)], check=True, capture_output=True, timeout=240, env=env)
        pdf = Path(tmp) / (docx.stem + ".pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(png.with_suffix(""))], check=True, timeout=60)
    return True


def main() -> None:
    out = ROOT / "examples"
    out.mkdir(exist_ok=True)
    for path in sorted((ROOT / "inputs").glob("*.yaml")):
        for name, data in outputs(path).items():
            (out / name).write_bytes(data)
            print(f"examples/{name}")
        png = out / f"{path.stem}-page1.png"
        if first_page_png(out / f"{path.stem}.docx", png):
            print(f"examples/{png.name}")


if __name__ == "__main__":
    main()
