"""Batch: a spreadsheet of villages → one draft each; bad rows fail alone; nothing overwritten or lost."""
from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import INPUTS, ROOT, load_example
from generator.api import render_docx

BATCH = INPUTS / "batch"
HEADER = ["单位", "姓名", "发展党员", "入党积极分子", "问题", "原因"]
GOOD_ROW = ["青杨村", "李秀兰", "2", "3", "精力投入不足；组织生活质量不高", "思想认识不到位"]


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    """`gen-report batch …` in-process, as the CLI runs it (cli.run: the same argument parsing, messages and
    exit codes), its output captured. The tests that need a fresh process (an interrupt, the modules a
    process imports) start one themselves; here a process per call cost a third of the suite's time."""
    import contextlib

    from generator.cli import run as cli

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd or ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli(["batch", *map(str, args)])
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["gen-report", "batch", *map(str, args)], code, out.getvalue(), err.getvalue())


def write_csv(path: Path, rows: list[list], encoding="utf-8") -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def summary(outdir: Path) -> list[dict]:
    text = (outdir / "summary.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_bad_rows_fail_alone_with_row_and_column(tmp_path):
    table = write_csv(tmp_path / "v.csv", [
        HEADER + ["发展党圆"],
        GOOD_ROW + [""],
        ["红柳村", "王建国", "十二", "3", "精力投入不足", "思想认识不到位", ""],
        ["沙河村", "张志强", "2", "3", "精力投入不足", "思想认识不到位", "5"],
        ["", "刘玉梅", "2", "3", "精力投入不足", "思想认识不到位", ""],
        ["团结村", "陈文斌", "1", "2", "组织生活质量不高；后备干部不足", "压力传导不到位", ""],
    ])
    out = tmp_path / "out"
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out, "-j", "2")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    rows = summary(out)
    assert [row["状态"] for row in rows] == ["成功", "失败", "失败", "失败", "成功"]
    assert rows[1]["错误"] == "第3行第3列（C列）“发展党员”：“十二”请用阿拉伯数字填写，例如 12。"
    assert rows[2]["错误"].startswith("第4行第7列（G列）：不认识的列“发展党圆”。您是不是想写“发展党员”？")
    assert rows[3]["错误"] == "第5行第1列（A列）“单位”（未填写）：缺少必填项“单位”。"
    assert "Traceback" not in r.stderr and "[5/5]" in r.stderr and "共 5 份：成功 2" in r.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "团结村党支部书记2024年度抓基层党建工作述职报告.docx", "青杨村党支部书记2024年度抓基层党建工作述职报告.docx"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(tmp_path, encoding):
    table = write_csv(tmp_path / "v.csv", [HEADER, GOOD_ROW], encoding=encoding)
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert summary(tmp_path / "out")[0]["单位"] == "青杨村"


def test_folder_of_yaml_and_identical_to_single_report(tmp_path):
    folder = tmp_path / "yaml"
    folder.mkdir()
    (folder / "杏花村.yaml").write_bytes((INPUTS / "杏花村-2025.yaml").read_bytes())
    (folder / "坏的.yaml").write_text("报告:\n  年度：2024\n", encoding="utf-8")
    r = run(folder, "-o", tmp_path / "out", "-j", "1")
    assert r.returncode == 1
    rows = summary(tmp_path / "out")
    assert [(row["来源"], row["状态"]) for row in rows] == [("坏的.yaml", "失败"), ("杏花村.yaml", "成功")]
    assert "全角冒号" in rows[0]["错误"]
    data, _ = load_example(INPUTS / "杏花村-2025.yaml")
    made = tmp_path / "out" / rows[1]["输出文件"]
    # the batch renders through the same API, by the author it dealt the row (said in summary.csv) from its
    # seat among the table's drafts (the first row that renders)
    style = int(rows[1]["风格"])
    assert made.read_bytes() == render_docx(data, style=style, seat=0)
    single = subprocess.run([sys.executable, "-m", "generator.cli", str(INPUTS / "杏花村-2025.yaml"), "-o",
                             str(tmp_path / "single.docx")], capture_output=True, text=True, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert single.returncode == 0, single.stderr
    assert (tmp_path / "single.docx").read_bytes() == render_docx(data)   # alone: the unit's own author


def test_table_row_equals_the_same_data_as_yaml(tmp_path):
    table = write_csv(tmp_path / "v.csv", [HEADER + ["村集体经济收入", "亮点.产业发展.事例"],
                                           GOOD_ROW + ["8.6→12.4", "发展辣椒种植1200亩"]])
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    town = yaml.safe_load((BATCH / "town.yaml").read_text(encoding="utf-8"))
    data = dict(town)
    data["报告"] = dict(town["报告"], 单位="青杨村", 姓名="李秀兰")
    data["亮点"] = {"组织建设": {"发展党员": 2, "入党积极分子": 3},
                  "产业发展": {"村集体经济收入": {"从": 8.6, "到": 12.4}, "事例": ["发展辣椒种植1200亩"]}}
    data["问题"] = ["精力投入不足", "组织生活质量不高"]
    data["原因"] = ["思想认识不到位"]
    made = next((tmp_path / "out").glob("*.docx"))
    assert made.read_bytes() == render_docx(data, style=int(summary(tmp_path / "out")[0]["风格"]), seat=0)


def test_file_names_are_sanitised_and_stay_inside(tmp_path):
    names = ["../../x", "CON", "a/b", "长" * 200, "青杨村", "青杨村"]
    table = write_csv(tmp_path / "v.csv", [HEADER] + [[n] + GOOD_ROW[1:] for n in names])
    out = tmp_path / "out"
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out)
    assert r.returncode == 1  # the 200-character unit name fails validation, alone
    assert [row["状态"] for row in summary(out)] == ["成功", "成功", "成功", "失败", "成功", "成功"]
    made = sorted(p.name for p in out.iterdir() if not p.name.startswith(".gen-report"))  # the re-run record
    assert len(made) == 6 and "summary.csv" in made
    assert all(p.resolve().parent == out.resolve() for p in out.iterdir())
    assert not any(p.name.upper().startswith(("CON.", "CON ")) for p in out.iterdir())
    assert all(len(n) <= 90 and "/" not in n and ".." not in n for n in made)
    assert "青杨村党支部书记2024年度抓基层党建工作述职报告(2).docx" in made
    assert list(tmp_path.glob("x*")) == [] and not (tmp_path.parent / "x").exists()


def test_no_overwrite_without_flags(tmp_path):
    table = write_csv(tmp_path / "v.csv", [HEADER, GOOD_ROW])
    out = tmp_path / "out"
    assert run(table, "--defaults", BATCH / "town.yaml", "-o", out).returncode == 0
    draft = next(out.glob("*.docx"))
    draft.write_bytes(b"clerk's edits")
    first = summary(out)[0]
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out)
    # a re-run skips the existing draft (it may hold the clerk's edits) and keeps what the summary knew
    assert r.returncode == 0 and summary(out)[0]["状态"] == "跳过" and draft.read_bytes() == b"clerk's edits"
    assert summary(out)[0]["提醒"] == first["提醒"]
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out, "--skip-existing")
    assert r.returncode == 0 and summary(out)[0]["状态"] == "跳过" and draft.read_bytes() == b"clerk's edits"
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out, "--force")
    assert r.returncode == 0 and draft.read_bytes()[:2] == b"PK"
    r = run(table, "-o", out, "--force", "--skip-existing")
    assert r.returncode == 1 and "只能选一个" in r.stderr


def test_sample_csv_is_what_make_sample_writes():
    """The sample is made by inputs/batch/make_sample.py: a cell edited by hand is lost the next time it
    runs, so the table must be exactly what the script writes."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sample", BATCH / "make_sample.py")
    make_sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_sample)
    rows = [[str(v) for v in row] for row in make_sample.sample_rows()]
    with open(BATCH / "villages.csv", encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [make_sample.HEADERS, *rows]


def test_sample_xlsx_and_csv_agree(tmp_path):
    a = run(BATCH / "villages.xlsx", "--defaults", BATCH / "town.yaml", "-o", tmp_path / "x")
    b = run(BATCH / "villages.csv", "--defaults", BATCH / "town.yaml", "-o", tmp_path / "c")
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    xs = sorted((tmp_path / "x").glob("*.docx"))
    assert len(xs) >= 20
    for x in xs:
        assert x.read_bytes() == (tmp_path / "c" / x.name).read_bytes(), x.name
    assert all(row["提醒"] == "" for row in summary(tmp_path / "x"))


@pytest.mark.slow   # a fresh process, interrupted mid-batch
def test_interrupt_leaves_only_complete_drafts_and_resumes(tmp_path):
    rows = [HEADER] + [[f"第{i}村"] + GOOD_ROW[1:] for i in range(600)]
    table = write_csv(tmp_path / "v.csv", rows)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "batch", str(table), "--defaults",
                             str(BATCH / "town.yaml"), "-o", str(out), "-j", "2"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.docx"))) < 20:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert list(out.glob(".~*")) == []
    for draft in out.glob("*.docx"):
        with zipfile.ZipFile(draft) as z:
            assert z.testzip() is None
    states = [row["状态"] for row in summary(out)]
    assert states.count("未完成") > 0 and states.count("成功") == len(list(out.glob("*.docx")))
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out, "--skip-existing", "-j", "2")
    assert r.returncode == 0
    assert len(list(out.glob("*.docx"))) == 600


def test_single_report_path_does_not_import_heavy_modules(tmp_path):
    code = ("import sys, generator.cli\n"
            "from generator.loader import load_yaml_file\nfrom generator.api import render_docx\n"
            f"d, _ = load_yaml_file({str(INPUTS / '2024.yaml')!r})\nrender_docx(d)\n"
            "print(sorted(m for m in ('jieba', 'openpyxl', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True).stdout
    assert out.strip() == "[]"
    # The real command, as a clerk runs it: what it imported, from -X importtime.
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator.cli", str(INPUTS / "2024.yaml"),
                        "-o", str(tmp_path / "2024.docx")], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time")}
    assert "generator.word.writer" in imported
    assert not {m for m in imported if m.split(".")[0] in ("jieba", "openpyxl", "pandas")}
    assert not {m for m in imported if m.startswith("generator.batch")}


@pytest.mark.parametrize("name, expected", [
    ("../../x", "x"), ("a/b", "a_b"), ("CON", "_CON"), ("con.docx", "_con.docx"), ("LPT1", "_LPT1"),
    ("a:b*c?d", "a_b_c_d"), (" .. ", "报告"), ("村\x00名", "村_名"),
])
def test_sanitize_filename(name, expected):
    from generator.safeio import sanitize_filename

    assert sanitize_filename(name) == expected


def test_sanitize_caps_length():
    from generator.safeio import MAX_NAME_CHARS, sanitize_filename

    assert len(sanitize_filename("长" * 200)) == MAX_NAME_CHARS


def test_all_problems_of_a_row_at_once_and_defaults_located(tmp_path):
    town = tmp_path / "town.yaml"
    town.write_text("格式版本: 1\n报告:\n  年度: 20245\n  层级: 村\n  职务: 党支部书记\n", encoding="utf-8")
    table = write_csv(tmp_path / "v.csv", [["姓名", "发展党员", "问题", "发展党圆"],
                                           ["李秀兰", "x", "精力投入不足；组织生活质量不高", "3"]])
    r = run(table, "--defaults", town, "-o", tmp_path / "out")
    assert r.returncode == 1
    error = summary(tmp_path / "out")[0]["错误"]
    for part in ("第2行第4列（D列）：不认识的列“发展党圆”",
                 "town.yaml 第3行（各村共用的设置）：年度“20245”",
                 "第2行第2列（B列）“发展党员”：数值还是占位符“x”，请填写实际数字；没有这项数据就让这一格空着。",
                 "表格里没有“单位”这一列"):
        assert part in error, error


def test_columns_spellings(tmp_path):
    from generator.batch.table import Row
    from generator.batch.unflatten import unflatten
    from generator.catalogue import load_catalogue

    import datetime as dt

    cells = {"日期": "2024/12/26", "问题1": "精力投入不足", "问题（2）": "组织生活质量不高", "原因": "思想认识不到位",
             "品牌": 123, "亮点.干部队伍.村党组织书记平均年龄.从": "52.3", "亮点.干部队伍.村党组织书记平均年龄.到": 49.8,
             "村集体经济收入": "8.6→12.4", "事项": "新建保鲜库1座\n完成阵地改造",
             "问题3": "党员队伍：年轻党员大多外出务工，组织生活凑不齐人"}
    row = Row("v.csv 第2行", 1, "v.csv", 2, cells, {h: i for i, h in enumerate(cells, 1)})
    data, placed, problems = unflatten(row, load_catalogue())
    assert problems == []
    assert data["报告"] == {"日期": dt.date(2024, 12, 26), "品牌": "123"}
    assert data["问题"] == ["精力投入不足", "组织生活质量不高",
                          {"自述": "年轻党员大多外出务工，组织生活凑不齐人", "主题": "党员队伍"}]
    assert placed[("问题", 1)] == ("问题（2）", 3)
    # a cause's cell takes a leading theme as a problem's does (its label was printed in the draft before)
    row = Row("v.csv 第2行", 1, "v.csv", 2, {"原因": "人才支撑不足；产业发展：支部对合作社往深加工上走想得不多"},
              {"原因": 1})
    assert unflatten(row, load_catalogue())[0]["原因"] == [
        "人才支撑不足", {"自述": "支部对合作社往深加工上走想得不多", "主题": "产业发展"}]
    assert data["亮点"]["干部队伍"]["村党组织书记平均年龄"] == {"从": 52.3, "到": 49.8}
    assert data["亮点"]["产业发展"]["村集体经济收入"] == {"从": 8.6, "到": 12.4}
    assert data["措施"]["事项"] == ["新建保鲜库1座", "完成阵地改造"]
    row = Row("v.csv 第2行", 1, "v.csv", 2, {"单位": "青杨村", "报告.单位": "青杨村", "问题.甲": "x"},
              {"单位": 1, "报告.单位": 2, "问题.甲": 3})
    _, _, problems = unflatten(row, load_catalogue())
    assert [col for col, _ in problems] == [2, 3] and "同一项" in problems[0][1] and "问题1" in problems[1][1]


def test_sample_drafts_are_distinct():
    """The 30% measure over the sample township: for every pair of villages, the share of the smaller
    draft's sentences (body paragraphs without their ordinal, split on 。！？；, pieces of six characters or
    more, as in test_variation.py) found verbatim in the other draft is at most 30%."""
    import itertools
    import re

    from generator.api import render
    from generator.batch.command import _defaults
    from generator.batch.runner import plan
    from generator.batch.table import read_rows

    tasks = plan(read_rows(BATCH / "villages.xlsx"), _defaults(BATCH / "town.yaml"), BATCH / "不存在",
                 force=True, skip_existing=False)
    assert len(tasks) >= 20

    def sentences(data) -> list[str]:
        body = [re.sub(r"^\u3000*(\d+\.|[一二三四五六七八九十]+是)", "", b.text.strip("\u3000 "))
                for b in render(data).blocks() if b.role.value == "body"]
        pieces = (s.strip() for line in body for s in re.split(r"[。！？；]", line))
        return [s for s in pieces if len(s) >= 6]

    drafts = [sentences(t.data) for t in tasks]
    shares = []
    for (i, a), (j, b) in itertools.combinations(enumerate(drafts), 2):
        small, big = (a, b) if len(a) <= len(b) else (b, a)
        shares.append((sum(s in set(big) for s in small) / len(small), tasks[i].unit, tasks[j].unit))
    worst = max(shares)
    assert worst[0] <= 0.30, f"{worst[1]} and {worst[2]} share {worst[0]:.0%} of their sentences"


def test_title_line_total_row_and_unnamed_column():
    from generator.batch.table import _from_grid

    rows = _from_grid("v.xlsx", [["红柳镇各村党建数据统计表", None, None], [None, None, None],
                                 ["单位", "发展党员", None], ["青杨村", 2, "备注"], ["合 计", 2, None]])
    assert len(rows) == 1 and rows[0].label == "v.xlsx 第4行" and rows[0].headers == {"单位": 1, "发展党员": 2}
    from generator.batch.unflatten import unflatten
    from generator.catalogue import load_catalogue

    _, _, problems = unflatten(rows[0], load_catalogue())
    assert problems == [(3, "这一列没有列名，请在表头写上列名（如 发展党员），或清空这一列。")]


def test_xlsx_cells_as_the_clerk_sees_them(tmp_path):
    import datetime as dt

    import openpyxl

    from generator.batch.table import read_rows

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位", "大专以上学历比例", "日期", "发展党员"])
    sheet.append(["青杨村", 0.65, dt.datetime(2024, 12, 26), 2])
    sheet["B2"].number_format = "0%"
    book.save(tmp_path / "v.xlsx")
    (row,) = read_rows(tmp_path / "v.xlsx")
    assert row.cells == {"单位": "青杨村", "大专以上学历比例": "65%", "日期": dt.date(2024, 12, 26), "发展党员": 2}


def test_a_draft_saved_while_the_batch_runs_is_never_replaced(tmp_path):
    """The existence check happens at the moment of writing (os.link), not only when the batch is planned."""
    from generator.batch.runner import Defaults, FAILED, plan, render_task
    from generator.batch.table import read_rows
    from generator.loader import load_yaml_file

    table = write_csv(tmp_path / "v.csv", [HEADER, GOOD_ROW])
    out = tmp_path / "out"
    (task,) = plan(read_rows(table), Defaults(load_yaml_file(BATCH / "town.yaml")[0]), out, force=False,
                   skip_existing=False)
    out.mkdir()
    task.target.write_bytes(b"saved by the clerk a moment ago")
    result = render_task(task)
    assert result.status == FAILED and task.target.read_bytes() == b"saved by the clerk a moment ago"
    task.skip_existing = True
    assert render_task(task).status == "跳过"


def test_strict_batch_fails_rows_with_warnings_and_writes_nothing_for_them(tmp_path):
    rows = [HEADER, GOOD_ROW, ["白石村"] + GOOD_ROW[1:4] + ["精力投入不足", "思想认识不到位"]]
    table = write_csv(tmp_path / "v.csv", rows)
    out = tmp_path / "out"
    r = run(table, "--defaults", BATCH / "town.yaml", "-o", out, "--strict")
    assert r.returncode == 1
    rows = summary(out)
    assert {row["状态"] for row in rows} == {"失败"} and all("--strict" in row["错误"] for row in rows)
    assert all(row["提醒"] for row in rows) and not list(out.glob("*.docx"))


def test_a_problem_of_the_whole_table_is_said_once(tmp_path):
    rows = [["单位", "姓名", "职务"], ["青杨村", "李秀兰", "党支部书记"], ["白石村", "王建国", "党支部书记"],
            ["东湾村", "张志强", "党支部书记"]]
    table = write_csv(tmp_path / "v.csv", rows)
    r = run(table, "-o", tmp_path / "out")   # no --defaults: every row lacks 年度 and 层级
    assert r.returncode == 1
    assert r.stderr.count("缺少必填项“年度”") == 1 and "全部 3 个失败行都有这个问题" in r.stderr
    assert len(summary(tmp_path / "out")) == 3


def test_row_warnings_are_placed_by_cell_not_parsed_from_text():
    """A warning reaches batch as a Problem with its key path, and is said by sheet row and column."""
    from generator.batch.runner import Defaults, plan, render_task
    from generator.batch.table import read_rows
    from generator.loader import load_yaml_file
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    rows = [HEADER + ["土地流转"], GOOD_ROW + ["0"]]
    table = write_csv(folder / "v.csv", rows)
    (task,) = plan(read_rows(table), Defaults(load_yaml_file(BATCH / "town.yaml")[0]), folder / "out",
                   force=False, skip_existing=False)
    result = render_task(task)
    zero = [w for w in result.warnings if "土地流转" in w and "是 0" in w]
    column = len(rows[0])
    assert zero and zero[0].startswith(f"第2行第{column}列")


def test_a_column_under_整改_is_an_input_path():
    """整改 is a top-level key of the input like 措施: its columns (整改.已完成) reach it, not a
    “不认识的列” error (the hand-kept list of top-level keys lacked it)."""
    from generator.batch.unflatten import column_path
    from generator.catalogue import load_catalogue

    path, problem = column_path("整改.已完成", load_catalogue())
    assert problem is None and path == ("整改", "已完成")


def test_workers_follow_the_table_and_stay_bounded(monkeypatch):
    """All cores for 24 villages was slower than one (3.0 s against 1.6 s on a Windows PC: each spawned worker
    starts from nothing): one worker per eight rows, never more than the cores, and never past Windows'
    handle limit whatever -j says."""
    import generator.batch.runner as runner

    monkeypatch.setattr(runner.os, "cpu_count", lambda: 8)
    assert runner.default_jobs(5) == 1 and runner.default_jobs(24) == 3 and runner.default_jobs(1000) == 8
    made = []

    class Pool:
        def __init__(self, processes, initializer=None):
            made.append(processes)

        def close(self): pass
        def join(self): pass
        def terminate(self): pass

    context = type("Context", (), {"Pool": Pool})
    monkeypatch.setattr(runner.mp, "get_context", lambda method: context())
    monkeypatch.setattr(runner, "_warm", lambda: None)
    with runner.workers(200, 5000):
        pass
    assert made == [runner.MAX_WORKERS]


def test_reminders_are_said_on_screen(tmp_path):
    """A row with reminders said only 成功 on the screen; the reminders were in summary.csv alone. Now each
    line says how many and the first, and a closing line counts the units to go back to."""
    table = write_csv(tmp_path / "v.csv", [HEADER, GOOD_ROW, ["红柳村", "王建国", "3", "4", "精力投入不足；组织生活质量不高",
                                                            "思想认识不到位"]])
    done = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "条提醒：" in done.stderr and "个单位的草稿有提醒" in done.stderr


def test_every_fact_has_a_cell(tmp_path):
    """What a YAML file can say, a cell can say too: an own-words practice (自述：… or 主题：a sentence),
    a 主题.其他 figure (名称 数值 单位), a problem's 表现 and 简称 after ｜, last year's 整改, a case that holds a
    “；” (cases split at line breaks only), and a bare 事例 column whose cases start with their theme."""
    import docx

    header = ["单位", "姓名", "做法", "亮点.产业发展.其他", "事例", "问题", "原因", "事项"]
    row = ["河口村", "刘春生", "产业发展：自己办了个脐橙分拣点，雇了本村六个人；组织建设：三会一课；组织建设：自述：支部会挪到晚上开",
           "换栽脐橙 140 亩；发蚕种860张", "产业发展：村里把老粮站租给加工厂；租金每年两万元\n组织建设：支部书记带头讲了党课",
           "党员队伍：年轻党员大多外出务工｜表现：组织生活常常凑不齐人｜简称：年轻党员少；精力投入不足",
           "人才支撑不足", "从返乡青年里培养两名入党积极分子"]
    table = write_csv(tmp_path / "v.csv", [header, row])
    done = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    (made,) = (tmp_path / "out").glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(str(made)).paragraphs)
    assert "自己办了个脐橙分拣点，雇了本村六个人" in text and "支部会挪到晚上开" in text
    assert "换栽脐橙140亩" in text and "860张" in text
    assert "村里把老粮站租给加工厂；租金每年两万元" in text            # one case, not two
    assert "组织生活常常凑不齐人" in text and "年轻党员少" in text


def test_rectification_columns_are_lists_of_last_years_problems():
    from generator.batch.table import Row
    from generator.batch.unflatten import unflatten
    from generator.catalogue import load_catalogue

    cells = {"单位": "河口村", "整改.已完成": "集体经济薄弱；组织生活质量不高", "整改.持续推进": "党员队伍老化"}
    row = Row(label="v.csv 第2行", number=1, source="v.csv", line=2, cells=cells,
              columns={k: i for i, k in enumerate(cells, 1)}, headers={k: i for i, k in enumerate(cells, 1)})
    data, _, problems = unflatten(row, load_catalogue())
    assert not problems
    assert data["整改"] == {"已完成": ["集体经济薄弱", "组织生活质量不高"], "持续推进": ["党员队伍老化"]}


def test_a_table_message_suggests_the_cell_syntax(tmp_path):
    """The validator's {自述: …} cannot be typed into a cell (and printed {自述: {自述: …): a table is told the
    cell's own syntax, 自述：……"""
    header = ["单位", "姓名", "组织建设.做法", "问题", "原因"]
    table = write_csv(tmp_path / "v.csv", [header, ["河口村", "刘春生", "支部夜校", "精力投入不足；组织生活质量不高",
                                                   "思想认识不到位"]])
    done = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert done.returncode == 1
    assert "自述：" in done.stderr and "{自述" not in done.stderr, done.stderr[-600:]


def test_every_table_message_speaks_of_cells(tmp_path):
    """A table has no lines to delete: every piece of advice is worded for a cell where the message is made
    (advice.worded), not rewritten afterwards by a table of phrases, which missed 村的报告请删掉这一行 and the
    other wordings it did not list. A village row with a town's figure, a level-bound practice and an unknown
    problem."""
    header = ["单位", "姓名", "约谈党组织书记", "干部队伍.做法", "问题", "原因"]
    table = write_csv(tmp_path / "v.csv", [header, ["河口村", "刘春生", "3", "选派第一书记", "精力投入不足；支部没人管",
                                                   "思想认识不到位"]])
    done = run(table, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "out")
    assert done.returncode == 1
    error = summary(tmp_path / "out")[0]["错误"]
    assert "让这一格空着" in error and "删掉这一行" not in error, error
    assert "“自述：" in error and "{自述" not in error, error


def _rerun_table(tmp_path, disputes: int) -> Path:
    return write_csv(tmp_path / "v.csv", [["单位", "姓名", "发展党员", "化解矛盾纠纷", "问题", "原因"],
                                           ["河口村", "李秀兰", "2", str(disputes), "精力投入不足；组织生活质量不高", "思想认识不到位"],
                                           ["石门村", "王建国", "3", "9", "精力投入不足；组织生活质量不高", "思想认识不到位"]])


def _draft(out: Path, unit: str, suffix: str = "") -> Path:
    (path,) = [p for p in out.glob(f"{unit}*.docx") if p.stem.endswith("报告" + suffix)]
    return path


def _text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_rerun_regenerates_what_changed_and_keeps_what_the_clerk_edited(tmp_path):
    """A township's December: the table changes after the first run (化解矛盾纠纷 16 → 21), one village's
    secretary has corrected her draft in Word. The untouched draft of the changed row is regenerated; an
    unchanged row is skipped with the reason on screen; a changed row whose draft was edited gets its new draft
    beside the old one; --force copies an edited draft before replacing it; --only touches only the units
    named."""
    out = tmp_path / "out"
    assert run(_rerun_table(tmp_path, 16), "--defaults", BATCH / "town.yaml", "-o", out).returncode == 0
    assert "16件" in _text(_draft(out, "河口村"))
    # input changed, draft untouched → regenerated; input unchanged → skipped, and why
    done = run(_rerun_table(tmp_path, 21), "--defaults", BATCH / "town.yaml", "-o", out)
    assert done.returncode == 0 and "21件" in _text(_draft(out, "河口村"))
    assert "石门村 跳过：输入没有变" in done.stderr and "河口村 成功：输入变了" in done.stderr
    # input changed, draft edited → the new draft beside it, the edit kept
    edited = _draft(out, "河口村")
    edited.write_bytes(edited.read_bytes() + b"")  # same bytes: not yet an edit
    import docx

    doc = docx.Document(str(edited))
    doc.add_paragraph("书记本人补充的一段话。")
    doc.save(str(edited))
    done = run(_rerun_table(tmp_path, 25), "--defaults", BATCH / "town.yaml", "-o", out)
    assert done.returncode == 0 and "新稿另存" in done.stderr
    assert "书记本人补充的一段话" in _text(edited) and "21件" in _text(edited)
    assert "25件" in _text(_draft(out, "河口村", "（新）"))
    # --force: the edited draft is copied first, and the screen says where
    done = run(_rerun_table(tmp_path, 25), "--defaults", BATCH / "town.yaml", "-o", out, "--force")
    assert done.returncode == 0 and "改前备份" in done.stderr
    assert "书记本人补充的一段话" in _text(_draft(out, "河口村", "（改前备份）"))
    assert "25件" in _text(_draft(out, "河口村"))
    # --only: the others are not touched
    before = _draft(out, "石门村").stat().st_mtime_ns
    done = run(_rerun_table(tmp_path, 25), "--defaults", BATCH / "town.yaml", "-o", out, "--force",
               "--only", "河口村")
    assert done.returncode == 0 and _draft(out, "石门村").stat().st_mtime_ns == before
    assert "不在 --only" in done.stderr


def test_the_handed_out_workbook_reads_back_as_the_sample(tmp_path):
    """init --batch makes the workbook a township hands out (headers in the input's words, dropdowns, a 说明
    sheet batch ignores, text cells). Filled with the bundled sample's facts it gives the very drafts the
    sample's CSV gives."""
    import openpyxl

    from generator.batch.unflatten import resolve_header
    from generator.catalogue import load_catalogue
    from generator.cli import run as cli

    book_path = tmp_path / "各村.xlsx"
    assert cli(["init", "--batch", str(book_path), "--level", "村"]) == 0
    assert cli(["init", "--batch", str(book_path)]) != 0          # never over a filled-in workbook
    cat = load_catalogue()
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames[:2] == ["各村数据", "说明"] and book["各村数据"].data_validations.dataValidation
    sheet = book["各村数据"]
    where = {resolve_header(c.value, cat)[0]: c.column for c in sheet[1]}
    with open(BATCH / "villages.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    for r, values in enumerate(body, 2):
        practices: dict[int, list[str]] = {}
        for name, value in zip(header, values):
            if not value:
                continue
            if name == "做法":   # the sample's one 做法 column, as the workbook's column per theme
                for item in value.split("；"):
                    theme, practice = item.split("：", 1)
                    practices.setdefault(where[("亮点", theme, "做法")], []).append(practice)
                continue
            path = resolve_header(name, cat)[0]
            sheet.cell(r, where[path], value)
        for column, items in practices.items():
            sheet.cell(r, column, "；".join(items))
    book.save(book_path)
    a = run(book_path, "--defaults", BATCH / "town.yaml", "-o", tmp_path / "x")
    b = run(BATCH / "villages.csv", "--defaults", BATCH / "town.yaml", "-o", tmp_path / "c")
    assert a.returncode == b.returncode == 0, a.stderr[-800:]
    made = sorted((tmp_path / "x").glob("*.docx"))
    assert len(made) == len(body)
    for x in made:
        assert x.read_bytes() == (tmp_path / "c" / x.name).read_bytes(), x.name
