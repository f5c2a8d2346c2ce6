"""Build hook: compile the Qt Linguist sources in translations/ to .qm inside the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def _lrelease() -> list[str]:
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    import PySide6  # provided by build-system.requires

    return [str(Path(PySide6.__file__).parent / "lrelease")]


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        out = Path(self.build_lib) / "reader" / "_translations"
        for ts in sorted(Path("translations").glob("*.ts")):
            out.mkdir(parents=True, exist_ok=True)
            qm = out / (ts.stem + ".qm")
            subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
            print(f"compiled {ts} -> {qm}", file=sys.stderr)


setup(cmdclass={"build_py": BuildWithTranslations})
