"""Benchmark: N synthetic villages through gen-report, in-process and as a real batch, against docxtpl.

Run it by hand (it is not a test):  pip install ".[bench]" && python bench/bench_batch.py [N]

Reports
  1. ms per draft in-process (validate + compose + write .docx), warm;
  2. wall time of `gen-report batch` on an N-row CSV in a subprocess (process start, imports, workers);
  3. docxtpl rendering the same texts into a comparable template, ms per document, and the ratio.
"""
from __future__ import annotations

import csv
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.api import render  # noqa: E402
from generator.model import Role  # noqa: E402
from generator.word.writer import write_docx  # noqa: E402

HEADER = ["单位", "姓名", "党员", "集中学习", "讲党课", "发展党员", "入党积极分子", "主题党日", "结对帮扶",
          "村集体经济收入", "党建领办合作社", "化解矛盾纠纷", "问题", "原因", "目标.发展党员"]
PROBLEMS = ["党员作用发挥不够", "集体经济薄弱", "干部能力不足", "组织生活质量不高", "后备干部不足", "精力投入不足"]
CAUSES = ["学习不够深入", "工作方法欠缺", "人才支撑不足", "思想认识不到位", "压力传导不到位"]


def villages(n: int, seed: int = 7) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        before = round(rng.uniform(3, 12), 1)
        rows.append([f"第{i + 1}村", "王建国", rng.randint(20, 90), rng.randint(8, 24), rng.randint(2, 6),
                     rng.randint(1, 4), rng.randint(2, 6), 12, rng.randint(5, 40),
                     f"{before}→{round(before + rng.uniform(1, 5), 1)}", rng.randint(1, 2), rng.randint(5, 40),
                     "；".join(rng.sample(PROBLEMS, 3)), "；".join(rng.sample(CAUSES, 3)), rng.randint(4, 6)])
    return rows


def as_data(row: list) -> dict:
    """The same village as an input mapping (what the batch builds from the CSV row)."""
    import datetime as dt

    before, after = row[9].split("→")
    return {"格式版本": 1,
            "报告": {"年度": 2024, "单位": row[0], "层级": "村", "职务": "党支部书记", "姓名": row[1],
                     "日期": dt.date(2024, 12, 26), "上级": "镇党委"},
            "基本情况": {"党员": row[2]},
            "亮点": {"政治建设": {"集中学习": row[3], "讲党课": row[4]},
                     "组织建设": {"发展党员": row[5], "入党积极分子": row[6], "主题党日": row[7]},
                     "党员队伍": {"结对帮扶": row[8]},
                     "产业发展": {"村集体经济收入": {"从": float(before), "到": float(after)}, "党建领办合作社": row[10]},
                     "基层治理": {"化解矛盾纠纷": row[11]}},
            "问题": row[12].split("；"), "原因": row[13].split("；"), "措施": {"目标": {"发展党员": row[14]}}}


def in_process(rows: list[list]) -> tuple[float, list, dict[str, float]]:
    """Return (mean ms per draft, the drafts, mean ms of each stage)."""
    from generator.compose import compose
    from generator.validate import validate

    datas = [as_data(row) for row in rows]
    write_docx(render(datas[0]))  # warm: catalogue, banks, template document
    drafts, times = [], []
    for data in datas:
        t = time.perf_counter()
        draft = render(data)
        write_docx(draft)
        times.append((time.perf_counter() - t) * 1000)
        drafts.append(draft)
    from generator.bundle import load_templates

    bundle = load_templates()
    cat = bundle.catalogue
    stages = {"validate": 0.0, "compose": 0.0, "write_docx": 0.0}
    for data in datas[:200]:
        a = time.perf_counter()
        report = validate(data, catalogue=cat)
        b = time.perf_counter()
        draft = compose(report, bundle)
        c = time.perf_counter()
        write_docx(draft)
        d = time.perf_counter()
        for stage, spent in zip(stages, (b - a, c - b, d - c)):
            stages[stage] += spent * 1000 / len(datas[:200])
    return statistics.mean(times), drafts, stages


def batch_wall(rows: list[list], folder: Path) -> tuple[float, int]:
    """Return (seconds, drafts made) for a real `gen-report batch` run, process start included."""
    table = folder / "villages.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    town = folder / "town.yaml"
    town.write_text("格式版本: 1\n报告:\n  年度: 2024\n  层级: 村\n  职务: 党支部书记\n  上级: 镇党委\n"
                    "  日期: 2024-12-26\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator.cli", "batch", str(table), "--defaults", str(town), "-o",
                    str(folder / "out")], check=False, env=env, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, len(list((folder / "out").glob("*.docx")))


def docxtpl_ms(drafts: list, folder: Path) -> float | None:
    try:
        from docx import Document
        from docxtpl import DocxTemplate
    except ImportError:
        return None
    # A comparable template: the same paragraph styles, one loop over the draft's blocks.
    template = folder / "tpl.docx"
    doc = Document()
    doc.add_paragraph("{%p for b in blocks %}")
    doc.add_paragraph("{{ b }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(template)
    times = []
    for draft in drafts:
        t = time.perf_counter()
        tpl = DocxTemplate(template)
        tpl.render({"blocks": [b.text for b in draft.blocks() if b.role is not Role.TITLE]})
        out = io.BytesIO()
        tpl.save(out)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.mean(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rows = villages(n)
    ms, drafts, stages = in_process(rows)
    print(f"gen-report in-process: {ms:.2f} ms per draft ({n} drafts; "
          + ", ".join(f"{stage} {spent:.2f}" for stage, spent in stages.items()) + ")")
    with tempfile.TemporaryDirectory() as tmp:
        wall, made = batch_wall(rows, Path(tmp))
        print(f"gen-report batch (subprocess, {os.cpu_count()} cores): {wall:.2f} s wall, {made} of {n} drafts made")
        tpl = docxtpl_ms(drafts[: min(n, 200)], Path(tmp))
    if tpl is None:
        print("docxtpl not installed: pip install '.[bench]'")
    else:
        print(f"docxtpl, same texts: {tpl:.2f} ms per document; gen-report is {tpl / ms:.1f}x faster")


if __name__ == "__main__":
    main()
