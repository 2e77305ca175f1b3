"""Benchmark: `gen-report check --across` on N generated village drafts (.docx), wall time including start-up.

Run it by hand:  python bench/bench_across.py [N]      (budget: 200 reports in at most 5 s on 2 cores)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_batch import as_data, villages  # noqa: E402
from generator.api import render_docx  # noqa: E402


def main(n: int = 200) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i, row in enumerate(villages(n)):
            Path(tmp, f"{i:03d}.docx").write_bytes(render_docx(as_data(row)))
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--across", tmp],
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        print(proc.stdout.splitlines()[0] if proc.stdout else proc.stderr)
        print(f"check --across on {n} reports: {wall:.2f} s wall (exit {proc.returncode})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
