"""Alternatives inside one bank entry (〔不多|有限〕): each author says one of them, the same one wherever the
same choice comes again in the draft, and no draft ever shows the brackets (bank.ALTERNATIVES)."""
from __future__ import annotations

import copy
import re

from conftest import ROOT

from generator.bank import Picker, expansions, first_alternatives, load_bank, wording_count
from generator.compose.choose import Choose

ENTRY = "花在党建上的时间多是〔零零碎碎的|零敲碎打的〕，整块的时间〔少|不多〕"


def _choose(unit: str, seat: int | None = None) -> Choose:
    return Choose(load_bank(), Picker(unit, 2024, seat=seat), "镇")


def test_an_author_says_one_alternative_and_keeps_to_it():
    said = set()
    for i in range(12):
        pick = _choose(f"第{i}镇")
        first = pick.one([ENTRY], "t", 1)
        again = pick.alternatives("整块的时间〔少|不多〕")
        assert "〔" not in first and "|" not in first
        assert first.endswith(again[len("整块的时间"):])   # the same choice, the same word in one draft
        said.add(first)
    assert len(said) >= 3, said   # twelve authors do not all say it one way


def test_a_batch_spreads_its_seats_over_the_alternatives():
    words = {_choose("某村", seat=s).alternatives("〔甲|乙|丙〕") for s in range(3)}
    assert words == {"甲", "乙", "丙"}


def test_a_wording_not_chosen_by_an_author_says_the_first_and_document_numbers_stay():
    assert load_bank().render("时间〔不多|有限〕", {}) == "时间不多"
    assert first_alternatives("县委发〔2024〕3号") == "县委发〔2024〕3号"
    assert expansions("〔甲|乙〕和〔丙|丁〕") == ["甲和丙", "甲和丁", "乙和丙", "乙和丁"]
    assert wording_count([ENTRY, {"说": "〔甲|乙|丙〕"}, "丁"]) == 4 + 3 + 1


def test_no_draft_shows_alternatives():
    """Over the bundled inputs and the town example under other names: no bracket, no bar."""
    from generator.api import render
    from generator.loader import load_yaml_file

    texts = []
    for path in sorted((ROOT / "inputs").glob("*.yaml")):
        data = load_yaml_file(path)[0]
        if "报告" not in data:
            continue
        for name in ("", "甲镇", "乙乡"):
            d = copy.deepcopy(data)
            if name:
                d["报告"]["单位"] = name
            texts.append("\n".join(b.text for b in render(d).blocks()))
    assert len(texts) >= 6
    leaks = [m for t in texts for m in re.findall(r".{0,8}[〔〕|].{0,8}", t) if "〔20" not in m]
    assert not leaks, leaks[:5]


def test_the_bundled_banks_use_alternatives_where_thirty_drafts_met():
    """The lists where thirty drafts of one township's facts said one clause three times and more hold
    alternatives (the problem of 精力投入不足, the practice of 矛盾纠纷排查调处)."""
    bank = load_bank()
    shown = bank.get("问题", "问题", "精力投入不足", "表现")
    assert sum("〔" in (o if isinstance(o, str) else o["说"]) for o in shown) >= 5
