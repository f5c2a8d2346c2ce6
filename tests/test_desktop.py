"""Issue 16: Qari in the desktop's menu, with its icon, opening PDFs from a file manager."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from reader import desktop
from reader.resources import resources_dir

SHIPPED = resources_dir() / "desktop"


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_the_entry_opens_pdfs_with_the_installed_program(tmp_path):
    written = desktop.install("/opt/my apps/qari/bin/qari", tmp_path)
    entry = _entry((tmp_path / "applications" / f"{desktop.APP_ID}.desktop").read_text())
    assert entry["Exec"] == '"/opt/my apps/qari/bin/qari" %f'
    assert entry["MimeType"] == "application/pdf;"
    assert entry["Name[ar]"] == "قارئ" and entry["Icon"] == desktop.APP_ID
    icons = tmp_path / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{desktop.APP_ID}.svg").is_file()
    for size in desktop.ICON_SIZES:
        png = icons / f"{size}x{size}" / "apps" / f"{desktop.APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "metainfo" / f"{desktop.APP_ID}.metainfo.xml").is_file()
    assert len(written) == len(desktop.ICON_SIZES) + 3
    assert not list(tmp_path.rglob("*.part"))


def test_exec_quoting_follows_the_specification():
    assert desktop.exec_argument("/usr/bin/qari") == "/usr/bin/qari"
    assert desktop.exec_argument('/a b/"x"$y') == '"/a b/\\"x\\"\\$y"'


def test_removing_takes_out_only_qaris_files(tmp_path):
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    desktop.install("/usr/bin/qari", tmp_path)
    removed = desktop.remove(tmp_path)
    assert removed and all(not p.exists() for p in removed)
    assert other.exists()


def test_the_command_line_writes_into_xdg_data_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "ok"))
    assert desktop.main(["install", "--exec", "/usr/bin/qari"]) == 0
    assert (tmp_path / "ok" / "applications" / f"{desktop.APP_ID}.desktop").is_file()
    capsys.readouterr()
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "applications").write_text("a file where the folder goes")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert desktop.main(["install", "--exec", "/usr/bin/qari"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_entry_is_valid(tmp_path):
    desktop.install("/usr/bin/qari", tmp_path)
    path = tmp_path / "applications" / f"{desktop.APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_the_metainfo_is_valid():
    result = subprocess.run(["appstreamcli", "validate", "--no-net",
                             str(SHIPPED / f"{desktop.APP_ID}.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_window_uses_the_icon(qtbot):
    from reader.ui.app import create_app

    app = create_app(language="en")
    icon = app.windowIcon()
    assert not icon.isNull() and {s.width() for s in icon.availableSizes()} >= {16, 48, 256}
    assert app.desktopFileName() == desktop.APP_ID
