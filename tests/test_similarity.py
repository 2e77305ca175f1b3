"""The cross-report measure (generator.similarity) and `gen-report check --across / --against`."""
from __future__ import annotations

import json
import re

from generator.api import render_text
from generator.cli import run as main
from generator.similarity import band, bigrams, clauses, jaccard, shares


def test_clauses_split_at_chinese_marks_and_drop_short_and_numbered_ones():
    text = "2024年，镇党委坚持以人民为中心的发展思想，发展党员12名；推动理论学习走深走实、常学常新。"
    assert clauses(text) == ["镇党委坚持以人民为中心的发展思想", "推动理论学习走深走实"]


def test_jaccard_of_character_bigrams():
    a, b = bigrams("坚持把政治建设摆在首位"), bigrams("坚持把政治建设放在首位")
    assert round(jaccard(a, b), 2) == 0.67 and jaccard(a, a) == 1.0
    assert jaccard(bigrams("推动理论学习走深走实"), bigrams("集体经济收入稳步增长")) == 0


def test_bands_have_documented_floors():
    assert [band(x) for x in (0.0, 0.149, 0.15, 0.399, 0.40, 0.9)] == \
        ["正常", "正常", "部分雷同", "部分雷同", "明显雷同", "明显雷同"]


def test_real_reports_by_different_authors_share_little(seeds_dir):
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    pairs = shares(texts, every_pair=True)
    assert len(pairs) == 10
    assert max(p.share for p in pairs) < 0.07
    assert all(p.band == "正常" for p in pairs)


def test_genre_clauses_are_discounted():
    a = "坚决做到“两个维护”，牢固树立“四个意识”，带领群众发展高原夏菜产业。"
    b = "坚决做到“两个维护”，牢固树立“四个意识”，组织党员清理河道垃圾堆放点。"
    pairs = shares([("a", a), ("b", b)], every_pair=True)
    assert pairs[0].share == 0


def _planted(seeds_dir):
    """The five seeds, plus a copy of one with every figure changed and two clauses reworded."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    name, text = texts[2]
    copy = re.sub(r"\d+", lambda m: str(int(m.group()) + 3), text).replace("党委", "党总支", 2)
    return texts + [("copy-" + name, copy)], name


def test_a_near_copy_with_other_figures_ranks_first(seeds_dir):
    texts, name = _planted(seeds_dir)
    pairs = shares(texts)
    assert {pairs[0].a, pairs[0].b} == {name, "copy-" + name}
    assert pairs[0].share >= 0.8 and pairs[0].band == "明显雷同"
    assert pairs[1].band == "正常"


def test_check_across_on_a_folder_text_and_json(tmp_path, seeds_dir, capsys):
    texts, name = _planted(seeds_dir)
    for n, t in texts:
        (tmp_path / n).write_text(t, encoding="utf-8")
    assert main(["check", "--across", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[1]
    assert first.startswith("明显雷同") and name in first and "copy-" in first
    assert main(["check", "--across", str(tmp_path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["reports"] == 6 and len(data["pairs"]) == 15
    assert data["pairs"][0]["band"] == "明显雷同" and data["pairs"][0]["shared"]
    assert data["bands"] == {"明显雷同": 0.4, "部分雷同": 0.15, "正常": 0.0}


def test_check_against_last_year(tmp_path, seeds_dir, capsys):
    texts, name = _planted(seeds_dir)
    paths = {}
    for n, t in texts:
        paths[n] = tmp_path / n
        paths[n].write_text(t, encoding="utf-8")
    assert main(["check", str(paths["copy-" + name]), "--against", str(paths[name])]) == 1
    assert "明显雷同" in capsys.readouterr().out
    other = next(n for n, _ in texts if n not in (name, "copy-" + name))
    assert main(["check", str(paths[other]), "--against", str(paths[name])]) == 0
    assert "没有雷同" in capsys.readouterr().out



def test_a_folder_that_keeps_each_report_as_docx_and_txt_compares_reports_not_formats(capsys):
    """examples/ holds every draft as .docx and .txt; the twins are one report, and our own drafts of three
    different units read as different authors."""
    from conftest import ROOT

    assert main(["check", "--across", str(ROOT / "examples"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reports"] == 3 and len(data["pairs"]) == 3
    assert all(p["band"] == "正常" for p in data["pairs"]), data["pairs"]

def test_check_across_needs_two_reports(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("坚持以人民为中心的发展思想不动摇。", encoding="utf-8")
    assert main(["check", "--across", str(tmp_path)]) == 2
    assert "至少要有两份" in capsys.readouterr().err


def test_a_planted_near_copy_in_the_batch_sample_ranks_first():
    """The reviewer's case: 24 village drafts and one of them copied with its figures changed."""
    from variety import sample_inputs

    drafts = [(unit, render_text(data)) for unit, data in sample_inputs()]
    name, text = drafts[5]
    copy = re.sub(r"\d+(?:\.\d+)?", lambda m: str(round(float(m.group()) * 1.3 + 1)), text)
    pairs = shares(drafts + [("改数字的" + name, copy)])
    assert {pairs[0].a, pairs[0].b} == {name, "改数字的" + name}
    assert pairs[0].share >= 0.8 and pairs[0].band == "明显雷同"
    assert pairs[1].share < 0.4
