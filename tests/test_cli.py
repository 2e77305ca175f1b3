"""The command line as a clerk meets it: exit codes, Chinese messages, never a traceback, never a lost file."""
from __future__ import annotations

import re

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import INPUTS, ROOT

GOOD = INPUTS / "2024.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in-process (the same `cli.run` the console script calls), capturing what it prints; a
    process start costs more than the command. `run_process` keeps one real end-to-end start."""
    import contextlib
    import io

    from generator.cli import run as cli

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli([str(a) for a in args])
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=60)


def test_the_console_entry_point_runs_as_a_process(tmp_path):
    r = run_process(GOOD, "-o", tmp_path / "a.docx")
    assert r.returncode == 0 and (tmp_path / "a.docx").read_bytes()[:2] == b"PK", r.stderr
    r = run_process(GOOD, "--bogus")
    assert r.returncode == 2 and "没有这个选项" in r.stderr and "Traceback" not in r.stderr


def assert_clean(result):
    assert "Traceback" not in result.stdout + result.stderr


def test_txt_preview_prints_the_draft():
    r = run(GOOD, "--format", "txt")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("石桥镇党委书记2024年度\n抓基层党建工作述职报告")
    assert "三、下一步工作思路和措施" in r.stdout and r.stderr == ""


def test_docx_written_next_to_input_and_never_overwritten(tmp_path):
    src = tmp_path / "in.yaml"
    src.write_bytes(GOOD.read_bytes())
    r = run(src)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "in.docx"
    assert out.read_bytes()[:2] == b"PK" and str(out) in r.stdout
    out.write_bytes(b"clerk's edits")
    r = run(src)
    assert r.returncode == 1 and "文件已存在" in r.stderr and "--force" in r.stderr
    assert out.read_bytes() == b"clerk's edits"
    r = run(src, "--force")
    assert r.returncode == 0 and out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []  # no temp files left


def test_output_folder_created(tmp_path):
    target = tmp_path / "新建文件夹" / "草稿.docx"
    r = run(GOOD, "-o", target)
    assert r.returncode == 0 and target.exists()


def test_read_only_target_left_intact(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    r = run(GOOD, "-o", target, "--force")
    assert r.returncode == 1 and "只读" in r.stderr and target.read_bytes() == b"old"


def test_bad_input_exit_2_with_line_and_no_file(tmp_path):
    src = tmp_path / "bad.yaml"
    src.write_text(GOOD.read_text(encoding="utf-8").replace("发展党员: 17", "发展党员: 十七"), encoding="utf-8")
    r = run(src)
    assert r.returncode == 2
    assert "亮点 → 组织建设 → 发展党员" in r.stderr and "第" in r.stderr and "阿拉伯数字" in r.stderr
    assert not (tmp_path / "bad.docx").exists()
    assert_clean(r)


def test_yaml_syntax_error_exit_2(tmp_path):
    src = tmp_path / "bad.yaml"
    src.write_text("报告:\n  年度：2024\n", encoding="utf-8")
    r = run(src)
    assert r.returncode == 2 and "全角冒号" in r.stderr and "第2行" in r.stderr
    assert_clean(r)


def test_strict_turns_warnings_into_errors(tmp_path):
    src = tmp_path / "w.yaml"
    src.write_text(GOOD.read_text(encoding="utf-8").replace("  姓名: 周立文\n", ""), encoding="utf-8")
    r = run(src, "--strict")
    assert r.returncode == 1 and "提醒" in r.stderr and "--strict" in r.stderr
    assert not (tmp_path / "w.docx").exists()
    r = run(src)
    assert r.returncode == 0 and "提醒" in r.stderr and "姓名" in r.stderr


def test_usage_errors_are_chinese():
    r = run(GOOD, "--bogus")
    assert r.returncode == 2 and "没有这个选项" in r.stderr
    assert_clean(r)
    r = run("nosuch.yaml")
    assert r.returncode == 2 and "找不到文件" in r.stderr


def test_help_is_chinese():
    r = run("--help")
    assert r.returncode == 0 and "述职报告" in r.stdout and "显示本帮助并退出" in r.stdout


def test_metrics_lists_units_and_examples():
    r = run("metrics", "组织建设")
    assert r.returncode == 0 and "发展党员（单位：名）" in r.stdout and "例：" in r.stdout
    assert "精力投入不足" in run("metrics", "问题").stdout
    assert run("metrics", "没有的主题").returncode == 2  # a bad argument is bad input (exit 2, as the README says)


def test_init_then_fill_then_render(tmp_path):
    r = run("init", "2025.yaml", "--level", "村", "--year", "2025", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "2025.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./gen-report.schema.json")
    assert (tmp_path / "gen-report.schema.json").exists()
    assert "  # 组织建设:" in text and "  #   发展党员:" in text
    # Unfilled template: a clear message, not a crash.
    r = run("2025.yaml", cwd=tmp_path)
    assert r.returncode == 2 and "“单位”还没有填写" in r.stderr
    # The clerk fills it in the way the comments say.
    text = text.replace("  单位:  ", "  单位: 青杨村", 1).replace("  姓名:  ", "  姓名: 李秀兰", 1)
    text = text.replace("  # 组织建设:\n", "  组织建设:\n").replace("  #   发展党员:", "    发展党员: 3")
    (tmp_path / "2025.yaml").write_text(text, encoding="utf-8")
    r = run("2025.yaml", "--format", "txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    # the figure the clerk filled in, in whichever of the metric's wordings this author draws (发展新党员3名 …)
    assert "青杨村党支部书记2025年度" in r.stdout and re.search(r"党员[^。，]{0,3}3名", r.stdout), r.stdout
    # Never overwrite.
    r = run("init", "2025.yaml", cwd=tmp_path)
    assert r.returncode == 1 and "已经存在" in r.stderr and "--force" not in r.stderr


def test_init_from_last_year_carries_names_and_targets(tmp_path):
    r = run("init", "next.yaml", "--from", GOOD, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "next.yaml").read_text(encoding="utf-8")
    assert "年度: 2025" in text and "单位: 石桥镇" in text and "姓名: 周立文" in text and "上级: 县委" in text
    assert "去年定的目标：发展党员 18" in text and "# 集体经济收入20万元以上的村: 10" in text
    assert "日期: 2025" not in text  # the date is this year's to fill in


def test_schema_accepts_examples_and_flags_mistakes():
    jsonschema = pytest.importorskip("jsonschema")
    from conftest import EXAMPLE_INPUTS, load_example

    schema = json.loads(run("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        data = json.loads(json.dumps(data, default=str))
        assert not list(validator.iter_errors(data)), path.name
    bad = {"格式版本": 1, "报告": {"年度": 2024}, "亮点": {"组织建设": {"发展党圆": 1}}}
    assert list(validator.iter_errors(bad))


def test_output_format_follows_the_extension(tmp_path, capsys):
    from generator.cli import run as cli

    assert cli([str(GOOD), "-o", str(tmp_path / "a.txt")]) == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("石桥镇党委书记2024年度")
    assert cli([str(GOOD), "-o", str(tmp_path / "b.docx"), "--format", "txt"]) == 2
    assert "扩展名不一致" in capsys.readouterr().err and not (tmp_path / "b.docx").exists()
    assert cli([str(GOOD), "-o", str(tmp_path / "c.pdf")]) == 2
    assert cli([str(GOOD), "-o", str(tmp_path / "d.docx")]) == 0
    assert (tmp_path / "d.docx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("what", ["check", "across", "preview", "json"])
def test_output_redirected_as_gbk_never_crashes(what, tmp_path):
    """A Chinese Windows writes redirected output as GBK, strictly: check's excerpt marks, --across's pair
    line and a • or – pasted into a case ended in 程序内部错误 (exit 70). Now the marks are GBK's own (「」, 与)
    and what GBK lacks is replaced."""
    import subprocess
    import sys

    import yaml

    from conftest import ROOT, minimal

    data = minimal(亮点={"组织建设": {"发展党员": 3, "事例": ["• 支部把学习挪到晚上–年轻党员来得多了 ♥"]}})
    source = tmp_path / "2024.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "a.txt").write_text("一、履职工作特色和亮点\n今年发展党员3名,很好。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、履职工作特色和亮点\n今年发展党员3名,很好。\n", encoding="utf-8")
    args = {"check": ["check", str(tmp_path / "a.txt")], "across": ["check", "--across", str(tmp_path)],
            "preview": ["preview", str(source)], "json": [str(source), "--format", "json"]}[what]
    env = {**__import__("os").environ, "PYTHONIOENCODING": "cp936", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run([sys.executable, "-m", "generator", *args], env=env, capture_output=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode in (0, 1), (done.returncode, done.stderr.decode("gbk", "replace")[-400:])
    out = done.stdout.decode("gbk")   # the whole output is GBK, undamaged
    if what == "check":
        assert "「,」" in out
    if what == "across":
        assert " 与 " in out
    if what in ("preview", "json"):
        assert "支部把学习挪到晚上" in out


@pytest.mark.parametrize("command", ["", "draft", "check", "batch", "metrics", "init", "preview", "schema"])
def test_help_fits_eighty_columns_in_chinese(command):
    """Issue 22: rich cut Chinese descriptions at “…” in an 80-column console and showed Usage:, <bool>,
    [required]. Every line now fits 80 columns, whole, in Chinese."""
    import re as _re

    from generator.width import columns

    r = run(*([command] if command else []), "--help")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("用法：") and max(columns(line) for line in lines) <= 80
    assert not _re.search(r"Usage|Options|Arguments|<bool>|<path>|\[required\]|(?<!…)…$", r.stdout, _re.M), r.stdout


def test_an_extra_argument_is_said_in_chinese():
    r = run("init", "a.yaml", "b.yaml")
    assert r.returncode == 2 and "多写了 b.yaml" in r.stderr and "Got" not in r.stderr
