"""Turn loaded input data into a typed `Report`, reporting every problem at once in Chinese.

Two passes over the same data: pydantic checks the fixed structure (报告, 措施, types), and the catalogue
pass checks what only the catalogue knows (metric names, units, bounds, problem kinds). Both produce
`Problem`s located by key path and, when the data came from a file, by line and column.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from pydantic import ValidationError

from .catalogue import AIMS, TIERS, Catalogue, Metric, levels_text, load_catalogue, tier
from .errors import InputError, Problem
from .facts import Done, Fact, Info, Item, LastYear, Report, ThemeFacts, achieved, format_number
from . import forms
from .normalise import XML_ILLEGAL, normalise
from .schema import InputFile

Marks = Mapping[tuple, tuple[int, int]]

MAX_TEXT = 2000
_NUMBER_WITH_UNIT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s]*)\s*$")
_PLACEHOLDER = re.compile(r"^[\sXx×＊*某]+$")
_CHINESE_NUMERAL = re.compile(r"^[零一二两三四五六七八九十百千万亿]+")
_FILLER_NAME = re.compile(r"某某|XX|xx|××|\*\*")
# The example a starter file shows in its comments: a clerk who uncomments it must not see it as a fact.
STARTER_EXAMPLES = {("建成党员活动阵地", 3, "个")}


def validate(data: Any, marks: Marks | None = None, source: str | None = None,
             catalogue: Catalogue | None = None, last: Report | None = None) -> Report:
    """Return the typed report for `data`, or raise `InputError` listing every problem found.

    `last` is last year's report (from 报告 → 上年, validated on its own): its year and unit are checked
    against this one, and its targets and problems are carried for part one to answer."""
    cat = catalogue or load_catalogue()
    ctx = _Context(marks or {}, source)
    if not isinstance(data, Mapping):
        kind = "列表" if isinstance(data, list) else "一个值"
        raise InputError(f"{source or '输入'}：文件的最外层应该是“键: 值”的形式（报告:、亮点: ……），"
                         f"现在是{kind}。请对照 gen-report init 生成的模板修改。")
    _check_text(data, (), ctx)
    data = _forms(data)
    model = None
    blank: set[tuple] = set()
    try:
        model = InputFile.model_validate(_without_blanks(data, (), blank))
    except ValidationError as exc:
        for problem in _translate(exc, blank, ctx):
            ctx.problems.append(problem)
    report_raw = data.get("报告") if isinstance(data.get("报告"), Mapping) else {}
    ctx.tier = tier(report_raw["层级"]) if report_raw.get("层级") in TIERS else None
    ctx.level = report_raw.get("层级") if ctx.tier else None
    overview_raw = data.get("基本情况")
    overview = _facts_block(_without(overview_raw, "其他"), ("基本情况",), "基本情况", cat, ctx)
    if isinstance(overview_raw, Mapping):
        overview += _free_facts(overview_raw.get("其他"), ("基本情况", "其他"), ctx)
    themes = _themes(data.get("亮点"), cat, ctx)
    measures = data.get("措施") if isinstance(data.get("措施"), Mapping) else {}
    targets = _targets(measures.get("目标"), cat, ctx)
    problems = _items(data.get("问题"), "问题", cat.problems, cat, ctx)
    causes = _items(data.get("原因"), "原因", cat.causes, cat, ctx)
    if ctx.problems or model is None:
        raise InputError(f"{source or '输入'} 有 {len(ctx.problems)} 处需要修改：", _sorted(ctx.problems))
    info = _info(model, ctx)
    last_year = _last_year(last, info, model, themes, ctx, problems)
    if ctx.problems:
        raise InputError(f"{source or '输入'} 有 {len(ctx.problems)} 处需要修改：", _sorted(ctx.problems))
    _warn_targets(themes, targets, ctx)
    if len(problems) < MIN_PROBLEMS:
        ctx.warn(("问题",), f"“问题”只有 {len(problems)} 条。述职评议通常要求查摆三条以上问题，请补充。")
    tasks = tuple(_sentence_body(t, ("措施", "事项", i), ctx) for i, t in enumerate(model.measures.tasks))
    idea = _sentence_body(model.measures.idea, ("措施", "思路"), ctx) if model.measures.idea else None
    return Report(info=info, overview=overview, themes=themes, problems=problems, causes=causes,
                  targets=targets, tasks=tasks, idea=idea, warnings=tuple(ctx.warnings), last=last_year)


def _last_year(last: Report | None, info: Info, model: InputFile, themes, ctx: _Context,
               problems: tuple = ()) -> LastYear | None:
    """Check last year's report against this one and carry what part one answers; warn on what the clerk
    has still to say (a target without this year's figure, a missed target, a problem not marked)."""
    if model.rectify and last is None:
        ctx.warn(("整改",), "写了“整改”，但“报告”下没有“上年”，整改情况没有写进报告。请写上 上年: 去年的文件.yaml。")
    if last is None:
        return None
    where = ("报告", "上年")
    if last.info.year != info.year - 1:
        ctx.error(where, f"“上年”的文件是 {last.info.year} 年的，本报告是 {info.year} 年，应为 {info.year - 1} 年的输入文件。")
    if last.info.unit != info.unit:
        ctx.error(where, f"“上年”的文件是“{last.info.unit}”的，本报告是“{info.unit}”。请给出本单位去年的输入文件。")
    now = {(f.metric.key, f.params): f for t in themes for f in t.facts if f.metric}
    for target in last.targets:
        if target.metric is None:
            continue
        fact = now.get((target.metric.key, target.params))
        if fact is None:
            ctx.warn(where, f"去年定的目标“{target.key}: {format_number(target.value)}”今年没有对应的数字，"
                            f"报告里没有写完成情况。请在“亮点”下填写今年的“{target.key}”。")
            continue
        got = achieved(target, fact)
        better = target.metric.better(target.value, got) if got != target.value else True
        if better is False and not _covered(target, problems):
            ctx.warn(where, f"去年定的目标“{target.key}: {format_number(target.value)}”没有完成（今年 "
                            f"{format_number(got)}）。报告里写明了差距；建议把它作为一条“问题”写进第二部分。")
    done, ongoing, named, notes = [], [], set(), []
    for status, entries in model.rectify.items():
        for i, entry in enumerate(entries):
            name, note = _rectified(entry, status, ("整改", status, i), ctx)
            item = _find_problem(last.problems, name)
            if item is None:
                options = "、".join(p.called for p in last.problems)
                ctx.error(("整改", status, i), f"去年的问题里没有“{name}”。去年查摆的是：{options}。")
                continue
            (done if status == "已完成" else ongoing).append(item)
            named.add(id(item))
            if note:
                notes.append((id(item), note))
    missing = [p.called for p in last.problems if id(p) not in named]
    if missing:
        ctx.warn(("整改",), f"去年查摆的问题还没有写整改情况：{'、'.join(missing)}。请在“整改”下写明“已完成”或"
                          "“持续推进”。")
    return LastYear(year=last.info.year, source="上年", targets=last.targets, problems=last.problems,
                    done=tuple(done), ongoing=tuple(ongoing), notes=tuple(notes))


def _covered(target: Fact, problems) -> bool:
    """Whether one of this year's problems already speaks of a missed target (集体经济薄弱 for 村集体经济收入):
    the test compose uses for one fact said once (overlap.Matcher: the name, a declared term, or two content
    pairs of the name). Then the missed target is not warned of again."""
    from .compose.overlap import Matcher
    from .resources import load_data

    metric = target.metric
    if metric is None:
        return False
    match = Matcher(load_data("呼应.yaml") or {})
    said = ["".join(filter(None, (p.kind, p.text, p.detail, p.name))) for p in problems]
    return any(match.entry_told((*metric.aliases, *metric.terms), metric.key, text) for text in said)


def _rectified(entry: Any, status: str, where: tuple, ctx: _Context) -> tuple[str, str | None]:
    """(the problem's name, the clerk's words on how it was fixed or how far it is) of one 整改 entry."""
    if isinstance(entry, str):
        return entry, None
    told = {"做法": entry.how, "进展": entry.progress}
    said = "做法" if status == "已完成" else "进展"
    other = "进展" if said == "做法" else "做法"
    if told[other]:
        ctx.warn(where, f"“{status}”下写“{said}”：{'怎么整改的' if said == '做法' else '做到了哪一步、还差什么'}。"
                        f"这一条写的是“{other}”，已按“{said}”写进报告。")
    note = told[said] or told[other]
    return entry.problem, _sentence_body(note, where + (said,), ctx) if note else None


def _find_problem(problems: tuple[Item, ...], name: str) -> Item | None:
    name = name.strip()
    for item in problems:
        if name and (name == item.kind or (item.text and (item.text.startswith(name) or name in item.text))):
            return item
    return None


class _Context:
    def __init__(self, marks: Marks, source: str | None):
        self.marks = marks
        self.source = source
        self.tier: str | None = None     # 镇 | 村, once 报告 → 层级 is known
        self.level: str | None = None
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []   # kept as Problems to the printers: batch places them by cell

    def at(self, path: tuple, message: str) -> Problem:
        line, column = self._mark(path)
        return Problem(message, path=path, line=line, column=column, source=self.source)

    def error(self, path: tuple, message: str) -> None:
        self.problems.append(self.at(path, message))

    def warn(self, path: tuple, message: str) -> None:
        self.warnings.append(self.at(path, message))

    def _mark(self, path: tuple) -> tuple[int | None, int | None]:
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.marks:
                return self.marks[path[:cut]]
        return None, None


def _clip(text: str, width: int = 16) -> str:
    """The clerk's text for a message: whole if short, else cut at a clause or before a number, with “……”
    only when something was cut."""
    if len(text) <= width:
        return text
    cut = max(text.rfind(mark, 0, width) for mark in "，、；,")
    if cut <= 4:
        cut = width
        while cut > 4 and text[cut - 1].isdigit() and text[cut].isdigit():
            cut -= 1  # never inside a number
    return text[:cut] + "……"


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


def _check_text(value: Any, path: tuple, ctx: _Context) -> None:
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

def _without_blanks(value: Any, path: tuple, blank: set[tuple]) -> Any:
    """Drop keys left empty (`单位:` with nothing after it): an empty field means "not given"."""
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if v is None:
                blank.add(path + (k,))
            else:
                out[k] = _without_blanks(v, path + (k,), blank)
        return out
    return value


def _translate(exc: ValidationError, blank: set[tuple], ctx: _Context) -> list[Problem]:
    problems = []
    handled_own = {"基本情况", "亮点", "问题", "原因"}  # checked by the catalogue pass
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[0] in handled_own:
            continue
        if loc[:2] == ("措施", "目标") and len(loc) > 2:
            continue
        if err["type"] == "missing" and loc in blank:
            problems.append(ctx.at(loc, f"“{loc[-1]}”还没有填写。"))
        else:
            problems.append(ctx.at(loc, _message(err, loc)))
    return problems


def _message(err: dict, loc: tuple) -> str:
    kind = err["type"]
    field = loc[-1] if loc else ""
    got = err.get("input")
    if kind == "missing":
        return f"缺少必填项“{field}”。"
    if kind == "extra_forbidden":
        siblings = _known_siblings(loc)
        hint = _did_you_mean(str(field), siblings)
        return f"不认识的项目“{field}”。{hint}可以写的项目有：{'、'.join(siblings)}。"
    if kind == "literal_error":
        if field == "格式版本":
            return f"格式版本应为 1（这个版本的 gen-report 只认格式版本 1），现在是“{got}”。"
        if field == "层级":
            return (f"层级应为 镇、乡、街道（镇级报告）或 村、社区（村级报告）之一，现在是“{got}”。"
                    "县、区或部门的报告不适用本工具。")
        expected = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
        return f"应为{'、'.join(f'“{e}”' for e in expected)}之一，现在是“{got}”。"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"应为整数（阿拉伯数字，例如 2024），现在是“{got}”。"
    if kind in ("greater_than_equal", "less_than_equal"):
        if field == "年度":
            return f"年度“{got}”不在 2000—2100 之间，请写四位数的年份，例如 2024。"
        return f"数值“{got}”超出范围。"
    if kind.startswith("date"):
        return f"日期“{got}”不对，请写成 2024-12-20 的形式（年-月-日，日期要存在）。"
    if kind in ("string_type",):
        return f"应为文字，现在是“{got}”。如果是数字或日期，请用引号括起来。"
    if kind == "string_too_short":
        return "不能为空。"
    if kind == "string_too_long":
        return f"太长了（最多 {err.get('ctx', {}).get('max_length')} 个字）。"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"这里应为“键: 值”的形式（下一行缩进写各项），现在是“{got}”。"
    if kind == "list_type":
        return f"这里应为列表（每项一行，以“- ”开头），现在是“{got}”。"
    return f"{err.get('msg')}（现在是“{got}”）。"


def _known_siblings(loc: tuple) -> list[str]:
    from .schema import InputFile, Measures, ReportInfo  # local: only needed for error messages

    model = {(): InputFile, ("报告",): ReportInfo, ("措施",): Measures}.get(loc[:-1])
    if model is None:
        return []
    return [f.alias for f in model.model_fields.values() if f.alias]


def _did_you_mean(word: str, names: list[str]) -> str:
    from .catalogue import _close

    close = _close(word, names)
    return f"您是不是想写“{'”或“'.join(close)}”？" if close else ""


# --- the catalogue pass ---------------------------------------------------------------------------

def _themes(raw: Any, cat: Catalogue, ctx: _Context) -> tuple[ThemeFacts, ...]:
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
            hint = _did_you_mean(str(name), list(cat.themes))
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
        facts = _facts_block({k: v for k, v in content.items() if k not in ("事例", "其他", "做法")},
                             path, theme, cat, ctx)
        facts += _free_facts(content.get("其他"), path + ("其他",), ctx)
        done = _practices(content.get("做法"), path + ("做法",), theme, cat, ctx)
        if facts and not done and not cases:
            ctx.warn(path, f"{theme}只有数字：在“做法”里选两三项{_self(ctx)}做过的（gen-report metrics 做法 {theme}），"
                           "或在“事例”里写一件具体的事。评议时常被问“这些数字是怎么干出来的”。")
        elif len(done) == 1 and not facts and not cases:
            # one practice and nothing else makes an item of one sentence under its heading
            ctx.warn(path, f"{theme}只写了一项做法，没有数字和事例，这一条只有一句话：可以填上相关的数字"
                           f"（gen-report metrics {theme}），或在“事例”里写一件具体的事。")
        if facts or cases or done:
            found[theme] = ThemeFacts(theme, facts, cases, done)
    return tuple(found[t] for t in cat.themes if t in found)


def _self(ctx: _Context) -> str:
    return {"乡": "本乡", "街道": "本街道", "社区": "本社区", "村": "本村"}.get(ctx.level or "", "本镇")


def _without(raw: Any, key: str) -> Any:
    return {k: v for k, v in raw.items() if k != key} if isinstance(raw, Mapping) else raw


def _practices(raw: Any, path: tuple, theme: str, cat: Catalogue, ctx: _Context) -> tuple[Done, ...]:
    """Resolve the practices a clerk confirmed under one theme: catalogue names or {自述: …}."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        ctx.error(path, f"“做法”应为列表，每项一行，以“- ”开头，写做法名称（gen-report metrics 做法 {theme}）"
                        "或 {自述: 自己写的做法}。")
        return ()
    out, seen = [], set()
    for i, entry in enumerate(raw):
        where = path + (i,)
        if isinstance(entry, Mapping) and set(entry) == {"自述"} and isinstance(entry["自述"], str) \
                and len(entry["自述"].strip()) >= 4:
            out.append(Done(None, _sentence_body(entry["自述"], where, ctx), where))
            continue
        if not isinstance(entry, str) or not entry.strip():
            ctx.error(where, "每项做法应是做法名称，或写成 {自述: 自己写的做法（一句话）}。")
            continue
        practice = cat.practice(theme, entry.strip())
        if practice is None:
            close = cat.practice_suggestions(theme, entry.strip())
            hint = f"您是不是想写“{'”或“'.join(close)}”？" if close else ""
            ctx.error(where, f"“{theme}”下没有“{entry}”这项做法。{hint}可选的做法用 gen-report metrics 做法 {theme} "
                             f"查看；目录里没有的，请写成 {{自述: {_clip(entry.strip())}}}。")
            continue
        if ctx.level and ctx.level not in practice.levels:
            ctx.error(where, f"“{practice.key}”是{levels_text(practice.levels)}的做法，{ctx.level}的报告不能选。"
                             f"请换一项（gen-report metrics 做法 {theme}），或用 {{自述: …}} 写{_self(ctx)}实际做的事。")
            continue
        word = cat.unsayable(practice, ctx.level) if ctx.level else None
        if word:
            ctx.error(where, f"“{practice.key}”目录里的说法都带着“{word}”，{ctx.level}的报告用不上。请用 {{自述: …}} "
                             f"写{_self(ctx)}实际是怎么做的。")
            continue
        if practice.key in seen:
            ctx.error(where, f"做法“{practice.key}”写了两次。")
            continue
        seen.add(practice.key)
        out.append(Done(practice, None, where))
    return tuple(out)


# 述职评议 asks for three problems or more; `init`'s template says so and the warning fires below the same number
MIN_PROBLEMS = 3


def _cases(raw: Any, path: tuple, ctx: _Context) -> tuple[str, ...]:
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
        out.append(_sentence_body(case, path + (i,), ctx))
    return tuple(t for t in out if t)


def _sentence_body(text: str, where: tuple = (), ctx: "_Context | None" = None) -> str:
    """Normalise the clerk's text (digits, quotes; see normalise.py) and strip the final full stop they may
    type, so compose can join clauses cleanly."""
    text, notes = normalise(text)
    if ctx is not None:
        for note in notes:
            ctx.warn(where, note)
    return text.strip().rstrip("。；;，,").strip()


def _facts_block(raw: Any, path: tuple, theme: str, cat: Catalogue, ctx: _Context) -> tuple[Fact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        ctx.error(path, "这里应逐行写“指标: 数字”。")
        return ()
    facts: list[Fact] = []
    seen: dict[tuple[str, tuple], str] = {}
    for key, value in raw.items():
        key = str(key)
        where = path + (key,)
        hit = cat.lookup(theme, key)
        elsewhere = cat.lookup_any(key) if hit is None and theme != "基本情况" else None
        if elsewhere is not None:   # 发展党员 under 党员队伍: it belongs under 组织建设, say so
            owner = elsewhere[0].theme
            ctx.error(where, f"“{key}”属于“{owner}”，不属于“{theme}”。请把这一行移到 亮点 → {owner} 下面。")
            continue
        if hit is None:
            written = _NUMBER_WITH_UNIT.match(value) if isinstance(value, str) else None
            suggestions = cat.suggestions(key, theme, unit=written.group(2) if written and written.group(2) else None)
            hint = f"您是不是想写“{'”或“'.join(suggestions)}”？" if suggestions else ""
            ctx.error(where, f"“{theme}”下没有“{key}”这个指标。{hint}用 gen-report metrics {theme} "
                             "查看可写的指标；目录里没有的数据请写在“其他”下（名称、数值、单位）。")
            continue
        metric, params = hit
        if ctx.level and ctx.level not in metric.levels:
            if ctx.tier == "村" and not any(tier(lv) == "村" for lv in metric.levels):
                why = (f"{ctx.level}级报告由书记本人述职，说的是本{ctx.level}的事；"
                       if "书记" in metric.key or "村" in metric.key else "这是镇里统筹的工作；")
                ctx.error(where, f"“{key}”只适用于{levels_text(metric.levels)}的报告。{why}请删掉这一行，"
                                 f"或把{_self(ctx)}的情况写成一个做法或事例。")
            else:
                ctx.error(where, f"“{key}”只适用于{levels_text(metric.levels)}的报告，{ctx.level}的报告请删掉这一行。")
            continue
        ident = (metric.key, tuple(sorted(params.items())))
        if ident in seen:
            ctx.error(where, f"“{key}”与前面的“{seen[ident]}”是同一个指标，请只写一次。")
            continue
        seen[ident] = key
        fact = _fact(key, value, metric, params, where, cat, ctx)
        if fact is not None:
            facts.append(fact)
    return tuple(facts)


def _fact(key: str, value: Any, metric: Metric, params: dict, where: tuple, cat: Catalogue,
          ctx: _Context, allow_change: bool = True) -> Fact | None:
    if value is None or value == "":
        ctx.warn(where, f"“{key}”没有填写数值，已跳过。不需要的话请删掉这一行。")
        return None
    params_t = tuple(sorted(params.items()))
    if isinstance(value, Mapping) and not allow_change and len(value) == 1 and next(iter(value)) in AIMS:
        # a target that says its kind: {达到: 1500} (a level to reach) or {新增: 100} (an amount to add)
        aim, amount = next(iter(value.items()))
        number = _number(amount, metric.unit, where + (aim,), cat, ctx, metric=metric)
        return None if number is None else Fact(key, metric.unit, value=number, metric=metric, params=params_t,
                                                path=where, aim=aim)
    if isinstance(value, Mapping) and not allow_change:
        ctx.error(where, f"目标写一个数，或写成 {{达到: 数}}（一年后要达到的总数）、{{新增: 数}}（一年里新增多少）。"
                         f"“{key}”只写数时，按“{metric.aim}”理解。")
        return None
    if isinstance(value, Mapping) and allow_change:
        if set(value) != {"从", "到"}:
            ctx.error(where, "写变化时请用 {从: 原来的数, 到: 现在的数} 的形式。")
            return None
        if not metric.change_phrases:
            ctx.error(where, f"“{key}”不支持“从…到…”的写法，请只写现在的数值。")
            return None
        before = _number(value["从"], metric.unit, where + ("从",), cat, ctx)
        after = _number(value["到"], metric.unit, where + ("到",), cat, ctx)
        if before is None or after is None:
            return None
        if before == after:
            ctx.error(where, "“从”和“到”的数值相同，没有变化。请只写一个数值。")
            return None
        fact = Fact(key, metric.unit, before=before, after=after, metric=metric, params=params_t, path=where)
        if allow_change and where[0] == "亮点" and fact.good is False:
            ctx.warn(where, f"“{key}”从 {format_number(before)} 变为 {format_number(after)}，是往不好的方向变了。"
                            "报告里只平铺直叙地写这个数字，不写成绩；建议把它写进“问题”，说明原因和打算。")
        return fact
    unit = _written_unit(value, metric, cat)
    number = _number(value, unit, where, cat, ctx, metric=metric)
    if number is None:
        return None
    fact = Fact(key, unit, value=number, metric=metric, params=params_t, path=where)
    if allow_change and where[0] == "亮点" and number == 0:
        ctx.warn(where, f"“{key}”是 0。零不是亮点：报告里不写成成绩；如果这是一项短板，请写进“问题”，"
                        "不需要的话删掉这一行。")
    return fact


def _written_unit(value: Any, metric: Metric, cat: Catalogue) -> str:
    """The unit a figure counts in: the catalogue's, or another the metric accepts (民主评议党员: 2次)."""
    if isinstance(value, str):
        m = _NUMBER_WITH_UNIT.match(value)
        if m and m.group(2):
            return cat.unit_for(metric, m.group(2)) or metric.unit
    return metric.unit


def _number(value: Any, unit: str, where: tuple, cat: Catalogue, ctx: _Context,
            metric: Metric | None = None) -> int | float | None:
    """Parse a figure: a number, or a number followed by the catalogue's unit (`12名`, `12起` for 件)."""
    spec = cat.units[unit]
    if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
        ctx.error(where, f"应填写一个数字（单位：{unit}），例如 12。")
        return None
    if isinstance(value, str):
        text = value.strip()
        if _PLACEHOLDER.match(text):
            ctx.error(where, f"数值还是占位符“{text}”，请填写实际数字；没有这项数据就删掉这一行。")
            return None
        if _CHINESE_NUMERAL.match(text):
            ctx.error(where, f"“{text}”请用阿拉伯数字填写，例如 12。")
            return None
        m = _NUMBER_WITH_UNIT.match(text)
        if not m:
            ctx.error(where, f"“{text}”不是一个数字。请只写数字（单位：{unit}），例如 12。")
            return None
        if m.group(2) and m.group(2) != unit and cat.unit_aliases.get(m.group(2)) != unit:
            others = "、".join(u for u, _ in metric.other_units) if metric and metric.other_units else ""
            also = f"（也可以写“{others}”）" if others else ""
            ctx.error(where, f"单位应为“{unit}”{also}，这里写的是“{m.group(2)}”。请只写数字，单位会自动加上。")
            return None
        value = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
    if value != value or value in (float("inf"), float("-inf")):
        ctx.error(where, "不是一个有效的数字。")
        return None
    if value < 0:
        ctx.error(where, f"数值不能是负数（现在是 {format_number(value)}）。")
        return None
    if spec.integer:
        if isinstance(value, float) and not value.is_integer():
            ctx.error(where, f"“{unit}”只能是整数，现在是 {format_number(value)}。")
            return None
        value = int(value)
    if value > spec.maximum:
        ctx.error(where, f"数值 {format_number(value)}{unit} 大得不合常理（上限 {format_number(spec.maximum)}），"
                         "请核对是否多打了零。")
        return None
    if value < spec.minimum:
        ctx.error(where, f"数值 {format_number(value)}{unit} 小得不合常理（下限 {format_number(spec.minimum)}），"
                         "请核对。")
        return None
    return value


def _free_facts(raw: Any, path: tuple, ctx: _Context) -> tuple[Fact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.error(path, "“其他”应为列表，每项写 {名称: …, 数值: …, 单位: …}。")
        return ()
    out = []
    for i, entry in enumerate(raw):
        where = path + (i,)
        if not isinstance(entry, Mapping) or set(entry) - {"名称", "数值", "单位"} \
                or not {"名称", "数值", "单位"} <= set(entry):
            ctx.error(where, "每项应写成 {名称: 建成党员活动阵地, 数值: 3, 单位: 个}，三项都要有。")
            continue
        name, value, unit = entry["名称"], entry["数值"], entry["单位"]
        if not isinstance(name, str) or not name.strip() or not isinstance(unit, str) or not unit.strip() \
                or re.search(r"\d", unit):
            ctx.error(where, "“名称”和“单位”应是文字，单位里不要写数字。")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value > 1e9:
            ctx.error(where + ("数值",), "“数值”应是一个不小于 0 的阿拉伯数字。")
            continue
        if (name.strip(), value, unit.strip()) in STARTER_EXAMPLES:
            ctx.error(where, "这一项是填写模板里的示例，不是您单位的数据。请改成实际的名称、数值和单位，"
                             "没有的话删掉这一行。")
            continue
        out.append(Fact(name.strip(), unit.strip(), value=value, name=name.strip(), path=where))
    return tuple(out)


def _targets(raw: Any, cat: Catalogue, ctx: _Context) -> tuple[Fact, ...]:
    if not isinstance(raw, Mapping):
        return ()
    out = list(_free_facts(raw.get("其他"), ("措施", "目标", "其他"), ctx))
    for key, value in raw.items():
        key = str(key)
        if key == "其他":
            continue
        where = ("措施", "目标", key)
        hit = cat.lookup_any(key)
        if hit is None:
            suggestions = cat.suggestions(key)
            hint = f"您是不是想写“{'”或“'.join(suggestions)}”？" if suggestions else ""
            ctx.error(where, f"目标“{key}”不在指标目录里。{hint}用 gen-report metrics 查看可写的指标。")
            continue
        metric, params = hit
        if ctx.level and ctx.level not in metric.levels:
            ctx.error(where, f"目标“{key}”只适用于{levels_text(metric.levels)}的报告，请删掉这一行。")
            continue
        fact = _fact(key, value, metric, params, where, cat, ctx, allow_change=False)
        if fact is not None:
            out.append(fact)
    return tuple(out)


def _items(raw: Any, section: str, kinds: Mapping, cat: Catalogue, ctx: _Context) -> tuple[Item, ...]:
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
            close = _did_you_mean(key, list(kinds))
            ctx.error(where, f"“{key}”不是词库里的{section}名称。{close}自己写的{section}请写成 "
                             f"{{自述: {_clip(key)}}}；可选的名称用 gen-report metrics {section} 查看。")
        elif isinstance(entry, Mapping) and "自述" in entry and set(entry) <= {"自述", "主题", "表现", "简称"}:
            text = entry["自述"]
            if not isinstance(text, str) or len(text.strip()) < 2:
                ctx.error(where + ("自述",), "“自述”应是一句完整的话。")
                continue
            theme = entry.get("主题")
            if theme is not None and cat.theme(str(theme)) is None:
                ctx.error(where + ("主题",), f"不认识的主题“{theme}”。{_did_you_mean(str(theme), list(cat.themes))}")
                continue
            detail = entry.get("表现")
            detail = _sentence_body(str(detail), where + ("表现",), ctx) if detail else None
            body = _sentence_body(text, where + ("自述",), ctx)
            if not detail and len(body) < 16:
                ctx.warn(where, f"{section}“{body}”只有一句短话，与其他条目相比显得单薄。可以加一句"
                                f"“表现: …”写具体表现（哪些方面、什么程度），例如 {{自述: {body}, 表现: …}}。")
            like = cat.kind_of_text(kinds, body + (detail or ""))
            resolved = cat.theme(str(theme)) if theme else (like.theme if like and like.theme else None) \
                or cat.theme_of_text(body + (detail or ""))
            name = str(entry["简称"]).strip().strip("“”\"") if entry.get("简称") else None
            out.append(Item(kind=None, text=body, theme=resolved, detail=detail, path=where, name=name or None,
                            like=like.key if like else None))
        else:
            ctx.error(where, f"每条{section}应是词库里的名称，或写成 {{自述: 自己写的话}}（可加 主题、表现、简称）。")
    return tuple(out)


def _info(model: InputFile, ctx: _Context) -> Info:
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


def _warn_targets(themes: tuple[ThemeFacts, ...], targets: tuple[Fact, ...], ctx: _Context) -> None:
    current = {(f.metric.key, f.params): f for t in themes for f in t.facts if f.metric}
    for target in targets:
        if target.metric is None:
            continue
        now = current.get((target.metric.key, target.params))
        if now is None or now.is_change or (target.aim or target.metric.aim) == "新增":
            continue   # an amount to add next year is no level to compare with this year's
        if target.value is not None and now.value is not None and target.value < now.value \
                and target.unit not in ("岁",):
            ctx.warn(("措施", "目标", target.key),
                     f"目标“{target.key}: {format_number(target.value)}”低于今年已达到的 "
                     f"{format_number(now.value)}，请核对。")
