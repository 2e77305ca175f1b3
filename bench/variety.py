"""Variety between drafts of different units, measured as `gen-report check --across` measures it.

Run it by hand:  python bench/variety.py            (--common: the clauses most pairs share;
                 python bench/variety.py --twins    wordings that are near-duplicates of one in their list)
Tests import `sample_drafts` and `town_variants` from here, so the figures in the closing notes and the
test thresholds come from the same code.

Reports, for the 24-village batch sample and for 30 variants of the town example under other unit names:
the mean and the max share of near-duplicate clauses between two drafts (generator.similarity), and the
pair that shares most with its worst clauses.
"""
from __future__ import annotations

import copy
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOWN_NAMES = ["青石镇", "白杨镇", "东坝镇", "柳河镇", "三岔镇", "清泉乡", "马营乡", "石佛镇", "黄渠镇", "新城镇",
              "古城乡", "南湖镇", "北山乡", "平川镇", "桥头镇", "沙坡镇", "红星乡", "大河镇", "双井镇", "长岭镇",
              "杏园乡", "金沙镇", "上庄镇", "下湾乡", "高台镇", "小河镇", "松林镇", "龙泉镇", "泉水乡", "望湖镇"]


def wording(draft, clerk: bool = False) -> str:
    """The draft's own wording: every span of its text except the clerk's verbatim words (原文: 事例, 自述,
    事项), which are the same in every variant of one input and are not the tool's to vary (`clerk`: with
    them, all text counted). The title, the name line and the sign-off are left out, as `check --across`
    leaves them out."""
    from generator.model import Role

    skip = (Role.TITLE, Role.SIGNATURE, Role.SIGN_NAME, Role.SIGN_DATE)
    return "\n".join("".join(s.text for s in b.spans if clerk or not s.source.startswith("原文:"))
                     for b in draft.blocks() if b.role not in skip)


def sample_inputs() -> list[tuple[str, dict]]:
    """The 24 rows of the bundled batch sample as (unit, input), as `gen-report batch` reads them with the
    town's defaults. Tests and the other bench scripts take the sample from here."""
    return [(unit, data) for unit, data, _ in sample_tasks()]


def sample_tasks() -> list[tuple[str, dict, dict]]:
    """The rows as (unit, input, the author and seat batch deals the row: render's keyword arguments)."""
    from generator.batch.runner import Defaults, plan
    from generator.batch.table import read_rows
    from generator.loader import load_yaml_file

    defaults = Defaults(load_yaml_file(ROOT / "inputs/batch/town.yaml")[0])
    tasks = plan(read_rows(ROOT / "inputs/batch/villages.csv"), defaults, Path("/nonexistent"),
                 force=True, skip_existing=False)
    # (an earlier version of the code, measured side by side, deals no authors)
    return [(t.unit, t.data, {"style": getattr(t, "style", None), "seat": getattr(t, "seat", None)}) for t in tasks]


def sample_drafts(clerk: bool = False) -> list[tuple[str, str]]:
    """The 24 village drafts of the bundled batch sample, as (unit, wording), rendered in-process (`clerk`:
    with the clerk's own words, which no two villages of the sample share)."""
    return [(unit, wording(draft, clerk)) for unit, draft in sample_renders()]


def sample_renders() -> list:
    """The 24 drafts of the batch sample as `gen-report batch` makes them (each row its author)."""
    from generator.api import render

    return [(unit, render(data, **dealt)) for unit, data, dealt in sample_tasks()]


def town_variants(n: int = 30) -> list[tuple[str, str]]:
    """The town example under `n` other unit names (the same facts: the hardest case for variety)."""
    return [(name, wording(draft)) for name, draft in town_variant_renders(n)]


def town_variant_renders(n: int = 30) -> list:
    """The drafts of `town_variants`, as (unit, model.Draft)."""
    from generator.api import render
    from generator.loader import load_yaml_file

    base = load_yaml_file(ROOT / "inputs/2024.yaml")[0]
    out = []
    for name in TOWN_NAMES[:n]:
        data = copy.deepcopy(base)
        old = data["报告"]["单位"]
        data["报告"]["单位"] = name
        if name.endswith("乡") and data["报告"].get("层级") == "镇":
            data["报告"]["层级"] = "乡"
            # … and the clerk's own words name the 乡 as a 乡 clerk would (a 乡 report saying 镇党委 is a
            # copying slip the tool points out, not a variant)
            data = _as_xiang(data)
        for key in ("党组织",):
            if data["报告"].get(key):
                data["报告"][key] = data["报告"][key].replace(old, name)
        out.append((name, render(data)))
    return out


def _as_xiang(node):
    if isinstance(node, str):
        for town, xiang in (("镇党委", "乡党委"), ("镇纪委", "乡纪委"), ("镇组织办", "乡组织办"), ("全镇", "全乡"),
                            ("镇里", "乡里"), ("镇直", "乡直"), ("镇政府", "乡政府")):
            node = node.replace(town, xiang)
        return node
    if isinstance(node, dict):
        return {k: _as_xiang(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_xiang(v) for v in node]
    return node


def summary(drafts: list[tuple[str, str]], discount: bool | str = True) -> dict:
    from generator.similarity import shares

    pairs = shares(drafts, every_pair=True, discount=discount)
    values = [p.share for p in pairs]
    worst = pairs[0]
    return {"pairs": len(pairs), "mean": statistics.mean(values), "max": max(values), "worst": worst}


def common(drafts: list[tuple[str, str]], top: int = 25) -> list[tuple[int, str]]:
    """The clauses that recur across most pairs: where variety is lost."""
    from collections import Counter

    from generator.similarity import shares

    counts: Counter = Counter()
    for p in shares(drafts):
        counts.update({a for a, _, _ in p.shared})
    return [(n, c) for c, n in counts.most_common(top)]


def twins(path: Path) -> list[tuple[str, list[str]]]:
    """The wording lists of one data file (bank or 做法.yaml) that hold near-duplicates of each other, as
    (where, [wordings]): a wording that is a near-duplicate of one already in its list adds no variety, since
    the measure counts the two as the same clause."""
    import re

    import yaml

    from generator.similarity import THRESHOLD, bigrams, clauses, jaccard

    variable = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")

    def grams(option) -> list:
        text = option.get("说", "") if isinstance(option, dict) else option
        return [bigrams(c) for c in clauses(variable.sub("", str(text)))]

    def lists(node, where=()):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from lists(value, (*where, str(key)))
        elif isinstance(node, list) and node and all(isinstance(o, (str, dict)) for o in node):
            yield " → ".join(where), node

    found = []
    for where, options in lists(yaml.safe_load(path.read_text(encoding="utf-8"))):
        sets = [grams(o) for o in options]
        pairs = [(options[i], options[j]) for i in range(len(options)) for j in range(i + 1, len(options))
                 if any(jaccard(a, b) >= THRESHOLD for a in sets[i] for b in sets[j])]
        if pairs:
            found.append((where, [f"{a} ≈ {b}" for a, b in pairs]))
    return found


def main() -> None:
    if "--twins" in sys.argv:
        for path in sorted((ROOT / "templates").rglob("*.yaml")):
            for where, pairs in twins(path):
                print(f"{path.relative_to(ROOT)}: {where}")
                for p in pairs:
                    print(f"    {p}")
        return
    # the authors measure (issue "Many authors"): the sample with all its text, the town variants without
    # the clerk's words, only the mandated part headings discounted
    for label, drafts, discount in (("24-village batch sample, all text", sample_drafts(clerk=True), "mandated"),
                                    ("30 town variants, mandated headings only", town_variants(), "mandated"),
                                    ("24-village batch sample, genre discounted", sample_drafts(), True),
                                    ("30 town variants, genre discounted", town_variants(), True)):
        s = summary(drafts, discount)
        print(f"{label}: {s['pairs']} pairs, near-duplicate clause share mean {s['mean']:.1%}, max {s['max']:.1%}")
        w = s["worst"]
        print(f"  worst pair {w.a} ~ {w.b}: {len(w.shared)} clauses, e.g.")
        for a, b, j in w.shared[:6]:
            print(f"    {a} | {b} ({j})")
        if "--common" in sys.argv:
            for n, c in common(drafts):
                print(f"    {n:4d} pairs  {c}")


if __name__ == "__main__":
    main()
