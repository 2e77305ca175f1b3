"""A templates folder checked whole: `gen-report check-templates DIR`, and `--templates DIR` before a draft.

A township that keeps its own banks edits YAML by hand. What it can get wrong, every instance at once, each
with the file and the key path:
  错误 (the folder cannot make a draft, or makes a wrong one): a file missing or unreadable (YAML typo, not
       UTF-8); a bank string that does not render (unknown variable, Jinja syntax, a sandbox escape); the
       catalogue's shape; a figure or a placeholder in stock wording (a figure comes from the input only);
       a level mark other than 镇| and 村|; a 需 or 不与做法 naming a practice the catalogue does not know, a
       不与问题 naming a kind the bank does not know (the entry would silently never, or always, be used); a
       cause that 解释 a problem kind or theme that does not exist.
  提醒 (drafts come out, but poorer): a slot below the size of 词库规模.yaml (drafts of one township then
       repeat each other); the same wording twice in one list; a problem kind without 对策; the one 不与 list
       of earlier versions, with the three keys its names belong under.
Pure functions over the files' parsed data; the command prints and sets the exit code (cli.py).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from .errors import Problem, TemplateError

# Files a folder must have: without them no draft can be made. The others have a fallback (an earlier
# version's folder without 作者.yaml keeps one layout; without 做法.yaml the catalogue has no practices).
REQUIRED = ("metrics.yaml", "era.yaml", "bank/亮点.yaml", "bank/开头.yaml", "bank/措施.yaml", "bank/称谓.yaml",
            "bank/结构.yaml", "bank/问题.yaml")
# Keys whose values are words matched against the input, never printed (not wording to check as wording).
MATCH_KEYS = ("不与", "不与问题", "不与字词", "不与做法", "需", "不与亮点", "需提及", "关键词", "事项词", "解释", "解释词", "问题里不说", "别名",
              "指标", "层级", "配")
FIGURE = re.compile(r"[0-9０-９]")
PLACEHOLDER = re.compile(r"[X×*]|某某|【|待补充")
LEVEL_MARK = re.compile(r"^(.)\|")
_VARIABLE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def check_folder(root: Path) -> tuple[list[Problem], list[Problem]]:
    """Return (errors, warnings) for the templates folder at `root`."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    data = _read(root, errors)
    # each check runs on the files it needs that could be read, so one missing file hides nothing else
    if all(f"bank/{name}.yaml" in data for name in ("亮点", "开头", "措施", "称谓", "结构", "问题")):
        errors += _renders(root)
    if "metrics.yaml" in data and "bank/问题.yaml" in data:
        errors += _catalogue(root)
        errors += _explains(data["bank/问题.yaml"], data["metrics.yaml"])
    practices = _practice_keys(data.get("做法.yaml"))
    for name, tree in data.items():
        if name.startswith("bank/") or name in ("做法.yaml", "metrics.yaml"):
            errors += _wording(name, tree)
        if name.startswith("bank/") and practices is not None:
            errors += _needs(name, tree, practices)
        if name.startswith("bank/") and "bank/问题.yaml" in data:
            found = _against(name, tree, practices or set(), _kind_names(data["bank/问题.yaml"]))
            errors += found[0]
            warnings += found[1]
        warnings += _twice(name, tree)
    if "bank/问题.yaml" in data:
        warnings += _remedies(data["bank/问题.yaml"])
    if isinstance(data.get("作者.yaml"), dict):
        errors += _habits(data["作者.yaml"].get("用词习惯"))
        errors += _series_fields(data["作者.yaml"])
    warnings += _sizes(data)
    return errors, warnings


def _series_fields(authors: dict) -> list[Problem]:
    """作者.yaml → 序列只配: each a member of some 序列, with a list of the fields (themes) it is said of."""
    only = authors.get("序列只配") or {}
    if not isinstance(only, dict):
        return [Problem("“序列只配”应写成 成员: [主题, …]。", source="作者.yaml", path=("序列只配",))]
    members = {m for series in (authors.get("序列") or {}).values() if isinstance(series, list) for m in series}
    return [Problem(f"“{m}”不是哪一列“序列”的成员，或后面没有写主题列表。", source="作者.yaml", path=("序列只配", str(m)))
            for m, fields in only.items() if m not in members or not isinstance(fields, list) or not fields]


def require_sound(root: Path) -> None:
    """Raise one TemplateError listing every error of the folder (the warnings are check-templates'): what
    `--templates DIR` runs before any draft."""
    errors, _ = check_folder(root)
    if len(errors) == 1:   # one problem: its own message says where
        first = errors[0]
        raise TemplateError(first.message if first.source and first.source in first.message else str(first))
    if errors:
        raise TemplateError(f"词库文件夹 {root} 有 {len(errors)} 处错误，改好后再生成"
                            f"（gen-report check-templates {root} 可以随时检查）：\n" +
                            "\n".join(f"  {i}. {p}" for i, p in enumerate(errors, 1)))


def _read(root: Path, errors: list[Problem]) -> dict[str, Any]:
    """Every YAML file of the folder, parsed; an unreadable one is an error, and so is a missing one of
    REQUIRED (the optional ones have a fallback: module docstring)."""
    from .resources import load_data

    names = {p.relative_to(root).as_posix() for p in root.rglob("*.yaml")}
    out: dict[str, Any] = {}
    for name in sorted(names | set(REQUIRED)):
        if name not in names:
            errors.append(Problem(f"缺少这个文件：从自带的 templates/ 复制一份 {name} 过来再改。", source=name))
            continue
        try:
            out[name] = load_data(name, root)
        except TemplateError as exc:
            errors.append(Problem(str(exc), source=name))
            continue
        errors += _repeated_keys(root / name, name)
    return out


def _repeated_keys(path: Path, name: str) -> list[Problem]:
    """A key written twice in one mapping: the fast loader keeps the last silently, so the first list of words
    was never used (呼应.yaml → 凭据词 → 思想建设, twice, for several stops)."""
    import yaml

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []   # load_data has said what is wrong with the file
    found: list[Problem] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                k = str(key.value)
                if k in first:
                    found.append(Problem(f"第{key.start_mark.line + 1}行，{' → '.join((*where, k))}：“{k}”写了两次"
                                         f"（第一次在第{first[k]}行），读的时候只用后一处。请把两处合并成一处。",
                                         source=name))
                else:
                    first[k] = key.start_mark.line + 1
                stack.append((value, (*where, k)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, where) for v in node.value)
    return found


def _renders(root: Path) -> list[Problem]:
    """Every bank string rendered once with stand-in values (bank.audit: variables, syntax, sandbox)."""
    from .bank import Bank, audit

    try:
        audit(Bank(root))
    except TemplateError as exc:
        return [Problem(str(exc), source="bank/")]
    return []


def _catalogue(root: Path) -> list[Problem]:
    from .catalogue import load_catalogue

    try:
        load_catalogue.__wrapped__(root)
    except TemplateError as exc:
        return [Problem(str(exc), source="metrics.yaml")]
    return []


def _strings(node: Any, where: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every printed string with its key path (match keys left out)."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in MATCH_KEYS:
                yield from _strings(value, (*where, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*where, i))


def _habits(groups: Any) -> list[Problem]:
    """作者.yaml → 用词习惯: each group two or more words, what may be rewritten and what a register fixes
    among them (a word outside the group would print a word nobody chose)."""
    if groups is None:
        return []
    if not isinstance(groups, list):
        return [Problem("“用词习惯”应是一组一组的列表（- {写法: [把, 将]}）。", source="作者.yaml", path=("用词习惯",))]
    out = []
    for i, group in enumerate(groups):
        where = ("用词习惯", str(i + 1))
        words = group.get("写法") if isinstance(group, dict) else None
        if not isinstance(words, list) or len(words) < 2 or not all(isinstance(w, str) and w for w in words):
            out.append(Problem("每组要有“写法”，列出两种以上可以互换的说法，如 写法: [把, 将]。",
                               source="作者.yaml", path=where))
            continue
        named = list(group.get("可换") or ()) + list((group.get("语体") or {}).values())
        for word in named:
            if word not in words:
                out.append(Problem(f"“{word}”不在这一组的写法 {words} 里：可换、语体只能写写法里的词。",
                                   source="作者.yaml", path=where))
    return out


def _wording(name: str, tree: Any) -> list[Problem]:
    out = []
    for where, text in _strings(tree):
        if name == "metrics.yaml" and not any(str(k).endswith("说法") for k in where):
            continue   # a metric's name, unit and direction are not wording
        bare = _VARIABLE.sub("", text)
        mark = LEVEL_MARK.match(text)
        if mark and mark.group(1) not in "镇村" and "{" not in text[:2]:
            out.append(Problem(f"“{text}”：开头的“{mark.group(1)}|”不是层级标记，只能写“镇|”或“村|”。",
                               path=where, source=name))
        if FIGURE.search(bare):
            out.append(Problem(f"“{text}”里有数字：数字只能来自输入文件，词库里的话不能带数字。", path=where, source=name))
        elif PLACEHOLDER.search(bare):
            out.append(Problem(f"“{text}”里有占位符（X、×、*、某某、【】）：会原样印进草稿。", path=where, source=name))
    return out


def _practice_keys(tree: Any) -> set[str] | None:
    if not isinstance(tree, dict):
        return None
    return {key for practices in (tree.get("做法") or {}).values() if isinstance(practices, dict)
            for key in practices}


def _conditions(node: Any, where: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    if isinstance(node, dict):
        if "说" in node:
            yield where, node
        for key, value in node.items():
            yield from _conditions(value, (*where, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _conditions(value, (*where, i))


def _needs(name: str, tree: Any, practices: set[str]) -> list[Problem]:
    """需 names practices the clerk confirmed: a name the catalogue does not know retires the entry."""
    out = []
    for where, entry in _conditions(tree):
        unknown = [p for p in entry.get("需") or () if p not in practices]
        if unknown:
            out.append(Problem(f"“{entry['说']}”的“需”写了目录里没有的做法：{'、'.join(unknown)}。这条说法永远不会被用上；"
                               "请改成 做法.yaml 里的做法名称（gen-report metrics 做法 可以查）。", path=where, source=name))
    return out


def _kind_names(problems: Any) -> set[str]:
    return set((problems or {}).get("问题") or {}) | set((problems or {}).get("原因") or {})


def _against(name: str, tree: Any, practices: set[str], kinds: set[str]) -> tuple[list[Problem], list[Problem]]:
    """不与问题 names kinds, 不与做法 practices (a misspelt one makes the condition never hold); the one 不与
    list of earlier versions still works, and is shown split into the three keys."""
    errors, warnings = [], []
    for where, entry in _conditions(tree):
        for key, known, what in (("不与问题", kinds, "问题、原因名称"), ("不与做法", practices, "做法")):
            unknown = [v for v in entry.get(key) or () if v not in known]
            if unknown and known:
                errors.append(Problem(f"“{entry['说']}”的“{key}”写了词库里没有的{what}：{'、'.join(unknown)}。"
                                      "名称写错，这个条件就永远不起作用。", path=where, source=name))
        old = list(entry.get("不与") or ())
        if old:
            split = {"不与问题": [v for v in old if v in kinds], "不与做法": [v for v in old if v in practices],
                     "不与字词": [v for v in old if v not in kinds and v not in practices]}
            shown = ", ".join(f"{k}: [{', '.join(v)}]" for k, v in split.items() if v)
            warnings.append(Problem(f"“{entry['说']}”用的是旧写法“不与”：现在分成三个键，请改成 {shown}。",
                                    path=where, source=name))
    return errors, warnings


def _explains(problems: Any, metrics: Any) -> list[Problem]:
    """A cause's 解释 names the problem kinds (or the themes) it accounts for."""
    kinds = set((problems or {}).get("问题") or {})
    themes = set((metrics or {}).get("指标") or {})
    out = []
    for key, spec in ((problems or {}).get("原因") or {}).items():
        unknown = [k for k in (spec or {}).get("解释") or () if k not in kinds | themes]
        if unknown:
            out.append(Problem(f"原因“{key}”解释的{'、'.join(unknown)}既不是“问题”下的名称，也不是主题名称。",
                               path=("原因", key, "解释"), source="bank/问题.yaml"))
    return out


def _remedies(problems: Any) -> list[Problem]:
    remedies = (problems or {}).get("对策") or {}
    return [Problem(f"问题“{key}”在“对策”下没有说法：第三部分回应它时只能用泛泛的话。", path=("对策",),
                    source="bank/问题.yaml")
            for key in ((problems or {}).get("问题") or {}) if key not in remedies]


def _lists(node: Any, where: tuple = ()) -> Iterator[tuple[tuple, list]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, (*where, str(key)))
    elif isinstance(node, list) and node and all(isinstance(x, (str, dict)) for x in node) \
            and any(isinstance(x, str) for x in node):
        yield where, node


def _twice(name: str, tree: Any) -> list[Problem]:
    """The same wording twice in one list is picked twice as often and adds nothing ("" may repeat: it
    weights saying nothing)."""
    out = []
    for where, options in _lists(tree):
        keys = Counter(json.dumps(o, ensure_ascii=False, sort_keys=True) for o in options if o != "")
        for key, n in keys.items():
            if n > 1:
                out.append(Problem(f"同一个说法在这一组里写了 {n} 遍：{json.loads(key)}", path=where, source=name))
    return out


def _sizes(data: dict[str, Any]) -> list[Problem]:
    """词库规模.yaml: the least number of wordings a slot needs (the folder's own table, else the bundled)."""
    from .bank import wording_count
    from .resources import load_data

    table = data.get("词库规模.yaml") or load_data("词库规模.yaml")
    root = {name[5:-5]: tree for name, tree in data.items() if name.startswith("bank/")}
    root["做法"] = (data.get("做法.yaml") or {}).get("做法") or {}
    out = []
    for slot, minimum in (table or {}).items():
        parts = [p.strip() for p in str(slot).split("→")]
        for where, node in _resolve(root, parts):
            size = wording_count(node)
            if size < int(minimum):
                out.append(Problem(f"只有 {size} 种说法，至少要 {minimum} 种（词库规模.yaml）：说法少了，同一个镇的"
                                   "几份草稿就会撞车。", path=where, source=f"bank/{where[0]}.yaml"
                                   if where and where[0] != "做法" else "做法.yaml"))
    return out


def _resolve(node: Any, parts: list[str], where: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if not parts:
        yield where, node
        return
    if not isinstance(node, dict):
        return
    head, rest = parts[0], parts[1:]
    for key in (list(node) if head == "*" else [head] if head in node else []):
        yield from _resolve(node[key], rest, (*where, key))


def report(root: Path, errors: list[Problem], warnings: list[Problem]) -> str:
    """The findings as the clerk reads them."""
    lines = []
    for title, found in (("错误", errors), ("提醒", warnings)):
        if found:
            lines.append(f"{title}（{len(found)} 处）：")
            lines += [f"  {i}. {p}" for i, p in enumerate(found, 1)]
    return "\n".join(lines) if lines else f"词库文件夹 {root} 检查通过。"
