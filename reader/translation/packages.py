"""Translation model packages (.argosmodel): validation, listing, installation.

Validation happens before anything touches the installed packages: Argos itself unzips
whatever it is given, and a zip without its top-level folder breaks the listing of every
installed package.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.errors import QariError
from reader.paths import data_dir

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")


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
        if "metadata.json" not in inside:
            raise ModelPackageError(f"{name}: metadata.json is missing")
        metadata = _read_metadata(archive.read(f"{top}/metadata.json"), name)
        if "model/model.bin" not in inside:
            raise ModelPackageError(f"{name}: the CTranslate2 model (model/model.bin) is missing")
        if not any(t in inside for t in TOKENIZER_FILES):
            raise ModelPackageError(f"{name}: the tokenizer (sentencepiece.model) is missing")
        bad = archive.testzip()
        if bad is not None:
            raise ModelPackageError(f"{name}: the package is damaged ({bad})")
    return metadata


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


def find_package(from_code: str = "ar", to_code: str = "en") -> ModelPackage | None:
    """The installed package for a language pair (the newest version), if any."""
    matching = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code,
                                                                                to_code)]
    return max(matching, key=lambda p: p.version) if matching else None


def install_package(path: str | Path) -> ModelPackage:
    """Validate, then install with Argos into Qari's own packages folder."""
    metadata = validate_package(path)
    from reader.translation import argos  # lazy: importing Argos costs time and creates folders

    before = {p.folder for p in installed_packages()}
    argos.install_from_path(Path(path))
    after = installed_packages()
    for package in after:
        if package.folder not in before:
            return package
    for package in after:
        if (package.from_code, package.to_code) == (metadata["from_code"], metadata["to_code"]):
            return package
    raise ModelPackageError(f"{Path(path).name}: installation left no package behind")


def remove_package(package: ModelPackage) -> None:
    shutil.rmtree(package.folder)
