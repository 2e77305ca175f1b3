"""Benchmark: one draft with 报告 → 上年 (last year's file loaded, validated and composed too), in-process.

Run it by hand:  python bench/bench_last_year.py [N]      (budget: 8 ms a draft)
"""
from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generator.api import render  # noqa: E402
from generator.loader import load_yaml_file  # noqa: E402
from generator.word.writer import write_docx  # noqa: E402
from test_last_year import LAST  # noqa: E402


def main(n: int = 300) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "2024.yaml").write_text(yaml.safe_dump(LAST, allow_unicode=True), encoding="utf-8")
        data = copy.deepcopy(load_yaml_file(ROOT / "inputs/杏花村-2025.yaml")[0])
        data["报告"]["上年"] = "2024.yaml"
        data["整改"] = {"已完成": ["组织生活质量不高"], "持续推进": ["集体经济薄弱", "党员队伍老化"]}
        for _ in range(20):
            write_docx(render(data, base=Path(tmp)))
        start = time.perf_counter()
        for _ in range(n):
            write_docx(render(data, base=Path(tmp)))
        per = (time.perf_counter() - start) / n * 1000
        plain = copy.deepcopy(data)
        del plain["报告"]["上年"], plain["整改"]
        start = time.perf_counter()
        for _ in range(n):
            write_docx(render(plain))
        base = (time.perf_counter() - start) / n * 1000
    print(f"with 上年: {per:.2f} ms per draft (render + write .docx); without: {base:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
