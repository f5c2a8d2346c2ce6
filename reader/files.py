"""Files a user hands Qari and files Qari writes for them.

Reading: every file is checked for kind and size before it is read, so a FIFO, a device
(``/dev/zero``), a folder or a file of gigabytes gets one clear sentence instead of a hang
or an exhausted machine. Writing: every file goes to a temporary name in the target's
folder and is renamed into place, so a failed write never leaves half a file where the
previous one was, and nothing that is not a file (a folder) is ever replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from reader.errors import QariError

MiB = 1 << 20


class FileError(QariError):
    """A file cannot be read or written; the message names it and says why."""


def check_readable(path: str | Path, limit: int, what: str = "file") -> Path:
    """The path, once it is known to be a regular, readable file of at most ``limit``
    bytes; else ``FileError``. Never opens anything that could block (a FIFO)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except OSError as exc:
        raise FileError(f"{path}: {exc.strerror or 'cannot be read'}") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileError(f"{path}: a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise FileError(f"{path}: not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise FileError(f"{path}: too large for a {what} ({info.st_size // MiB} MiB; "
                        f"at most {limit // MiB} MiB)")
    if not os.access(path, os.R_OK):
        raise FileError(f"{path}: permission denied")
    return path


def read_bytes(path: str | Path, limit: int, what: str = "file") -> bytes:
    path = check_readable(path, limit, what)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise FileError(f"{path}: {exc.strerror or 'cannot be read'}") from None
    if len(data) > limit:
        raise FileError(f"{path}: too large for a {what}")
    return data


def check_writable(path: str | Path) -> Path:
    """The target of an export, once its folder exists and it is not itself a folder or a
    special file; else ``FileError``. (Whether the folder takes the write is found by
    writing.)"""
    path = Path(path)
    if not path.name:
        raise FileError(f"{path}: a file name is needed")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise FileError(f"{path}: a folder is in the way")
    if path.exists() and not path.is_file():
        raise FileError(f"{path}: not a regular file")
    return path


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block
    ends without error, removed otherwise (the previous file stays as it was)."""
    path = check_writable(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                        dir=path.parent)
    except OSError as exc:
        raise FileError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as written:  # on disk before it takes the name
            os.fsync(written.fileno())
        if path.exists():  # keep the old file's permissions
            with contextlib.suppress(OSError):
                os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str) -> None:
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")


def write_bytes(path: str | Path, data: bytes) -> None:
    with replacing(path) as temp:
        temp.write_bytes(data)
