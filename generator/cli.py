"""The command line: a thin layer over the library API.

`gen-report FILE` makes a draft; subcommands do the rest. Every command catches `ReportError` (the one
base class) and prints its Chinese message; nothing else reaches the clerk as a traceback unless
`--debug` is given. Heavy modules (python-docx, jieba, openpyxl) are imported inside the commands that
need them, so each command only pays for its own.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_app import DEBUG, EXIT_INPUT, EXIT_OK, Command, app, err, guard, safe_streams, usage_message, version_text
from .cli_helpers import (expand_globs, list_practices, open_file, output_format, print_preview, schema_json,
                          templates_folder, warn_all)
from .errors import InputError, OutputError, ReportError, StrictError


@app.command("draft", cls=Command, help="根据输入文件生成述职报告草稿（.docx）。\n\n"
                           "例：gen-report inputs/2024.yaml  → 生成 inputs/2024.docx")
def draft_command(
    file: Path = typer.Argument(..., help="输入文件（.yaml），由 gen-report init 生成后填写。",
                                show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="生成的文件路径；默认与输入文件同名、同文件夹（.docx）。"),
    force: bool = typer.Option(False, "--force", help="目标文件已存在时覆盖它（小心：会覆盖您改过的草稿）。"),
    fmt: Optional[str] = typer.Option(None, "--format", help="docx：生成 Word 文件（默认）；txt：在屏幕上显示全文"
                                                             "（不写文件，除非给了 -o）；json：输出每个数字、做法、"
                                                             "事例的出处（给程序用）。给了 -o 时按它的扩展名定。"),
    strict: bool = typer.Option(False, "--strict", help="有提醒时也按错误处理，不生成文件。"),
    variant: int = typer.Option(0, "--variant", min=0, max=999,
                                help="换一种措辞（0、1、2……），数据不变。"),
    style: Optional[int] = typer.Option(None, "--style", min=1, max=999,
                                        help="换一种写法（第一部分的分层、小标题句式、语体等，1、2、3……），"
                                             "代替输入里的“风格”；不给时按输入或单位名称定。"),
    templates: Optional[Path] = typer.Option(None, "--templates",
                                             help="使用自己的词库文件夹（默认用内置词库）。"),
    open_after: bool = typer.Option(False, "--open", help="生成后用系统默认程序打开。"),
    annotate: bool = typer.Option(False, "--annotate", help="给草稿里每个数字、做法、事例和【待补充】加批注，"
                                                          "写明它来自输入文件的哪一项、第几行。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .api import render_file, write_rendered

        chosen = "json" if fmt == "json" else output_format(fmt, output)
        draft, marks = render_file(file, variant=variant, style=style, templates=templates_folder(templates))
        if chosen == "json":  # the trace for scripts: where every figure, practice and case came from
            import json

            from .trace import trace, warning_record

            text = json.dumps({"file": file.name, "warnings": [warning_record(w) for w in draft.warnings],
                               "trace": trace(draft, marks)}, ensure_ascii=False, indent=2)
            if output is None:
                typer.echo(text)
            else:   # -o x.json writes the file (atomically, never over a file without --force)
                from .safeio import write_atomic

                written = write_atomic(output, (text + "\n").encode("utf-8"), force=force)
                typer.echo(f"已生成：{written}")
            return EXIT_OK
        if chosen == "txt" and output is None:  # preview on screen, nothing written
            from .text import draft_to_text

            warn_all(draft.warnings, strict)
            print_preview(draft_to_text(draft), draft)
            return EXIT_OK
        target = output or file.with_suffix("." + chosen)
        try:
            write_rendered(draft, target, marks=marks, fmt=chosen, annotate=annotate, force=force, strict=strict)
        except StrictError as exc:
            warn_all(exc.warnings, False)
            raise
        warn_all(draft.warnings, False)
        typer.echo(f"已生成：{target}")
        if open_after:
            open_file(target)
        return EXIT_OK

    return guard(debug, run)


@app.command("preview", cls=Command, help="在屏幕上预览草稿全文（不写文件），各部分标题高亮。\n\n"
                                           "例：gen-report preview inputs/2024.yaml")
def preview_command(
    file: Path = typer.Argument(..., help="输入文件（.yaml）。", show_default=False),
    variant: int = typer.Option(0, "--variant", min=0, max=999, help="换一种措辞（0、1、2……）。"),
    style: Optional[int] = typer.Option(None, "--style", min=1, max=999,
                                        help="试看另一种写法（1、2、3……）；满意后在输入的“报告”下写 风格: N。"),
    debug: bool = DEBUG,
) -> int:
    return draft_command(file, None, False, "txt", False, variant, style, None, False, False, debug)


@app.command("metrics", cls=Command, help="列出指标目录：可以在“亮点”和“目标”下写的指标、可选的做法，以及问题、"
                             "原因的名称。\n\n例：gen-report metrics 组织建设；gen-report metrics 做法 党员队伍")
def metrics_command(
    theme: Optional[str] = typer.Argument(None, help="只看某个主题（如 组织建设），或 做法、问题、原因。"),
    sub: Optional[str] = typer.Argument(None, help="与“做法”连用：只看某个主题的做法。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .catalogue import load_catalogue

        cat = load_catalogue()
        if theme == "做法":
            return list_practices(cat, sub)
        if theme in ("问题", "原因"):
            kinds = cat.problems if theme == "问题" else cat.causes
            from .bank import load_bank

            bank = load_bank()
            words = bank.get("称谓", "镇")
            for kind in kinds.values():
                typer.echo(f"{kind.key}" + (f"（对应主题：{kind.theme}）" if kind.theme else ""))
                points = bank.get("问题", theme, kind.key).get("要点") or [] if bank.has("问题", theme, kind.key) else []
                if points:   # what the name stands for, as the draft will say it
                    typer.echo(f"      例：{bank.render(str(points[0]), words)}")
            return EXIT_OK
        groups = list(cat.metrics)
        if theme:
            canonical = "基本情况" if theme == "基本情况" else cat.theme(theme)
            if canonical is None:
                raise InputError(f"没有主题“{theme}”。可选：{'、'.join(['基本情况', *cat.themes, '做法', '问题', '原因'])}。")
            groups = [canonical]
        from .bank import load_bank
        from .starter import example_sentence

        bank = load_bank()
        words = bank.get("称谓", "镇")
        render = lambda src, ctx: bank.render(src, {**words, **ctx})  # noqa: E731
        for group in groups:
            typer.echo(f"【{group}】")
            for m in cat.metrics[group]:
                alias = f"；也可写：{'、'.join(a.replace('{门槛}', 'N') for a in m.aliases)}" if m.aliases else ""
                typer.echo(f"  {m.display()}（单位：{m.unit}{alias}）")
                typer.echo(f"      例：{example_sentence(m, render)}")
        return EXIT_OK

    return guard(debug, run)


@app.command("schema", cls=Command, help="输出输入文件的 JSON Schema（编辑器据此补全指标名称、提示错误）。\n\n"
                            "例：gen-report schema -o gen-report.schema.json")
def schema_command(
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="写进这个文件（UTF-8）；不写则输出到屏幕。PowerShell 的“>”会存成"
                                               " UTF-16，编辑器读不了，所以请用 -o。"),
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        if output is None:
            typer.echo(schema_json(), nl=False)
            return EXIT_OK
        from .safeio import write_atomic

        write_atomic(output, schema_json().encode("utf-8"), force=force)
        err(f"已生成：{output}")
        return EXIT_OK

    return guard(debug, run)


@app.command("check-templates", cls=Command,
             help="检查自己维护的词库文件夹（--templates 用的那个）：文件缺失或写错、说法里的变量、数字和占位符、"
                  "引用了不存在的做法或问题、说法太少、同一说法写了两遍。一次列出全部问题；有“错误”时退出码为 3。\n\n"
                  "例：gen-report check-templates 我的词库")
def check_templates_command(
    folder: Path = typer.Argument(..., help="词库文件夹（从自带的 templates 复制后修改的那个）。", show_default=False),
    strict: bool = typer.Option(False, "--strict", help="“提醒”也算错误（退出码 3）。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .errors import TemplateError
        from .template_check import check_folder, report

        if not folder.is_dir():
            raise TemplateError(f"找不到词库文件夹 {folder}。")
        errors, warnings = check_folder(folder.resolve())
        typer.echo(report(folder, errors, warnings))
        return TemplateError.exit_code if errors or (strict and warnings) else EXIT_OK

    return guard(debug, run)


@app.command("init", cls=Command, help="生成一份带中文注释的输入文件，照着填数字即可。\n\n"
                          "例：gen-report init 2025.yaml --level 村 --from 2024.yaml")
def init_command(
    path: Optional[Path] = typer.Argument(None, help="要生成的文件（默认：年度.yaml，如 2025.yaml）。"),
    level: Optional[str] = typer.Option(None, "--level", help="镇、乡、街道、村 或 社区（默认：镇；有 --from 时沿用去年的）。"),
    year: Optional[int] = typer.Option(None, "--year", min=2000, max=2100,
                                       help="述职年度（默认：10月起为今年，否则为去年；有 --from 时为去年加一）。"),
    last: Optional[Path] = typer.Option(None, "--from", help="去年的输入文件：沿用单位、姓名、上级等，"
                                                           "并把去年定的目标列在旁边供对照。"),
    batch: Optional[Path] = typer.Option(None, "--batch", help="改为生成发给各村填写的 Excel 表格，如 --batch 各村.xlsx"
                                                             "（每村一行，带下拉选项和“说明”页）。"),
    themes: Optional[str] = typer.Option(None, "--themes", help="和 --batch 一起用：只列这些主题的列，逗号分开。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .catalogue import load_catalogue
        from .loader import load_yaml_file
        from .safeio import write_atomic
        from .starter import SCHEMA_FILE, default_year, starter_yaml

        if batch is not None:
            return _init_batch(batch, level or "村", year, themes)

        last_data = None
        if last is not None:
            last_data, _ = load_yaml_file(last)
            if not isinstance(last_data, dict):
                raise ReportError(f"{last} 不是有效的输入文件（最外层应为“键: 值”）。")
        last_report = (last_data or {}).get("报告") or {}
        lvl = level or last_report.get("层级") or "镇"
        if lvl not in ("镇", "乡", "街道", "村", "社区"):
            raise InputError(f"--level 只能是 镇、乡、街道、村 或 社区，现在是“{lvl}”。")
        last_year = last_report.get("年度")
        yr = year or (last_year + 1 if isinstance(last_year, int) else default_year())
        target = path or Path(f"{yr}.yaml")
        last_path = None
        if last is not None:  # 上年 is relative to the new file's folder
            try:
                last_path = os.path.relpath(Path(last).resolve(), Path(target).resolve().parent)
            except ValueError:  # another drive (E:\2025.yaml beside a file on the desktop): the whole path
                last_path = str(Path(last).resolve())
        text = starter_yaml(load_catalogue(), year=yr, level=lvl,
                            file_name=str(target), last=last_data, last_path=last_path)
        if target.exists():  # init has no --force: a filled-in file is the clerk's work
            raise OutputError(f"{target} 已经存在，没有覆盖它（里面可能是您填好的内容）。"
                              f"换一个文件名重试，例如 gen-report init {target.stem}-新.yaml")
        write_atomic(target, text.encode("utf-8"))
        schema_path = target.parent / SCHEMA_FILE
        if not schema_path.exists() or "gen-report" in schema_path.read_text(encoding="utf-8")[:400]:
            write_atomic(schema_path, schema_json().encode("utf-8"), force=True)
        typer.echo(f"已生成：{target}\n请用记事本、WPS 或 VS Code 打开，按注释填写后运行：gen-report {target}")
        return EXIT_OK

    return guard(debug, run)


def _init_batch(path: Path, level: str, year: Optional[int], themes: Optional[str]) -> int:
    """Write the workbook a township hands out (batch/workbook.py); never over an existing file."""

    from .batch.workbook import starter_workbook
    from .catalogue import load_catalogue
    from .safeio import write_atomic

    if level not in ("镇", "乡", "街道", "村", "社区"):
        raise InputError(f"--level 只能是 镇、乡、街道、村 或 社区，现在是“{level}”。")
    if path.suffix.lower() != ".xlsx":
        raise InputError(f"--batch 的文件名应以 .xlsx 结尾，现在是“{path.name}”。")
    cat = load_catalogue()
    chosen = None
    if themes:
        named = [t.strip() for t in re.split(r"[,，、\s]+", themes) if t.strip()]
        unknown = [t for t in named if cat.theme(t) is None]
        if unknown:
            raise InputError(f"--themes 里的 {'、'.join(unknown)} 不是主题。可写的主题：{'、'.join(cat.themes)}。")
        chosen = [theme for t in named if (theme := cat.theme(t)) is not None]
    if path.exists():
        raise OutputError(f"{path} 已经存在，没有覆盖它（里面可能是各村填好的内容）。换一个文件名重试。")
    write_atomic(path, starter_workbook(cat, level, year, chosen))
    typer.echo(f"已生成：{path}\n发给各村填写（“说明”页写着每一列填什么），收回后运行：gen-report batch {path}")
    return EXIT_OK


@app.command("check", cls=Command,
             help="检查草稿里的常见错误：遗留占位符（X、**、某某）、年份、过时提法、序号、重复、标点、篇幅。"
                  "有“错误”时退出码为 1。\n\n例：gen-report check 2024.docx --year 2024")
def check_command(
    files: list[Path] = typer.Argument(..., help="要检查的文件：.docx（改过的草稿）、.txt 或 .yaml（先生成再检查）。",
                                       show_default=False),
    year: Optional[int] = typer.Option(None, "--year", min=1980, max=2100, help="报告年度（默认从标题或开头读出）。"),
    level: Optional[str] = typer.Option(None, "--level", help="镇、乡、街道、村 或 社区（默认从标题读出）。"),
    fmt: str = typer.Option("text", "--format", help="text：给人看；json：给程序用。"),
    template: bool = typer.Option(False, "--template", help="这是一份模板：其中的 ××、X 等占位符是有意留的，不报。"),
    across: bool = typer.Option(False, "--across", help="比较这些报告（或文件夹里的报告）彼此之间的雷同，最雷同的在前。"),
    against: Optional[Path] = typer.Option(None, "--against", help="与上年的报告比较，查“旧稿改头换面”。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        paths = expand_globs(files)
        if across or against is not None:
            from .check.across import across_command

            if fmt not in ("text", "json"):
                raise InputError(f"--format 只能是 text 或 json，现在是“{fmt}”。")
            return across_command(paths, against, fmt, echo=typer.echo,
                                  echo_err=lambda t: typer.echo(t, err=True))
        from .check.command import check_command as command

        return command(paths, year, level, fmt, template, echo=typer.echo)

    return guard(debug, run)


@app.command("mine", cls=Command,
             help="（维护者用）从一批真实报告（.txt）中挖掘引领句句式、引号提法、四字短语和数字说法，供编写词库。\n\n"
                  "例：gen-report mine ../shared/seeds -o docs/mining/seeds.md")
def mine_command(
    folder: Path = typer.Argument(..., help="放着 .txt 报告的文件夹。", show_default=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写到文件（默认显示在屏幕上）。"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON。"),
    grow: bool = typer.Option(False, "--grow", help="把建议的新词追加到 templates/jieba_userdict.txt。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .mining.command import mine_command as command

        return command(folder, output, as_json, grow, echo=typer.echo)

    return guard(debug, run)


@app.command("batch", cls=Command,
             help="按表格为各村批量生成草稿：每行一个村，列名同输入文件的项目（如 单位、姓名、"
                  "亮点.组织建设.发展党员，或直接写 发展党员）。\n\n"
                  "例：gen-report batch inputs/batch/villages.xlsx --defaults inputs/batch/town.yaml -o 草稿")
def batch_command(
    table: Path = typer.Argument(..., help="表格（.xlsx 或 .csv，CSV 可以是 UTF-8 或 GBK），或放着 .yaml 文件的文件夹。",
                                 show_default=False),
    defaults: Optional[Path] = typer.Option(None, "--defaults", help="各村共用的设置（年度、上级、日期等），"
                                                                     "写成输入文件的格式；表格里的同名项优先。"),
    outdir: Optional[Path] = typer.Option(None, "-o", "--output", help="草稿放在哪个文件夹（默认：表格名-草稿）。"),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, max=64, help="同时生成的进程数（默认：每 8 行一个，至多 CPU 核数；最多 61）。"),
    force: bool = typer.Option(False, "--force", help="重新生成全部草稿；改过的草稿先另存为“…（改前备份）.docx”。"),
    skip_existing: bool = typer.Option(False, "--skip-existing", help="已有的草稿跳过，只生成还没有的（中断后续跑用）。"),
    only: Optional[str] = typer.Option(None, "--only", help="只重新生成这些单位，用逗号分开，如 --only 河口村,石门村。"),
    strict: bool = typer.Option(False, "--strict", help="有提醒的行也算失败。"),
    last: Optional[Path] = typer.Option(None, "--last", help="放着各村去年输入文件（.yaml）的文件夹：按“单位”对上，"
                                                           "各村报告对照去年的目标和问题来写（也可以用“上年”一列）。"),
    debug: bool = DEBUG,
) -> int:
    def run() -> int:
        from .batch.command import batch_command as command

        return command(table, defaults, outdir, jobs, force, skip_existing, strict, last=last, only=only)

    return guard(debug, run)


def run(argv: list[str] | None = None) -> int:
    """Run the app on `argv` (default: the command line) and return the exit code; click's English usage
    errors come out in Chinese. Tests call this in-process."""
    if argv is None:
        argv = sys.argv[1:]
    if argv in (["--version"], ["-V"]):
        typer.echo(f"gen-report {version_text()}")
        return EXIT_OK
    if not argv:  # no file and no command: say what to do, not "命令用法不对（）"
        err("用法：gen-report 输入文件.yaml（生成草稿），或 gen-report init（生成填写模板）。"
             "全部命令：gen-report --help")
        return EXIT_INPUT
    try:
        code = app(args=argv, standalone_mode=False, prog_name="gen-report")
    except typer.Abort:
        err("已取消。")
        code = 130
    except typer.Exit as exc:
        code = exc.exit_code
    except Exception as exc:  # noqa: BLE001 — click/typer usage errors, told apart by their public shape
        if getattr(exc, "exit_code", None) != 2 or not hasattr(exc, "format_message"):
            raise
        err(usage_message(exc))
        code = EXIT_INPUT
    return code if isinstance(code, int) else EXIT_OK


def main() -> None:
    """Console entry point."""
    safe_streams()
    sys.exit(run())


if __name__ == "__main__":  # pragma: no cover
    main()
