"""`--templates DIR`: another township's phrase banks run sandboxed; escapes, file reads and runaway
loops are refused with a clear message and no file."""
from __future__ import annotations

import shutil
import sys

import pytest
import yaml

from conftest import INPUTS, ROOT, style_where


def _custom(tmp_path, opening: str):
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    path = root / "bank" / "开头.yaml"
    bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    bank["起句"] = [opening]
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    return root


def _run(args, monkeypatch, capsys):
    from generator.cli import main

    monkeypatch.setattr(sys, "argv", ["gen-report", *map(str, args)])
    with pytest.raises(SystemExit) as info:
        main()
    return info.value.code, capsys.readouterr()


def test_custom_bank_is_used(tmp_path, monkeypatch, capsys):
    root = _custom(tmp_path, "{{年度}}年，{{本级}}自编的开头句")
    style = style_where(opening="站位在前")   # an author whose opening has its 起句
    code, out = _run([INPUTS / "2024.yaml", "--templates", root, "--format", "txt", "--style", style],
                     monkeypatch, capsys)
    assert code == 0 and "2024年，镇党委自编的开头句" in out.out


@pytest.mark.parametrize("evil", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ 单位.__class__.__init__.__globals__ }}",
    "{{ '{0.__class__.__base__}'.format(单位) }}",
    "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
    "{{ 年度 * 10000000 * '很长' }}",
    "{{ 未定义的变量 }}",
    "{% for x in %}",
])
def test_escapes_are_refused(evil, tmp_path, monkeypatch, capsys):
    root = _custom(tmp_path, evil)
    target = tmp_path / "out.docx"
    code, out = _run([INPUTS / "2024.yaml", "--templates", root, "-o", target], monkeypatch, capsys)
    assert code == 3, out.err
    assert out.err.startswith("错误：词库条目") and "Traceback" not in out.err
    assert not target.exists()


def test_incomplete_templates_dir(tmp_path, monkeypatch, capsys):
    code, out = _run([INPUTS / "2024.yaml", "--templates", tmp_path], monkeypatch, capsys)
    assert code == 1 and "不完整" in out.err


def test_a_custom_era_file_is_honoured(tmp_path, monkeypatch, capsys):
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    era = yaml.safe_load((root / "era.yaml").read_text(encoding="utf-8"))
    era["年度"][2024]["会议精神"] = "本镇自定的会议精神提法"
    era["年度"][2024].pop("会议精神说法")   # a township that words the line its own way words it once
    (root / "era.yaml").write_text(yaml.safe_dump(era, allow_unicode=True), encoding="utf-8")
    code, out = _run([INPUTS / "2024.yaml", "--templates", root, "--format", "txt", "--style",
                      style_where(opening="站位在前")], monkeypatch, capsys)
    assert code == 0 and "本镇自定的会议精神提法" in out.out


def test_every_problem_of_a_broken_catalogue_at_once_exit_3(tmp_path, monkeypatch, capsys):
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    text = (root / "metrics.yaml").read_text(encoding="utf-8")
    text = text.replace("    发展党员:\n      单位: 名", "    发展党员:\n      单位: 人头", 1)
    text = text.replace("  意识形态: {别名:", "  意识形态: {别名x:", 1)
    (root / "metrics.yaml").write_text(text, encoding="utf-8")
    code, out = _run([INPUTS / "2024.yaml", "--templates", root, "-o", tmp_path / "x.docx"], monkeypatch, capsys)
    assert code == 3 and "程序内部错误" not in out.err
    assert "metrics.yaml → 主题 → 意识形态：不认识的项目“别名x”。您是不是想写“别名”？" in out.err
    assert "metrics.yaml → 指标 → 组织建设 → 发展党员 → 单位：“人头”没有在“单位”里定义" in out.err
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("damage", ["yaml", "missing", "encoding"])
def test_a_broken_data_file_is_exit_3_with_where(damage, tmp_path, monkeypatch, capsys):
    """A YAML typo in metrics.yaml, a missing era.yaml, a GBK-saved bank: exit 3 and a Chinese message naming
    the file (and the line for a typo), never 程序内部错误 (the parsed-data cache read them first)."""
    root = tmp_path / "t"
    shutil.copytree(ROOT / "templates", root)
    if damage == "yaml":
        with open(root / "metrics.yaml", "a", encoding="utf-8") as f:
            f.write("坏的: [没有收尾\n")
    elif damage == "missing":
        (root / "era.yaml").unlink()
    else:
        text = (root / "bank" / "开头.yaml").read_text(encoding="utf-8")
        (root / "bank" / "开头.yaml").write_bytes(text.encode("gbk", errors="replace"))
    code, (out, err) = _run([str(INPUTS / "2024.yaml"), "--templates", str(root), "-o", str(tmp_path / "x.docx")],
                            monkeypatch, capsys)
    assert code == 3, (out, err)
    name = {"yaml": "metrics.yaml", "missing": "era.yaml", "encoding": "开头.yaml"}[damage]
    assert name in err and "程序内部错误" not in err
    if damage == "yaml":
        assert "行" in err and "列" in err


# --- check-templates: the folder checked whole, every problem at once --------------------------------------

def _broken(tmp_path):
    """A copy of the bundled folder with one problem of each kind check-templates knows, each in its own
    file and key, so the report must name them all."""
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)

    def edit(name, change):
        path = root / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    edit("bank/措施.yaml", lambda d: d["主题"]["政治建设"]["要点"].append({"说": "把学习抓在经常", "需": ["不存在的做法"]}))
    edit("bank/亮点.yaml", lambda d: d["主题"]["组织建设"]["要点"].append("全年发展党员12名"))
    edit("bank/开头.yaml", lambda d: d.__setitem__("落实", d["落实"][:2] + [d["落实"][0]]))   # too few, and twice
    edit("bank/问题.yaml", lambda d: d["原因"]["人才支撑不足"]["解释"].append("没有这个问题"))
    edit("作者.yaml", lambda d: (d["用词习惯"].append({"写法": ["和", "与"], "可换": ["及"]}),
                                 d["序列只配"].update({"抓早抓小": ["作风建设"]})))
    (root / "era.yaml").unlink()
    return root


def test_check_templates_names_every_problem_at_once(tmp_path, monkeypatch, capsys):
    root = _broken(tmp_path)
    code, out = _run(["check-templates", root], monkeypatch, capsys)
    assert code == 3 and "Traceback" not in out.out + out.err
    text = out.out
    assert "era.yaml" in text and "缺少" in text                          # a missing file
    assert "不存在的做法" in text and "bank/措施.yaml" in text              # 需 a practice no one knows
    assert "全年发展党员12名" in text and "数字" in text                    # a figure in stock wording
    assert "没有这个问题" in text                                          # 解释 a kind that does not exist
    assert "“及”不在这一组的写法" in text and "用词习惯" in text             # a word habit nobody can choose
    assert "“抓早抓小”不是哪一列“序列”的成员" in text                       # a field rule for no series member
    assert "落实" in text and "写了 2 遍" in text and "至少要 4 种" in text    # warnings: twice, too few
    assert text.index("错误") < text.index("提醒")


def test_check_templates_passes_the_bundled_folder_and_strict_counts_warnings(tmp_path, monkeypatch, capsys):
    code, out = _run(["check-templates", ROOT / "templates"], monkeypatch, capsys)
    assert code == 0 and "检查通过" in out.out
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    path = root / "bank" / "开头.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["落实"] = data["落实"][:2]          # a warning only: drafts still come out
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert _run(["check-templates", root], monkeypatch, capsys)[0] == 0
    code, out = _run(["check-templates", root, "--strict"], monkeypatch, capsys)
    assert code == 3 and "至少要 4 种" in out.out


def test_drafting_with_a_broken_folder_names_all_its_errors(tmp_path, monkeypatch, capsys):
    """--templates runs the same checks' errors before any draft: the clerk sees every problem of the
    folder, not the first one the renderer trips over."""
    root = _broken(tmp_path)
    target = tmp_path / "out.docx"
    code, out = _run([INPUTS / "2024.yaml", "--templates", root, "-o", target], monkeypatch, capsys)
    assert code == 3 and not target.exists() and "Traceback" not in out.err
    assert "era.yaml" in out.err and "不存在的做法" in out.err and "全年发展党员12名" in out.err


def test_the_old_one_list_not_to_go_with_still_works_and_is_shown_split(tmp_path, monkeypatch, capsys):
    """不与 meant three things (problem kinds, words of the clerk's problems, confirmed practices); it is
    three keys now. A township folder of an earlier version keeps working, and check-templates shows where
    each name belongs; a misspelt kind under 不与问题 is an error (the condition would never hold)."""
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    path = root / "bank" / "亮点.yaml"
    bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    closings = bank["主题"]["党员队伍"]["收束"]
    closings.append({"说": "党员的样子立起来了。", "不与": ["党员作用发挥不够", "作用发挥", "党员积分制管理"]})
    closings.append({"说": "党员更有干劲了。", "不与问题": ["党员作用发挥不狗"]})
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    code, out = _run(["check-templates", root], monkeypatch, capsys)
    assert code == 3, out.out
    assert "不与问题: [党员作用发挥不够], 不与做法: [党员积分制管理], 不与字词: [作用发挥]" in out.out
    assert "党员作用发挥不狗" in out.out


def test_check_templates_names_a_key_written_twice(tmp_path, monkeypatch, capsys):
    """The fast loader keeps the last of two equal keys silently: 呼应.yaml held 凭据词 → 思想建设 twice, the first
    list never read. check-templates (and --templates) name each with its lines; the bundled folder has none."""
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    path = root / "呼应.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("\n凭据词:\n") + len("\n凭据词:\n")
    path.write_text(text[:at] + "  警示教育: [警示]\n" + text[at:], encoding="utf-8")
    code, out = _run(["check-templates", root], monkeypatch, capsys)
    assert code == 3 and "凭据词 → 警示教育" in out.out and "写了两次" in out.out, out.out
    code, out = _run(["check-templates", ROOT / "templates"], monkeypatch, capsys)
    assert code == 0 and "写了两次" not in out.out
