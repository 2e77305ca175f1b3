"""Re-runs that never lose a clerk's work: what batch wrote last time, and what to do with each draft now.

Beside summary.csv batch keeps a small record (`MANIFEST`): for each draft it wrote, a fingerprint of the
row's input and of the file. On the next run a draft is
  regenerated             when its input changed and the file is as batch wrote it;
  written beside it       (…（新）.docx) when its input changed and the clerk has edited the file;
  skipped, and told why   when its input did not change, or the draft was not made by this record;
and with --force an edited draft is first copied (…（改前备份）.docx), never simply replaced.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = ".gen-report-记录.json"
NEW_SUFFIX = "（新）"
BACKUP_SUFFIX = "（改前备份）"


def fingerprint(data: Any) -> str:
    """The input of one row, as a short hash (the same data gives the same fingerprint)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def load(outdir: Path) -> dict[str, dict]:
    path = outdir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(outdir: Path, record: dict[str, dict]) -> None:
    from ..safeio import write_atomic

    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(outdir / MANIFEST, text.encode("utf-8"), force=True)


@dataclass
class Decision:
    action: str          # write | replace | skip | beside
    reason: str = ""
    backup: bool = False  # copy the existing draft before replacing it


def decide(target: Path, digest: str, record: dict[str, dict], *, force: bool, skip_existing: bool,
           only: bool) -> Decision:
    """What to do with the draft of one row (pure but for reading the existing file's hash)."""
    if not only:
        return Decision("skip", "不在 --only 列出的单位里，没有动")
    if not target.exists():
        return Decision("write")
    entry = record.get(target.name)
    edited = entry is None or file_hash(target) != entry.get("draft")
    same = entry is not None and entry.get("input") == digest
    if force:
        return Decision("replace", "按 --force 重新生成" + ("，改过的原稿先另存了一份" if edited else ""), backup=edited)
    if skip_existing:
        return Decision("skip", "已有草稿（--skip-existing）")
    if same:
        return Decision("skip", "输入没有变" + ("，草稿里的修改保留着" if edited else "，草稿也没改过"))
    if entry is None:
        return Decision("skip", "已有这份草稿，但没有本工具生成它的记录（可能改过），没有覆盖；"
                                "要重新生成请加 --force（会先把原稿另存一份）")
    if not edited:
        return Decision("replace", "输入变了，草稿没改过：已重新生成")
    new = target.with_name(target.stem + NEW_SUFFIX + target.suffix)
    if (record.get(new.name) or {}).get("input") == digest and new.exists():
        return Decision("skip", f"输入没有再变：上次的新稿还在 {new.name}，原稿里的修改保留着")
    return Decision("beside", "输入变了，但草稿已经改过：新稿另存，原稿不动，请对照合并")


def beside(target: Path, taken: set[str], record: dict[str, dict]) -> Path:
    """…（新）.docx beside the edited draft: the one this record wrote last time (replaced: it is the
    tool's, unless the clerk edited that one too), else a free name ((2), (3)…)."""
    stem, n = target.stem + NEW_SUFFIX, 2
    name = stem + target.suffix
    while name.lower() in taken or ((target.parent / name).exists() and not _untouched(target.parent / name, record)):
        name, n = f"{stem}({n}){target.suffix}", n + 1
    taken.add(name.lower())
    return target.parent / name


def _untouched(path: Path, record: dict[str, dict]) -> bool:
    entry = record.get(path.name)
    return entry is not None and file_hash(path) == entry.get("draft")


def backup_path(target: Path) -> Path:
    stem, n = target.stem + BACKUP_SUFFIX, 2
    path = target.with_name(stem + target.suffix)
    while path.exists():
        path, n = target.with_name(f"{stem}({n}){target.suffix}"), n + 1
    return path
