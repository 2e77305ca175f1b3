"""`gen-report mine DIR`: what the CLI calls."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..loader import decode
from ..resources import templates_dir


def mine(folder: Path, userdict: Path | None = None):
    """Return (reports, aggregate) for the .txt reports in `folder`."""
    from .analyse import aggregate, analyse, splits

    files = sorted(p for p in Path(folder).glob("*.txt") if p.is_file())
    if not files:
        raise InputError(f"{folder} 里没有 .txt 报告。请把报告另存为纯文本（.txt）后放进这个文件夹。")
    userdict = userdict or templates_dir() / "jieba_userdict.txt"
    reports = [analyse(p.stem, decode(p.read_bytes(), p.name), userdict) for p in files]
    return reports, aggregate(reports, splits)


def grow(userdict: Path, words: list[str]) -> list[str]:
    """Append `words` not yet in `userdict` (jieba format, sorted); return the words added."""
    existing = set()
    if userdict.exists():
        existing = {line.split()[0] for line in userdict.read_text(encoding="utf-8").splitlines() if line.strip()}
    new = sorted(w for w in set(words) if w not in existing)
    if new:
        with open(userdict, "a", encoding="utf-8") as f:
            f.writelines(f"{w} 30 nz\n" for w in new)
    return new


def mine_command(folder: Path, output: Path | None, as_json: bool, grow_dict: bool, echo=print) -> int:
    from ..safeio import write_atomic
    from .report import as_json as to_json
    from .report import markdown

    userdict = templates_dir() / "jieba_userdict.txt"
    reports, agg = mine(folder, userdict)
    text = to_json(reports, agg) if as_json else markdown(reports, agg)
    if output:
        write_atomic(Path(output), text.encode("utf-8"), force=True)
        echo(f"已写入：{output}")
    else:
        echo(text)
    if grow_dict:
        added = grow(userdict, agg["candidates"])
        echo(f"词典新增 {len(added)} 个词：{'、'.join(added) or '（无）'}")
    return 0
