"""The bad-input corpus (tests/bad_inputs/): every file gives its exit code and Chinese message fragment,
no traceback, and never a (half-)written draft."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "bad_inputs"


def _cases():
    for line in (CORPUS / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, code, fragment = (line.split("\t") + [""])[:3]
            yield pytest.param(name, int(code), fragment, id=name)


def run_cli(args, monkeypatch, capsys) -> tuple[int, str, str]:
    from generator.cli import main

    monkeypatch.setattr(sys, "argv", ["gen-report", *map(str, args)])
    with pytest.raises(SystemExit) as info:
        main()
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


def test_corpus_is_large_enough():
    assert len(list(_cases())) >= 40
    listed = {c.values[0] for c in _cases()}
    assert listed == {p.name for p in CORPUS.glob("*.yaml")}


@pytest.mark.parametrize("name, code, fragment", list(_cases()))
def test_corpus(name, code, fragment, tmp_path, monkeypatch, capsys):
    target = tmp_path / "out.docx"
    exit_code, out, err = run_cli([CORPUS / name, "-o", target], monkeypatch, capsys)
    assert "Traceback" not in out + err
    assert exit_code == code, err
    if code:
        assert fragment in err, err
        assert err.startswith("错误：") and not target.exists()
        assert list(tmp_path.iterdir()) == []  # no temp file left behind either
    else:
        assert target.read_bytes()[:2] == b"PK"


def test_ten_megabyte_string_is_refused_quickly(tmp_path, monkeypatch, capsys):
    path = tmp_path / "big.yaml"
    path.write_text("格式版本: 1\n报告:\n  单位: " + "长" * 10_000_000 + "\n", encoding="utf-8")
    code, _, err = run_cli([path, "-o", tmp_path / "o.docx"], monkeypatch, capsys)
    assert code == 2 and "文件太大" in err and not (tmp_path / "o.docx").exists()
