"""Where Qari keeps user data: one folder, overridable by ``QARI_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader.errors import QariError

ENV_DATA_DIR = "QARI_DATA_DIR"


class DataFolderError(QariError, OSError):
    """The data folder cannot be used (a file in its place, no permission). An OSError too,
    so that callers that fall back to read-only on OSError still do."""


def data_dir(create: bool = True) -> Path:
    """The folder for all user data (annotations, caches, translation models).

    ``QARI_DATA_DIR`` wins so that tests and portable installs keep everything in one place.
    """
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override).expanduser() if override else Path(platformdirs.user_data_dir("qari"))
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except FileExistsError as exc:
            raise DataFolderError(f"the data folder {path} is a file, not a folder") from exc
        except OSError as exc:
            raise DataFolderError(f"the data folder {path} cannot be made "
                                  f"({exc.strerror or exc})") from exc
    return path


def settings_file() -> Path | None:
    """An explicit settings file when the data folder is overridden, else None (Qt default)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override).expanduser() / "settings.ini" if override else None


def cache_dir() -> Path:
    path = data_dir() / "cache"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(f"the cache folder {path} cannot be made "
                              f"({exc.strerror or exc})") from exc
    return path
