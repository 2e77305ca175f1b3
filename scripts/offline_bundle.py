"""Build a folder that installs gen-report on a PC with no route to a package index (a township office).

Run it on any machine that reaches PyPI:

    python scripts/offline_bundle.py 离线安装包                # Windows 10/11, 64-bit, Python 3.10–3.13
    python scripts/offline_bundle.py 离线安装包 --platform this  # this machine's platform only (for testing)

The folder holds `wheels/` (gen-report itself, every dependency for each supported Python as a wheel, and
jieba — which PyPI ships only as source — built here into a wheel, since it is pure Python) and
`install.bat`, which makes a virtual environment beside it and installs from `wheels/` with `--no-index`.
Copy the folder to the office PC (USB stick) and double-click install.bat.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
# wheels every platform can use, built here from PyPI's source release (no compiled code)
SOURCE_ONLY = ("jieba",)

INSTALL_BAT = r"""@echo off
rem gen-report 离线安装：在本文件夹旁建立 Python 虚拟环境，从 wheels 文件夹安装，不需要联网。
chcp 65001 >nul
cd /d "%~dp0"
where py >nul 2>nul
if errorlevel 1 (
  echo 没有找到 Python。请先安装 Python 3.10 到 3.13（64 位），安装时勾选“Add python.exe to PATH”。
  pause
  exit /b 1
)
py -m venv "%~dp0gen-report-env"
if errorlevel 1 (
  echo 建立虚拟环境失败。
  pause
  exit /b 1
)
"%~dp0gen-report-env\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" gen-report
if errorlevel 1 (
  echo 安装失败：wheels 文件夹里缺少这台电脑的 Python 版本需要的文件。
  pause
  exit /b 1
)
echo.
echo 安装完成。以后这样运行（在本文件夹里打开 PowerShell）：
echo   .\gen-report-env\Scripts\gen-report.exe 2026.yaml
echo 或：.\gen-report-env\Scripts\python.exe -m generator 2026.yaml
pause
"""


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def build(out: Path, platform: str) -> Path:
    """Fill `out` with wheels/ and install.bat; return the wheels folder."""
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    pip("wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT))
    for name in SOURCE_ONLY:
        pip("wheel", "--no-deps", "--quiet", "-w", str(wheels), name_spec(name))
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        requirements.write_text("\n".join(dependencies(skip=SOURCE_ONLY)) + "\n", encoding="utf-8")
        if platform == "this":
            pip("download", "--quiet", "--only-binary=:all:", "-d", str(wheels), "-r", str(requirements))
        else:
            for version in PYTHONS:
                pip("download", "--quiet", "--only-binary=:all:", "--platform", platform,
                    "--python-version", version, "--implementation", "cp", "-d", str(wheels),
                    "-r", str(requirements))
    (out / "install.bat").write_bytes(INSTALL_BAT.replace("\n", "\r\n").encode("utf-8"))
    return wheels


def dependencies(skip: tuple[str, ...] = ()) -> list[str]:
    """The runtime requirements of pyproject.toml (a dependency's own dependencies pip resolves itself)."""
    import tomllib  # Python 3.11+; the bundle is built on a maintainer's machine

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [d for d in data["project"]["dependencies"] if not d.lower().startswith(skip)]


def name_spec(name: str) -> str:
    return next((d for d in dependencies() if d.lower().startswith(name)), name)


def main() -> None:
    parser = argparse.ArgumentParser(description="Build an offline installation folder for gen-report.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--platform", default="win_amd64", help="win_amd64 (default), or 'this' for this machine")
    args = parser.parse_args()
    wheels = build(args.out, args.platform)
    print(f"{len(list(wheels.glob('*.whl')))} wheels in {wheels}; copy {args.out} to the office PC and run install.bat")


if __name__ == "__main__":
    main()
