"""Many authors (issue 21): each draft in one person's voice, a township's drafts in many.

An author (templates/作者.yaml, generator/compose/author.py) fixes a draft's layout and habits; these tests
parse the drafts for what a reader would see of it."""
from __future__ import annotations

import copy
from itertools import combinations
import csv
import re
import sys
from collections import Counter

import pytest

from conftest import EXAMPLE_INPUTS, INPUTS, ROOT, load_example, minimal, style_where
from generator.validate import validate
from generator.api import render, render_text
from generator.compose import author_spec
from generator.compose.author import make_author, unit_style
from generator.compose.headings import pattern_of
from generator.model import Role

sys.path.insert(0, str(ROOT / "bench"))
from skeleton import measure, town_variant_drafts  # noqa: E402
from variety import sample_renders  # noqa: E402

SPEC = author_spec(None)
COUNT = int(SPEC["风格数"])
RICH = dict(亮点={"组织建设": {"发展党员": 12, "入党积极分子": 14, "做法": ["三会一课"]},
                  "党员队伍": {"党员培训": 40, "做法": ["党员积分制管理"]},
                  "政治建设": {"集中学习": 12, "讲党课": 4}, "产业发展": {"村集体经济收入": 25},
                  "基层治理": {"化解矛盾纠纷": 30, "做法": ["网格化管理"]}},
            问题=["党员作用发挥不够", "集体经济薄弱", "组织生活质量不高"], 原因=["工作方法欠缺", "人才支撑不足"])


@pytest.fixture(scope="module")
def sample():
    return [d for _, d in sample_renders()]


@pytest.fixture(scope="module")
def towns():
    return town_variant_drafts(30)


# --- who writes a draft --------------------------------------------------------------------------------

def test_a_unit_keeps_its_author_from_year_to_year_and_units_differ():
    data = minimal(**RICH)
    next_year = copy.deepcopy(data)
    next_year["报告"].update(年度=2025, 日期=data["报告"]["日期"].replace(year=2025))
    assert render(data).style == render(next_year).style == unit_style("红柳镇", COUNT)
    styles = {unit_style(f"{name}村", COUNT) for name in "东西南北上下前后左右"}
    assert len(styles) >= 8


def test_the_clerk_names_an_author_in_the_input_or_on_the_command_line(tmp_path):
    data = minimal(**RICH)
    data["报告"]["风格"] = 7
    # (part two as the author lays it out where the input fits it: RICH has three problems and two causes, which
    # the 对应 layout does not pair: pairing.pairs_up)
    drawn, made = make_author(SPEC, 7).skeleton, render(data).skeleton
    assert render(data).style == 7 and made[:3] == drawn[:3] and made[4:] == drawn[4:]
    assert render(data, style=9).style == 9          # --style wins over the input
    data["报告"]["风格"] = COUNT + 5                   # out of range: the nearest sense, and a warning
    draft = render(data)
    assert draft.style == 5 and any("风格" in str(w) for w in draft.warnings)


def test_preview_and_draft_take_style(tmp_path):
    import subprocess

    runs = [subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT)
            for args in (["preview", str(INPUTS / "2024.yaml"), "--style", "3"],
                         ["preview", str(INPUTS / "2024.yaml"), "--style", "4"])]
    assert all(r.returncode == 0 for r in runs), [r.stderr for r in runs]
    assert runs[0].stdout != runs[1].stdout
    data, _ = load_example(INPUTS / "2024.yaml")
    assert render_text(data, style=3) == runs[0].stdout.replace("\r\n", "\n") or "一、" in runs[0].stdout


def test_neighbouring_numbers_share_no_layout():
    """Consecutive authors (neighbouring rows of a batch) never share a part-one shape, theme order or
    heading family."""
    for n in range(1, COUNT):
        a, b = make_author(SPEC, n), make_author(SPEC, n + 1)
        assert a.part_one != b.part_one and a.order_name != b.order_name and a.heading_one != b.heading_one, n


def test_a_templates_folder_without_authors_keeps_one_layout(tmp_path):
    import shutil

    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    (root / "作者.yaml").unlink()
    drafts = [render(minimal(**RICH), templates=root, style=s) for s in (None, 1, 2)]
    assert {d.style for d in drafts} == {0}
    assert len({render_text(minimal(**RICH), templates=root, style=s) for s in (None, 1, 2)}) == 1
    assert [b.text for b in drafts[0].parts[1].blocks if b.role == Role.HEADING2] == ["（一）存在的问题",
                                                                                   "（二）产生问题的主要原因"]


# --- one author's hand --------------------------------------------------------------------------------

def _heads(draft, part: int) -> list[str]:
    """The item headings of a part: HEADING2 lines, or the run-in leads of its numbered items."""
    out = []
    for b in draft.parts[part].blocks:
        if b.role == Role.HEADING2:
            out.append(re.sub(r"^（[一二三四五六七八九十]+）", "", b.text))
        elif b.spans and b.spans[0].source == "序号" and len(b.spans) > 1 and b.spans[0].text[:1] in "（一二三四五六七八九十":
            if b.spans[1].source.startswith("词库:作者/"):
                out.append(b.spans[1].text.rstrip("。"))
    return out


def _patterns(entry, part: str) -> list[str]:
    """A family's pattern for a part, one per word of its own opening (标题家族 → 领, drawn once a draft)."""
    pattern = entry.get(part, "")
    return [pattern.replace("{领}", lead) for lead in entry.get("领") or ()] if "{领}" in pattern else [pattern]


def test_headings_of_a_part_are_one_family_in_parallel():
    """Every heading the author's family gives is an instance of its pattern (each {槽} one of its words,
    each {序:…} one member of its series), all different, and of one length when the family has no
    words of its own of different lengths."""
    words, series = SPEC["词汇"], SPEC["序列"]
    checked = 0
    for style in range(1, 49):
        draft = render(minimal(**RICH), style=style)
        author = make_author(SPEC, style)
        for part, family in ((0, author.heading_one), (2, author.heading_three)):
            pattern = SPEC["标题家族"][family]["一" if part == 0 else "三"]
            heads = [h for h in _heads(draft, part)]
            family_heads = max(([h for h in heads if pattern_of(h, p, words, series)]
                                for p in _patterns(SPEC["标题家族"][family], "一" if part == 0 else "三")), key=len)
            assert len(family_heads) >= max(len(heads) - 1, 1) or not heads, (style, part, pattern, heads)
            assert len(set(heads)) == len(heads), (style, heads)
            if len(family_heads) >= 2:
                assert max(map(len, family_heads)) - min(map(len, family_heads)) <= 2, (style, family_heads)
                checked += 1
    assert checked >= 40


def test_slot_words_of_a_family_are_of_one_length():
    """Parallel by construction: the words that fill one slot, across all themes, are as long as each other
    (作者.yaml says the lengths), and so are the members of a series."""
    lengths: dict[str, set] = {}
    for theme, slots in SPEC["词汇"].items():
        for slot, options in slots.items():
            lengths.setdefault(slot, set()).update(len(o) for o in options)
    assert all(len(v) == 1 for v in lengths.values()), lengths
    assert all(len({len(m) for m in members}) == 1 for members in SPEC["序列"].values())
    # and no pattern holds four fixed characters in a row, which would repeat in every heading of a part
    for family in SPEC["标题家族"].values():
        for pattern in (p for part in ("一", "三") for p in _patterns(family, part)):   # (层级, 领: no pattern)
            fixed = re.sub(r"\{[^}]*\}", "|", pattern)
            assert not re.search(r"[\u4e00-\u9fff]{4}", fixed), pattern


def test_one_connector_word_used_rarely_and_no_case_after_biru(sample):
    for draft in sample:
        text = "\n".join(b.text for b in draft.blocks())
        used = Counter(m for m in re.findall(r"(?:^|[。；\n])(另外|此外|与此同时|同时)，", text))
        assert len(used) <= 1 and sum(used.values()) <= 2, (draft.title, used)
        assert not re.search(r"比如|例如|举个例子", text), draft.title


def test_a_formal_author_leaves_plain_speech_to_the_plain_ones():
    """Register: bank wordings with the spoken markers (作者.yaml → 语体标记) come far more often from the
    authors who write plainly."""
    markers = SPEC["语体标记"]["平实"]

    def plain_share(register: str) -> float:
        hits = total = 0
        for n in range(1, COUNT + 1):
            if make_author(SPEC, n).register != register:
                continue
            draft = render(minimal(**RICH), style=n)
            spans = [s.text for b in draft.blocks() for s in b.spans if s.source.startswith("词库")]
            hits += sum(any(w in t for w in markers) for t in spans)
            total += len(spans)
            if total > 600:
                break
        return hits / total

    assert plain_share("公文") < 0.5 * plain_share("平实")


def test_an_author_who_opens_straight_names_no_guiding_thought_but_a_theme_brings_it_back():
    straight = style_where(opening="开门见山")
    plain = render(minimal(**RICH), style=straight).opening[0].text
    assert "习近平" not in plain and "党的创新理论" not in plain and plain.endswith("如下：")
    themed = minimal(**RICH)
    themed["报告"]["主题"] = "党建引领强村富民"
    assert "党建引领强村富民" in render(themed, style=straight).opening[0].text


PAIRING = {"问题": ["党员作用发挥不够", "集体经济薄弱", "组织生活质量不高"],
           "原因": ["压力传导不到位", "工作方法欠缺", "统筹谋划不够"]}   # each problem its own cause (pairs_up)


def test_paired_part_two_says_each_problem_and_cause_once():
    data = minimal(**{**RICH, **PAIRING})
    # an author who pairs, where every cause can be said with its problem (pairing.paired: else a set)
    paired = next(n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_two == "对应"
                  and render(data, style=n).skeleton[3] == "对应")
    draft = render(data, style=paired)
    blocks = draft.parts[1].blocks
    assert not [b for b in blocks if b.role == Role.HEADING2]
    sources = [s.source for b in blocks for s in b.spans if s.source.startswith("词库:问题/")]
    for kind in (*PAIRING["问题"], *PAIRING["原因"]):
        assert sum(1 for s in sources if s == f"词库:问题/{kind}") >= 1, kind
    leads = [s for b in blocks for s in b.spans if s.lead]
    assert [s.source for s in leads] == [f"词库:问题/{k}" for k in PAIRING["问题"]]


def test_a_part_two_pairs_problems_and_causes_only_where_each_problem_has_its_own():
    """Three problems and two causes, paired: a problem stood bare and a cause came after 还有以下原因 explaining
    nothing (42nd–44th blind readings: 问题和原因对不上、原因游离). The 对应 authors list the causes as a set there,
    as real reports with fewer causes than problems do; where each problem has its own cause, they pair."""
    from generator.compose.pairing import pairs_up

    paired = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_two == "对应"][:40]
    laid = set()
    for n in paired:
        assert render(minimal(**RICH), style=n).skeleton[3].startswith("分列"), n
        laid.add(render(minimal(**{**RICH, **PAIRING}), style=n).skeleton[3])
        for data in (minimal(**RICH), minimal(**{**RICH, **PAIRING})):
            text = "".join(b.text for b in render(data, style=n).parts[1].blocks)
            assert not re.search("还有以下原因|另有|其余的原因|还有几条原因", text), (n, text)
    assert "对应" in laid, laid
    from generator.bundle import load_templates

    t = load_templates()
    assert not pairs_up(validate(minimal(**RICH), catalogue=t.catalogue), t.bank.get("问题", "原因"))



def test_paired_causes_that_explain_no_problem_are_not_introduced_as_further_causes():
    """还有以下原因 / 另有几条原因 turn from causes said at their problems; when no cause explains one of the
    problems (the clerk's own causes, of no theme), the causes open with a plain lead-in, and one cause is not
    introduced as several (主要有以下几个方面)."""
    spec = author_spec(None)
    authors = [n for n in range(1, int(spec["风格数"]) + 1) if make_author(spec, n).part_two == "对应"][:24]
    assert len(authors) == 24
    own = [{"自述": "年轻人大多外出务工，留在本地的多是老人"}, {"自述": "本人抓党建的办法不多，习惯于开会布置"}]
    for causes in (own, own[:1]):
        for n, place in zip(authors, re.findall("..", "青杨红柳沙河光明胜利东湾西湾新华团结和平永安长青白杨石桥柳林枫林金沙银河玉泉清水双河三岔")):
            data = minimal(原因=causes)
            data["报告"]["单位"] = f"{place}镇"
            blocks = render(data, style=n).parts[1].blocks
            # (causes that explain none of the problems do not pair: listed as a set, under a sub-heading or
            # a plain lead-in — pairing.pairs_up)
            leads = [s for b in blocks for s in b.spans if s.source.startswith("词库:问题/原因引语")]
            for lead in leads:
                assert not lead.text.startswith(("还", "另", "其他", "除此", "再")), (n, lead.text)
                if len(causes) == 1:
                    assert not re.search("几|这些", lead.text), (n, lead.text)

# --- a township's drafts -------------------------------------------------------------------------------

def test_batch_deals_consecutive_authors_and_keeps_a_named_one(tmp_path):
    import subprocess

    rows = list(csv.reader(open(ROOT / "inputs/batch/villages.csv", encoding="utf-8-sig")))
    header, body = rows[0], rows[1:7]
    body[3] = list(body[3])
    header = header + ["风格"]
    body = [r + [""] for r in body]
    body[3][-1] = "5"
    table = tmp_path / "v.csv"
    with open(table, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([header, *body])
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "generator", "batch", str(table), "--defaults",
                        str(ROOT / "inputs/batch/town.yaml"), "-o", str(out), "-j", "1"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    summary = list(csv.DictReader(open(out / "summary.csv", encoding="utf-8-sig")))
    styles = [int(row["风格"]) for row in summary]
    assert styles[3] == 5
    others = [s for i, s in enumerate(styles) if i != 3]
    assert all((b - a) % COUNT == 1 for a, b in zip(others[:3], others[1:3]))
    assert all(a != b for a, b in zip(styles, styles[1:]))


def test_a_township_batch_reads_as_many_authors(sample):
    """Issue 21's skeleton goals on the 24-village sample: at least six skeletons among any ten drafts,
    none used by more than a quarter of them; closing judgements on at most a tenth of the items; connectors
    at most 0.6 and case introducers at most 0.2 per 1,000 characters."""
    m = measure(sample)
    assert m["fewest skeletons in ten"] >= 6 and m["most of ten sharing one"] <= 2, m
    assert m["closings per item"] <= 0.10 and m["connectors per 1000"] <= 0.6 and m["introducers per 1000"] <= 0.2, m
    assert m["same"]["heading family"] <= 0.1 and m["same"]["whole skeleton"] <= 0.02, m["same"]
    # clauses of 12+ characters in three or more drafts: none (issue 21's goal, reached in stop 33 once no list
    # the sample draws from is shorter than the batch wheel needs)
    assert not m["long clauses in three or more"], m["long clauses in three or more"]


def test_thirty_towns_of_one_input_read_as_many_authors(towns):
    m = measure(towns, clerk=False)
    assert m["fewest skeletons in ten"] >= 6 and m["most of ten sharing one"] <= 2, m
    assert m["closings per item"] <= 0.10 and m["connectors per 1000"] <= 0.6, m


# --- the unit's own formulations -----------------------------------------------------------------------

def test_a_local_formulation_runs_from_the_opening_through_its_item_to_the_plans():
    """本地提法: named (with its meaning) in the opening, carried by the item of part one it speaks of, taken
    up again in part three (首尾呼应) — for every author."""
    data = minimal(**RICH)
    data["报告"]["本地提法"] = [{"名称": "三联三帮", "含义": "党员联户、干部联村，帮产业、帮治理"}]
    for style in range(1, 13):
        draft = render(data, style=style)
        opening = draft.opening[0].text
        if make_author(SPEC, style).opening != "开门见山":
            assert "“三联三帮”" in opening and "帮产业、帮治理" in opening, (style, opening)
        carriers = [b.text for b in draft.parts[0].blocks if "“三联三帮”" in b.text]
        assert len(carriers) == 1, (style, carriers)
        assert "“三联三帮”" in "".join(b.text for b in draft.parts[2].blocks), style


def test_a_local_formulation_belongs_to_the_item_whose_case_names_it():
    """一线三赛 (干部在一线，村与村赛产业、赛治理、赛班子) was named by the 责任落实 case (the 观摩 where the
    village secretaries spoke in turn), yet its meaning's 干部 took it to the cadres' item and part three said
    在“一线三赛”上不换频道 over a plan for reserve cadres (龙潭镇, a fresh input, 42nd blind reading). An item whose
    case names the formulation carries it, whatever its meaning's words."""
    from generator.compose.local import home_themes
    from generator.bundle import load_templates

    data = minimal(亮点={"干部队伍": {"储备后备干部": 20, "做法": ["村级后备干部双培养"]},
                        "责任落实": {"党建观摩": 2, "事例": ["上下半年各搞一次“一线三赛”观摩，各村书记挨个上台讲"]},
                        "组织建设": {"发展党员": 3}},
                   问题=["后备干部不足", "责任传导不够"], 原因=["人才支撑不足"])
    data["报告"]["本地提法"] = [{"名称": "一线三赛", "含义": "干部在一线，村与村赛产业、赛治理、赛班子"}]
    t = load_templates()
    report = validate(data, catalogue=t.catalogue)
    order = ("干部队伍", "责任落实", "组织建设")
    assert list(home_themes(report, order, t.matcher.stop, t.matcher.theme_words)) == ["责任落实"]
    for style in range(1, 40, 3):
        for b in render(data, style=style).parts[2].blocks:
            if "“一线三赛”" in b.text:
                assert not any(s.source.startswith("词库:问题/对策/后备干部不足") or "后备" in s.text for s in b.spans), \
                    (style, b.text)


def test_a_brand_with_nothing_about_it_is_not_printed_bare():
    data = minimal(**RICH)
    data["报告"]["品牌"] = "红柳先锋"
    draft = render(data, style=style_where(opening="站位在前"))
    assert "红柳先锋" not in render_text(data) and any("品牌含义" in str(w) for w in draft.warnings)
    data["报告"]["品牌含义"] = "党员在产业和治理一线当先锋"
    text = render_text(data, style=style_where(opening="站位在前"))
    assert "“红柳先锋”" in text and "党员在产业和治理一线当先锋" in text
    told = minimal(亮点={"品牌创建": {"做法": ["品牌创建"]}, "组织建设": {"发展党员": 2}})
    told["报告"]["品牌"] = "红柳先锋"
    assert not [w for w in render(told).warnings if "品牌含义" in str(w)]


def test_the_starter_and_the_schema_know_the_new_keys():
    from generator.catalogue import load_catalogue
    from generator.jsonschema import input_schema
    from generator.starter import starter_yaml

    cat = load_catalogue()
    text = starter_yaml(cat, year=2025, level="村", file_name="2025.yaml")
    assert "# 本地提法:" in text and "# 风格:" in text and "# 品牌含义:" in text
    schema = input_schema(cat)
    report = schema["properties"]["报告"]
    props = (report.get("properties") or schema["$defs"][report["$ref"].split("/")[-1]]["properties"])
    assert {"风格", "本地提法", "品牌含义"} <= set(props)


def test_a_side_of_one_cause_is_not_introduced_as_several():
    """主客: one objective cause under 客观上的原因，主要是： or 从客观上找，也有一些因素： reads as a list of one
    (29th blind reading); a side of one cause has a lead-in that introduces one."""
    authors = [n for n in range(1, int(SPEC["风格数"]) + 1) if make_author(SPEC, n).part_two == "主客"][:24]
    assert len(authors) == 24
    places = re.findall("..", "青杨红柳沙河光明胜利东湾西湾新华团结和平永安长青白杨石桥柳林枫林金沙银河玉泉清水双河三岔五星前进高崖")
    for n, place in zip(authors, places[:24], strict=True):
        data = minimal(**RICH)
        data["报告"]["单位"] = f"{place}镇"
        data["原因"] = ["工作方法欠缺", "思想认识不到位", {"自述": "年轻人大多外出务工，能到村里任职的人选不多"}]
        blocks = render(data, style=n).parts[1].blocks
        lead = next(b.text for b in blocks if b.spans[0].source == "词库:问题/客观引语")
        assert not re.search("主要|一些|几|这些", lead), (n, lead)

def test_causes_in_two_paragraphs_subjective_then_objective():
    """主客: the causes split by their nature — bank kinds by 性质, the clerk's own by what they speak of —
    each side under its lead-in and numbered on its own; without both sides the author lists them plainly."""
    data = minimal(**RICH)
    data["原因"] = ["工作方法欠缺", "思想认识不到位", "人才支撑不足", {"自述": "村里年轻人少，能到村里任职的人选不多"}]
    draft = render(data, style=style_where(part_two="主客"))
    blocks = draft.parts[1].blocks
    leads = [i for i, b in enumerate(blocks) if b.spans[0].source in ("词库:问题/主观引语", "词库:问题/客观引语")]
    assert [blocks[i].spans[0].source.split("/")[1] for i in leads] == ["主观引语", "客观引语"]
    subjective = "".join(b.text for b in blocks[leads[0] + 1:leads[1]])
    objective = "".join(b.text for b in blocks[leads[1] + 1:])
    assert "年轻人少" in objective and "年轻人少" not in subjective
    assert any(s.source == "词库:问题/人才支撑不足" for b in blocks[leads[1] + 1:] for s in b.spans)
    data["原因"] = ["工作方法欠缺", "思想认识不到位"]
    plain = render(data, style=style_where(part_two="主客")).parts[1].blocks
    assert not [b for b in plain if b.spans[0].source.endswith(("主观引语", "客观引语"))]
    # one subjective cause under two objective ones reads as excuses (blind reading): listed plainly too
    data["原因"] = ["工作方法欠缺", "人才支撑不足", {"自述": "村里年轻人少，能到村里任职的人选不多"}]
    plain = render(data, style=style_where(part_two="主客")).parts[1].blocks
    assert not [b for b in plain if b.spans[0].source.endswith(("主观引语", "客观引语"))]
    # the unit speaking of itself is subjective: 乡里对牧区党员的学习方式想得少 stood under 从外部条件看 (33rd)
    own = "村里对年轻党员的培养想得少，还是老办法"
    data["原因"] = ["思想认识不到位", "人才支撑不足", {"自述": own}, {"自述": "村里年轻人少，能到村里任职的人选不多"}]
    blocks = render(data, style=style_where(part_two="主客")).parts[1].blocks
    leads = [i for i, b in enumerate(blocks) if b.spans[0].source in ("词库:问题/主观引语", "词库:问题/客观引语")]
    assert own in "".join(b.text for b in blocks[leads[0] + 1:leads[1]]), [b.text for b in blocks]
    # … and so is what the unit does or leaves undone: 从条件和环境上找原因：对报到党员只登记、不派活 (54th)
    own = "对报到党员只登记、不派活，报到以后就没了下文"
    data["原因"] = ["思想认识不到位", "人才支撑不足", {"自述": own}, {"自述": "村里年轻人少，能到村里任职的人选不多"}]
    blocks = render(data, style=style_where(part_two="主客")).parts[1].blocks
    leads = [i for i, b in enumerate(blocks) if b.spans[0].source in ("词库:问题/主观引语", "词库:问题/客观引语")]
    assert own in "".join(b.text for b in blocks[leads[0] + 1:leads[1]]), [b.text for b in blocks]


def test_a_family_kept_to_some_levels_gives_way_elsewhere():
    """高质量强思想 over a village of seventy members read as grand (blind reading): a family with 层级 heads
    only those levels' drafts; elsewhere the author takes the next family that fits, still one for the part."""
    families = SPEC["标题家族"]
    kept = {name for name, entry in families.items() if entry.get("层级")}
    assert kept   # the data has such a family, so this can fail
    for n in range(1, COUNT + 1):
        author = make_author(SPEC, n)
        if author.heading_one not in kept:
            continue
        assert render(minimal(**RICH), style=n).skeleton[2] == author.heading_one, n      # a 镇: its own
        data = minimal(**RICH)
        data["报告"] = {**data["报告"], "单位": "河湾村", "层级": "村", "职务": "党支部书记", "上级": "镇党委"}
        assert render(data, style=n).skeleton[2] not in kept, n                          # a 村: the next
        break


def test_no_heading_says_one_word_twice(sample, towns):
    """Blind readers quoted 压责任，以党建责任为重点 / 抓服务，强化治理服务 / 着眼转变工作作风，抓好作风转变 as
    同义反复: a heading's two halves never share a word (a field word matched to the content gives way)."""
    from generator.compose.headings import _pairs

    from generator.loader import load_yaml_file

    fresh = [load_yaml_file(p)[0] for p in sorted([*(ROOT / "tests/fresh_inputs").glob("*.yaml"),
                                                    *(ROOT / "inputs").glob("*街道*.yaml")])]
    # 抓实中心工作，服务中心大局 (鼓楼街道 under another name: 21st blind reading)
    others = [render(data, style=n, variant=v) for data in fresh for n in range(1, 13) for v in range(3)]
    said_twice = []
    for draft in [*sample, *towns, *others]:
        for b in draft.blocks():
            leads = [s.text for s in b.spans if s.lead and s.source.startswith("词库:作者")]
            # (a family's headings: a theme's own lead may turn on one word on purpose, 围绕增收抓党建，抓好党建促增收)
            family = b.role is Role.HEADING2 and b.spans[0].source.startswith("词库:作者")
            text = leads[0] if leads else b.text if family else ""
            halves = [h for h in re.split("[，、]", re.sub(r"^（.）|^\d+\.", "", text).rstrip("。")) if h]
            if len(halves) == 2 and _pairs(halves[0]) & _pairs(halves[1]) - {"工作", "建设"}:
                said_twice.append(text)
    assert not said_twice, said_twice[:6]


def test_a_heading_promises_only_what_its_item_says(sample, towns):
    """呼应.yaml → 凭据词: a heading word that promises a field (党员服务, 清风, 宣传阵地 …) stands over an item
    that speaks of it (blind readers quoted 党员服务再上台阶 over 发展党员, 清风正气持续涵养 over 责任 and
    帮扶). Where no word of the family fits at all the heading keeps one (a few in a hundred)."""
    import yaml

    evidence = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["凭据词"]
    headings, unsupported = 0, []
    for draft in [*sample, *towns]:
        blocks = draft.blocks()
        for i, b in enumerate(blocks):
            leads = [s.text for s in b.spans if s.lead and s.source.startswith("词库:作者")]
            if leads:
                head, said = leads[0], b.text.replace(leads[0], "")
            elif b.role is Role.HEADING2 and b.spans[0].source.startswith("词库:作者"):
                head, said = b.text, ""
                for c in blocks[i + 1:]:
                    if c.role is not Role.BODY:
                        break
                    said += c.text
            else:
                continue
            headings += 1
            unsupported += [(head, k) for k, words in evidence.items()
                            if k in head and not any(w in said for w in words)]
    assert headings > 400 and len(unsupported) <= 0.02 * headings, unsupported


def test_a_figure_of_speech_in_a_heading_names_only_what_its_item_holds(sample, towns):
    """夯实组织基础，建好后备“蓄水池” over an item with not a word of reserve cadres; 检验党员在关键时 over a count
    of members who reported (21st blind reading): a metaphor or a pair of a heading that names a narrow field
    is held to the item's content as the plain words are (呼应.yaml → 凭据词)."""
    narrow = {"后备": ("后备", "年轻", "储备", "青年", "人才库"), "关键时": ("急难险重", "防汛", "抗旱", "疫情", "应急",
              "救灾", "关键时刻", "突击", "抢险"), "传家宝": ("红色", "传统", "革命", "老党员", "家风", "烈士"),
              "红色": ("红色", "革命", "纪念馆", "旧址", "教育基地", "烈士")}
    unsupported = []
    for draft in [*sample, *towns]:
        blocks = draft.blocks()
        for i, b in enumerate(blocks):
            leads = [s.text for s in b.spans if s.lead and s.source.startswith(("词库:作者", "词库:亮点"))]
            if leads and b.role is Role.BODY:
                head, said = leads[0], b.text.replace(leads[0], "")
            elif b.role is Role.HEADING2 and b.spans[0].source.startswith("词库:作者"):
                head, said = b.text, "".join(c.text for c in blocks[i + 1:i + 4] if c.role is Role.BODY)
            else:
                continue
            unsupported += [(head, k) for k, words in narrow.items()
                            if k in head and not any(w in said for w in words)]
    assert not unsupported, unsupported[:6]


def test_no_heading_word_opens_with_the_character_just_before_it(sample, towns):
    """（三）抓发展，强化强村富民 (a fresh draft read whole): the family's 强化{强} and a 强 word that opens with 强.
    A slot word never opens with one of the two characters the pattern says just before it, where another
    word of the slot would do."""
    from generator.compose.headings import SLOT
    from generator.loader import load_yaml_file

    seams = set()
    for entry in SPEC["标题家族"].values():
        for pattern in (p for part in ("一", "三") for p in _patterns(entry, part)):
            for m in SLOT.finditer(pattern):
                before = SLOT.sub("", pattern[:m.start()])[-2:]
                if not m.group(1):   # (a series word is never chosen by the word before it)
                    seams |= {before + c for c in before if len(before) == 2}
    words = [w for slots in SPEC["词汇"].values() for ws in slots.values() for w in ([ws] if isinstance(ws, str) else ws)]
    words += [w for series in SPEC["序列"].values() for w in series]
    seams = {x for x in seams if not any(x in w for w in words)}   # 工作作 inside 转变工作作风 is no seam
    assert "强化强" in seams
    fresh = [load_yaml_file(p)[0] for p in sorted((ROOT / "tests/fresh_inputs").glob("*.yaml"))]
    drafts = [*sample, *towns, *[render(d, style=n) for d in fresh for n in range(1, 25)]]
    found = [b.text[:30] for d in drafts for b in d.blocks()
             if any(s.source.startswith("词库:作者") for s in b.spans) and any(x in b.text[:30] for x in seams)]
    assert not found, found[:6]
    # … nor a series word after the comma with one (注重{强}，{序:求实效}: 注重政治学习，重日常)
    openers = {p[:2] for e in SPEC["标题家族"].values() for part in ("一", "三") for p in _patterns(e, part)
               if p[:1] != "{" and len(SLOT.sub("", p)) >= 2}
    echoed = []
    for d in drafts:
        for b in d.blocks():
            leads = [s.text for s in b.spans if s.lead and s.source.startswith("词库:作者")]
            head = re.sub(r"^（.）|^\d+\.", "", leads[0] if leads else b.text if b.role is Role.HEADING2 else "")
            if head[:2] in openers and "，" in head and head.split("，")[1][:1] in head[:2]:
                echoed.append(head)
    assert not echoed, echoed[:6]


def test_no_series_member_comes_round_again_in_a_part(sample, towns):
    """一是…抓早抓小 … 八是…抓早抓小 (23rd blind reading): a series of seven over ten items came round again.
    Within a part no two headings say the same member of a series; past the last member the family gives way."""
    fixed = {w for e in SPEC["标题家族"].values() for w in e.get("领") or ()}   # a family's own word, said by design
    members = {m for series in SPEC["序列"].values() for m in series if m not in fixed}
    again = []
    for draft in [*sample, *towns, *[render(minimal(**RICH), style=n) for n in range(1, 169, 5)]]:
        for part in (draft.parts[0], draft.parts[2]):
            heads = [s.text for b in part.blocks for s in b.spans[:3]
                     if s.source.startswith("词库:作者") and (s.lead or b.role is Role.HEADING2)]
            said = Counter(m for h in heads for m in members if m in h)
            again += [(m, heads) for m, n in said.items() if n > 1]
    assert not again, again[:3]


def test_some_authors_string_their_figures_into_long_sentences():
    """一句做法、一个数字 (the 21st to 23rd blind readings' steadiest sign of a generated draft): real authors string
    an item's deeds and figures on, 召开…9场次，带头上党课4次，… . An author of long sentences (作者.yaml →
    句子长短) does, up to 连句字数 characters; the others keep one deed to a sentence."""
    data = load_example(INPUTS / "2024.yaml")[0]
    lengths: dict[bool, list[int]] = {True: [], False: []}
    longest = 0
    for n in range(1, 41):
        author = make_author(SPEC, n)
        text = "".join(b.text for b in render(data, style=n).parts[0].blocks if b.role is Role.BODY)
        said = [x for x in re.split("[。；]", text) if x]
        lengths[author.runs_on] += [len(x) for x in said]
        if author.runs_on:
            longest = max(longest, max(len(x) for x in said if x.count("，") >= 4) if any(
                x.count("，") >= 4 for x in said) else 0)
    mean = {k: sum(v) / len(v) for k, v in lengths.items()}
    # (a tenth longer: counts are strung onto counts only, never onto a bare deed or after a slogan, since the
    # 26th and 27th blind readings)
    assert lengths[True] and lengths[False] and mean[True] > 1.05 * mean[False], mean
    assert longest >= 60, longest


def test_a_family_whose_series_is_too_short_for_the_part_gives_way():
    """把政治引领抓稳抓牢 … six items, then 将党的声音传到千家万户 in another form (24th blind reading): a family whose
    series has fewer members than the part may have items is not the part's family; the next one that fits is."""
    from generator.compose.headings import SLOT

    data = load_example(INPUTS / "2024.yaml")[0]
    themes = len(data["亮点"])
    short = {name for name, e in SPEC["标题家族"].items()
             if any(series and len(SPEC["序列"][slot]) < themes for series, slot in SLOT.findall(e["一"]))}
    assert short   # the data has such families, so this can fail
    for n in range(1, COUNT + 1):
        if make_author(SPEC, n).heading_one in short:
            assert render(data, style=n).skeleton[2] not in short, n


def test_items_do_not_all_end_on_the_clerks_story(sample, towns):
    """每段的套路是“套话 + 数字 + 段尾缀一个小故事” (blind reading): after an item that ended on the clerk's
    story, the next item with a story opens with it where it can."""
    after, items = 0, 0
    for draft in [*sample, *towns]:
        before = False
        for b in draft.parts[0].blocks:
            if b.role is not Role.BODY:
                before = False
                continue
            told = [s for s in b.spans if s.source]
            ends = bool(told) and ".事例." in told[-1].source
            if any(".事例." in s.source for s in told):
                items += 1
                after += before and ends
            before = ends
    assert items > 200 and after <= 0.12 * items, (after, items)   # 80 of 274 before; 22 left are items
    #                                                               that cannot open with their story


def test_a_local_formulation_opens_its_items_first_sentence():
    """这项工作照着“三联三帮”定下的路子走 as a sentence of its own read as 硬插进去 (blind readings 7, 8): in part
    one the unit's formulation is a lead-in to the item's first sentence of what was done."""
    from generator.loader import load_yaml_file

    data = load_yaml_file(INPUTS / "2024.yaml")[0]
    seen = 0
    for style in range(1, 31):
        for b in render(data, style=style).parts[0].blocks:
            for i, s in enumerate(b.spans):
                if s.source.startswith("词库:亮点/本地提法"):
                    seen += 1
                    assert s.source == "词库:亮点/本地提法引出" and s.text.endswith("，"), (style, s)
                    after = "".join(x.text for x in b.spans[i + 1:]).split("。")[0]
                    assert after and any(x.source.startswith(("做法:", "指标:", "原文:")) for x in b.spans[i + 1:i + 4])
    assert seen >= 25


def test_members_of_a_series_do_not_say_the_same_thing():
    """求实效 and 重实效 in one draft's headings read as 凑数 (blind reading): no two members of a series (作者.yaml →
    序列) share a two-character pair that is theirs alone — a pair three or more members share is the series'
    deliberate frame (以更, 抓得更, 工作, 更高 of 更高站位、更高标准、更高质量)."""
    from itertools import combinations

    def pairs(word):
        return {word[i:i + 2] for i in range(len(word) - 1)}

    for name, members in SPEC["序列"].items():
        same = [(a, b) for a, b in combinations(members, 2)
                if any(sum(p in pairs(m) for m in members) == 2 for p in pairs(a) & pairs(b))]
        assert not same, (name, same)


def test_the_units_figures_stay_in_the_opening_unless_a_township_moves_them(tmp_path):
    """开头先报党员N名、党小组N个 in every draft read as one slot (ninth blind reading), so the 家底 could lead the
    组织建设 item instead; the 22nd, 25th and 38th readings each read it there as 放错了位置 (基础数据塞进亮点).
    The bundled authors keep it in the opening; a township that wants it in the item says so (作者.yaml → 家底),
    and there it is said once, with the unit's scope."""
    import shutil

    import yaml

    from generator.loader import load_yaml_file

    data = load_yaml_file(INPUTS / "2024.yaml")[0]
    assert {make_author(SPEC, n).overview_first for n in range(1, COUNT + 1)} == {True}
    for n in range(1, 41, 7):
        assert "847名" in render(data, style=n).opening[0].text
    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    spec = yaml.safe_load((root / "作者.yaml").read_text(encoding="utf-8"))
    spec["家底"] = {"正文": 1}
    (root / "作者.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    own = author_spec(root)

    def place(n):   # where the 组织建设 item comes among the town's themes, in this author's order
        told = [t for t in make_author(own, n).order if t in data["亮点"]]
        return told.index("组织建设")

    moved = [n for n in range(1, COUNT + 1) if place(n) <= 1][:3]
    # … but not into a later item: 全村现有党员65名 opening the fourth item read as 村情放错了位置 (eleventh
    # blind reading); the opening keeps them
    late = [n for n in range(1, COUNT + 1) if place(n) > 1][:3]
    assert moved and late
    for n in moved:
        draft = render(data, style=n, templates=root)
        text = "\n".join(b.text for b in draft.blocks())
        assert "847名" not in draft.opening[0].text and text.count("847名") == 1
        item = next(b.text for b in draft.parts[0].blocks if "847名" in b.text)
        assert "全镇共有村党组织19个" in item and ("发展党员" in item or "吸收新党员" in item)
    for n in late:
        assert "847名" in render(data, style=n, templates=root).opening[0].text


def test_a_frame_does_not_repeat_the_items_zai_shang(sample, towns):
    """二是在产业带动上着力。在发展产业上，村集体经济收入…… (blind reading): after a lead of the form 在…上 the
    first figures are not framed 在…上 again."""
    doubled = []
    for draft in [*sample, *towns]:
        for b in draft.parts[0].blocks:
            lead = "".join(s.text for s in b.spans if s.lead and s.source != "序号")
            frames = [s.text for s in b.spans if s.source.endswith("/引出")]
            if "在" in lead and "上" in lead and frames and frames[0].startswith("在"):
                doubled.append((lead, frames[0]))
    assert not doubled, doubled


def test_no_two_headings_of_a_part_share_a_slot_word(sample, towns):
    """以建强基，更进一步 / 以建强基，再上台阶 in one part three: where the only word that fits an item is said
    already, the family gives way to the theme's own lead."""
    twice = []
    for draft in [*sample, *towns]:
        for part in (draft.parts[0], draft.parts[2]):
            heads = [s.text for b in part.blocks for s in b.spans if s.source.startswith("词库:作者")]
            firsts = [re.split("，", h)[0] for h in heads if "，" in h]
            if len(set(firsts)) < len(firsts):
                twice.append(heads)
    assert not twice, twice


def test_a_heading_whose_words_repeat_each_other_is_drawn_again():
    """抓服务，强化民生服务 (the item bears out only 服务 words): the heading is drawn again, with its state put
    back, before it gives way to the theme's leads or says 服务 twice (read in the batch sample: 马营村's canal
    plan fell to a lone 让群众的获得感更足 among 带班子，强化… headings)."""
    from generator.compose.headings import Headings, _pairs

    spec = {"标题家族": {"强化": {"三": "{抓}，强化{强}"}},
            "词汇": {"基层治理": {"抓": ["抓服务", "优治理", "解难题"], "强": ["民生服务", "为民服务", "乡风文明"]}}}

    def number(*key):    # every first draw takes the list's first word: 抓服务
        return sum(map(ord, "".join(map(str, key)))) if key and key[-1] in (1, 2, 3) else 0

    heads = Headings(spec, {"三": "强化"}, number, fits=lambda options, content: [o for o in options if "乡风" not in o])
    heading = heads.heading("三", "基层治理", 3, "开春前修好二组的灌溉渠，保证春灌")
    assert heading is not None
    first, second = heading.split("，")
    assert not (_pairs(first) & _pairs(second)), heading
    assert heads.part_words["三"] == heading.replace("强化", "").split("，"), heads.part_words


def test_every_draft_says_the_years_line_once():
    """第十一次盲读: none of five drafts named the guiding thought (习近平新时代中国特色社会主义思想) or the year's
    congress line; a 组织部 reader put it among the five things to fix. The opening says it, or, for the authors
    who open briefly, the 政治建设 item does; without a 政治建设 item the opening always does. Once, not twice."""
    from generator.model import Role

    politics = minimal(亮点={"政治建设": {"集中学习": 12}, "组织建设": {"发展党员": 3}})
    without = minimal(亮点={"组织建设": {"发展党员": 3}, "党员队伍": {"党员培训": 120}})
    for style in range(1, 169, 5):
        for data in (politics, without):
            draft = render(data, style=style)
            text = "\n".join(b.text for b in draft.blocks() if b.role not in (Role.TITLE,))
            theory = ("习近平新时代中国特色社会主义思想", "党的创新理论")
            said = [s.text for b in draft.blocks() for s in b.spans if (s.source == "年度" or s.lead)
                    and any(t in s.text for t in theory)]
            lines = [s.text for b in draft.blocks() for s in b.spans if s.source == "年度" and "全会" in s.text]
            assert said and len(lines) == 1, (style, said, lines, text[:300])
            assert "党的二十大" in text, (style, text[:300])


def test_politics_comes_first_or_second_in_every_order():
    """第十一次盲读: 守好政治“生命线” third, after 治理 and 产业, is an order a 组织部 reader said real reports
    almost never take. Every author's order has 政治建设 first or second."""
    for name, order in SPEC["主题次序"].items():
        assert order.index("政治建设") <= 1, (name, order)
        # … and leads (一是解难题 before 强思想, 抓基础 before 抓政治: 21st and 25th blind readings)
        assert order[0] == "政治建设", (name, order)


def test_a_paired_part_two_turns_to_its_causes_one_way():
    """从自身找原因，… / 之所以这样，是因为… / 深究一层，… at three problems in a row (eleventh blind reading: 轮换
    连接词，是同一模板): an author who pairs each problem with its cause turns to the cause with one phrase."""
    style = style_where(part_two="对应")
    for data in [load_example(p)[0] for p in sorted(INPUTS.glob("*.yaml"))]:
        draft = render(data, style=style)
        links = [s.text for b in draft.parts[1].blocks for s in b.spans if s.source == "词库:问题/原因接语"]
        assert len(set(links)) <= 1, links


def test_a_paragraph_says_its_once_words_once():
    """把“以茶兴乡”作为全年工作的主线，抓住“茶园里的党支部”这条主线 (a fresh input): a word a paragraph says once
    (呼应.yaml → 段内一次: 主线, 抓手 …) is not said again by another of the tool's phrases in that paragraph."""
    import yaml

    once = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["段内一次"]
    data = minimal(亮点={"政治建设": {"集中学习": 12}, "组织建设": {"发展党员": 3}, "产业发展": {"党建领办合作社": 7}})
    data["报告"] = {**data["报告"], "年度": 2025, "单位": "云岭乡", "层级": "乡", "主题": "以茶兴乡、以党建聚力",
                   "品牌": "云岭茶香",
                   "品牌含义": "党员带头种好茶、卖好茶",
                   "本地提法": [{"名称": "茶园里的党支部", "含义": "在茶叶合作社和加工厂里建党小组"}]}
    twice = []
    for style in range(1, 169, 3):
        for b in render(data, style=style).blocks():
            # the tool's phrases, and those that carry the clerk's 主题, 品牌 or 本地提法 in the tool's frame
            tool = [s.text for s in b.spans if s.source.startswith(("词库", "年度", "原文:报告"))]
            twice += [(style, w, b.text[:60]) for w in once if sum(w in t for t in tool) > 1]
    assert not twice, twice[:5]


def test_a_formal_author_tells_practices_without_words_only_speech_uses():
    """中心组…学习12次，由本地党员给乡亲们宣讲37场次 (twelfth blind reading: 公文腔紧接口语): an author of the formal
    register (语体: 公文) words the clerk's practices without the words only speech uses (作者.yaml → 语体标记 →
    口语), where the catalogue has another wording."""
    from variety import sample_inputs

    from generator.loader import load_yaml_file

    spoken = SPEC["语体标记"]["口语"]
    formal = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).register == "公文"]
    inputs = [load_yaml_file(p)[0] for p in sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml"))]
    inputs += [data for _, data in sample_inputs()[:8]]
    said = 0
    for k, data in enumerate(inputs):
        for style in formal[k::11][:8]:
            for b in render(data, style=style).blocks():
                told = [s.text for s in b.spans if s.source.startswith("做法:")]
                said += len(told)
                assert not [t for t in told if any(w in t for w in spoken)], (style, told)
    assert said > 200, said


def test_some_authors_open_without_a_line_of_duty_and_brands_are_echoed_by_name():
    """Thirteenth blind reading: 理论—品牌—表态—家底—转入 in every opening (五件套), and 这方面的工作，是“红柳先锋”
    党建品牌最实在的内容 (空泛的指代). Some authors (作者.yaml → 开头表态) say no line of duty to the level above;
    a brand taken up again names the field it stands on, never 这方面, 这一块."""
    from generator.loader import load_yaml_file

    path = ROOT / "tests" / "fresh_inputs" / "东城街道-2026.yaml"
    data = load_yaml_file(path)[0]
    without = [n for n in range(1, COUNT + 1) if not make_author(SPEC, n).duty]
    with_duty = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).duty]
    assert without and with_duty
    for n in without[:6]:
        draft = render(data, style=n, base=path.parent)
        assert not [s for s in draft.opening[0].spans if s.source == "词库:开头/落实"], n
    echoes = 0
    for n in range(1, COUNT + 1, 5):
        draft = render(data, style=n, base=path.parent)
        for b in draft.blocks():
            for s in b.spans:
                if s.source.endswith("/品牌呼应"):
                    echoes += 1
                    assert not re.search("这方面|这一块|这些事", s.text), (n, s.text)
    assert echoes > 10, echoes


def test_a_paired_part_two_does_not_turn_to_every_cause_the_same_way():
    """说到底，… / 说到底，… / 说到底，… under three problems in a row (seventeenth blind reading: 同一个口头禅收尾):
    the author's one phrase turns every other paired cause, never two in a row, at most twice."""
    from generator.compose.pairing import MAX_CAUSE_LINKS

    data = minimal(问题=["精力投入不足", "组织生活质量不高", "后备干部不足", "党员作用发挥不够"],
                   原因=["思想认识不到位", "压力传导不到位", "工作方法欠缺", "人才支撑不足"])
    # (four causes that each cannot go inside their problem: the pairs would need the phrase four times, so
    # these authors list the causes as a set — pairing.paired — and none turns twice)
    for style in [n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_two == "对应"][:30]:
        blocks = render(data, style=style).parts[1].blocks
        linked = [any(s.source == "词库:问题/原因接语" for s in b.spans) for b in blocks]
        assert sum(linked) <= MAX_CAUSE_LINKS, [b.text[:30] for b in blocks]
        assert not any(a and b for a, b in zip(linked, linked[1:])), [b.text[:30] for b in blocks]


def test_authors_say_the_units_figures_in_their_own_order():
    """全村共有党员×名，设党小组×个，设村民小组×个 read as one sentence under every draft (ninth and fifteenth blind
    readings): some authors say the place first (村民小组, 人口), then the party's figures (作者.yaml → 家底次序)."""
    import re

    from generator.compose import author_spec
    from generator.compose.author import make_author

    spec = author_spec(None)
    data = minimal(基本情况={"党员": 46, "党小组": 4, "村民小组": 8})
    data["报告"] = {**data["报告"], "单位": "井坪村", "层级": "村", "职务": "党支部书记", "上级": "双河镇党委"}
    firsts = set()
    for n in range(1, 40):
        author = make_author(spec, n)
        if author.opening == "家底入句":   # 带领…党员、…党小组，服务…村民小组: the place is served, after
            continue
        text = render_text(data, style=n)
        said = re.search(r"[^。]*党小组[^。]*。", text).group(0)
        place_first = said.index("村民小组") < said.index("党员")
        assert place_first == bool(author.place_first), (n, said)
        firsts.add(place_first)
    assert firsts == {True, False}


def test_most_authors_put_no_stance_cap_on_their_figures():
    """坚持多管齐下，为群众办结实事18件 / 着眼建强战斗堡垒，新发展党员3名 (nineteenth blind reading: the most
    stable mark of a generated draft, a cap that has nothing to do with its figure): only the authors who
    frame figures (作者.yaml → 数字帽子) ever put a 引出 before them, and they are the fewer."""
    from generator.compose import author_spec
    from generator.compose.author import make_author

    spec = author_spec(None)
    data = load_example(INPUTS / "2024.yaml")[0]
    framing = 0
    for n in range(1, 61):
        author = make_author(spec, n)
        framing += author.frames
        capped = [s.text for b in render(data, style=n).parts[0].blocks for s in b.spans if s.source.endswith("/引出")]
        assert author.frames or not capped, (n, capped)
    assert 0 < framing < 30, framing


def test_a_heading_names_a_means_of_its_field_only_over_an_item_that_uses_it():
    """扛责任，加强一岗双责 over 本人每季度到每个村至少走一趟，专门听党建 (31st blind reading): 一岗双责,
    考核督导 and 督促检查 are each one means of 责任落实, not its name; a heading says one only where its
    item speaks of it (呼应.yaml → 凭据词)."""
    means = {"一岗双责": ("一岗双责", "班子成员", "分管"), "考核督导": ("考核", "督导", "督查", "评议", "述职"),
             "督促检查": ("督促", "检查", "督查", "督导")}
    data = load_example(ROOT / "tests" / "fresh_inputs" / "石岭镇-2025.yaml")[0]
    data = copy.deepcopy(data)
    data["报告"]["单位"] = "石堡镇"
    headed, wrong = 0, []
    for style in range(1, COUNT + 1, 5):
        blocks = render(data, style=style).blocks()
        for b in blocks:
            leads = [s.text for s in b.spans if s.lead and s.source.startswith("词库:作者")]
            if not leads:
                continue
            said = b.text.replace(leads[0], "")
            for word, words in means.items():
                if word in leads[0]:
                    headed += 1
                    if not any(w in said for w in words):
                        wrong.append((leads[0], said[:30]))
    assert not wrong, wrong[:5]


def test_a_paired_cause_is_never_glued_to_its_problem_unannounced():
    """二是意识形态阵地管理仍需强化。…。钻研党建业务仍不够深。忙起来学习就往后放 (31st blind reading: 两件事粘在
    一条里): in a paragraph that holds a problem and a cause, the cause goes inside the problem (由于 …，before
    what the problem shows; at most MAX_MERGED a part) or follows the author's one 原因接语; a cause that can do
    neither is said with the causes after the pairs, under their lead-in."""
    from generator.compose.pairing import MAX_MERGED
    from generator.loader import load_yaml_file

    paired = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_two == "对应"]
    paths = [INPUTS / "2024.yaml", *sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml"))]
    merged = 0
    for path in paths:
        data = load_yaml_file(path)[0]
        causes = {f"词库:问题/{c}" for c in data.get("原因", []) if isinstance(c, str)}
        problems = {f"词库:问题/{p}" for p in data.get("问题", []) if isinstance(p, str)}
        for n in paired[:: max(1, len(paired) // 6)][:6]:
            blocks = render(data, style=n, base=path.parent).parts[1].blocks
            into = [s for b in blocks for s in b.spans if s.source == "词库:问题/原因并入"]
            assert len(into) <= MAX_MERGED, (path.name, n)
            merged += len(into)
            for b in blocks:
                if not any(s.source in problems or s.source.startswith("原文:问题") for s in b.spans):
                    continue   # a cause's own paragraph (the causes after the pairs, as a list)
                at = next((i for i, s in enumerate(b.spans) if s.source in causes or s.source.startswith("原文:原因")),
                          None)
                if at is not None:
                    assert b.spans[at - 1].source in ("词库:问题/原因并入", "词库:问题/原因接语") \
                        or b.spans[at].text.startswith("主要是"), (path.name, n, b.text)
    assert merged >= 10, merged


def test_the_numbered_paragraphs_of_part_two_count_from_one_without_gaps():
    """另有几条原因： 一是… 三是… 四是… (a fresh draft: 二是 had gone with its problem): every run of numbered
    paragraphs in part two counts 一是, 二是, 三是 … from the paragraph that opens it."""
    from generator.loader import load_yaml_file

    ordinals = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"]
    paths = [INPUTS / "2024.yaml", *sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml"))]
    wrong = []
    for path in paths:
        data = load_yaml_file(path)[0]
        for n in range(7, COUNT + 1, max(1, COUNT // 12)):
            run: list[str] = []
            for b in render(data, style=n, base=path.parent).parts[1].blocks:
                first = b.spans[0].text[:2] if b.spans[0].lead else ""
                if first not in ordinals:
                    run = []
                    continue
                run.append(first)
                if run != ordinals[:len(run)]:
                    wrong.append((path.name, n, run))
                    break
    assert not wrong, wrong[:5]


def test_thin_themes_share_an_item_only_with_one_of_their_own_group():
    """分析研判意识形态领域形势2次 alone under 3.将意识形态工作的责任扛起来、阵地守起来 (31st and 32nd blind readings:
    标题+一个数字): two thin themes (a deed or two figures, no case) share one item, wherever they stand in the
    author's order — but only two of one of the author's groups, whose name the heading can say; 作风 problems
    under （四）注重党员管理 was a heading over the wrong thing."""
    from generator.compose.highlights import _group
    from generator.facts import ThemeFacts

    data = minimal(亮点={
        "政治建设": {"集中学习": 12, "讲党课": 4, "事例": ["把党课搬到田间地头，趁农闲讲惠农政策，来听的群众比党员还多"]},
        "组织建设": {"发展党员": 3},
        "产业发展": {"村集体经济收入": 23.5, "党建领办合作社": 4, "事例": ["合作社和罐头厂签了收购合同，黄桃不愁卖"]},
        "作风建设": {"警示教育": 2},
        "党员队伍": {"党员志愿服务": 36}})
    for n in [n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_one == "分项"][:8]:
        author = make_author(SPEC, n)
        home = {t: g["名"] for g in SPEC["分组"][author.grouping] for t in g["主题"]}
        draft = render(data, style=n)
        items = [b for b in draft.parts[0].blocks if b.role.value == "body" and b.spans[0].lead]
        themes = [{t for s in b.spans for t in home if s.source.startswith((f"做法:亮点.{t}", f"指标:亮点.{t}"))}
                  for b in items]
        assert all(len({home[t] for t in ts}) <= 1 for ts in themes), (n, themes)
        assert {"组织建设", "党员队伍"} in themes, (n, themes)
    # … and the pairing itself, by the facts: not past the author's groups, not a theme with a case
    thin = lambda theme: ThemeFacts(theme, (), ())   # noqa: E731
    rich = ThemeFacts("政治建设", (), ("事例",))
    spec = {"分组": {"g": [{"名": "组织", "主题": ["组织建设", "党员队伍"]}, {"名": "政治", "主题": ["作风建设"]}]}}
    items = _group((rich, thin("组织建设"), thin("作风建设"), thin("党员队伍")), spec, "g")
    assert [tuple(tf.theme for tf in item) for item in items] == [("政治建设",), ("组织建设", "党员队伍"), ("作风建设",)]


def test_a_group_heading_promises_nothing_one_of_its_themes_lacks():
    """（一）强化思想引导，锤炼党性修养 over a group holding 2.压紧压实主体责任 (33rd and 34th blind readings: 放错了
    标题): a heading word that speaks of study and thought (呼应.yaml → 凭据词: 思想引导, 理论武装, 党性修养 …) heads
    a group only when every theme in it bears the word out."""
    import yaml

    evidence = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["凭据词"]
    thought = [w for w in ("思想引导", "理论武装", "理论学习", "学习教育", "党性修养", "党性教育", "思想根基", "思想建设")
               if w in evidence]
    assert len(thought) == 8   # the data holds them, so this can fail
    data = minimal(亮点={
        "政治建设": {"做法": ["中心组学习", "现场教学"], "中心组学习": 9, "理论宣讲": 22},
        "责任落实": {"做法": ["书记联村", "约谈提醒"], "党建调研": 17, "约谈党组织书记": 3},
        "组织建设": {"发展党员": 6, "整顿软弱涣散党组织": 2},
        "产业发展": {"党建领办合作社": 5, "事例": ["合作社统一收购牧户的羊，每只多卖五六十元"]}})
    checked = 0
    for n in range(1, COUNT + 1):
        author = make_author(SPEC, n)
        if author.part_one not in ("归并", "分层") or author.grouping != "三组":
            continue
        blocks = render(data, style=n).parts[0].blocks
        heads = [b.text for b in blocks if b.role.value == "heading2"] or \
                [b.spans[0].text + b.spans[1].text for b in blocks if b.spans[0].lead and len(b.spans) > 1]
        first = heads[0]   # the 政治 group: 政治建设 and 责任落实
        assert not [w for w in thought if w in first], (n, first)
        checked += 1
        if checked >= 12:
            break
    assert checked >= 6, checked


def test_a_family_not_for_the_level_gives_way_to_a_stand_in_no_author_owns():
    """高字 (高质量强思想) is for towns; a village author of it took the next family in the list, another author's
    own, and in the sample batch two villages had one part-three family (做实产业培育 / 做实支部建设 in both, read
    side by side). The stand-in (作者.yaml → 替补) is no author's first family, so it meets none of them."""
    from generator.compose import _family_for

    stand_ins = {n for n, e in SPEC["标题家族"].items() if e.get("替补")}
    assert stand_ins
    owned = {f for n in range(1, COUNT + 1) for f in (make_author(SPEC, n).heading_one, make_author(SPEC, n).heading_three)}
    assert not owned & stand_ins
    town_only = [n for n, e in SPEC["标题家族"].items() if e.get("层级") and "村" not in e["层级"]]
    assert town_only
    for family in town_only:
        assert _family_for(SPEC, family, "村", "三") in stand_ins
        assert _family_for(SPEC, family, "镇", "三") == family


def test_a_family_of_one_repeated_word_heads_a_few_items_only():
    """一是在理论学习上着力 … 九是在产业培育上着力 (34th and 35th blind readings): a family whose every heading says
    the same words (作者.yaml → 标题家族 → 至多) heads a part one of at most that many items; past it the author
    takes another family."""
    from generator.compose import _family_for

    limited = {n: e["至多"] for n, e in SPEC["标题家族"].items() if e.get("至多")}
    assert limited
    for family, most in limited.items():
        assert _family_for(SPEC, family, "镇", "一", most) == family
        assert _family_for(SPEC, family, "镇", "一", most + 3) != family


def test_an_items_frame_does_not_open_as_its_stance_did():
    """注重学用结合，学了就要拿来指导眼前的工作。注重把学习和工作结合起来，本人上党课2次 (沙河村, the sample batch read
    side by side): the frame before the figures was drawn without regard to the stance said just before it."""
    from generator.loader import load_yaml_file

    paths = [INPUTS / "2024.yaml", *sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml"))]
    met = checked = 0
    for path in paths:
        data = load_yaml_file(path)[0]
        for n in range(1, COUNT + 1, 3):
            for b in render(data, style=n, base=path.parent).parts[0].blocks:
                stances = [s.text for s in b.spans if s.source.endswith("/立场")]
                frames = [s.text for s in b.spans if s.source.endswith("/引出")]
                if stances and frames:
                    checked += 1
                    met += stances[0][:2] == frames[0][:2]
    assert checked >= 20 and met == 0, (checked, met)


def test_a_family_that_names_a_means_heads_every_item_of_part_one():
    """（一）以学固本，理论学习常抓常新 … （三）拓宽致富门路 (汤家坪村, a fresh input read whole): every word of the
    以 slot names a means (以业富民, 以建促兴 …), and a group whose themes bore none out, or whose one word shared
    以建 with a heading before it, fell back to a bare aim, out of step with the part. Each group and theme
    has a 以 word that promises no means (以上率下, 以民为本 …), so the author's family heads every item."""
    from generator.loader import load_yaml_file

    words, series = SPEC["词汇"], SPEC["序列"]
    means = [n for n, e in SPEC["标题家族"].items() if "{以}" in e.get("一", "")]
    assert means
    authors = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).heading_one in means]
    paths = [INPUTS / "2024.yaml", *sorted((ROOT / "tests" / "fresh_inputs").glob("*.yaml"))]
    checked, off = 0, []
    for path in paths:
        data = load_yaml_file(path)[0]
        for n in authors[::max(1, len(authors) // 8)][:8]:
            family = make_author(SPEC, n).heading_one
            heads = _heads(render(data, style=n, base=path.parent), 0)
            patterns = _patterns(SPEC["标题家族"][family], "一")
            off += [(path.stem, n, h) for h in heads if not any(pattern_of(h, p, words, series) for p in patterns)]
            checked += len(heads)
    assert checked >= 200, checked
    assert not off, off[:6]


def test_a_formal_author_says_no_doubled_verb():
    """冬春时节把党员集中起来学一学、议一议 under 理论武装走在前头 (马家庄村, a fresh input): a verb said twice around 一
    is speech; a 公文 author's own words (banks and practice wordings, not the clerk's) hold none."""
    from generator.loader import load_yaml_file

    def doubled(text: str) -> bool:
        return re.search(r"([\u4e00-\u9fff])一\1", text) is not None

    formal = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).register == "公文"]
    spoken = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).register == "平实"]
    base = load_yaml_file(INPUTS / "杏花村-2025.yaml")[0]
    assert "党员冬春训" in base["亮点"]["政治建设"]["做法"]   # one of whose wordings is 学一学、议一议
    said, found = [], 0
    for unit in ("马家庄村", "杏花村", "柳河村", "石门村", "东坡村", "下湾村"):   # the wording is drawn by unit
        data = copy.deepcopy(base)
        data["报告"]["单位"] = unit
        for n in formal[:8]:
            for b in render(data, style=n).blocks():
                said += [(unit, n, s.text) for s in b.spans if not s.source.startswith("原文") and doubled(s.text)]
        for n in spoken[:8]:   # … which plain authors do say: the data holds such wordings, so the test can fail
            found += sum(doubled(s.text) for b in render(data, style=n).blocks() for s in b.spans
                         if not s.source.startswith("原文"))
    assert found
    assert not said, said[:4]


def test_consecutive_authors_keep_different_part_three_families():
    """A batch deals consecutive authors; their part-three families stepped through every family, turned by one
    at each round, so the two authors either side of a round's end met (青杨村 and 杨家庄村 of the sample batch,
    thirteen seats apart: （一）扎扎实实抓发展 / （一）扎扎实实抓组织). Any len(families) − 1 consecutive authors
    now keep different families, and two authors of one part-one family still differ in part three."""
    families = [n for n, e in SPEC["标题家族"].items() if not e.get("替补")]
    size = len(families)
    for start in range(1, COUNT - size + 2):
        three = [make_author(SPEC, n).heading_three for n in range(start, start + size - 1)]
        assert len(set(three)) == len(three), (start, Counter(three).most_common(2))
    twins = [(n, m) for n in range(1, COUNT + 1) for m in range(n + 1, min(COUNT, n + 3 * size) + 1)
             if make_author(SPEC, n).heading_one == make_author(SPEC, m).heading_one]
    assert twins
    assert not [(n, m) for n, m in twins if make_author(SPEC, n).heading_three == make_author(SPEC, m).heading_three]


def _sanshi(**extra):
    data = minimal(亮点={"产业发展": {"做法": ["党支部领办合作社"], "村集体经济收入": {"从": 23.5, "到": 31.2},
                                   "事例": ["合作社建了两座蔬菜育苗大棚，给全村和周边村供苗"]},
                       "基层治理": {"做法": ["矛盾纠纷排查调处", "村规民约修订"], "化解矛盾纠纷": 21,
                                   "事例": ["按“三事分流”的办法，今年21件纠纷里有15件在组里就了结了"]},
                       "组织建设": {"做法": ["三会一课"], "发展党员": 2}},
                   问题=[{"自述": "育苗大棚只有两个技术员，忙的时候顾不过来", "主题": "产业发展"}, "组织生活质量不高"],
                   原因=[{"自述": "懂育苗技术的年轻人都在外面打工", "主题": "产业发展"}, "工作方法欠缺"],
                   措施={"事项": ["和县农技站签协议，每月派技术员来村里指导一次"]}, **extra)
    data["报告"].update(单位="马庄村", 层级="村", 职务="党总支书记", 上级="大王庄镇党委",
                       本地提法=[{"名称": "三事分流", "含义": "大事村里议、小事组里办、私事自己了"}])
    return data


def test_a_formulation_the_clerk_names_in_an_item_is_not_said_there_again():
    """对照“三事分流”的要求，和群众一起修订村规民约。按“三事分流”的办法，今年21件纠纷… (马家庄村, 38th blind reading:
    关键词硬塞): the item whose case names the formulation carries it in the clerk's words, not also in the tool's."""
    for style in range(1, 25):
        draft = render(_sanshi(), style=style)
        item = [b.text for b in draft.parts[0].blocks if "三事分流" in b.text]
        assert len(item) == 1 and item[0].count("三事分流") == 1, (style, item)


def test_part_three_takes_up_a_formulation_only_in_an_item_it_speaks_of():
    """对照“三事分流”的要求查漏补缺 glued to a plan for a nursery technician (马家庄村, 38th blind reading): a
    formulation whose own theme has no item in part three goes to the item it speaks of, or to none."""
    spoke = 0
    for style in range(1, 25):
        plans = [b.text for b in render(_sanshi(), style=style).parts[2].blocks]
        assert not [p for p in plans if "三事分流" in p and "技术员" in p], (style, plans)
        with_theme = _sanshi()
        with_theme["问题"].append({"自述": "组里议事有时找不齐人", "主题": "基层治理"})
        with_theme["原因"].append({"自述": "外出务工的户多", "主题": "基层治理"})
        with_theme["措施"]["事项"].append("议事会放到春节前后外出的人回来时开")
        plans = [b.text for b in render(with_theme, style=style).parts[2].blocks]
        spoke += any("三事分流" in p and "议事会" in p for p in plans)
    assert spoke >= 12   # … where its own theme has an item, there (首尾呼应)


def test_a_village_of_a_party_general_branch_names_its_own_organisation():
    """前称“村党总支”，后面又说“由党支部带头办合作社” (38th blind reading: 组织层级不统一): where a wording names the
    unit itself 党支部, a 党总支 (or a 社区党委) says its own organisation; other branches (小区党支部, 各党支部) stay."""
    # … and 支部 alone (由支部牵头，把合作社办成群众自己的事业: 北湾村, a fresh input)
    own_acts = re.compile(r"(?<![区型合各个体化的总])(?:党支部|(?<!党)支部)(?=牵头|带头|领办|领着|领头|当“|带领|带着|出面)")
    said = {"党支部": 0, "党总支": 0}
    for post, org in (("党支部书记", "党支部"), ("党总支书记", "党总支")):
        for unit in ("马庄村", "杏林村", "河湾村", "石岗村", "柳沟村", "东营村"):
            data = minimal(亮点={"产业发展": {"做法": ["党支部领办合作社"], "党支部领办合作社": 3,
                                           "村集体经济收入": {"从": 23.5, "到": 31.2}},
                               "组织建设": {"做法": ["三会一课"], "发展党员": 2}})
            data["报告"].update(单位=unit, 层级="村", 职务=post, 上级="大王庄镇党委")
            for variant in range(4):
                tool = "".join(s.text for b in render(data, variant=variant).blocks() for s in b.spans
                               if not s.source.startswith(("原文", "报告")))
                said[org] += len(own_acts.findall(tool))
                if org == "党总支":
                    assert not own_acts.findall(tool), (unit, variant, tool)
    assert said["党支部"] >= 3   # a 党支部 village's drafts do say it, so the test can fail


def test_a_cause_goes_with_the_problem_it_explains_most_directly():
    """二是部分党员先锋意识不够强……根子上看，引进和留住人才的办法还不多 (红岩镇, 38th blind reading): 人才支撑不足
    explains both, but 后备干部不足 first (问题.yaml → 解释 lists the closest first); paired with the first problem
    it could explain, the third problem was left with no cause and the second with the wrong one."""

    data = minimal(问题=["党员作用发挥不够", "后备干部不足"], 原因=["人才支撑不足", "工作方法欠缺"],
                   亮点={"党员队伍": {"党员培训": 40}, "干部队伍": {"储备后备干部": 12}})
    paired = next(n for n in range(1, COUNT + 1) if make_author(SPEC, n).part_two == "对应"
                  and render(data, style=n).skeleton[3] == "对应")
    for variant in range(6):
        blocks = render(data, style=paired, variant=variant).parts[1].blocks
        talent = [b for b in blocks if any(s.source == "词库:问题/人才支撑不足" for s in b.spans)]
        assert talent and all(any(s.source == "词库:问题/后备干部不足" for s in b.spans) for b in talent), \
            (variant, [b.text for b in blocks])


def test_the_clerks_own_cause_keeps_its_problem():
    """人才支撑不足 explains many problems; paired before the clerk's own cause of one of them, it took that one
    and left another with none (杏花村 example: 党员队伍老化 bare, 集体经营性收入… with two causes). The clerk's own
    causes, each naming its problem's field, are paired first."""
    from conftest import style_where

    paired = style_where(part_two="对应")
    data = minimal(问题=[{"自述": "党小组长年纪偏大，退下来没人接", "主题": "组织建设"},
                         {"自述": "年轻干部进了班子留不住", "主题": "干部队伍"}],
                   原因=["人才支撑不足", {"自述": "村干部报酬低，年轻人算过账就走了", "主题": "干部队伍"}],
                   亮点={"组织建设": {"发展党员": 2}, "干部队伍": {"储备后备干部": 4}})
    for variant in range(6):
        blocks = [b.text for b in render(data, style=paired, variant=variant).parts[1].blocks]
        own = next(t for t in blocks if "留不住" in t)
        assert "报酬低" in own and "人才" not in own, (variant, blocks)
        group = next(t for t in blocks if "党小组长" in t)
        assert any(w in group for w in ("人才", "年轻人", "能人", "骨干")), (variant, blocks)   # 人才支撑不足 here


def test_a_plan_for_a_problems_own_cause_answers_the_problem():
    """（一）支部建设再攻坚。【待补充：针对这个问题的具体措施】。和三家快递公司签党建共建协议… (河东街道, a fresh input):
    the plan shared its words with the clerk's cause (快递员换公司频繁，平台没有专人对接党建), none with the problem
    it causes (新就业群体党员流动快，组织关系转不过来); a plan for a problem's own cause answers the problem."""
    data = minimal(问题=[{"自述": "新就业群体党员流动快，组织关系转不过来", "主题": "组织建设"}, "党员作用发挥不够"],
                   原因=[{"自述": "快递员换公司频繁，平台没有专人对接党建", "主题": "组织建设"}, "压力传导不到位"],
                   措施={"事项": ["和三家快递公司签党建共建协议，各明确一名党建联络员"]},
                   亮点={"组织建设": {"发展党员": 3}, "党员队伍": {"党员培训": 40}})
    data["报告"].update(单位="河东街道", 层级="街道", 职务="党工委书记", 上级="区委")
    for variant in range(4):
        draft = render(data, variant=variant)
        plans = "".join(b.text for b in draft.parts[2].blocks)
        assert "快递公司" in plans and "待补充" not in plans, (variant, plans)


def test_a_cause_that_names_the_township_is_not_the_writers_own_for_that():
    """从本人和班子自身看：一是乡里没有加工厂房，也缺烘干设备 (青龙乡, a fresh input): 乡里 marked a cause as the
    writer's own (乡里对牧区党员的学习方式想得少 was); a place's want of a workshop is a condition, 客观."""
    from generator.compose import author_spec as spec_of
    from generator.loader import load_yaml_file

    assert spec_of(None)
    markers = load_yaml_file(ROOT / "templates" / "呼应.yaml")[0]["主观标记"]
    said = lambda text: any(w in text for w in markers)   # noqa: E731  as problems._subjective reads them
    assert not said("乡里没有加工厂房，也缺烘干设备")
    assert not said("镇里没有冷库，桃子放不住")
    assert said("乡里对牧区党员的学习方式想得少") and said("本人抓党建的办法不多")


def test_some_authors_run_the_causes_on_after_their_lead_in():
    """产生问题的主要原因：一是……。二是……。 in one paragraph: three of the five real reports write the causes so
    (../shared/seeds); a lead-in line on its own, then 一是 and 二是 each a paragraph, in every draft read as the
    tool's. Authors of 原因连写 run them on; the others keep paragraphs."""
    data = load_example(INPUTS / "2024.yaml")[0]
    runs = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).causes_run_in
            and not make_author(SPEC, n).sub_heads and make_author(SPEC, n).part_two == "分列"][:4]
    apart = [n for n in range(1, COUNT + 1) if not make_author(SPEC, n).causes_run_in
             and not make_author(SPEC, n).sub_heads and make_author(SPEC, n).part_two == "分列"][:4]
    assert runs and apart
    for n in runs:
        blocks = [b.text for b in render(data, style=n).parts[1].blocks]
        run = [t for t in blocks if "：一是" in t and "二是" in t]
        assert len(run) == 1 and run[0] == blocks[-1 if not make_author(SPEC, n).pledge else -2], (n, blocks)
    for n in apart:
        assert not [t for t in render(data, style=n).parts[1].blocks if "：一是" in t.text], n


def test_a_problem_whose_own_cause_follows_at_once_says_no_gloss():
    """二是党员作用发挥还不够均衡。党员队伍的整体形象还不够好。 (35th, 36th and 38th blind readings: an empty gloss):
    a bank problem whose 表现 the clerk's own cause gives said one of its 影响 so as not to stand bare; where the
    author pairs each problem with its cause (对应), the cause follows at once and the 影响 goes."""
    from conftest import style_where

    paired = style_where(part_two="对应")
    cause = "在职党员认领岗位以后，社区对他们干得怎么样跟踪得少"
    data = minimal(问题=["党员作用发挥不够", "组织生活质量不高"],
                   原因=[{"自述": cause, "主题": "党员队伍"}, "工作方法欠缺"],
                   亮点={"党员队伍": {"在职党员报到": 140}, "组织建设": {"发展党员": 3}})
    for variant in range(6):
        blocks = [b for b in render(data, style=paired, variant=variant).parts[1].blocks]
        block = next(b for b in blocks if cause in b.text)
        kinds = [s for s in block.spans if s.source == "词库:问题/党员作用发挥不够"]
        assert len(kinds) == 1, (variant, block.text)   # the problem's name, then the clerk's cause: no 影响


def test_a_townships_drafts_do_not_meet_on_a_stand_in_family(sample):
    """抓理论，出真招 / 强组织，落到户 / 促发展，见行动 in five villages of the sample batch, read side by side: a village
    of seven themes has more items than 着眼, 不放松 (至多) or 抓实 (its series) allow, and 高字 is for towns, so each
    gave way to the one stand-in. Each now gives way to its own (作者.yaml → 让位), and no two drafts of the
    batch share a part-one family."""
    families = Counter(d.skeleton[2] for d in sample)
    assert len(sample) == 24 and families.most_common(1)[0][1] == 1, families.most_common(3)
    stand_ins = {n for n, e in SPEC["标题家族"].items() if e.get("替补")}
    assert len(stand_ins) >= 4 and families.keys() & stand_ins   # some do give way, so the test can fail


def test_most_authors_put_the_writers_own_failing_first():
    """Real reports open part two with the writer's own failing (一是工作精力投入不足: two of the three seeds that
    list problems), and blind readers asked for it again and again. Where the clerk lists one (a kind marked 自身,
    or own words about 本人) after others, most authors say it first (作者.yaml → 本人问题在前); the rest keep the
    clerk's order, and a list that opens with it stays as it is."""
    data = minimal(**{**RICH, "问题": ["集体经济薄弱", "组织生活质量不高", "精力投入不足"]})
    first = {}
    for style in range(1, 41):
        blocks = [b for b in render(data, style=style).parts[1].blocks if b.role.value == "body"]
        sources = [s.source for b in blocks for s in b.spans if s.source.startswith("词库:问题/")
                   and s.source.count("/") == 1 and s.source.split("/")[1] in data["问题"]]
        first[style] = sources[0].split("/")[1]
        expected = "精力投入不足" if make_author(SPEC, style).self_first else "集体经济薄弱"
        assert first[style] == expected, (style, sources)
    assert 0.5 < sum(v == "精力投入不足" for v in first.values()) / len(first) < 0.95, first
    own = minimal(**{**RICH, "问题": ["集体经济薄弱", {"自述": "本人到村里专门谈党建的时间少", "主题": "责任落实"}]})
    style = next(n for n in range(1, 40) if make_author(SPEC, n).self_first)
    text = "".join(b.text for b in render(own, style=style).parts[1].blocks)
    assert text.index("本人到村里专门谈党建的时间少") < text.index("集体"), text


def test_two_drafts_of_one_family_do_not_say_its_series_in_one_order():
    """抓关键、强基础、求精准、抓根本、破难题, item after item, in two drafts of one family (43rd blind reading: 顺序都
    一样): a series was said from a start of the draft's own but in the list's order, so any two drafts shared runs.
    Each draft now takes the members in an order of its own: of eight units (28 pairs, ten headings each from a
    series of thirteen), a few pairs share three in a row by chance (four now; before, all 28)."""
    from generator.loader import load_yaml_file

    base = load_yaml_file(INPUTS / "2024.yaml")[0]
    style = next(n for n in range(1, COUNT + 1)
                 if make_author(SPEC, n).heading_one in ("注重", "守正") and make_author(SPEC, n).part_one == "分项")
    members = SPEC["序列"]["求实效"]
    runs = []
    for unit in ("青石镇", "白杨镇", "东坝镇", "柳河镇", "三岔镇", "石佛镇", "黄渠镇", "新城镇"):
        data = copy.deepcopy(base)
        data["报告"]["单位"] = unit
        heads = [s.text for b in render(data, style=style).parts[0].blocks for s in b.spans if s.lead]
        said = [m for h in heads for m in members if h.rstrip("。").endswith(m)]
        assert len(said) >= 5, (unit, heads)
        runs.append({tuple(said[i:i + 3]) for i in range(len(said) - 2)})
    meeting = [(a, b) for a, b in combinations(range(len(runs)), 2) if runs[a] & runs[b]]
    assert len(meeting) <= 6, meeting


def test_a_formal_author_does_not_drop_into_a_line_of_speech():
    """党建的事不推给分管的人，自己先扛起来 and 党员不能只在名册上，要在群众身边 in a 公文 author's 白沙镇 draft,
    让年轻党员给老党员讲讲新政策 in 江口乡's (43rd and 42nd blind readings: 一句套话硬接一句大白话): those lines are
    marked speech (作者.yaml → 语体标记 → 平实), and a formal author takes the others of their lists."""
    data = minimal(**{**RICH, "问题": ["精力投入不足", "理论学习不深", "党员作用发挥不够", "集体经济薄弱"]})
    spoken = ("扛起来", "不推给", "讲讲", "腰包", "名册上", "先定下来", "对不对")
    formal = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).register == "公文"][:40]
    for n in formal:
        said = [s.text for b in render(data, style=n).blocks() for s in b.spans if s.source.startswith("词库")]
        assert not [t for t in said if any(w in t for w in spoken)], n


def test_the_stance_does_not_open_as_the_heading_does():
    """注重干部培养，谋长远。注重在重点工作中发现和使用干部。 (白沙镇, a fresh draft of an author whose headings
    are the 注重 family): the stance after a heading takes another of its list than one opening with the
    heading's first word."""
    authors = [n for n in range(1, COUNT + 1)
               if make_author(SPEC, n).heading_one == "注重" and make_author(SPEC, n).stance_first]
    echoes = []
    for n in authors:
        for i in range(24):
            data = minimal(亮点={"干部队伍": {"做法": ["村级后备干部双培养", "履职考核"], "储备后备干部": 20},
                                 "组织建设": {"发展党员": 12, "入党积极分子": 14},
                                 "党员队伍": {"做法": ["党员积分制管理"]}})
            data["报告"] = dict(data["报告"], 单位=f"石{'一二三四五六七八九十'[i % 10]}{'河沟岭湾'[i // 10]}镇")
            for b in render(data, style=n).parts[0].blocks:
                leads = [s for s in b.spans if s.lead]
                after = b.spans[len(leads)] if len(b.spans) > len(leads) else None
                if leads and after is not None and after.source.endswith("/立场") \
                        and after.text.startswith(leads[-1].text[:2]):
                    echoes.append((n, data["报告"]["单位"], leads[-1].text, after.text))
    assert authors and not echoes, echoes


def test_part_three_headings_are_not_two_labels_split_by_a_colon():
    """责任落实：理清思路 over one plan read as two columns of a table, a big heading over a small item (43rd and 44th
    blind readings). The 冒号 family keeps its colon in part one only; its plans are headed as real reports head
    them, 抓好责任落实."""
    from generator.loader import load_yaml_file

    base = load_yaml_file(INPUTS / "2024.yaml")[0]
    authors = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).heading_three == "冒号"][:6]
    leads = tuple(SPEC["标题家族"]["冒号"]["领"])
    for n in authors:
        heads = [s.text for b in render(base, style=n).parts[2].blocks for s in b.spans if s.lead and s.source != "序号"]
        assert heads and not [h for h in heads if "：" in h], (n, heads)
        assert sum(h.startswith(leads) for h in heads) >= len(heads) - 1, (n, heads)


def test_a_problem_says_buguo_once():
    """理论学习的深度和系统性仍不够。集中学习后跟进讨论、消化吸收不够 (江口乡, a fresh draft), and a part two of
    two or three hundred characters saying 不够 five times (龙潭镇; blind readers: 仍不够、还不够一路排下来).
    A problem or cause says 不够 once in the tool's own words (呼应.yaml → 段内一次).

    (Each problem and cause is its own paragraph to the chooser, also where an author runs the causes on in one.)"""
    twice = []
    for path in sorted(EXAMPLE_INPUTS):
        data = load_example(path)[0]
        for n in range(1, 60, 4):
            for b in render(data, style=n, base=path.parent).parts[1].blocks:
                said: Counter = Counter()
                for s in b.spans:
                    if s.source.startswith("词库:问题/"):
                        said[s.source] += s.text.count("不够")
                if said and max(said.values()) > 1:
                    twice.append((path.stem, n, b.text))
    assert not twice, twice[:5]


def test_the_woven_family_figures_do_not_meet_another_dai():
    """镇党委带领全镇14个村党组织、689名党员，带着班子成员反复研读… (桃源镇, 48th blind reading: 带领、带着连用): an
    opening that weaves what the committee leads into its first sentence takes a start without its own 带."""
    from generator.compose import author_spec

    spec = author_spec(None)
    woven = [n for n in range(1, int(spec["风格数"]) + 1) if make_author(spec, n).opening == "家底入句"][:12]
    clashes = []
    for n in woven:
        for i in range(12):
            data = minimal(基本情况={"村党组织": 14, "党员": 689})
            data["报告"] = dict(data["报告"], 单位=f"{'桃杏李梨'[i % 4]}{'源园山'[i // 4]}镇")
            first = render(data, style=n).blocks()[2].text.split("。")[0]
            if "带领" in first and "带着" in first:
                clashes.append((n, first))
    assert not clashes, clashes[:3]


def test_a_habit_does_not_make_an_odd_collocation():
    """根据评议会的程序, 根据先急后缓的次序 (48th blind reading: 怪话): the 按照 → 根据 habit leaves a sentence that
    follows a procedure or an order as it is; and no count is hung on a thing that is not counted
    (将意识形态工作摆上议事日程2次)."""
    import yaml

    odd = re.compile(r"根据[^，。：]{0,10}(?:程序|次序)")
    said = []
    for path in EXAMPLE_INPUTS:
        data = load_example(path)[0]
        for n in range(1, COUNT + 1, 5):
            said += [m.group() for b in render(data, style=n, base=path.parent).blocks() for m in odd.finditer(b.text)]
    assert not said, sorted(set(said))
    practices = yaml.safe_load((ROOT / "templates/做法.yaml").read_text(encoding="utf-8"))["做法"]
    hung = [w for theme in practices.values() for p in theme.values()
            for ws in (p.get("带数说法") or {}).values() for w in ws if "议事日程{{数量}}" in w]
    assert not hung, hung


def test_the_opening_does_not_say_what_it_follows_twice_in_a_row():
    """依据县委的统一安排，突出重点抓落实。按照述职评议会的议程，现就…述职如下 (龙潭镇, 49th blind reading: 两个依据、
    按照挨着): after a line of duty that says what it follows, the hand-over sentence takes a form without a
    reason (现将本人…)."""
    according = ("按照", "根据", "依据", "遵照", "依照")
    twice = []
    for i in range(60):
        data = minimal()
        data["报告"] = dict(data["报告"], 单位=f"{'东西南北中'[i % 5]}{'山河湾岭坪沟梁川甸营塬峪'[i // 5]}镇")
        sentences = [x for x in render(data).blocks()[2].text.split("。") if x]
        twice += [(a, b) for a, b in zip(sentences, sentences[1:]) if a.startswith(according) and b.startswith(according)]
    assert not twice, twice


def test_the_opening_names_the_guiding_thought_once_where_the_years_study_holds_it():
    """社区党委把习近平新时代中国特色社会主义思想当作……，把学习贯彻习近平新时代中国特色社会主义思想主题教育当作……
    (河西社区 2023, a fresh input): once the opening has named the guiding thought, 2023's study is its short
    name (era.yaml → 学习教育简称), over every author and both tiers."""
    thought = "习近平新时代中国特色社会主义思想"
    twice, short = [], 0
    for style in range(1, 41):
        for level, unit in (("村", "河西村"), ("镇", "河西镇")):
            data = minimal()
            data["报告"] = dict(data["报告"], 年度=2023, 层级=level, 单位=unit)
            opening = render(data, style=style).blocks()[2].text
            short += "主题教育" in opening and "思想主题教育" not in opening
            if opening.count(thought) > 1:
                twice.append(opening)
    assert short and not twice, twice[:2]


def test_a_brand_whose_meaning_names_a_thing_stands_beside_it_in_the_opening():
    """擦亮“古城红管家”党建品牌，由社区党员、物业、商户党员组成的老城区楼院服务队伍。 (城关街道 2025, 56th blind reading:
    残句，缺谓语): a brand meaning that names a thing (呼应.yaml → 名词尾) is set beside the name (开头.yaml →
    品牌名词含义), never run on after a comma; a meaning that says what is done still may be."""
    meaning = "由社区党员、物业、商户党员组成的老城区楼院服务队伍"
    beside, run_on = 0, []
    for style in range(1, 61):
        data = minimal()
        data["报告"] = dict(data["报告"], 层级="街道", 单位="城关街道", 职务="党工委书记", 品牌="古城红管家", 品牌含义=meaning)
        opening = render(data, style=style).blocks()[2].text
        if meaning in opening:
            beside += 1
            if f"，{meaning}" in opening or f"{meaning}。" in opening:
                run_on.append(opening)
    assert beside >= 20 and not run_on, run_on[:2]


def test_a_series_member_said_of_some_fields_heads_only_their_items():
    """把富民产业抓严抓紧 (桃源镇, 48th blind reading: 搭配不当): a member of a heading series that is said only of some
    fields (作者.yaml → 序列只配) heads only their items; the 抓实 family's others, 抓精抓优 among them, head the rest."""
    from generator.loader import load_yaml_file

    only = SPEC["序列只配"]
    base = load_yaml_file(INPUTS / "2024.yaml")[0]
    authors = [n for n in range(1, COUNT + 1) if make_author(SPEC, n).heading_one == "抓实"][:8]
    wrong, said = [], 0
    for n in authors:
        for unit in ("青石镇", "白杨镇", "东坝镇"):
            data = copy.deepcopy(base)
            data["报告"]["单位"] = unit
            for theme in ("意识形态", "作风建设", "品牌创建"):   # six items: the family's series serves them all
                data["亮点"].pop(theme)
            for b in render(data, style=n).parts[0].blocks:
                for s in b.spans:
                    theme = s.source.removeprefix("词库:作者/") if s.source.startswith("词库:作者/") else ""
                    for member, fields in only.items():
                        if theme and s.text.rstrip("。").endswith(member):
                            said += 1
                            if not any(f in theme for f in fields):
                                wrong.append((n, unit, s.text, theme))
    assert said and not wrong, wrong[:4]


def test_a_heading_of_members_in_the_lead_stands_over_members_in_the_lead(sample):
    """在先锋引领上下深功。对党员的违纪苗头早发现、早提醒。 (沙河村 of the sample, read beside three other villages):
    先锋引领 and 党员作用 promise members who lead (呼应.yaml → 凭据词), not members kept in line."""
    evidence = ("先锋", "带头", "示范", "亮身份", "亮明身份", "挑大梁", "冲在前", "表率", "作用", "志愿")
    wrong = []
    for draft in sample:
        for part in (draft.parts[0], draft.parts[2]):
            for b in part.blocks:
                head = next((s.text for s in b.spans if s.lead and s.source.startswith("词库:作者")), "")
                said = b.text.replace(head, "")
                if any(k in head for k in ("先锋引领", "党员作用")) and said and not any(w in said for w in evidence):
                    wrong.append(b.text)
    assert not wrong, wrong


def test_two_openings_seldom_share_their_whole_first_sentence(sample, towns):
    """遇事先从……里找立场、找方法，按照……的部署要求推动基层党建往实处走 in two of five drafts (49th blind reading):
    a 起句 is said in three parts drawn apart (开头.yaml → 起句: time, the clause on the guiding thought, the clause
    on the year's meetings), so two drafts that meet on one clause seldom meet on the other (over the sample and
    the town variants: five pairs meeting on both before, one now)."""
    rows = []
    for draft in [*sample, *towns]:
        span = next((s for s in draft.opening[0].spans
                     if s.source == "年度" and ("习近平" in s.text or "创新理论" in s.text)), None)
        if span is None:
            continue
        parts = [p for p in re.split("[，。]", span.text) if p]
        theory = next(p for p in parts if "习近平" in p or "创新理论" in p)
        meeting = next((p for p in parts if "全会" in p or "二十大" in p), "")
        rows.append((theory[theory.find("委") + 1:], meeting))
    both = [(a, b) for a, b in combinations(rows, 2) if a == b]
    assert len(rows) > 30 and len(both) <= 1, both


def test_a_warning_by_example_does_not_bear_out_study(sample):
    """做实学习教育文章 over a group whose second point is 管好小微权力 … 用典型案例给党员干部提个醒 (王家台村 of the
    sample, read at the end of the 40th stop): 警示教育 held 教育, which bore out 学习教育 (呼应.yaml → 凭据词). Study
    is borne out by study, 党课, 培训, 读书; a heading of 党性教育 still fits such a group."""
    import yaml

    words = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["凭据词"]["学习教育"]
    assert "教育" not in words
    heads = [s.text for d in sample for b in d.parts[0].blocks for s in b.spans
             if s.lead and "学习教育" in s.text and "小微权力" in b.text]
    assert not heads, heads


def test_the_sample_batch_does_not_deny_in_part_two_what_part_one_tells(sample):
    """Three pairs of the 51st blind reading (five villages of the sample read blind): 坚持集中学习与个人自学相结合 vs
    个人自学缺少督促 (沙河村: a stock frame that claims a routine needs the item to show it, 呼应.yaml → 凭据词);
    由支部牵头办起合作社2个 vs 抓党建和抓产业各有一套，互不搭界 (胜利村); 租给养殖大户…每年收租金 vs 集体收入多是一次
    性的，稳定的进项少 (北坡村): the elaborations are not said beside those highlights (不与亮点)."""
    pairs = (("个人自学相结合", "个人自学缺少督促"), ("合作社", "互不搭界"), ("每年收租金", "稳定的进项少"))
    clash = [(a, b) for d in sample for a, b in pairs
             if a in "".join(x.text for x in d.parts[0].blocks) and b in "".join(x.text for x in d.parts[1].blocks)]
    assert not clash, clash


def test_a_formulation_that_speaks_of_no_item_is_said_in_the_opening_only():
    """将这项工作纳入“一坪一策”，利用农闲时节组织党员冬春训 (大坪乡, a fresh input; 53rd blind reading: 理论学习没法
    “纳入”草场的办法): a 本地提法 sharing no word with any item of part one is not laid over the first item; the
    opening names it, as before."""
    from conftest import minimal
    from generator.api import render

    for unit in ("大坪乡", "高山乡", "草原乡", "石门乡", "白云乡"):
        data = minimal()
        data["报告"].update(单位=unit, 层级="乡", 本地提法=[{"名称": "一坪一策", "含义": "每个片区按路况定一套走访的顺序"}])
        draft = render(data)
        assert "一坪一策" in draft.blocks()[2].text
        assert not [b.text for b in draft.parts[0].blocks if "一坪一策" in b.text], unit


def test_an_author_who_runs_causes_on_runs_each_side_on_too():
    """先从主观上找：／抓党建的方法仍不够多。／再从客观上找：／这6个村都在高山上…… (青龙镇, a fresh input; 52nd blind
    reading: 冒号后面换行，只接半句话，一看就是模板): an author who runs the causes on after their lead-in does so
    for each side of 主观 and 客观 too, one paragraph a side."""
    from conftest import minimal
    from generator.api import render

    data = minimal(问题=["党员作用发挥不够", {"自述": "全镇有6个村没有集体经营收入", "主题": "产业发展"}],
                   原因=["工作方法欠缺", "思想认识不到位",
                         {"自述": "这6个村都在高山上，地块碎，办不起像样的产业", "主题": "产业发展"}])
    seen = 0
    for style in range(1, COUNT + 1):
        draft = render(data, style=style)
        # a side of one cause runs on whoever the author (从主观上看：／主动探索的意识仍不强。 a line each: 杨家庄村),
        # and then the other side too, never one side of each way (光明村)
        assert not [b.text for b in draft.parts[1].blocks
                    if all(s.source == "词库:问题/客观引语" for s in b.spans)], style
        assert not [b.text for b in draft.parts[1].blocks
                    if all(s.source == "词库:问题/主观引语" for s in b.spans)], style
        if draft.skeleton[3].startswith("主客") and "连写" in draft.skeleton[3]:
            seen += 1
            alone = [b.text for b in draft.parts[1].blocks
                     if all(s.source in ("词库:问题/主观引语", "词库:问题/客观引语") for s in b.spans)]
            assert not alone, (style, alone)
            runs = [b for b in draft.parts[1].blocks if b.spans[0].source == "词库:问题/主观引语"]
            assert runs and "一是" in runs[0].text, style
    assert seen >= 5, seen


def test_a_two_theme_groups_aims_speak_for_both():
    """（二）从责任入手，筑牢廉洁防线 over an item whose first point was the system of responsibility (金鸡镇, a fresh
    input; 53rd and 54th blind readings: 标题和内容对不上). The 责任 group's words are used only when it holds both
    责任落实 and 作风建设, so each of its aims speaks of both or of neither (呼应.yaml → 主题词), never of one."""
    import yaml

    echoes = yaml.safe_load((ROOT / "templates" / "呼应.yaml").read_text(encoding="utf-8"))["主题词"]
    # (政治 with 意识形态 is one field to a reader: 把稳政治方向 speaks for both)
    pairs = {g["名"]: tuple(g["主题"]) for groups in SPEC["分组"].values() for g in groups
             if len(g["主题"]) == 2 and g["名"] == "责任"}
    assert pairs
    for name, themes in pairs.items():
        for aim in SPEC["词汇"][name]["标"]:
            spoken = [t for t in themes if any(w in aim for w in echoes[t])]
            assert len(spoken) != 1, (name, aim, spoken)


def test_figures_before_the_years_sentence_are_not_dated_by_the_year_again():
    """2020年末，全街道下设社区党组织8个，党员总数为1570名。2020年，正值……收官之年。 (江北街道 2020, 57th blind reading:
    时间状语重复): an author who puts the unit's figures first, before a sentence that opens on the year, dates
    them otherwise (到年底, 目前) or not at all."""
    opened = 0
    for n in range(1, COUNT + 1):
        if make_author(SPEC, n).opening != "家底在前":
            continue
        data = minimal(基本情况={"社区党组织": 8, "党员": 1570})
        data["报告"] = dict(data["报告"], 年度=2020, 层级="街道", 单位="江北街道", 职务="党工委书记")
        opening = render(data, style=n).blocks()[2].text
        if "。2020年" in opening:
            opened += 1
            assert not opening.startswith("2020年"), opening
    assert opened >= 2


def test_a_rectification_heading_promises_all_done_only_when_all_is_done():
    """八是抓整改，上年问题对账清零 over 去年查摆的……还在整改 (龙井乡, a fresh input): 清零, 销号, 兑现 head the 整改 item
    only when no problem of last year's is still in hand (呼应.yaml → 凭据词)."""
    promise = ("清零", "销号", "兑现", "有始有终")
    said = {"all": 0, "some": 0}
    for kind in ("all", "some"):
        for n in range(1, 120):
            data = minimal()
            data["整改"] = {"已完成": [{"问题": "软弱涣散村整顿不彻底", "做法": "重选了支部书记"}]}
            if kind == "some":
                data["整改"]["持续推进"] = [{"问题": "集体经济薄弱村较多", "进展": "还有5个村在找项目"}]
            draft = render(data, style=n)
            block = next(b for b in draft.parts[0].blocks if "去年查摆" in b.text or "还在整改" in b.text)
            head = "".join(s.text for s in block.spans if s.lead)
            said[kind] += any(w in head for w in promise)
    assert said["all"] and not said["some"], said
