"""Reading YAML: positions, duplicate keys, encodings, and the mistakes clerks make, in Chinese."""
from __future__ import annotations

import codecs

import pytest

from generator.errors import InputError
from generator.loader import load_yaml_file, load_yaml_text


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        load_yaml_text(text, "x.yaml")
    return info.value


def test_marks_point_at_keys():
    data, marks = load_yaml_text("报告:\n  年度: 2024\n  单位: 红柳镇\n")
    assert data == {"报告": {"年度": 2024, "单位": "红柳镇"}}
    assert marks[("报告", "单位")] == (3, 3)


@pytest.mark.parametrize("text, fragment, line", [
    ("", "是空的", None),
    ("# 只有注释\n# 还是注释\n", "是空的", None),
    ("a: 1\na: 2\n", "“a”重复出现（第一次在第1行）", 2),
    ("报告:\n  年度：2024\n", "中文全角冒号", 2),
    ("报告:\n\t年度: 2024\n", "制表符", 2),
    ("a: \"没有结束的引号\n", "引号没有配对", None),
    ("报告:\n  年度: 2024\n 单位: 红柳镇\n", "缩进", 3),
    ("日期: 2024-02-30\n", "日期“2024-02-30”不存在", 1),
    ("x: &a [1]\ny: *a\n", "锚点和别名", 2),
    ("发展党员: *\n", "特殊含义", 1),
    ("a:\n  - 1\n - 2\n", "缩进", None),
])
def test_bad_yaml_is_explained(text, fragment, line):
    err = _error(text)
    rendered = str(err)
    assert fragment in rendered
    assert "Traceback" not in rendered
    if line is not None:
        assert any(p.line == line for p in err.problems), rendered


def test_billion_laughs_is_bounded():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 10)]
    err = _error("\n".join(lines) + "\n")
    assert "锚点和别名" in str(err)


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gbk", b""),
                                           ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_encodings(tmp_path, encoding, bom):
    path = tmp_path / "in.yaml"
    path.write_bytes(bom + "报告:\n  单位: 新沟村\n".encode(encoding))
    data, _ = load_yaml_file(path)
    assert data == {"报告": {"单位": "新沟村"}}


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="找不到文件"):
        load_yaml_file(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="文件夹"):
        load_yaml_file(tmp_path)


def test_python_tags_are_refused():
    err = _error("a: !!python/object/apply:os.system ['echo hi']\n")
    assert "无法读取" in str(err) or "格式有误" in str(err)


def test_data_files_are_read_back_from_the_cache_and_reparsed_when_edited(tmp_path, monkeypatch):
    """Parsed banks are kept as JSON in the user's cache folder (cold start); an edited file is parsed
    again and its old copy removed; a file JSON cannot hold exactly (integer keys) is never kept."""
    import yaml

    from generator import resources

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "templates"
    root.mkdir()
    (root / "bank.yaml").write_text("起句:\n  - 一年来\n", encoding="utf-8")
    (root / "years.yaml").write_text("2025: 二十届四中全会\n", encoding="utf-8")
    monkeypatch.setattr(resources, "templates_dir", lambda: root)  # as if these were the bundled files
    load = resources.load_data.__wrapped__  # past the per-process cache

    assert load("bank.yaml") == {"起句": ["一年来"]}
    assert load("years.yaml") == {2025: "二十届四中全会"}
    copies = sorted((tmp_path / "cache" / "gen-report").glob("data-*.json"))
    assert len(copies) == 1  # the bank; not the file with integer keys

    def refuse(*args, **kwargs):
        raise AssertionError("parsed the YAML again")

    with monkeypatch.context() as m:
        m.setattr(yaml, "load", refuse)
        assert load("bank.yaml") == {"起句": ["一年来"]}  # from the cache

    (root / "bank.yaml").write_text("起句:\n  - 过去一年\n  - 这一年\n", encoding="utf-8")
    assert load("bank.yaml") == {"起句": ["过去一年", "这一年"]}
    assert load("bank.yaml", root) == {"起句": ["过去一年", "这一年"]}  # a folder of one's own: not kept
    after = sorted((tmp_path / "cache" / "gen-report").glob("data-*.json"))
    assert len(after) == 1 and after != copies
