"""qari.sh's set-up decisions, run from the script itself (issue 15: a package installed
but waiting for its triggers was taken as missing; `run` installed the test tools)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "qari.sh"


def _function(name: str) -> str:
    lines = SCRIPT.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"{name}() {{")
    end = lines.index("}", start)
    return "\n".join(lines[start:end + 1])


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian-like system")
def test_only_packages_that_are_not_there_are_missing(tmp_path):
    # A fake dpkg-query answering as dpkg does for each state.
    fake = tmp_path / "dpkg-query"
    fake.write_text('#!/bin/sh\ncase "$3" in\n  ready) echo "install ok installed";;\n'
                    '  waiting) echo "install ok triggers-awaited";;\n'
                    '  pending) echo "install ok triggers-pending";;\n'
                    '  half) echo "install ok half-installed";;\n  *) exit 1;;\nesac\n')
    fake.chmod(0o755)
    script = _function("missing_packages") + "\nmissing_packages ready waiting pending half gone"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            env={"PATH": f"{tmp_path}:/usr/bin:/bin"}, check=True)
    assert result.stdout.split() == ["half", "gone"]


def test_run_installs_qari_and_test_installs_its_test_tools():
    text = SCRIPT.read_text(encoding="utf-8")
    venv = _function("ensure_venv")
    assert 'target="$here[test]"' in venv and '[ "$extra" = test ]' in venv
    assert "ensure_venv run" in text and "ensure_venv test" in text
    assert "DPkg::Lock::Timeout" in _function("ensure_packages")
