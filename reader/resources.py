"""Locate bundled resources both in an installed wheel and in a source checkout."""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, checkout_folder: str) -> Path:
    try:
        files = importlib_resources.files(package)
        path = Path(str(files))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    # A source checkout: the package is mapped from a top-level folder only when installed.
    return _CHECKOUT / checkout_folder


def resources_dir() -> Path:
    return _package_dir("reader._resources", "resources")


def translations_dir() -> Path:
    return _package_dir("reader._translations", "translations")


def fonts() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.ttf"))


def sample_report() -> Path:
    return resources_dir() / "samples" / "qari-sample-report.pdf"
