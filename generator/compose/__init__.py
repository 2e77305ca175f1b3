"""Compose: a validated `Report` plus the phrase banks → a plain `Draft` (no python-docx here).

The draft has the standard four parts: 开头, 一、履职工作特色和亮点, 二、存在的问题及原因,
三、下一步工作思路和措施 (for year + 1). Each part has its own module, and each first *plans* what an item
says (which of the clerk's practices, figures and cases, in which architecture) and then words it.

Every wording choice goes through one `Choose` seeded by (单位, 年度, variant), so the same input always
gives the same text and different units read differently. Figures come only from the report, deeds only
from the practices the clerk confirmed and their own words; the banks hold stance and framing. Every span
records its source (see `model.Span`).
"""
from __future__ import annotations

import datetime as dt
from functools import partial
from collections.abc import Mapping
from typing import Any

from ..bank import Bank, Picker
from ..bundle import Templates, load_templates
from ..facts import Report
from ..levels import URBAN
from ..errors import Problem
from ..model import Draft, Meta, Part, Span
from .author import PLAIN, Author, Hand, make_author, unit_style
from .choose import RUN_CHARS, Choose, _grams
from .habits import own_org_habit, reword_blocks, with_adverbs
from .headings import SLOT, Headings
from .local import brand_home, brand_told, home_themes
from .highlights import highlights
from .measures import measures
from .opening import opening
from .problems import problems
from .text import break_title, chinese_date, sentence

__all__ = ["compose", "sentence", "chinese_date", "break_title"]


def compose(report: Report, templates: Templates | None = None, variant: int = 0, style: int | None = None,
            seat: int | None = None) -> Draft:
    """Return the draft for `report` from `templates` (the bundle `load_templates` gives; the bundled one by
    default); `variant` selects another wording of the same facts, `style` another author (else the report's
    风格, else the unit's own); `seat`, the draft's place in a batch, makes the drafts of one table choose
    different wordings of each slot (see `bank.Picker`)."""
    templates = templates or load_templates()
    bank = templates.bank
    info = report.info
    warnings = list(report.warnings)
    authors = templates.authors
    author = choose_author(authors, style or info.style, info.unit, warnings)
    report = placed_overview(report, author)
    report = own_failings_first(report, author, bank)
    ctx = context(report, bank, warnings, author.number, author.theory, templates.era)
    # no formulation of a later year (era.yaml → 年份标志: 两个确立 in a 2019 report's plans)
    later = tuple(w for w, y in (templates.era.get("年份标志") or {}).items() if int(y) > info.year)
    pick = Choose(bank, Picker(info.unit, info.year, variant, seat), info.tier, ctx, later=later,
                  run_chars=int((authors or {}).get("连句字数") or RUN_CHARS))
    match = templates.matcher
    leads, worded = last_wording(report, templates, style)
    last_words = "\n".join(worded)
    # the author's heading families: words by seat in a batch, none of the level's 不用词, none said last year
    # (part one has at most one item a theme; part three's items are fewer, and a series that runs out there
    # gives way item by item: checked for part three too, most of its families would be passed over)
    families = {"一": _family_for(authors, author.heading_one, info.tier, "一", len(report.themes)),
                "三": _family_for(authors, author.heading_three, info.tier)}
    pick.layout["标题"] = families["一"]
    heads = Headings(authors, families, pick.pick.number,
                     stale=lambda word: bool(last_words) and word in last_words, draw=pick.pick.draw,
                     avoid=pick.avoid + _no_brand(report, info), fits=match.supported, shared=match.shared)
    structure = bank.get("结构")
    if info.brand and not brand_told(report):
        ctx = {**ctx, "品牌": ""}
        warnings.append(Problem(f"只写了品牌名称“{_unquoted(info.brand)}”，没有写它的含义，“亮点”里也没有品牌创建的"
                                "内容，报告里就没有提这个品牌（只有一个名字，读的人不知道它是什么）。请在“报告”下加一行 "
                                "品牌含义: 一句话说明它的意思，或在“亮点 → 品牌创建”下写做法和事例。", path=("报告", "品牌")))
    pick.set_draft(author=author, hand=Hand(author, (authors or {}).get("语体标记")) if author.register else None,
                   match=match,
                   troubles=_troubles(report, bank),
                   last_leads=leads, avoid_grams=set().union(*map(_grams, worded)) if worded else set(),
                   heads=heads,
                   # 本地提法 and the brand: the themes of part one (and three) that carry each
                   local=home_themes(report, author.order, match.stop, match.theme_words),
                   brand=(brand_home(report, author.order, match.stop, match.theme_words)
                          if bank.has("亮点", "品牌呼应") else None),
                   ctx=ctx)

    first = opening(report, bank, pick, ctx)
    pick.heads.after_opening(first.text)
    part_one = highlights(report, bank, pick, ctx, warnings)
    part_two, last_line = problems(report, bank, pick, ctx, warnings)
    part_three = measures(report, bank, pick, ctx, warnings, after=last_line, catalogue=templates.catalogue)
    # the author's word habits last, over the whole draft (将 for 把, 使 for 让 …); before them, a formal
    # author's adverbs on the deeds of part one and the plans of part three (深入开展, 进一步完善), never on
    # part two, where 严格落实“三会一课”重形式 would turn a shortcoming into a boast
    said = partial(reword_blocks, habits=(*_own_org(report, bank), *author.habits), tally={})
    parts = (Part(structure["第一部分"], said(with_adverbs(part_one, author.adverbs_one))),
             Part(structure["第二部分"], said(part_two)),
             Part(structure["第三部分"], said(with_adverbs(part_three, author.adverbs_three))))
    head = f"{info.unit}{info.post}{info.year}年度"
    name = Span(info.name, source="报告:姓名") if info.name else Span("【待补充：姓名】", missing=True, source="待补充:报告.姓名")
    return Draft(
        title_lines=break_title(head, structure["标题尾"], unit=info.unit, post=info.post),
        signature=(Span(f"{info.unit}{info.post}\u3000", source="报告:署名"), name),
        opening=said((first,)),
        parts=parts,
        sign_name=(name,),
        sign_date=(Span(chinese_date(info.date), source="报告:日期"),) if info.date
        else (Span("【待补充：日期】", missing=True, source="待补充:报告.日期"),),
        meta=Meta(title=head + structure["标题尾"], author=info.name or info.org,
                  subject=f"{info.year}年度抓基层党建工作述职报告",
                  created=dt.datetime.combine(info.date or dt.date(info.year, 12, 31), dt.time(9, 0))),
        warnings=tuple(warnings),
        style=author.number,
        skeleton=realised(author, pick.layout),
    )


def _own_org(report: Report, bank: Bank) -> tuple:
    """The habit that names a 党总支's or 党委's own organisation as such (habits.own_org_habit), if any."""
    if not bank.has("称谓", "本单位改称"):
        return ()
    habit = own_org_habit(bank.get("称谓", "本单位改称"), _org_kind(report, bank))
    return (habit,) if habit is not None else ()


def _org_kind(report: Report, bank: Bank) -> str:
    """A village's or community's organisation when it is not a 党支部 (党总支, 党委: 称谓.yaml → 按组织), else ""."""
    info = report.info
    if info.tier != "村" or not bank.has("称谓", "按组织"):
        return ""
    return next((k for k in (bank.get("称谓", "按组织") or {}) if info.org.endswith(k)), "")


def _troubles(report: Report, bank: Bank) -> str:
    """What the clerk says falls short, as text (units._modest): their own problems and causes, and the names
    and keywords of the bank problems they chose (组织生活质量不高 → 组织生活, 三会一课: a 三会一课 worded as
    不走过场 beside it read as a contradiction in the twelfth blind reading)."""
    kinds = bank.get("问题", "问题") if bank.has("问题", "问题") else {}
    said = [x for i in report.problems + report.causes if i.kind is None for x in (i.text, i.detail)]
    for item in report.problems:
        kind = kinds.get(item.kind or "") or {}
        names = kind.get("简称") or ()
        said += [item.kind or "", *([names] if isinstance(names, str) else names), *(kind.get("关键词") or ())]
    return "；".join(filter(None, said))


# the theme whose item the unit's 家底 leads, for the authors who do not open with it, and the latest place
# (0-based, among the themes the report has) that item may take for it to do so
OVERVIEW_THEME = "组织建设"
OVERVIEW_LATEST = 1


def placed_overview(report: Report, author: Author) -> Report:
    """The report with its 家底 where the author puts it: in the opening (as it comes), or leading the
    组织建设 item, which then states them first (the opening keeps them when there is no such item)."""
    if author.overview_first or not report.overview:
        return report
    from dataclasses import replace

    home = next((tf for tf in report.themes if tf.theme == OVERVIEW_THEME), None)
    if home is None:
        return report
    # … only where that item comes early: 全村现有党员65名 opening the fourth item read as 村情放错了位置
    # (eleventh blind reading); later in part one the opening keeps them
    told = [t for t in author.order if any(tf.theme == t for tf in report.themes)]
    if OVERVIEW_THEME in told and told.index(OVERVIEW_THEME) > OVERVIEW_LATEST:
        return report
    themes = tuple(replace(tf, facts=report.overview + tf.facts) if tf is home else tf for tf in report.themes)
    return replace(report, overview=(), themes=themes)


def own_failings_first(report: Report, author: Author, bank: Bank) -> Report:
    """The report with the writer's own failings first among the problems, for the authors who put them there
    (作者.yaml → 本人问题在前): a bank kind marked 自身 (精力投入不足), or the clerk's own words about 本人. The
    rest keep the clerk's order."""
    if not author.self_first or not report.problems or not bank.has("问题", "问题"):
        return report
    kinds = bank.get("问题", "问题")

    def own(item) -> bool:
        return bool((kinds.get(item.kind or "") or {}).get("自身")) or (item.kind is None and "本人" in (item.text or ""))

    first = [p for p in report.problems if own(p)]
    if not first or own(report.problems[0]):
        return report
    from dataclasses import replace

    return replace(report, problems=tuple(first + [p for p in report.problems if not own(p)]))


def last_wording(report: Report, templates: Templates, style: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Last year's draft, as the tool worded it for the same author: the leads of its part three (this
    year's plan must not read like last year's) and every span in the banks' or the catalogue's words."""
    last = report.last.report if report.last is not None else None
    if last is None:
        return (), ()
    draft = compose(last, templates, style=style or report.info.style)
    leads = tuple(s.text for b in draft.parts[2].blocks for s in b.spans
                  if s.source.startswith("词库:措施/") and s.source.endswith("/要点") or s.source.startswith("词库:作者/"))
    worded = tuple(s.text for b in draft.blocks() for s in b.spans if s.source.startswith(("词库", "做法")))
    return leads, worded


def author_spec(root) -> dict | None:
    """templates/作者.yaml: the authors' dimensions, heading families and registers (None for a township's
    templates folder of an earlier version, whose drafts keep the one layout they had)."""
    return load_templates(root).authors


def realised(author: Author, layout: dict) -> tuple:
    """The author's skeleton as this draft took it: part one laid out as its facts allowed (two groups at
    least to group; a group too rich for one paragraph as paragraphs), part two paired only when there are
    problems and causes to pair."""
    one, order, family, two, three = author.skeleton
    return (layout.get("一", one), order, layout.get("标题", family), layout.get("二", two), three)


def _family_for(spec: dict | None, family: str, tier: str, part: str = "一", items: int = 0) -> str:
    """The author's heading family, or, where it is not for this level (高质量强思想 over a village of
    seventy members read as grand: 作者.yaml → 标题家族 → 层级) or its series has fewer members than the part
    may have items (把X抓稳抓牢 … for six items, then the seventh in another form: 24th blind reading), the
    next family in the list that fits."""
    families = (spec or {}).get("标题家族") or {}
    series = (spec or {}).get("序列") or {}
    names = list(families)
    if not family or family not in families:
        return family

    def fits(name: str) -> bool:
        entry = families[name]
        if not isinstance(entry, dict):
            return True
        short = any(is_series and len(series.get(name) or ()) < items
                    for is_series, name in SLOT.findall(str(entry.get(part, ""))))
        # a form mostly fixed words reads as a drum beat past a few items (九条“在…上着力”: 35th blind reading)
        many = bool(entry.get("至多")) and items > int(entry["至多"])
        return tier in (entry.get("层级") or (tier,)) and not short and not many

    # a stand-in first (作者.yaml → 替补): the next family in the list is another author's own, and in a batch of
    # one township the neighbour's (two villages with one part-three family: the sample read side by side)
    stand_ins = [n for n in names if isinstance(families[n], dict) and families[n].get("替补")]
    if not fits(family):
        # … one of several, by the family that gives way: with one, five villages of the sample shared it
        fitting = [n for n in stand_ins if fits(n)]
        named = families[family].get("让位") if isinstance(families[family], dict) else None
        if named in fitting:   # the family's own (作者.yaml → 让位): a township's drafts do not meet on one
            return str(named)
        if fitting:
            return fitting[names.index(family) % len(fitting)]
    start = names.index(family)
    return next((n for n in names[start:] + names[:start] if fits(n) and n not in stand_ins), family)


def choose_author(spec: dict | None, style: int | None, unit: str, warnings: list) -> Author:
    """The author of this draft: the one named, else the unit's own; PLAIN for templates without 作者.yaml."""
    if spec is None:
        return PLAIN
    count = int(spec["风格数"])
    if style is not None and not 1 <= style <= count:
        warnings.append(Problem(f"风格 {style} 超出范围：只有 1 到 {count} 种写法，这次用了第 {(style - 1) % count + 1} 种。",
                                path=("报告", "风格")))
        style = (style - 1) % count + 1
    return make_author(spec, style or unit_style(unit, count))


def context(report: Report, bank: Bank, warnings: list[Problem], author: int = 0, theory: str = "全称",
            era: dict | None = None) -> dict[str, Any]:
    """Return the variables every bank string may use: level nouns, names, era formulations (the year's
    line in the author's own wording of it, one of the equivalent 会议精神说法)."""
    info = report.info
    words = dict(bank.get("称谓", info.level)) if bank.has("称谓", info.level) else dict(bank.get("称谓", info.tier))
    if info.tier == "村" and info.org.startswith(info.unit):
        words["本级"] = info.level + info.org[len(info.unit):]
    kind = _org_kind(report, bank)
    if kind:   # a 社区党委's members are 党委委员 (称谓.yaml → 按组织)
        words.update(bank.get("称谓", "按组织")[kind])
    era = era if era is not None else load_templates(bank.root).era
    year_terms = (era.get("年度") or {}).get(info.year)
    if year_terms is None:
        year_terms = era["通用"]
        warnings.append(Problem(f"年度提法文件 era.yaml 里没有 {info.year} 年，开头只用了通用提法（不点名会议和学习教育）。"
                                "请核对当年的会议精神和学习教育提法，或请维护者更新 templates/era.yaml。",
                                path=("报告", "年度")))
    aimed_above = bool(year_terms.get("学习教育对象"))
    return {
        **words,
        "单位": info.unit,
        "组织": info.org,
        "职务": info.post,
        # a clerk who left 上级 empty gets the neutral word (称谓.yaml → 上级未填), not a guessed 县委
        "上级": info.superior or (bank.get("称谓", "上级未填") if bank.has("称谓", "上级未填") else "上级党委"),
        "层级": info.level,
        "年度": info.year,
        "下年": info.year + 1,
        # the bank quotes them (“{{品牌}}”): a clerk who wrote the quotes too is not printed ““…””
        "主题": _unquoted(info.theme),
        "品牌": _unquoted(info.brand),
        "品牌含义": (info.brand_meaning or "").strip().rstrip("。"),
        "指导思想": era["指导思想"],
        # the opening's name for it: the full name, or 党的创新理论 for the authors who write it so
        "理论": era["指导思想"] if theory != "简称" else "党的创新理论",
        "会议精神": _line(year_terms, author),
        # A 学习教育 aimed at county-level leaders is not claimed as the township's or village's own
        # activity; the report measures itself against its requirement instead.
        "学习教育": "" if aimed_above else (year_terms.get("学习教育") or ""),
        "对照学习教育": _own_wording(year_terms, "基层说法", author) if aimed_above else "",
        # its short name, once the opening has named the guiding thought its full name holds (主题教育)
        "学习教育简称": year_terms.get("学习教育简称") or "",
        "年份定位": year_terms.get("年份定位") or "",
        # the year's congress met late in it (2022): the opening does not say it guided the year's work
        "会议在年末": bool(year_terms.get("会议在年末")),
        # the year's central task, as villages and towns or streets and communities had it (脱贫攻坚, 疫情防控)
        "中心工作": (year_terms.get("中心工作") or {}).get("城市" if info.level in URBAN else "乡村") or "",
        # the year's election is named for villages (村“两委”换届); a 社区 or 街道 elects its 社区“两委”; a
        # village or community names its own of 村（社区）“两委” (依法依规完成村（社区）“两委”换届 in a village's
        # draft: 57th blind reading, 模板括号没替换)
        "换届": (year_terms.get("换届") or "村“两委”换届").replace("村“两委”", words.get("两委", "村“两委”"))
        .replace("村（社区）“两委”", words.get("两委", "") if info.tier == "村" else "村（社区）“两委”"),
    }


def line_forms(year_terms: Mapping[str, Any]) -> list[str]:
    """The wordings of the year's line an author may say: those without 、 when there are some. A form
    like 党的二十大和二十届二中、三中全会精神 is cut at its 、 into a clause that is nothing but the
    formulation (…党的二十大和二十届二中), the same in every draft whatever words lead into it; the
    forms without 、 sit whole inside a clause of the author's own words."""
    forms = [year_terms["会议精神"], *(year_terms.get("会议精神说法") or ())]
    whole = [f for f in forms if "、" not in f]
    return whole or forms


def _own_wording(year_terms: Mapping[str, Any], key: str, author: int) -> str:
    """The author's wording of one of the year's fixed lines (基层说法 and its 基层说法说法): the same line said
    word for word in two drafts reads as one sentence bank under both."""
    forms = [f for f in [year_terms.get(key), *(year_terms.get(key + "说法") or ())] if f]
    return _authors(forms, key, author) if forms else ""


def _line(year_terms: dict, author: int) -> str:
    return _authors(line_forms(year_terms), "era", author) if author else year_terms["会议精神"]


def _authors(forms: list[str], key: str, author: int) -> str:
    """The one of `forms` this author says, every year the same (author 0, no author: the first)."""
    if not author:
        return forms[0]
    import hashlib

    return forms[int.from_bytes(hashlib.blake2b(f"{key}|{author}".encode(), digest_size=4).digest(), "big") % len(forms)]


def _unquoted(name: str | None) -> str:
    """A theme or brand as the bank quotes it (“{{主题}}”): without the clerk's own outer quotes, and with quotes
    inside it made single, as quotes within quotes are written (锚定“党建引领‘家门口’服务”, not “党建引领“家门口”服务”)."""
    bare = (name or "").strip().strip("“”\"「」『』‘’'").strip()
    return bare.replace("“", "‘").replace("”", "’")


def _no_brand(report: Report, info) -> tuple[str, ...]:
    """Heading words to leave out: 品牌 (育品牌, 擦亮党建品牌) when the unit has none — neither a brand in
    报告 nor anything about one in what the clerk wrote; a heading of a part-three item on 创新 then speaks of
    特色 and 创新 instead."""
    from .conditions import input_text

    return () if info.brand or "品牌" in input_text(report) else ("品牌",)
