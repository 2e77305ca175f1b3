"""The checker on the five real reports: every defect found by reading them, and nothing else.

Each expected finding is (rule id, paragraph number, offending text). A missed defect and a false alarm
both fail. The seeds are read from ../shared/seeds/, never copied into the repository.
"""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import EXAMPLE_INPUTS, EXAMPLES
from generator.check.api import check_file

SPACES_000 = [("space.in-chinese", 3, " ")] + [("space.in-chinese", 4, t) for t in
              (" ", " ", " ", " 1 ", " 3 ", " ", " ", " 57 ", " 17 ", " ")] + \
             [("space.in-chinese", 5, t) for t in (" ", " 1 ", " ", " 27 ", " 1 ")]

EXPECTED = {
    "000": [("remnant.foreign-unit", 7, "民警")] * 2 + [
        ("remnant.foreign-unit", 7, "全局"),          # 全局党建工作: the whole (police) bureau
        ("structure.numbering", 13, "3."),          # “3.创新党建载体”pasted inside item 4
        ("structure.parts", 0, ""),                 # starts at 一、: no opening
        ("year.unknown", 0, ""),
        # 坚持把…作为…，高…: four items in a row open alike, but as a deliberate 排比 (first clauses of one
        # length), which real authors write and repeat.lead-shape leaves alone
        ("punct.quote-dunhao", 4, "、"), ("punct.quote-dunhao", 12, "、"), ("punct.quote-dunhao", 13, "、"),
        ("structure.level-skip", 2, "1."), ("structure.level-skip", 10, "1."),  # 一、 then 1., no （一）
    ] + SPACES_000,
    "001": [("placeholder.leftover", p, "*") for p in (1, 1, 1, 1, 2, 2, 3, 4, 4, 4, 4, 4, 6, 7, 9, 10, 10)] + [
        ("structure.parts", 0, ""),                 # no 一、二、三、 headings
        ("year.unknown", 0, ""),
        ("era.stale", 5, "两学一做"), ("era.stale", 7, "两学一做"),  # with 党史学习教育 → 2021 or later
        ("repeat.phrase4", 10, "创先争优"),
        ("era.stale", 7, "五大发展理念"),             # 新发展理念 since the 19th congress
        ("term.nonstandard", 7, "习总书记"),
        ("placeholder.missing-number", 8, "第"),     # 县委第上半年…: the number deleted with the X
    ],
    "002": [("placeholder.leftover", 7, "X")] * 10 + [
        ("placeholder.leftover", 15, "××"),
        ("punct.unbalanced", 11, ")"),              # 《…（试行)》
        ("punct.quote-dunhao", 11, "、"), ("punct.quote-dunhao", 11, "、"),
        ("structure.parts", 8, "四、"),              # nine parts instead of three
        ("year.unknown", 0, ""),
        ("figure.approx", 3, "15余"),                # 理论宣讲15余次
        ("repeat.in-paragraph", 5, "履职尽责"),       # …履职尽责情况，带动……书记履职尽责
    ],
    "003": [("punct.halfwidth-comma", 1, ","), ("punct.halfwidth-comma", 3, ","),
            ("structure.level-skip", 3, "1."),      # 一、 then 1., no （一）
            ("repeat.in-paragraph", 3, "三会一课"),   # 抓实“三会一课”……规范落实“三会一课” in one sentence
            ("punct.halfwidth-colon", 10, ":"), ("punct.quote-dunhao", 13, "、")],
    "004": [("placeholder.leftover", p, "**") for p in (4, 4, 5, 5, 5, 5, 5, 6, 8)] + [
        ("year.plan-not-next", 11, "2022年"),        # reports on 2022, plans “2022年”
        ("era.stale", 4, "脱贫攻坚"), ("era.stale", 14, "脱贫攻坚"), ("era.stale", 5, "扶贫项目"),
        ("era.stale", 13, "建党100周年"),
        ("punct.halfwidth-comma", 14, ","), ("punct.halfwidth-comma", 14, ","),
        ("repeat.phrase4", 12, "严格落实"),          # five times in one report
        ("era.stale", 4, "扫黑除恶专项斗争"),         # closed in 2021: 常态化扫黑除恶斗争
        ("era.stale", 5, "贫困户"),                  # six times in the paragraph: one finding
    ],
}


def _found(path):
    doc, findings = check_file(path)
    return Counter((f.rule, f.paragraph, doc.paragraphs[f.paragraph - 1].text[f.start:f.end] if f.paragraph else "")
                   for f in findings)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_findings_exactly(seeds_dir, seed):
    path = next(seeds_dir.glob(f"{seed}_*.txt"))
    found = _found(path)
    expected = Counter(EXPECTED[seed])
    assert found - expected == Counter(), f"false alarms: {found - expected}"
    assert expected - found == Counter(), f"missed: {expected - found}"


@pytest.mark.parametrize("name", [f"{p.stem}{ext}" for p in EXAMPLE_INPUTS for ext in (".docx", ".txt")])
def test_generated_drafts_have_no_errors(name):
    doc, findings = check_file(EXAMPLES / name)
    assert not [f for f in findings if f.is_error], findings
    assert not [f for f in findings if f.rule in ("year.unknown", "structure.parts")], findings  # title read


def test_yaml_input_is_generated_then_checked(tmp_path):
    doc, findings = check_file(EXAMPLE_INPUTS[0])
    assert len(doc.paragraphs) > 20 and not [f for f in findings if f.is_error]


def test_docx_tables_and_headers_are_read(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("2024年，镇党委抓党建。")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "发展党员**名"
    d.sections[0].header.paragraphs[0].text = "某某镇"
    path = tmp_path / "t.docx"
    d.save(path)
    doc, findings = check_file(path)
    where = {(f.rule, doc.paragraphs[f.paragraph - 1].where) for f in findings if f.paragraph}
    assert ("placeholder.leftover", "表格1") in where and ("placeholder.leftover", "页眉") in where


def test_check_command_exit_codes_and_json(seeds_dir, monkeypatch, capsys):
    import json
    import sys

    from generator.cli import main

    def run(*args):
        monkeypatch.setattr(sys, "argv", ["gen-report", "check", *map(str, args)])
        with pytest.raises(SystemExit) as info:
            main()
        return info.value.code, capsys.readouterr()

    code, out = run(next(seeds_dir.glob("004_*.txt")), "--format", "json")
    data = json.loads(out.out)
    assert code == 1 and data["errors"] == 10
    assert {"rule": "year.plan-not-next", "paragraph": 11, "text": "2022年"}.items() <= \
        next(f for f in data["findings"] if f["rule"] == "year.plan-not-next").items()
    code, out = run(EXAMPLES / "2024.docx")
    assert code == 0 and "没有发现问题" in out.out
    code, out = run(next(seeds_dir.glob("003_*.txt")))
    assert code == 0 and "「,」" in out.out and "[punct.halfwidth-comma]" in out.out
    code, out = run(next(seeds_dir.glob("002_*.txt")), "--template")
    assert "placeholder.leftover" not in out.out
    code, out = run("nosuch.docx")
    assert code == 2 and "找不到文件" in out.err


@pytest.mark.parametrize("name, content, said", [
    ("dir.txt", None, "文件夹"),
    ("bad.docx", b"not a zip", "无法作为 Word 文件打开"),
    ("empty.txt", b"  \n\n", "没有文字"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
    ("notes.pdf", b"%PDF", "只能检查"),
])
def test_unreadable_files_are_said_in_chinese_and_the_rest_still_checked(tmp_path, name, content, said):
    from generator.check.command import check_command

    path = tmp_path / name
    path.mkdir() if content is None else path.write_bytes(content)
    out, err = [], []
    code = check_command([path, EXAMPLES / "2024.txt"], None, None, "text", echo=out.append, echo_err=err.append)
    assert code == 2 and said in err[0] and "没有发现问题" in out[0]


def _own_drafts():
    """Every draft the tool makes from bundled data: each example in 30 variants, every sample row."""
    from conftest import load_example
    from variety import sample_inputs

    for path in EXAMPLE_INPUTS:
        data, _ = load_example(path)
        for variant in range(30):
            yield f"{path.name}#{variant}", data, variant
    for unit, data in sample_inputs():
        yield unit, data, 0


def test_own_drafts_check_clean():
    """Zero errors and zero reminders on every draft the tool makes (issue: check flagged our own drafts)."""
    from generator.api import render_text
    from generator.check.api import check_paragraphs

    dirty = []
    for name, data, variant in _own_drafts():
        text = render_text(data, variant=variant)
        found = check_paragraphs(text.splitlines(), year=data["报告"]["年度"])
        dirty += [(name, f.rule, f.message) for f in found]
    assert not dirty, dirty[:10]
