"""`gen-report mine DIR`: read the .txt reports of a folder, write the mining report, grow the dictionary."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..resources import templates_dir


def userdict_path() -> Path:
    return templates_dir() / "jieba_userdict.txt"


def mine(folder: Path, userdict: Path | None = None):
    """Return (reports, aggregate tables, dictionary candidates) for the .txt reports in `folder`."""
    from ..loader import decode
    from .corpus import aggregate, analyse
    from .dictionary import candidates, words
    from .seg import Segmenter

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"找不到文件夹：{folder}")
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not files:
        raise InputError(f"{folder} 里没有 .txt 报告。请把报告另存为纯文本（.txt）后放进这个文件夹。")
    userdict = userdict or userdict_path()
    seg = Segmenter(userdict)
    reports = [analyse(p.stem, decode(p.read_bytes(), p.name), seg) for p in files]
    agg = aggregate(reports)
    quoted = {q: t.reports for q, t in agg["quotes"].items()}
    phrased = {p: t.reports for p, t in agg["phrases"].items()}
    return reports, agg, candidates(quoted, phrased, seg, words(userdict))


def mine_command(folder: Path, output: Path | None, as_json: bool, grow: bool, echo=print) -> int:
    """Write the mining report of `folder` to `output` (or the screen); with `grow`, extend the dictionary."""
    from ..safeio import write_atomic
    from .dictionary import grow as grow_dictionary
    from .report import markdown, to_json

    userdict = userdict_path()
    reports, agg, proposed = mine(folder, userdict)
    text = to_json(reports, agg, proposed) if as_json else markdown(reports, agg, proposed)
    if output:
        write_atomic(Path(output), text.encode("utf-8"), force=True)
        echo(f"已写入挖掘结果：{output}（{len(reports)} 篇报告）")
    else:
        echo(text.rstrip("\n"))
    if grow:
        added = grow_dictionary(userdict, proposed)
        echo(f"词典 {userdict.name} 新增 {len(added)} 个词：{'、'.join(added) or '（无）'}")
    return 0
