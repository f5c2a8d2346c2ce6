"""The only module that imports argostranslate, and only inside functions.

Argos reads its settings from the environment once, at import: point it at Qari's data
folder first, so packages and its caches stay there.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.paths import data_dir


def _prepare_environment() -> None:
    base = data_dir() / "argos"
    os.environ["ARGOS_PACKAGES_DIR"] = str(base / "packages")
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")


def install_from_path(path: Path) -> None:
    _prepare_environment()
    import argostranslate.package as package

    package.install_from_path(path)
