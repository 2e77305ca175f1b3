"""The command line's frame: the typer app with Chinese help, `gen-report FILE` routed to draft, our errors
turned into Chinese messages and exit codes, click's usage errors in Chinese, streams that cannot crash on
encoding. The commands themselves are in cli.py."""
from __future__ import annotations

import re
import sys
from collections.abc import Callable

import typer
from typer.core import TyperCommand, TyperGroup

from .errors import ReportError

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2

def _chinese_help_texts() -> None:
    """Put typer's few fixed English help words into Chinese (best effort across typer versions)."""
    try:
        from typer import rich_utils

        rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
        rich_utils.OPTIONS_PANEL_TITLE = "选项"
        rich_utils.COMMANDS_PANEL_TITLE = "命令"
        rich_utils.ERRORS_PANEL_TITLE = "错误"
    except (ImportError, AttributeError):  # pragma: no cover
        pass


class _ChineseHelp:
    """Mixin: help output in Chinese. Patching typer's panel titles waits until help is shown, because
    importing typer.rich_utils costs ~90 ms that making a draft should not pay."""

    def format_help(self, ctx, formatter):
        formatter.write(self.get_help(ctx) + "\n")

    def get_help(self, ctx) -> str:
        from .helptext import render

        try:
            return render(self, ctx).rstrip("\n")
        except Exception:  # noqa: BLE001 - a typer that changed its insides: its own help, panels in Chinese
            _chinese_help_texts()
            return super().get_help(ctx)  # type: ignore[misc]

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option


class Command(_ChineseHelp, TyperCommand):
    pass


class DraftByDefault(_ChineseHelp, TyperGroup):
    """Route `gen-report FILE …` to the `draft` command, keeping real subcommands as they are."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["draft", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)

    def command(self, *args, **kwargs):  # pragma: no cover - typer builds commands itself
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


app = typer.Typer(
    cls=DraftByDefault,
    name="gen-report",
    help="基层党建述职报告草稿生成器。\n\n例：gen-report inputs/2024.yaml",
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


DEBUG = typer.Option(False, "--debug", help="出错时显示技术细节（给维护者看）。", hidden=True)


def err(message: str) -> None:
    typer.echo(message, err=True)


def guard(debug: bool, fn: Callable[[], int]) -> int:
    """Run `fn`, turning our errors into Chinese messages and exit codes, and anything else too."""
    try:
        return fn()
    except ReportError as exc:
        if debug:
            raise
        err(f"错误：{exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        err("已中断。")
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        return EXIT_OK
    except Exception as exc:  # a bug of ours: say so plainly, no traceback for the clerk
        if debug:
            raise
        err(f"程序内部错误（{type(exc).__name__}）。请加 --debug 重新运行，把显示的内容发给维护者。")
        return 70


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gen-report")
    except PackageNotFoundError:  # run from a checkout that pip has not installed
        return "（未安装）"


def usage_message(exc: Exception) -> str:
    """A click/typer usage error in Chinese (their class names and attributes are public; their module is not)."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        return f"错误：没有这个选项：{getattr(exc, 'option_name', '')}。用 gen-report --help 查看可用的选项。"
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        return f"错误：缺少参数 {param.human_readable_name if param else ''}。用 gen-report --help 查看用法。"
    if kind == "BadParameter":
        return f"错误：参数不对：{_said(exc)}。用 gen-report --help 查看用法。"
    message = _said(exc)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:   # click's words, said in Chinese with what was left over
        return f"错误：多写了 {extra.group(1)}。这个命令只要一个文件；用 gen-report --help 查看用法。"
    for english, chinese in _CLICK_WORDS:
        message = message.replace(english, chinese)
    return f"错误：命令用法不对（{message}）。用 gen-report --help 查看用法。"


# click's other fixed phrases a clerk can meet, in Chinese
_CLICK_WORDS = (("is not a valid integer", "不是整数"), ("is not in the range", "不在范围内"),
                ("Invalid value for", "值不对："), ("Missing argument", "缺少参数"), ("Missing option", "缺少选项"),
                ("No such command", "没有这个命令"), ("Option", "选项"), ("requires an argument", "后面要写一个值"),
                ("does not exist", "不存在"), ("is not one of", "不是下列之一"))


def safe_streams() -> None:
    """Output that cannot crash on encoding: a Chinese Windows redirects to GBK, strictly, and a pasted
    • or – (or any character GBK lacks) ended in 程序内部错误. Such a character is replaced, not fatal."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream already in use in another way: leave it as it is
                pass


def _said(exc: Exception) -> str:
    """A click/typer error's own message (`format_message`), or its text for any other exception."""
    say = getattr(exc, "format_message", None)
    return say() if callable(say) else str(exc)
