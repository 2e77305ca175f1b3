"""Turn loaded input data into a typed `Report`, reporting every problem at once in Chinese.

Two passes over the same data: pydantic checks the fixed structure (报告, 措施, types), and the catalogue
pass checks what only the catalogue knows (metric names, units, bounds, problem kinds). Both produce
`Problem`s located by key path and, when the data came from a file, by line and column.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .advice import Advice, own, part, worded
from .catalogue import TIERS, Catalogue, levels_text, load_catalogue, tier
from .errors import InputError, Problem
from .facts import Done, Info, Item, Report, ThemeFacts
from . import forms
from .normalise import XML_ILLEGAL
from .schema import InputFile
from .validation.context import Context, Marks, clip, own_unit, sentence_body, writer_names
from .validation.figures import facts_block, free_facts, read_targets, warn_targets
from .validation.last_year import read_last_year
from .validation.messages import did_you_mean, translate, without_blanks
from .validation.counts import warn_counts, warn_thin_figures
from .validation.next_year import warn_next_year, warn_relative_year


MAX_TEXT = 2000
_FILLER_NAME = re.compile(r"某某|XX|xx|××|\*\*")


def validate(data: Any, marks: Marks | None = None, source: str | None = None,
             catalogue: Catalogue | None = None, last: Report | None = None,
             era: Mapping[str, Any] | None = None) -> Report:
    """Return the typed report for `data`, or raise `InputError` listing every problem found.

    `last` is last year's report (from 报告 → 上年, validated on its own): its year and unit are checked
    against this one, and its targets and problems are carried for part one to answer. `era`: the bundle's
    era.yaml, for what next year brings (validation.next_year)."""
    cat = catalogue or load_catalogue()
    ctx = Context(marks or {}, source)
    if not isinstance(data, Mapping):
        kind = "列表" if isinstance(data, list) else "一个值"
        raise InputError(f"{source or '输入'}：文件的最外层应该是“键: 值”的形式（报告:、亮点: ……），"
                         f"现在是{kind}。请对照 gen-report init 生成的模板修改。")
    _check_text(data, (), ctx)
    data = _forms(data)
    model = None
    blank: set[tuple] = set()
    try:
        model = InputFile.model_validate(without_blanks(data, (), blank))
    except ValidationError as exc:
        for problem in translate(exc, blank, ctx):
            ctx.problems.append(problem)
    report_raw = data.get("报告") if isinstance(data.get("报告"), Mapping) else {}
    ctx.tier = tier(report_raw["层级"]) if report_raw.get("层级") in TIERS else None
    ctx.level = report_raw.get("层级") if ctx.tier else None
    ctx.foreign = tuple(w for level, words in cat.self_words.items() if ctx.level and level != ctx.level
                        and ctx.level in cat.self_words for w in words)
    ctx.writer = writer_names(ctx.level, report_raw.get("单位") if isinstance(report_raw.get("单位"), str) else None,
                              report_raw.get("职务") if isinstance(report_raw.get("职务"), str) else None)
    overview_raw = data.get("基本情况")
    overview = facts_block(_without(overview_raw, "其他"), ("基本情况",), "基本情况", cat, ctx)
    if isinstance(overview_raw, Mapping):
        overview += free_facts(overview_raw.get("其他"), ("基本情况", "其他"), ctx)
    themes = _themes(data.get("亮点"), cat, ctx)
    measures = data.get("措施") if isinstance(data.get("措施"), Mapping) else {}
    targets = read_targets(measures.get("目标"), cat, ctx)
    problems = _items(data.get("问题"), "问题", cat.problems, cat, ctx)
    causes = _items(data.get("原因"), "原因", cat.causes, cat, ctx)
    if ctx.problems or model is None:
        raise InputError(f"{source or '输入'} 有 {len(ctx.problems)} 处需要修改：", _sorted(ctx.problems))
    info = _info(model, ctx)
    last_year = read_last_year(last, info, model, themes, ctx, problems, cat.echoes)
    if ctx.problems:
        raise InputError(f"{source or '输入'} 有 {len(ctx.problems)} 处需要修改：", _sorted(ctx.problems))
    wanting = {w: p.kind for p in problems if p.kind for w in cat.problems[p.kind].plans}
    wanting.update({p.text: clip(p.text) for p in problems if p.text})
    warn_targets(themes, targets, ctx, wanting)
    if len(problems) < MIN_PROBLEMS:
        ctx.warn(("问题",), f"“问题”只有 {len(problems)} 条。述职评议通常要求查摆三条以上问题，请补充。")
    tasks = tuple(sentence_body(t, ("措施", "事项", i), ctx) for i, t in enumerate(model.measures.tasks))
    idea = sentence_body(model.measures.idea, ("措施", "思路"), ctx) if model.measures.idea else None
    warn_next_year(era, info.year, [*tasks, idea or "", *(t.key for t in targets)], ctx)
    warn_relative_year(info.year, tasks, ctx)
    warn_counts(overview, _clerks_words(themes, problems, causes, tasks), cat.echoes.get("家底的说法") or {}, ctx)
    warn_thin_figures(overview, themes, ctx)
    return Report(info=info, overview=overview, themes=themes, problems=problems, causes=causes,
                  targets=targets, tasks=tasks, idea=idea, warnings=tuple(ctx.warnings), last=last_year)


def _clerks_words(themes, problems, causes, tasks) -> list[tuple[tuple, str]]:
    """The clerk's own words, each with its key path: cases, own practices, own problems and causes, plans."""
    out: list[tuple[tuple, str]] = []
    for tf in themes:
        out += [(("亮点", tf.theme, "事例", i), c) for i, c in enumerate(tf.cases)]
        out += [(d.path, d.text) for d in tf.practices if d.practice is None and d.text]
    out += [(p.path, "，".join(filter(None, (p.text, p.detail)))) for p in (*problems, *causes) if p.text]
    out += [(("措施", "事项", i), t) for i, t in enumerate(tasks)]
    return out


def _forms(data: Mapping) -> Mapping:
    """Read the forms people write (2024年, 2024年12月18日, 2024/12/18, 1,200, 8.6→12.3) as the values
    they mean, as a table cell would be read (generator/forms.py), before the checks."""
    out = dict(data)
    report = out.get("报告")
    if isinstance(report, Mapping):
        report = dict(report)
        if "年度" in report:
            report["年度"] = forms.year(report["年度"])
        if "日期" in report:
            report["日期"] = forms.date(report["日期"])
        out["报告"] = report
    for section in ("基本情况", "亮点"):
        block = out.get(section)
        if isinstance(block, Mapping):
            out[section] = {k: _figures(v) if section == "亮点" else _figure(v) for k, v in block.items()}
    measures = out.get("措施")
    if isinstance(measures, Mapping) and isinstance(measures.get("目标"), Mapping):
        out["措施"] = {**measures, "目标": {k: _figure(v) for k, v in measures["目标"].items()}}
    return out


def _figure(value: Any) -> Any:
    return forms.change(forms.number_text(value)) if isinstance(value, str) else value


def _figures(theme: Any) -> Any:
    if not isinstance(theme, Mapping):
        return theme
    return {k: v if k in ("事例", "做法", "其他") else _figure(v) for k, v in theme.items()}


def _sorted(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in sorted(problems, key=lambda p: (p.line or 0, p.column or 0)):
        key = (p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _check_text(value: Any, path: tuple, ctx: Context) -> None:
    """Refuse characters Word cannot hold and texts far too long for a report, wherever they are."""
    if isinstance(value, str):
        bad = XML_ILLEGAL.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            ctx.error(path, f"含有不可见的控制字符（{code}），Word 无法保存。通常是从别处复制时带进来的，"
                            "请删掉这段文字重新输入。")
        elif len(value) > MAX_TEXT:
            ctx.error(path, f"这段文字太长（{len(value)} 个字），一项内容请不要超过 {MAX_TEXT} 个字。")
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _check_text(k, path, ctx)
            _check_text(v, path + (k,), ctx)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_text(v, path + (i,), ctx)


# --- pydantic errors, in Chinese -------------------------------------------------------------------


# --- the catalogue pass ---------------------------------------------------------------------------

def _themes(raw: Any, cat: Catalogue, ctx: Context) -> tuple[ThemeFacts, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        ctx.error(("亮点",), "“亮点”下面应按主题分组，例如“组织建设:”，再在下一行缩进写各项数据。")
        return ()
    found: dict[str, ThemeFacts] = {}
    for name, content in raw.items():
        path = ("亮点", name)
        theme = cat.theme(str(name))
        if theme is None:
            hint = did_you_mean(str(name), list(cat.themes))
            ctx.error(path, f"不认识的主题“{name}”。{hint}可以写的主题有：{'、'.join(cat.themes)}。")
            continue
        if theme in found:
            ctx.error(path, f"主题“{name}”与前面的“{theme}”是同一个主题，请合并成一项。")
            continue
        if content is None:
            ctx.warn(path, f"主题“{name}”下面没有填写内容，这一部分已跳过。")
            continue
        if not isinstance(content, Mapping):
            ctx.error(path, f"主题“{name}”下面应逐行写“指标: 数字”，或“事例:”列表。")
            continue
        cases = _cases(content.get("事例"), path + ("事例",), ctx)
        facts = facts_block({k: v for k, v in content.items() if k not in ("事例", "其他", "做法")},
                             path, theme, cat, ctx)
        facts += free_facts(content.get("其他"), path + ("其他",), ctx)
        done = _practices(content.get("做法"), path + ("做法",), theme, cat, ctx)
        if facts and not done and not cases:
            ctx.warn(path, f"{theme}只有数字：在“做法”里选两三项{own_unit(ctx)}做过的（gen-report metrics 做法 {theme}），"
                           "或在“事例”里写一件具体的事。评议时常被问“这些数字是怎么干出来的”。")
        elif len(done) == 1 and not facts and not cases:
            # one practice and nothing else makes an item of one sentence under its heading
            ctx.warn(path, f"{theme}只写了一项做法，没有数字和事例，这一条只有一句话：可以填上相关的数字"
                           f"（gen-report metrics {theme}），或在“事例”里写一件具体的事。")
        if facts or cases or done:
            found[theme] = ThemeFacts(theme, facts, cases, done)
    return tuple(found[t] for t in cat.themes if t in found)




def _without(raw: Any, key: str) -> Any:
    return {k: v for k, v in raw.items() if k != key} if isinstance(raw, Mapping) else raw


def _practices(raw: Any, path: tuple, theme: str, cat: Catalogue, ctx: Context) -> tuple[Done, ...]:
    """Resolve the practices a clerk confirmed under one theme: catalogue names or {自述: …}."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        ctx.error(path, worded(f"“做法”应为列表，每项一行，以“- ”开头，写做法名称（gen-report metrics 做法 {theme}）或 ",
                               own("自己写的做法"), "。"))
        return ()
    out, seen = [], set()
    for i, entry in enumerate(raw):
        where = path + (i,)
        if isinstance(entry, Mapping) and set(entry) == {"自述"} and isinstance(entry["自述"], str) \
                and len(entry["自述"].strip()) >= 4:
            out.append(Done(None, sentence_body(entry["自述"], where, ctx), where))
            continue
        if not isinstance(entry, str) or not entry.strip():
            ctx.error(where, worded("每项做法应是做法名称，或写成 ", own("自己写的做法（一句话）"), "。"))
            continue
        practice = cat.practice(theme, entry.strip())
        if practice is None:
            close = cat.practice_suggestions(theme, entry.strip())
            hint = f"您是不是想写“{'”或“'.join(close)}”？" if close else ""
            ctx.error(where, worded(f"“{theme}”下没有“{entry}”这项做法。{hint}可选的做法用 gen-report metrics 做法 "
                                    f"{theme} 查看；目录里没有的，请写成 ", own(clip(entry.strip())), "。"))
            continue
        if ctx.level and ctx.level not in practice.levels:
            ctx.error(where, worded(f"“{practice.key}”是{levels_text(practice.levels)}的做法，{ctx.level}的报告不能选。"
                                    f"请换一项（gen-report metrics 做法 {theme}），或用 ", own(),
                                    f" 写{own_unit(ctx)}实际做的事。"))
            continue
        word = cat.unsayable(practice, ctx.level) if ctx.level else None
        if word:
            ctx.error(where, worded(f"“{practice.key}”目录里的说法都带着“{word}”，{ctx.level}的报告用不上。请用 ",
                                    own(), f" 写{own_unit(ctx)}实际是怎么做的。"))
            continue
        if practice.key in seen:
            ctx.error(where, f"做法“{practice.key}”写了两次。")
            continue
        seen.add(practice.key)
        out.append(Done(practice, None, where))
    return tuple(out)


# 述职评议 asks for three problems or more; `init`'s template says so and the warning fires below the same number
MIN_PROBLEMS = 3


def _cases(raw: Any, path: tuple, ctx: Context) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        ctx.error(path, "“事例”应为列表，每条一行，以“- ”开头。")
        return ()
    out = []
    for i, case in enumerate(raw):
        if case is None:
            continue
        if isinstance(case, Mapping) and len(case) == 1 and isinstance(next(iter(case.values())), str):
            # - 书记说: 先修路 — an English colon and a space made the sentence a “key: value”; its meaning is plain
            said, rest = next(iter(case.items()))
            ctx.warn(path + (i,), f"这条事例里“{said}”后面是英文冒号加空格，YAML 把它读成了“键: 值”。已按一句话写进报告；"
                                  "下次请用中文冒号“：”。")
            case = f"{said}：{rest}"
        if not isinstance(case, str):   # 事例: [12] is a number, not a deed
            ctx.error(path + (i,), f"每条事例应是一句话，说一件具体的事，现在是“{case}”。例如：- 村里把老粮站租给加工厂，"
                                   "每年收租金两万元。")
            continue
        if re.match(r"^\s*[-－—–]\S", case):   # -下寨村…: a list dash without its space is read as text
            ctx.warn(path + (i,), "这条事例开头的“-”后面少了一个空格，已按列表的一条处理。下次写成“- 下寨村……”。")
            case = re.sub(r"^\s*[-－—–]", "", case)
        out.append(sentence_body(case, path + (i,), ctx))
    return tuple(t for t in out if t)




def _items(raw: Any, section: str, kinds: Mapping, cat: Catalogue, ctx: Context) -> tuple[Item, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.error((section,), f"“{section}”应为列表，每条一行，以“- ”开头。")
        return ()
    out, seen = [], set()
    for i, entry in enumerate(raw):
        where = (section, i)
        if isinstance(entry, str):
            key = entry.strip()
            if key in kinds:
                if key in seen:
                    ctx.error(where, f"“{key}”写了两次。")
                    continue
                seen.add(key)
                out.append(Item(kind=key, text=None, theme=kinds[key].theme, path=where))
                continue
            close = did_you_mean(key, list(kinds))
            ctx.error(where, worded(f"“{key}”不是词库里的{section}名称。{close}自己写的{section}请写成 ",
                                    own(clip(key)), f"；可选的名称用 gen-report metrics {section} 查看。"))
        elif isinstance(entry, Mapping) and "自述" in entry and set(entry) <= {"自述", "主题", "表现", "简称"}:
            text = entry["自述"]
            if not isinstance(text, str) or len(text.strip()) < 2:
                ctx.error(where + ("自述",), "“自述”应是一句完整的话。")
                continue
            theme = entry.get("主题")
            if theme is not None and cat.theme(str(theme)) is None:
                ctx.error(where + ("主题",), f"不认识的主题“{theme}”。{did_you_mean(str(theme), list(cat.themes))}")
                continue
            detail = entry.get("表现")
            detail = sentence_body(str(detail), where + ("表现",), ctx) if detail else None
            body = sentence_body(text, where + ("自述",), ctx)
            if not detail and len(body) < 16:
                ctx.warn(where, worded(f"{section}“{body}”只有一句短话，与其他条目相比显得单薄。可以加一句",
                                       part("表现"), "写具体表现（哪些方面、什么程度），例如 ",
                                       own(body, "表现"), "。"))
            whole = body + (detail or "")
            like = cat.kind_of_text(kinds, whole)
            field_word = cat.theme_word_at(whole)
            # 党员队伍青黄不接: the field it names first, not the kind of 后备干部不足's 青黄不接 further on
            if like is not None and like.theme and field_word and field_word[1] != like.theme \
                    and field_word[0] < min(whole.find(w) for w in like.terms if w in whole):
                like = None
            resolved = cat.theme(str(theme)) if theme else (like.theme if like and like.theme else None) \
                or cat.theme_of_text(whole)
            name = str(entry["简称"]).strip().strip("“”\"") if entry.get("简称") else None
            out.append(Item(kind=None, text=body, theme=resolved, detail=detail, path=where, name=name or None,
                            like=like.key if like else None))
        else:
            ctx.error(where, worded(f"每条{section}应是词库里的名称，或写成 ", own("自己写的话"),
                                    Advice("（可加 主题、表现、简称）", "（可在前面写主题，如“组织建设：……”，后面可加“｜表现：……”）"), "。"))
    return tuple(out)


def _info(model: InputFile, ctx: Context) -> Info:
    r = model.report
    org = r.org
    if not org:
        suffix = {"镇": "党委", "乡": "党委", "街道": "党工委"}.get(r.level) or \
            next((k for k in ("党委", "党总支") if k in r.post), "党支部")
        org = f"{r.unit}{suffix}"
    if r.name is None:
        ctx.warn(("报告", "姓名"), "没有填写“姓名”，落款处标出了【待补充：姓名】。")
    elif _FILLER_NAME.search(r.name):
        ctx.warn(("报告", "姓名"), f"“姓名”写的是“{r.name}”，像是占位符，请填写真实姓名。")
    if r.date is None:
        ctx.warn(("报告", "日期"), "没有填写“日期”，落款处标出了【待补充：日期】。")
    elif r.date.year not in (r.year, r.year + 1) or (r.date.year == r.year and r.date.month < 11) \
            or (r.date.year == r.year + 1 and r.date.month > 4):
        # the window check's year.date holds too: November of the report year to April of the next
        ctx.warn(("报告", "日期"), f"落款日期 {r.date.isoformat()} 与年度 {r.year} 不符：述职一般在当年年底或"
                                 "次年年初（11 月到次年 4 月），请核对。")
    return Info(year=r.year, unit=r.unit, level=r.level, post=r.post, name=r.name, date=r.date,
                superior=r.superior, org=org, town=r.town, theme=r.theme, brand=r.brand,
                style=r.style, brand_meaning=r.brand_meaning,
                local=tuple((t.name.strip().strip("“”\"「」"), (t.meaning or "").strip().rstrip("。") or None)
                            for t in (r.local or ())))


