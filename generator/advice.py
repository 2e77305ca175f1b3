"""Advice in the clerk's own medium. A YAML file has lines and {自述: …} shapes; a table has cells and its own
cell syntax (batch/unflatten.py: “X｜表现：……”, “自述：X”). A message that tells the clerk what to write is
built once from plain text and `Advice` pieces (`worded`), and carries both wordings; the printer of each
medium takes its own (`Problem.text`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Advice:
    """One piece of advice as a YAML file and as a table cell need it."""

    yaml: str
    table: str


def leave_out(lead: str = "") -> Advice:
    """没有这项数据就删掉这一行 / 没有这项数据就让这一格空着."""
    return Advice(f"{lead}删掉这一行", f"{lead.removesuffix('请')}让这一格空着")


def _cell(value: str) -> str:
    return "……" if value == "…" else value   # a table's ellipsis is the Chinese one


def own(text: str = "…", part: str | None = None, value: str = "…") -> Advice:
    """{自述: X} / “自述：X”; with a part (表现, 简称): {自述: X, 表现: …} / “X｜表现：……” (`value`: what
    to write there)."""
    if part:
        return Advice(f"{{自述: {text}, {part}: {value}}}", f"“{text}｜{part}：{_cell(value)}”")
    return Advice(f"{{自述: {text}}}", f"“自述：{_cell(text)}”")


def part(name: str) -> Advice:
    """One more part of the clerk's own words: “表现: …” / “｜表现：……”."""
    return Advice(f"“{name}: …”", f"“｜{name}：……”")


# a value YAML read as a number or date: quoting is the cure in a file; a table cell is text as typed
QUOTE = Advice("如果是数字或日期，请用引号括起来。", "")


def worded(*pieces: str | Advice) -> tuple[str, str]:
    """The message as (YAML wording, table wording)."""
    return ("".join(p if isinstance(p, str) else p.yaml for p in pieces),
            "".join(p if isinstance(p, str) else p.table for p in pieces))


__all__ = ["Advice", "QUOTE", "leave_out", "own", "part", "worded"]
