"""Writing drafts without ever losing a clerk's work: refuse to overwrite, write atomically, safe names."""
from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from .errors import OutputError

MAX_NAME_CHARS = 80  # 80 CJK characters are 240 bytes in UTF-8, under every file system's 255
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_BAD_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def sanitize_filename(name: str, fallback: str = "报告") -> str:
    """Return `name` made safe as one file name on Windows, macOS and Linux (no extension added)."""
    name = unicodedata.normalize("NFC", name)
    name = _BAD_CHARS.sub("_", name)
    name = re.sub(r"\.{2,}", ".", name)            # no `..`
    name = re.sub(r"\s+", " ", name).strip(" ._")   # Windows drops trailing dots and spaces
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rstrip(" ._")
    if not name:
        name = fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` via a temp file in the same folder and a rename; refuse to overwrite.

    Without `force`, an existing file is never replaced (the clerk may have edited last run's draft).
    Raises `OutputError` with a Chinese message on any failure; the old file is then untouched.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise OutputError(f"{path} 是一个文件夹，请指定要生成的文件名，例如 {path / '述职报告.docx'}")
    if path.exists() and not force:
        raise OutputError(f"文件已存在：{path}\n它可能是您改过的草稿，所以没有覆盖。"
                          "如果确实要重新生成并覆盖它，请加 --force；或用 -o 指定另一个文件名。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建文件夹 {path.parent}：{_reason(exc)}") from None
    if force and path.exists() and _read_only(path):
        # said before any temp file exists: one copied read-only could not be removed on Windows
        raise OutputError(f"无法写入 {path}：{_reason(PermissionError(13, 'read-only', str(path)))}"
                          "原来的文件没有改动。")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=".tmp")
        os.chmod(tmp, _new_file_mode(path))  # mkstemp makes 0600; a draft should be like any new file
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
        tmp = None
    except FileExistsError:
        raise OutputError(f"文件已存在：{path}（刚刚被别的程序创建）。没有覆盖它，请加 --force 或换一个文件名。") from None
    except OSError as exc:
        raise OutputError(f"无法写入 {path}：{_reason(exc, path)}原来的文件（如有）没有改动。") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return path


def _new_file_mode(path: Path) -> int:
    """Return the mode the draft should get: the old file's, or what the umask gives a new file."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _read_only(path: Path) -> bool:
    """Return True if the clerk marked `path` read-only (checked by mode, so root is not exempt)."""
    return not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def _link_new(tmp: str, path: Path) -> None:
    """Move `tmp` to `path` only if `path` does not exist (no race with another writer).

    A hard link is the atomic way. Where the file system has none (FAT32 and exFAT USB sticks, some network
    drives), `path` is first created exclusively — that is the no-overwrite guarantee — then replaced by the
    written file. Once the draft is in place, a temp file that will not go away is not a failure."""
    try:
        os.link(tmp, path)  # fails with FileExistsError if someone created it meanwhile
    except FileExistsError:
        raise
    except (AttributeError, NotImplementedError, OSError):
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)  # FileExistsError: someone was first
        os.close(fd)
        os.replace(tmp, path)
        return
    try:
        os.unlink(tmp)
    except OSError:
        pass


WINDOWS_MAX_PATH = 259  # characters a Windows path may have without the long-path setting


def _reason(exc: OSError, path: Path | None = None) -> str:
    if path is not None and len(str(Path(path).absolute())) > WINDOWS_MAX_PATH and (
            exc.errno in (2, 3, 36) or getattr(exc, "winerror", None) in (3, 206)):
        return (f"路径太长（{len(str(Path(path).absolute()))} 个字符，Windows 最多 260 个）。请把文件放到浅一些的文件夹"
                "（如 D:\\述职报告），或用短一些的文件名。")
    if isinstance(exc, PermissionError):
        return "没有写入权限——文件可能是只读的，或正被 Word/WPS 打开。请关闭该文件或取消只读后重试。"
    if exc.errno == 28:
        return "磁盘空间不足。"
    if exc.errno == 36:
        return "文件名太长。"
    return f"{str(exc.strerror or exc).rstrip('。.')}。"
