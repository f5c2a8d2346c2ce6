"""Translation model packages (.argosmodel): validation, listing, installation.

Validation happens before anything touches the installed packages: the archive is checked
(one top-level folder, safe paths, bounded sizes), unpacked into a staging folder, loaded and
made to translate a sentence; only a package that works replaces an installed one.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.errors import QariError
from reader.files import FileError, check_readable
from reader.paths import data_dir

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
MAX_PACKAGE = 4 << 30  # the largest Argos packages are a few hundred MB
MAX_UNPACKED = 8 << 30
MAX_RATIO = 200  # model weights compress 1.1-3x; text files less than 20x
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


class ModelPackageError(QariError):
    """A .argosmodel file that cannot be installed; the message says why."""


@dataclass(frozen=True)
class ModelPackage:
    from_code: str
    to_code: str
    version: str
    folder: Path
    size_bytes: int
    target_prefix: str = ""

    @property
    def label(self) -> str:
        return f"{self.from_code}→{self.to_code} {self.version}".strip()


def packages_dir() -> Path:
    path = data_dir() / "argos" / "packages"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _read_metadata(raw: bytes, where: str) -> dict[str, object]:
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelPackageError(f"{where}: metadata.json is not valid JSON") from exc
    if not isinstance(metadata, dict):
        raise ModelPackageError(f"{where}: metadata.json is not an object")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ModelPackageError(f"{where}: metadata.json has no {key}")
    return metadata


def validate_package(path: str | Path) -> dict[str, object]:
    """Check a .argosmodel file; returns its metadata or raises ``ModelPackageError``."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ModelPackageError(f"{name}: no such file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelPackageError(f"{name}: not a translation package (not a zip archive)") from exc
    with archive:
        names = archive.namelist()
        if not names:
            raise ModelPackageError(f"{name}: the package is empty")
        tops = set()
        for entry in names:
            pure = PurePosixPath(entry)
            if pure.is_absolute() or ".." in pure.parts or "\\" in entry:
                raise ModelPackageError(f"{name}: unsafe path inside the package: {entry}")
            tops.add(pure.parts[0])
        if len(tops) != 1 or all(PurePosixPath(n).parts == (next(iter(tops)),) for n in names):
            raise ModelPackageError(f"{name}: the package must hold exactly one top-level folder")
        top = next(iter(tops))
        inside = {str(PurePosixPath(n).relative_to(top)) for n in names
                  if len(PurePosixPath(n).parts) > 1}
        _check_entries(archive, name)  # before any entry is read
        if "metadata.json" not in inside:
            raise ModelPackageError(f"{name}: metadata.json is missing")
        metadata = _read_metadata(archive.read(f"{top}/metadata.json"), name)
        if "model/model.bin" not in inside:
            raise ModelPackageError(f"{name}: the CTranslate2 model (model/model.bin) is missing")
        if not any(t in inside for t in TOKENIZER_FILES):
            raise ModelPackageError(f"{name}: the tokenizer (sentencepiece.model) is missing")
        try:
            bad = archive.testzip()
        except (NotImplementedError, RuntimeError, zipfile.BadZipFile, OSError, EOFError,
                ValueError) as exc:  # unknown method, encrypted entry, broken stream
            raise ModelPackageError(f"{name}: the package cannot be read ({exc})") from exc
        if bad is not None:
            raise ModelPackageError(f"{name}: the package is damaged ({bad})")
    return metadata


def _check_entries(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse what would be unpacked unsafely or without end: encrypted entries, unknown
    compression, more than ``MAX_UNPACKED`` bytes in all, or a compression ratio no model
    file has (a zip bomb)."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise ModelPackageError(f"{name}: an entry is encrypted ({info.filename})")
        if info.compress_type not in _METHODS:
            raise ModelPackageError(f"{name}: an entry uses an unknown compression method "
                                    f"({info.filename})")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise ModelPackageError(f"{name}: it would unpack to more than "
                                    f"{MAX_UNPACKED >> 30} GiB")
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ModelPackageError(f"{name}: an entry is compressed beyond belief "
                                    f"({info.filename}: a zip bomb?)")


def installed_packages(folder: Path | None = None) -> list[ModelPackage]:
    """Installed packages, read from their metadata (no Argos import needed)."""
    folder = folder or packages_dir()
    found = []
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        meta_file = child / "metadata.json"
        try:
            metadata = _read_metadata(meta_file.read_bytes(), child.name)
        except (OSError, ModelPackageError):
            continue
        size = sum(f.stat().st_size for f in child.rglob("*") if f.is_file())
        found.append(ModelPackage(str(metadata["from_code"]), str(metadata["to_code"]),
                                  str(metadata.get("package_version", "")), child, size,
                                  str(metadata.get("target_prefix", "") or "")))
    return found


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Versions compared as numbers where they are numbers: 1.10 is newer than 1.9."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"[.\-_+]", version.strip()) if part)


def find_package(from_code: str = "ar", to_code: str = "en") -> ModelPackage | None:
    """The installed package for a language pair (the newest version), if any."""
    matching = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code,
                                                                                to_code)]
    return max(matching, key=lambda p: version_key(p.version)) if matching else None


def _unpack(archive: zipfile.ZipFile, into: Path) -> None:
    """Unpack, counting what is written (the sizes in the directory may lie)."""
    written = 0
    for info in archive.infolist():
        target = into / info.filename
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, target.open("wb") as out:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > MAX_UNPACKED:
                    raise ModelPackageError(f"{archive.filename}: it unpacks to more than "
                                            f"{MAX_UNPACKED >> 30} GiB")
                out.write(chunk)


def install_package(path: str | Path) -> ModelPackage:
    """Validate, unpack into a staging folder, load the model there and translate one
    sentence with it; only then put it in place of an installed package of the same
    name. A package that fails at any step changes nothing that was installed."""
    path = Path(path)
    name = path.name
    try:
        check_readable(path, MAX_PACKAGE, "translation package")
    except FileError as exc:
        raise ModelPackageError(str(exc)) from None
    validate_package(path)
    from reader.translation import argos  # lazy: loading models imports CTranslate2

    root = packages_dir()
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root.parent))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                _unpack(archive, staging)
        except (OSError, zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
            raise ModelPackageError(f"{name}: unpacking failed ({exc})") from exc
        [folder] = [p for p in staging.iterdir() if p.is_dir()]
        [package] = installed_packages(staging)
        try:
            argos.check_model(folder, package.target_prefix)
        except Exception as exc:  # whatever CTranslate2 or SentencePiece raise
            detail = " ".join(str(exc).split())[:300] or type(exc).__name__
            raise ModelPackageError(f"{name}: the model does not load or translate "
                                    f"({detail})") from exc
        target = root / folder.name
        old = None
        if target.exists():
            old = staging / ".replaced"
            target.replace(old)  # renames within one file system: nothing half-copied
        try:
            folder.replace(target)
        except OSError:
            if old is not None:
                old.replace(target)  # put the working one back
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    [installed] = [p for p in installed_packages() if p.folder == target]
    return installed


def remove_package(package: ModelPackage) -> None:
    shutil.rmtree(package.folder)
