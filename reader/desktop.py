"""Qari in the desktop's menu: its entry (which opens PDFs from a file manager), its icon
in the icon theme and its AppStream description, put in the user's data folders.

    python -m reader.desktop install --exec /path/to/qari    (install.sh, qari.sh run)
    python -m reader.desktop remove

Only files named after Qari's id are written or removed; nothing else is touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.resources import resources_dir

APP_ID = "io.github.qari.Qari"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ~/.local/share (the desktop's per-user data folder)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def exec_argument(path: str) -> str:
    """``path`` as one argument of a desktop entry's Exec key (the specification's quoting:
    a path with spaces or reserved characters in double quotes, with ``" ` $ \\``
    escaped)."""
    if path and not any(c in path for c in " \t\n\"'\\><~|&;$*?#()`="):
        return path
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in path)
    return f'"{escaped}"'


def desktop_entry(program: str) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` pointing at ``program``."""
    template = (resources_dir() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(program)} %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + program.replace("\\", "\\\\")  # a string value's escape
        lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(home: Path) -> dict[str, Path]:
    icons = home / "icons" / "hicolor"
    found = {f"{APP_ID}.desktop": home / "applications" / f"{APP_ID}.desktop",
             f"{APP_ID}.metainfo.xml": home / "metainfo" / f"{APP_ID}.metainfo.xml",
             f"{APP_ID}.svg": icons / "scalable" / "apps" / f"{APP_ID}.svg"}
    for size in ICON_SIZES:
        found[f"{APP_ID}-{size}.png"] = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return found


def install(program: str, home: Path | None = None) -> list[Path]:
    """Write the entry, the icons and the metainfo; return the files written."""
    home = home or data_home()
    written = []
    for source, target in _targets(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        if source.endswith(".desktop"):
            temporary.write_text(desktop_entry(program), encoding="utf-8")
        else:
            folder = "desktop" if source.endswith(".xml") else "icons"
            shutil.copyfile(resources_dir() / folder / source, temporary)
        temporary.replace(target)  # a menu never reads a half-written entry
        written.append(target)
    _refresh_caches(home)
    return written


def remove(home: Path | None = None) -> list[Path]:
    home = home or data_home()
    removed = [t for t in _targets(home).values() if t.exists()]
    for target in removed:
        target.unlink()
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell the desktop (where its tools are installed; a desktop also notices by itself)."""
    for command in (["update-desktop-database", "-q", str(home / "applications")],
                    ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")]):
        if shutil.which(command[0]):
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                subprocess.run(command, capture_output=True, timeout=30, check=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.desktop")
    steps = parser.add_subparsers(dest="action", required=True)
    add = steps.add_parser("install", help="add Qari to the desktop's menu")
    add.add_argument("--exec", dest="program", required=True, help="the qari program")
    steps.add_parser("remove", help="take Qari out of the menu")
    args = parser.parse_args(argv)
    try:
        if args.action == "install":
            files = install(args.program)
            print(f"qari: added to the desktop's menu ({files[0]})")
        else:
            remove()
    except OSError as exc:
        print(f"qari: the menu entry could not be written: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
