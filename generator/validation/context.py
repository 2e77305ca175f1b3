"""Where validation keeps what it found: every problem and warning, located by key path and, for data
read from a file, by line and column."""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import Problem
from ..normalise import normalise

Marks = Mapping[tuple, tuple[int, int]]


class Context:
    def __init__(self, marks: Marks, source: str | None):
        self.marks = marks
        self.source = source
        self.tier: str | None = None     # 镇 | 村, once 报告 → 层级 is known
        self.level: str | None = None
        self.foreign: tuple[str, ...] = ()   # other levels' names for themselves (称谓.yaml → 自称)
        self.writer: tuple[str, ...] = ()    # how the clerk's words would name the writer (乡党委书记): see writer_names
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []   # kept as Problems to the printers: batch places them by cell

    def at(self, path: tuple, message: str | tuple[str, str]) -> Problem:
        """A problem at `path`; `message` as text, or as (YAML wording, table wording) from advice.worded."""
        line, column = self._mark(path)
        text, table = message if isinstance(message, tuple) else (message, None)
        return Problem(text, path=path, line=line, column=column, source=self.source,
                       table=table if table != text else None)

    def error(self, path: tuple, message: str | tuple[str, str]) -> None:
        self.problems.append(self.at(path, message))

    def warn(self, path: tuple, message: str | tuple[str, str]) -> None:
        self.warnings.append(self.at(path, message))

    def _mark(self, path: tuple) -> tuple[int | None, int | None]:
        return locate(self.marks, path)


def locate(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    """The line and column of `path` in the input file: of its deepest key that has a mark."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in marks:
            return marks[path[:cut]]
    return None, None


def clip(text: str, width: int = 16) -> str:
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


def sentence_body(text: str, where: tuple = (), ctx: "Context | None" = None) -> str:
    """Normalise the clerk's text (digits, quotes; see normalise.py) and strip the final full stop they may
    type, so compose can join clauses cleanly."""
    text, notes = normalise(text)
    if ctx is not None:
        for note in notes:
            ctx.warn(where, note)
        said = next((w for w in ctx.foreign if w in text), None)
        if said:   # 乡党委 and 镇党委 in one report: copied from another unit's text and not changed
            ctx.warn(where, f"报告的层级是“{ctx.level}”，这里写了“{said}”，像是从别处抄来没改；"
                            f"请改成本{ctx.level}的说法（报告里按原样写了）")
        me = next((w for w in ctx.writer if w in text), None)
        if me:   # 乡党委书记带队驻村调研一个月 in the 乡党委书记's own report (39th blind reading: 人称露馅)
            ctx.warn(where, f"这里的“{me}”就是述职人本人：述职报告里说自己用“本人”（如“本人带队……”），"
                            "请在输入里改（报告里按原样写了）")
    return text.strip().rstrip("。；;，,").strip()


def writer_names(level: str | None, unit: str | None, post: str | None) -> tuple[str, ...]:
    """How a clerk's case would name the writer in the third person: the unit's level or name with the post
    (乡党委书记, 青龙乡党委书记; 村党支部书记, 村支部书记). Other posts (村党支部书记 in a township's report) are
    other people."""
    if not (level and post and post.endswith("书记")):
        return ()
    posts = {post, post.replace("党支部", "支部")} if "党支部" in post else {post}
    names = {f"{level}{p}" for p in posts} | ({f"{unit}{p}" for p in posts} if unit else set())
    return tuple(sorted(names, key=len, reverse=True))


def own_unit(ctx: Context) -> str:
    return {"乡": "本乡", "街道": "本街道", "社区": "本社区", "村": "本村"}.get(ctx.level or "", "本镇")
