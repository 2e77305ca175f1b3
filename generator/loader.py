"""Read an input file into plain data plus the position of every key, for messages a clerk can act on.

Only `yaml.SafeLoader` is used. We compose the node tree and build the data ourselves so that we can
(1) refuse duplicate keys, which PyYAML would silently keep the last of, (2) refuse aliases, which also
bounds a "billion laughs" input, and (3) remember the line and column of every key path.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem

Marks = dict[tuple, tuple[int, int]]  # key path -> (line, column), both 1-based

MAX_BYTES = 2 * 1024 * 1024  # an input is a page of facts; anything larger is a mistake
MAX_NODES = 20_000

_TAB_INDENT = re.compile(r"^( *)\t", re.M)
# `年度：2024` — a key followed by a full-width colon, where YAML needs `: `.
_WIDE_INDENT = re.compile(r"^ *\u3000+ *\S")
# 单位: "杏花村"村 — a value that opens with an English quote and goes on after it closes
_QUOTE_THEN_MORE = re.compile(r"^(\s*(?:-\s+)?(?:[^\s:#\-\"'][^:#]*:\s+)?)([\"'])([^\"'\n]*)\2\s*([^\s#,\]}].*)$")
_FULLWIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s#:：\-\"'][^\s:：]{0,19})：\s*(.*)$")


def decode(raw: bytes, source: str) -> str:
    """Return the text of an input file: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}：文件看起来是 UTF-16 编码，但内容有损坏（第{exc.start}字节）。"
                             "请用记事本或 WPS 另存为“UTF-8”编码后重试。") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Chinese Windows (记事本 before 2019, Excel CSV) writes GBK; GB18030 is its superset.
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}：无法识别文件编码（第{exc.start}字节）。"
                         "请用记事本或 WPS 打开后“另存为”，编码选“UTF-8”。") from None


def load_yaml_file(path: str | Path) -> tuple[Any, Marks]:
    """Read and parse a YAML input file; raise `InputError` with file and line on any problem."""
    path = Path(path)
    source = path.name
    if path.suffix.lower() in (".docx", ".doc", ".wps", ".pdf"):
        raise InputError(f"{source} 是一份{'Word/WPS 草稿' if path.suffix.lower() != '.pdf' else 'PDF 文件'}，"
                         "不是输入文件。生成草稿要用填好的 .yaml 输入文件（gen-report init 生成模板）；"
                         f"要检查这份草稿，请用：gen-report check {path}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{source}：文件太大（{size // 1024} KB）。输入文件只需写当年的数据，"
                             "通常不超过几十 KB，请检查是否选错了文件。")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件：{path}。请检查文件名和所在文件夹。") from None
    except IsADirectoryError:
        raise InputError(f"{path} 是一个文件夹，不是 YAML 文件。批量生成请用 gen-report batch。") from None
    except PermissionError:
        raise InputError(f"没有权限读取文件：{path}。") from None
    return load_yaml_text(decode(raw, source), source)


def load_yaml_text(text: str, source: str = "输入") -> tuple[Any, Marks]:
    """Parse YAML text into (data, marks); raise `InputError` on syntax errors or forbidden constructs."""
    if len(text) > MAX_BYTES:
        raise InputError(f"{source}：内容太长（{len(text)} 个字符），请检查是否粘贴了整篇文档。")
    problems = _prescan(text, source)
    if problems:
        raise InputError(f"{source} 的格式有误，请按下面的提示修改：", problems)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(f"{source} 的格式有误：", [_syntax_problem(exc, text, source)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise InputError(f"{source} 的格式有误：{exc}") from None
    finally:
        loader.dispose()
    if node is None:
        raise InputError(f"{source} 是空的（或只有注释）。请先用 gen-report init 生成一份填写模板。")
    builder = _Builder(loader, source)
    data = builder.build(node, ())
    if builder.problems:
        raise InputError(f"{source} 的格式有误，请按下面的提示修改：", builder.problems)
    return data, builder.marks


def _prescan(text: str, source: str) -> list[Problem]:
    """Find the two mistakes clerks make most, before YAML gives a cryptic message for them."""
    problems = []
    for i, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("#"):
            continue
        if _TAB_INDENT.match(line):
            problems.append(Problem("这一行用制表符（Tab 键）缩进，YAML 只认空格。请把行首的 Tab 换成空格"
                                    "（每层两个空格）。", line=i, column=len(line) - len(stripped) + 1,
                                    source=source))
            continue
        if _WIDE_INDENT.match(line):
            problems.append(Problem("这一行开头用了全角空格（中文输入法下的空格）缩进，YAML 只认半角空格。请把行首的空格"
                                    "删掉，切换到英文输入法后重新用空格缩进（每层两个）。", line=i, column=1, source=source))
            continue
        quoted = _QUOTE_THEN_MORE.match(line)
        if quoted:
            problems.append(Problem(f"值以英文引号开头（{quoted.group(2)}{quoted.group(3)}{quoted.group(2)}），YAML 会把引号里的"
                                    f"当成整个值，后面的“{quoted.group(4)}”就读不懂了。请去掉这对英文引号，或改用中文引号“”。",
                                    line=i, column=len(quoted.group(1)) + 1, source=source))
            continue
        m = _FULLWIDTH_KEY.match(line)
        # - 村里开了会，结论是：先修路: a list item is a sentence, and a sentence may hold a Chinese colon
        if m and ":" not in m.group(2) and not m.group(1).strip().startswith("-") \
                and not re.search(r"[，。、；！？“”]", m.group(2)):
            key = m.group(2)
            value = m.group(3)
            fixed = f"{key}: {value}".rstrip()
            problems.append(Problem(f"“{key}”后面用了中文全角冒号“：”，YAML 需要英文半角冒号加一个空格。"
                                    f"请改成：{fixed}", line=i, column=len(m.group(1)) + len(key) + 1,
                                    source=source))
    return problems


_SYNTAX_HINTS = (
    ("while scanning an alias", "这里有一个单独的“*”（或以 * 开头的值）。在 YAML 里 * 有特殊含义。"
     "如果这是还没填的数字，请填上实际数字或删掉这一行；如果是文字，请用引号括起来。"),
    ("found undefined alias", "这里有一个单独的“*”（或以 * 开头的值）。在 YAML 里 * 有特殊含义。"
     "如果这是还没填的数字，请填上实际数字或删掉这一行；如果是文字，请用引号括起来。"),
    ("found character '*' that cannot start", "这里有一个“*”。如果这是还没填的数字，请填上实际数字或删掉这一行。"),
    ("found character '\\t'", "这里有制表符（Tab），YAML 只认空格。请把 Tab 换成空格。"),
    ("found unexpected end of stream", "引号没有配对：某个值以引号开头却没有结束引号。请补上结束引号。"),
    ("found unknown escape character", "双引号里的反斜杠“\\”被当成了转义符。请改用单引号，或去掉反斜杠。"),
    ("mapping values are not allowed", "这一行的冒号位置不对：值里如果含有英文冒号“: ”，请把整个值用引号括起来；"
     "也可能是上一行缩进不对。"),
    ("could not find expected ':'", "这一行缺少“键: 值”中的英文冒号，或者上一行的引号没有配对。"),
    ("did not find expected key", "缩进没有对齐：同一层的项目要用相同数量的空格缩进。"),
    ("did not find expected '-' indicator", "列表缩进没有对齐：同一个列表里的每一项“- ”要对齐。"),
    ("found a tab character", "这里有制表符（Tab），YAML 只认空格。请把 Tab 换成空格。"),
    ("expected <document start>", "缩进不对：顶层的项目（如“报告:”“亮点:”）要顶格写，前面不要有空格。"),
    ("found character '@'", "值不能以“@”开头，请用引号括起来。"),
    ("found character '`'", "值不能以“`”开头，请用引号括起来。"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, source: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    raw = f"{exc.context or ''} {exc.problem or ''}"
    hint = next((h for key, h in _SYNTAX_HINTS if key in raw), None)
    if hint is None:  # the parser's English stays out of a clerk's message
        hint = "这一行的格式不对，程序读不懂。请检查这一行和上一行：缩进是否对齐（每层两个空格）、键和值之间是不是" \
               "“英文冒号加空格”、引号和括号是否成对。"
    if line is not None and "：" in _line(text, line - 1) + _line(text, line - 2):
        hint += " 另外，这附近有中文全角冒号“：”，键和值之间要用英文冒号加空格“: ”。"
    return Problem(hint, line=line, column=column, source=source)


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Builder:
    """Turn a composed node tree into Python data, recording marks and refusing duplicates/aliases."""

    def __init__(self, loader: yaml.SafeLoader, source: str):
        self.loader = loader
        self.source = source
        self.marks: Marks = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _problem(self, message: str, node: yaml.Node, path: tuple) -> None:
        m = node.start_mark
        self.problems.append(Problem(message, path=path, line=m.line + 1, column=m.column + 1,
                                     source=self.source))

    def build(self, node: yaml.Node, path: tuple) -> Any:
        if id(node) in self._seen:
            line, column = self.marks.get(path, (node.start_mark.line + 1, None))
            self.problems.append(Problem("不支持 YAML 的锚点和别名（& 和 *）。请把内容直接写出来。", path=path,
                                         line=line, column=column, source=self.source))
            return None
        self._seen.add(id(node))
        if len(self._seen) > MAX_NODES:
            raise InputError(f"{self.source}：内容项目太多（超过 {MAX_NODES} 项），请检查是否选错了文件。")
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            self._problem(f"不支持类型标记“{node.tag}”。请去掉以“!”开头的标记，直接写内容。", node, path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            self._problem(_constructor_hint(exc, node), node, path)
            return None

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem("不支持 YAML 的合并键“<<”。请把内容直接写出来。", key_node, path)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("这里的键不是一个简单的名称。请检查冒号和括号。", key_node, path)
                continue
            key = self.loader.construct_object(key_node)
            if key is None:
                self._problem("这一行缺少名称（冒号前面是空的）。", key_node, path)
                continue
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                first = self.marks.get(path + (key,), (None, None))[0]
                self._problem(f"“{key}”重复出现（第一次在第{first}行）。同一层里每个名称只能写一次，"
                              "请把两处合并或删掉一处。", key_node, path + (key,))
                continue
            self.marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,))
            # Record the key's own position, not the value's, so messages point at the key line.
            self.marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out


def _constructor_hint(exc: Exception, node: yaml.Node) -> str:
    text = str(getattr(exc, "problem", None) or exc)
    if "timestamp" in str(node.tag) or "date" in text or "day is out of range" in text \
            or "month must be" in text:
        return f"日期“{node.value}”不存在，请检查年月日（例如 2024-12-20）。"
    return f"无法读取这个值“{getattr(node, 'value', '')}”：{text}"
