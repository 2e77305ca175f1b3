"""The clerk's own PC (issue 25): what Windows, a USB stick and PowerShell do to files, simulated on Linux."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import INPUTS
from generator.errors import OutputError
from generator.safeio import WINDOWS_MAX_PATH, write_atomic


def test_a_stick_without_hard_links_still_gets_the_draft_and_no_temp_file(tmp_path, monkeypatch):
    """FAT32 and exFAT have no hard links: the draft is written all the same (exclusive create, then rename),
    never overwriting, and no .~ temp file is left behind."""
    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "述职报告.docx"
    write_atomic(target, b"draft")
    assert target.read_bytes() == b"draft"
    with pytest.raises(OutputError, match="已存在"):
        write_atomic(target, b"other")
    assert target.read_bytes() == b"draft"
    assert not list(tmp_path.glob(".~*"))


def test_a_temp_file_that_will_not_go_away_is_no_failure(tmp_path, monkeypatch):
    """The draft is in place once the link is made; a temp file Windows will not remove is not reported as a
    failure after the draft was written."""
    real_unlink = os.unlink

    def stubborn(path, *a, **k):
        if ".~" in str(path):
            raise PermissionError(13, "in use")
        return real_unlink(path, *a, **k)

    monkeypatch.setattr(os, "unlink", stubborn)
    target = tmp_path / "a.docx"
    assert write_atomic(target, b"draft") == target and target.read_bytes() == b"draft"


def test_force_on_a_read_only_draft_leaves_no_temp_file(tmp_path, monkeypatch):
    """Windows will not delete a read-only file: a temp file given the old draft's read-only mode stayed
    behind. The read-only draft is refused before any temp file exists."""
    real_unlink = os.unlink

    def windows_unlink(path, *a, **k):
        if not os.stat(path).st_mode & stat.S_IWUSR:
            raise PermissionError(13, "Access is denied")
        return real_unlink(path, *a, **k)

    monkeypatch.setattr(os, "unlink", windows_unlink)
    target = tmp_path / "a.docx"
    target.write_bytes(b"edited")
    os.chmod(target, stat.S_IREAD)
    try:
        with pytest.raises(OutputError, match="只读"):
            write_atomic(target, b"new", force=True)
        assert target.read_bytes() == b"edited" and not list(tmp_path.glob(".~*"))
    finally:
        os.chmod(target, stat.S_IREAD | stat.S_IWRITE)


def test_a_path_past_max_path_says_so(tmp_path, monkeypatch):
    """Past 260 characters Windows says 找不到指定的路径; the message says the path is too long, and once."""
    import generator.safeio as safeio

    deep = tmp_path.joinpath(*["很长的文件夹名" * 8] * 5)
    target = deep / "述职报告.docx"
    assert len(str(target)) > WINDOWS_MAX_PATH

    def refuse(*a, **k):
        err = FileNotFoundError(3, "系统找不到指定的路径。")
        err.winerror = 3
        raise err

    monkeypatch.setattr(safeio.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"x")
    assert "路径太长" in str(info.value) and "。。" not in str(info.value)


def test_init_from_another_drive(tmp_path, monkeypatch, capsys):
    """init --from E:\\2025.yaml run on the desktop: relpath raises for another drive; the whole path is used."""
    import os.path

    from generator.cli import run

    def other_drive(path, start=None):
        raise ValueError("path is on mount 'E:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    monkeypatch.chdir(tmp_path)
    last = INPUTS / "杏花村-2025.yaml"
    assert run(["init", "2026.yaml", "--from", str(last)]) == 0
    assert f"上年: {last.resolve()}" in (tmp_path / "2026.yaml").read_text(encoding="utf-8")


def test_check_expands_a_pattern_the_shell_did_not(tmp_path, monkeypatch, capsys):
    """PowerShell and cmd pass `*.txt` as it is: check expands it."""
    from generator.cli import run

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("一、履职工作特色和亮点\n今年发展党员3名。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run(["check", "*.txt"])
    out = capsys.readouterr().out
    assert "a.txt" in out and "b.txt" in out and "找不到" not in out


def test_schema_writes_utf8_with_o(tmp_path, capsys):
    """`gen-report schema > x.json` is UTF-16 in PowerShell 5.1; -o writes UTF-8."""
    import json

    from generator.cli import run

    target = tmp_path / "gen-report.schema.json"
    assert run(["schema", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and json.loads(raw.decode("utf-8"))["$schema"]


def test_a_unicode_text_table_from_excel_reads_as_columns(tmp_path):
    """Excel's “Unicode 文本”: UTF-16 with a BOM, tab-separated, saved as .txt."""
    from generator.batch.table import read_rows

    text = "单位\t姓名\t发展党员\n青杨村\t李秀兰\t2\n红柳村\t王建国\t3\n"
    path = tmp_path / "各村.txt"
    path.write_bytes(text.encode("utf-16"))
    rows = read_rows(path)
    assert [r.cells["单位"] for r in rows] == ["青杨村", "红柳村"] and rows[1].cells["发展党员"] in ("3", 3)


def _bundle(tmp_path, platform: str) -> Path:
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "bundle"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline_bundle.py"), str(out), "--platform",
                           platform], capture_output=True, text=True, timeout=600)
    if done.returncode and ("Could not find" in done.stderr or "connection" in done.stderr.lower()
                            or "NewConnectionError" in done.stderr):
        pytest.skip("no package index reachable from here: the bundle is built where there is one")
    assert done.returncode == 0, done.stderr[-2000:]
    return out


@pytest.mark.slow
def test_the_offline_bundle_installs_with_no_index(tmp_path):
    """The offline bundle for this machine's platform installs into a new virtual environment with
    --no-index (nothing fetched) and makes a draft: every dependency is in it, jieba built as a wheel."""
    import subprocess
    import sys

    from conftest import ROOT

    out = _bundle(tmp_path, "this")
    assert (out / "install.bat").read_bytes().count(b"\r\n") > 10      # Windows line ends
    assert list((out / "wheels").glob("jieba-*-py3-none-any.whl"))
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(out / "wheels"),
                    "gen-report"], check=True, timeout=300)
    done = subprocess.run([str(python), "-m", "generator", str(ROOT / "inputs" / "2024.yaml"), "-o",
                           str(tmp_path / "x.docx")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and (tmp_path / "x.docx").stat().st_size > 5000, done.stderr


@pytest.mark.slow
def test_the_windows_bundle_has_a_wheel_of_every_compiled_dependency_for_every_python(tmp_path):
    out = _bundle(tmp_path, "win_amd64")
    names = [p.name for p in (out / "wheels").glob("*.whl")]
    for package in ("lxml", "markupsafe", "pydantic_core", "pyyaml"):
        for tag in ("cp310", "cp311", "cp312", "cp313"):
            assert [n for n in names if n.lower().startswith(package) and f"-{tag}-" in n and "win_amd64" in n], \
                (package, tag)
    for package in ("gen_report", "jieba", "python_docx", "jinja2", "typer", "pydantic", "rich", "openpyxl"):
        assert [n for n in names if n.lower().startswith(package + "-")], package


def test_workers_start_deaf_to_ctrl_c_on_windows(monkeypatch):
    """On Windows a spawned worker still booting printed an English traceback on Ctrl+C: the pool is made
    while the console ignores Ctrl+C (the one setting children inherit there), and the parent hears it again
    once the pool exists."""
    import signal as signals

    import generator.batch.runner as runner

    calls = []

    class Kernel32:
        def SetConsoleCtrlHandler(self, handler, ignore):
            calls.append(("console", ignore))

    class Pool:
        def __init__(self, processes, initializer=None):
            calls.append(("pool", signals.getsignal(signals.SIGINT) is signals.SIG_IGN))

        def close(self): pass
        def join(self): pass
        def terminate(self): pass

    monkeypatch.setattr(runner, "_kernel32", lambda: Kernel32())
    monkeypatch.setattr(runner.mp, "get_context", lambda method: type("C", (), {"Pool": Pool})())
    monkeypatch.setattr(runner, "_warm", lambda: None)
    before = signals.getsignal(signals.SIGINT)
    with runner.workers(2, 40):
        pass
    assert calls == [("console", True), ("pool", True), ("console", False)]
    assert signals.getsignal(signals.SIGINT) is before
