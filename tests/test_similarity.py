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
    from conftest import EXAMPLE_INPUTS

    n = len(EXAMPLE_INPUTS)
    assert data["reports"] == n and len(data["pairs"]) == n * (n - 1) // 2
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


def test_copy_ratio_counts_runs_of_thirteen_characters():
    """复制比: characters in runs of 13+ identical characters, of the shorter report; a run of 12 is none."""
    from generator import copying

    base = "全村党员冬训时把政策讲到田间地头，群众听得明白。"          # 24 characters
    other = "本人每月到联系村走访两次，坐在炕头上听群众说事。"
    twelve = base[:12] + "甲乙丙" + other                               # only 12 in a row from base
    pairs, _ = copying.compare([base + other, base, twelve])
    assert round(pairs[(0, 1)].ratio, 2) == 1.0                       # all of the shorter is in the longer
    assert (1, 2) not in pairs or pairs[(1, 2)].b_in_a == 0            # 12 identical characters are no run
    kept, reused, passages = copying.contained(base + other, base + "另起炉灶写的新内容，一字不同。")
    assert round(kept, 2) == 0.5 and passages == [base]


def test_boilerplate_of_the_set_is_listed_once_and_left_out(tmp_path, capsys):
    """A passage most reports of a set share (a county document they all quote) is 通用, not copying."""
    import random

    county = "按照县委关于进一步加强村党组织书记队伍建设的十条措施要求，"
    rng = random.Random(5)
    chars = "党员群众村组产业服务学习组织阵地治理发展集体经济合作社志愿宣讲调解网格慰问项目修路引水"
    for i in range(6):
        own = "".join(rng.choice(chars) for _ in range(300))
        (tmp_path / f"{i}.txt").write_text(county + "，".join(own[k:k + 15] for k in range(0, 300, 15)) + "。",
                                           encoding="utf-8")
    assert main(["check", "--across", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any("十条措施" in run for run in data["common"]["runs"])
    assert all(p["copy_ratio"] < 0.05 and p["share"] < 0.05 for p in data["pairs"])
    assert set(data["largest_source"]) <= {f"{i}.txt" for i in range(6)}


def test_against_says_how_much_of_last_year_is_contained(tmp_path, seeds_dir, capsys):
    texts, name = _planted(seeds_dir)
    for n, t in texts:
        (tmp_path / n).write_text(t, encoding="utf-8")
    other = next(n for n, _ in texts if n not in (name, "copy-" + name))
    assert main(["check", str(tmp_path / ("copy-" + name)), "--against", str(tmp_path / name), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["contained"] > 0.5 and data["passages"] and data["pairs"][0]["copy_ratio"] > 0.5
    assert main(["check", str(tmp_path / other), "--against", str(tmp_path / name), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["contained"] < 0.05


def test_the_years_central_line_is_genre_in_every_wording():
    """2026: 基层说法 and each equivalent wording of the year's line are discounted for reviewers."""
    from generator.similarity import prepare

    text = ("深入学习贯彻党的二十大和二十届四中全会精神，自觉对照树立和践行正确政绩观的要求，坚持为民出政绩、"
            "以实干出政绩，今年是“十五五”开局之年")
    assert prepare("a", text).clauses == ()


def test_a_file_far_beyond_a_report_is_refused_unread_and_the_rest_compared(tmp_path, capsys):
    """A .docx whose text unpacks to far more than a report is refused before it is read whole."""
    import zipfile

    from conftest import EXAMPLES
    from generator.check.document import MAX_CHARS

    big = tmp_path / "big.docx"
    with zipfile.ZipFile(EXAMPLES / "2024.docx") as src, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                run = b"<w:p><w:r><w:t>" + "党建".encode() * 5000 + b"</w:t></w:r></w:p>"
                data = data.replace(b"<w:body>", b"<w:body>" + run * (MAX_CHARS // 10000 + 2))
            out.writestr(item, data)
    for name in ("2024.docx", "杏花村-2025.docx"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    assert main(["check", "--across", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "big.docx" in err and "超过" in err
    assert main(["check", str(big)]) == 2
    assert "超过" in capsys.readouterr().err
    huge = tmp_path / "huge.txt"
    huge.write_bytes("党".encode() * (MAX_CHARS + 10))
    assert main(["check", str(huge)]) == 2
