"""`--help` in Chinese, laid out by hand: rich's tables cut Chinese descriptions at “…” in an 80-column
console (a CJK run has no place to break), and click's wrapping counts a Chinese character as one column.
Here every line is wrapped by its printed width (a Chinese character takes two columns)."""
from __future__ import annotations

from .width import columns

WIDTH = 80          # a Windows console's default width; wider terminals get the same layout
LEFT = 22           # the column where descriptions start


def wrap(text: str, width: int) -> list[str]:
    """Lines of `text` at most `width` columns each, broken anywhere (Chinese has no spaces to break at)."""
    lines, line = [], ""
    for ch in text:
        if ch == "\n":
            lines.append(line)
            line = ""
            continue
        if columns(line + ch) > width:
            if ch in "…—" and line.endswith(ch):   # …… and —— stay whole: both go to the next line
                lines.append(line[:-1])
                line = line[-1] + ch
            else:
                lines.append(line)
                line = ch.lstrip()
        else:
            line += ch
    if line or not lines:
        lines.append(line)
    return lines


def _entry(name: str, text: str) -> list[str]:
    body = wrap(text, WIDTH - LEFT)
    head = "  " + name
    if columns(head) >= LEFT - 1:
        return [head] + [" " * LEFT + line for line in body]
    return [head + " " * (LEFT - columns(head)) + body[0]] + [" " * LEFT + line for line in body[1:]]


def _metavar(param) -> str:
    """A Chinese word for what an option takes (typer's own words are English: <path>, <int range>)."""
    if getattr(param, "is_flag", False) or getattr(param, "is_bool_flag", False):
        return ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return f"数字（{low}–{high}）"
    if low is not None:
        return "数字"
    return _NAMED.get(getattr(param, "name", ""), "值")


_NAMED = {"output": "文件", "templates": "文件夹", "fmt": "格式", "level": "层级", "year": "年份",
          "against": "上年的报告", "defaults": "文件", "only": "单位"}


_ARGS = {"file": "文件", "files": "文件", "folder": "文件夹", "table": "表格", "theme": "主题", "sub": "主题",
         "target": "文件", "path": "文件"}


def _arg(param) -> str:
    return _ARGS.get(param.name, param.name)


def render(command, ctx) -> str:
    """The whole help of `command`: usage, description, arguments, options, subcommands."""
    out: list[str] = []   # typer vendors its own click: parameters are told apart by kind, not class
    arguments = [p for p in command.get_params(ctx) if p.param_type_name == "argument"]
    options = [p for p in command.get_params(ctx) if p.param_type_name == "option" and not p.hidden]
    names = " ".join(_arg(a) + ("（可写多个）" if a.nargs == -1 else "") for a in arguments)
    sub = " 命令" if hasattr(command, "list_commands") else ""
    out += wrap(f"用法：{ctx.command_path} [选项]{sub} {names}".rstrip(), WIDTH) + [""]
    if command.help:
        for paragraph in command.help.split("\n\n"):
            out += wrap(paragraph.strip(), WIDTH) + [""]
    if arguments:
        out.append("参数：")
        for a in arguments:
            out += _entry(_arg(a), (getattr(a, "help", "") or "") + ("（必填）" if a.required else ""))
        out.append("")
    if options:
        out.append("选项：")
        for o in options:
            flags = ", ".join(sorted(getattr(o, "opts", ()) or [o.name], key=len))
            meta = _metavar(o)
            default = ""
            if getattr(o, "show_default", False) and o.default not in (None, False, "") \
                    and not getattr(o, "is_flag", False):
                default = f"（默认 {o.default}）"
            out += _entry(f"{flags} {meta}".rstrip(), (o.help or "") + default)
        out.append("")
    if hasattr(command, "list_commands"):
        out.append("命令：")
        for name in command.list_commands(ctx):
            sub_command = command.get_command(ctx, name)
            if sub_command is None or sub_command.hidden:
                continue
            first = (sub_command.help or "").split("\n")[0].strip()
            out += _entry(name, first)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
