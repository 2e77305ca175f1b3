"""In-process rendering time of this working tree beside an earlier commit, measured in one run.

Run it by hand (it is not a test):  python bench/side_by_side.py [REV] [--rounds 5]

REV (default HEAD) is checked out into a temporary git worktree; then, alternating old and new so that a
busy machine slows both alike, each round starts one fresh process per tree and times, warm:
  town     the town example (inputs/2024.yaml, the richest input): validate + compose + .docx;
  villages 200 villages of bench/bench_batch.py's synthetic table, as batch renders them;
  sample   the 24 rows of the bundled batch sample.
It prints the best and median ms per draft of each, and new/old. Best-of-rounds is the figure to quote: the
machine is shared and a slow round says more about the neighbours than about the code.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs inside a fresh interpreter with the tree to measure first on sys.path. Inputs (and the bench modules
# that read them) come from the earlier commit's tree for both runs: the older code may not know keys the
# newer inputs use, and both trees must render exactly the same data.
PROBE = r"""
import json, sys, time
tree, here = sys.argv[1], sys.argv[2]   # here: the tree the inputs are read from
sys.path.insert(0, tree)
sys.path.insert(1, here + "/bench")
from generator.api import render
from generator.loader import load_yaml_file
from generator.word.writer import write_docx
import bench_batch
from variety import sample_inputs

def per_draft(items, repeat):
    for data in items[:3]:
        write_docx(render(data))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for data in items:
            write_docx(render(data))
        best = min(best, (time.perf_counter() - start) / len(items))
    return best * 1000

town = load_yaml_file(here + "/inputs/2024.yaml")[0]
from generator.batch.runner import Defaults, plan
from generator.batch.table import read_rows
import csv, io, tempfile, pathlib
rows = bench_batch.villages(200)
with tempfile.TemporaryDirectory() as tmp:
    table = pathlib.Path(tmp) / "v.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([bench_batch.HEADER, *rows])
    defaults = Defaults(load_yaml_file(here + "/inputs/batch/town.yaml")[0])
    villages = [t.data for t in plan(read_rows(table), defaults, pathlib.Path(tmp) / "out", force=True,
                                     skip_existing=False)]
sample = [data for _, data in sample_inputs()]
print(json.dumps({"town": per_draft([town] * 20, 5), "villages": per_draft(villages, 2),
                  "sample": per_draft(sample, 3)}))
"""


def measure(tree: Path, inputs: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(tree), str(inputs)], capture_output=True, text=True,
                         check=True, cwd=tempfile.gettempdir())
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    args = sys.argv[1:]
    rounds = 5
    if "--rounds" in args:
        i = args.index("--rounds")
        rounds = int(args[i + 1])
        del args[i:i + 2]
    rev = args[0] if args else "HEAD"
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), rev], check=True,
                       capture_output=True)
        try:
            runs = {"old": [], "new": []}
            for _ in range(rounds):
                runs["old"].append(measure(old, old))
                runs["new"].append(measure(ROOT, old))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False,
                           capture_output=True)
    print(f"in-process ms per draft, {rounds} rounds alternating, {rev} (old) vs working tree (new)")
    print(f"{'':10} {'old best':>9} {'new best':>9} {'old med':>8} {'new med':>8} {'new/old':>8}")
    for key in ("town", "villages", "sample"):
        o = [r[key] for r in runs["old"]]
        n = [r[key] for r in runs["new"]]
        print(f"{key:10} {min(o):9.2f} {min(n):9.2f} {statistics.median(o):8.2f} {statistics.median(n):8.2f} "
              f"{min(n) / min(o):8.2f}")


if __name__ == "__main__":
    main()
