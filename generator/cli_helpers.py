"""What the commands share: reading their options (output format, templates folder, globs a Windows shell
leaves unexpanded), printing warnings and previews, opening a file, listing practices, the JSON Schema."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_app import EXIT_OK, err
from .errors import InputError, ReportError, StrictError

def warn_all(warnings, strict: bool) -> None:
    for warning in warnings:
        err(f"提醒：{warning}")
    if strict and warnings:
        raise StrictError(f"有 {len(warnings)} 条提醒，按 --strict 要求没有生成文件。")


def output_format(fmt: Optional[str], output: Optional[Path]) -> str:
    """The format to write: --format if given, else the extension of -o, else docx; a mismatch (-o x.txt
    with --format docx) is refused rather than writing a Word file under a .txt name."""
    if fmt is not None and fmt not in ("docx", "txt"):
        raise InputError(f"--format 只能是 docx、txt 或 json，现在是“{fmt}”。")
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    name = output.name if output is not None else ""
    if suffix and suffix not in ("docx", "txt"):
        raise InputError(f"-o 的文件名应以 .docx（Word 草稿）或 .txt（纯文本）结尾，现在是“{name}”。")
    if fmt and suffix and fmt != suffix:
        raise InputError(f"--format {fmt} 与输出文件 {name} 的扩展名不一致。去掉 --format，"
                         f"按扩展名生成；或把文件名改成 .{fmt}。")
    return fmt or suffix or "docx"


def templates_folder(path: Optional[Path]) -> Optional[Path]:
    if path is None:
        return None
    if not (path / "bank").is_dir() or not (path / "metrics.yaml").is_file():
        raise ReportError(f"词库文件夹 {path} 不完整：需要 metrics.yaml、era.yaml 和 bank/ 子文件夹。"
                          "可以先复制内置的 templates 文件夹再修改。")
    from .template_check import require_sound

    require_sound(path.resolve())
    return path.resolve()


def print_preview(text: str, draft) -> None:
    """Print the draft; on a terminal the part headings stand out."""
    if not sys.stdout.isatty():
        sys.stdout.write(text)
        return
    from rich.console import Console

    from .model import Role

    headings = {b.text for b in draft.blocks() if b.role in (Role.TITLE, Role.HEADING1, Role.HEADING2)}
    console = Console(highlight=False)
    for line in text.splitlines():
        stripped = line.strip("\u3000 ")
        console.print(line, style="bold cyan" if stripped in headings or stripped in draft.title_lines
                      else None, markup=False)


def open_file(path: Path) -> None:
    """Open `path` with the system's default program, where there is one."""
    import shutil
    import subprocess

    if sys.platform.startswith("win"):
        os.startfile(str(path))  # type: ignore[attr-defined]
    elif sys.platform == "darwin":
        subprocess.run(["open", str(path)], check=False)
    elif shutil.which("xdg-open"):
        subprocess.run(["xdg-open", str(path)], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    else:
        err("提醒：这台电脑没有可用的默认打开程序，请手动打开文件。")


def list_practices(cat, theme: str | None) -> int:
    """`gen-report metrics 做法 [主题]`: each practice with its levels, the figures it carries, an example."""
    from .bank import load_bank

    themes = list(cat.themes)
    if theme:
        canonical = cat.theme(theme)
        if canonical is None:
            raise InputError(f"没有主题“{theme}”。可选：{'、'.join(cat.themes)}。")
        themes = [canonical]
    from .catalogue import levels_text

    bank = load_bank()
    ctx = {**bank.get("称谓", "镇"), "单位": "本镇", "换届": "村“两委”换届"}
    for t in themes:
        typer.echo(f"【{t}】")
        for p in cat.practices.get(t, ()):
            # the example in the words of a level the practice is for (接诉即办 read as a 街道 would write it)
            ctx = {**bank.get("称谓", p.levels[0]), "单位": f"本{p.levels[0]}", "换届": "村“两委”换届"}
            levels = "各级都可用" if levels_text(p.levels) == "各级" else f"只用于{levels_text(p.levels)}"
            figures = f"；带出数字：{'、'.join(p.metrics)}" if p.metrics else ""
            alias = f"；也可写：{'、'.join(p.aliases)}" if p.aliases else ""
            typer.echo(f"  {p.key}（{levels}{figures}{alias}）")
            typer.echo(f"      例：{bank.render(p.phrases[0], ctx)}")
    return EXIT_OK


def schema_json() -> str:
    import json

    from .catalogue import load_catalogue
    from .jsonschema import input_schema

    return json.dumps(input_schema(load_catalogue()), ensure_ascii=False, indent=2) + "\n"


def expand_globs(paths: list[Path]) -> list[Path]:
    """`check *.docx` as a Windows shell passes it: the pattern itself. A name with * or ? that is not a
    file is expanded here (sorted); one that matches nothing is kept, for check to say it is not found."""
    import glob

    out: list[Path] = []
    for p in paths:
        text = str(p)
        if any(c in text for c in "*?[") and not p.exists():
            hits = sorted(glob.glob(text))
            out += [Path(h) for h in hits] or [p]
        else:
            out.append(p)
    return out
