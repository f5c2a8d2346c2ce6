"""XLIFF 1.2 out and back: the report's units for a CAT tool (OmegaT, Trados, memoQ), and
the targets a translator changed there brought back as edits.

One ``trans-unit`` per unit, its id stable across exports (``report.unit_ids``), its page
and range as a note, its status in ``state`` (``translated`` for confirmed English,
``needs-review-translation`` for edited, the same with ``state-qualifier="leveraged-mt"``
for machine output, ``new`` for none). The file names the document by its SHA-256, so an
XLIFF of another document is refused. Coming back, units are matched by id, then by their
Arabic; units that match nothing are listed, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader import __version__
from reader.arabic.repair import PIPELINE_VERSION
from reader.errors import QariError
from reader.exports.tmx import clean_xml_text
from reader.translation.cache import (
    EDITED,
    MACHINE,
    REVIEWED,
    TranslationCache,
    normalize_source,
)
from reader.translation.memory import TranslationMemory
from reader.translation.report import ANY, MEMORY, Report, Unit, kept

NS = "urn:oasis:names:tc:xliff:document:1.2"
QARI_NS = "https://qari.invalid/xliff"  # our own attributes (a CAT tool keeps or drops them)
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_BYTES = 256 * 1024 * 1024  # a larger file is no XLIFF of one report
MAX_UNITS = 1_000_000
_STATES = {REVIEWED: ("translated", None), EDITED: ("needs-review-translation", None),
           MACHINE: ("needs-review-translation", "leveraged-mt"),
           MEMORY: ("needs-review-translation", "leveraged-tm")}
# States a CAT tool writes for a target the translator finished.
_DONE = {"translated", "signed-off", "final"}


class XliffError(QariError):
    """The file is no XLIFF Qari can read, or belongs to another document."""


def write_xliff(report: Report, path: str | Path, status: str = ANY) -> int:
    """Write the report's units; returns how many."""
    from lxml import etree

    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS, "qari": QARI_NS},
                         version="1.2")
    file = etree.SubElement(root, f"{{{NS}}}file", {
        "original": Path(report.path).name, "source-language": "ar",
        "target-language": "en", "datatype": "plaintext", "tool-id": "qari",
        f"{{{QARI_NS}}}sha256": report.sha256})
    header = etree.SubElement(file, f"{{{NS}}}header")
    etree.SubElement(header, f"{{{NS}}}tool", {"tool-id": "qari", "tool-name": "Qari",
                                               "tool-version": __version__})
    etree.SubElement(header, f"{{{NS}}}note", {"from": "qari"}).text = (
        f"document sha256 {report.sha256}")
    body = etree.SubElement(file, f"{{{NS}}}body")
    count = 0
    for unit in report.units():
        element = etree.SubElement(body, f"{{{NS}}}trans-unit", {
            "id": unit.id, f"{{{XML_NS}}}space": "preserve"})
        etree.SubElement(element, f"{{{NS}}}source", {f"{{{XML_NS}}}lang": "ar"}).text = (
            clean_xml_text(unit.source))
        if kept(unit, status) and unit.target.strip():
            state, qualifier = _STATES.get(unit.status, ("new", None))
            attributes = {f"{{{XML_NS}}}lang": "en", "state": state}
            if qualifier:
                attributes["state-qualifier"] = qualifier
            target = etree.SubElement(element, f"{{{NS}}}target", attributes)
            target.text = clean_xml_text(unit.target)
        etree.SubElement(element, f"{{{NS}}}note", {"from": "qari"}).text = (
            f"page {unit.page + 1}, characters {unit.start}-{unit.end}")
        count += 1
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8",
                                  pretty_print=True)
    return count


@dataclass
class ImportResult:
    changed: list[tuple[Unit, str, str]] = field(default_factory=list)  # unit, English, status
    unchanged: int = 0
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)  # id, source, target


@dataclass(frozen=True)
class _Incoming:
    id: str
    source: str
    target: str | None
    state: str


def read_xliff(path: str | Path, report: Report) -> ImportResult:
    """What an XLIFF edited elsewhere changes in the report (nothing is saved here)."""
    units = _parse(Path(path), report.sha256)
    by_id = {u.id: u for u in report.units()}
    by_source: dict[str, Unit] = {}
    for unit in report.units():
        by_source.setdefault(normalize_source(unit.source), unit)
    result = ImportResult()
    for incoming in units:
        if incoming.target is None or not incoming.target.strip():
            result.unchanged += 1
            continue
        match = by_id.get(incoming.id) or by_source.get(normalize_source(incoming.source))
        if match is None:
            result.unmatched.append((incoming.id, incoming.source, incoming.target))
            continue
        status = REVIEWED if incoming.state in _DONE else EDITED
        if incoming.target == match.target and (status == match.status or match.checked):
            result.unchanged += 1
            continue
        result.changed.append((match, incoming.target, status))
    return result


def _parse(path: Path, sha256: str) -> list[_Incoming]:
    from lxml import etree

    from reader.exports.safexml import read_file

    try:
        root = read_file(path, "XLIFF", ("xliff",), MAX_BYTES)
    except ValueError as exc:
        raise XliffError(str(exc)) from exc
    namespace = etree.QName(root).namespace or ""
    version = root.get("version", "")
    if not version.startswith("1."):
        raise XliffError(f"{path.name} is XLIFF {version or '(no version)'}; Qari reads "
                         f"XLIFF 1.2")

    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    files = root.findall(tag("file"))
    for file in files:
        theirs = file.get(f"{{{QARI_NS}}}sha256")
        if theirs and theirs != sha256:
            raise XliffError(f"{path.name} belongs to another document "
                             f"({file.get('original') or 'unnamed'}); nothing was imported")
    out: list[_Incoming] = []
    for unit in root.iter(tag("trans-unit")):
        if len(out) >= MAX_UNITS:
            raise XliffError(f"{path.name} has more than {MAX_UNITS} units")
        source = unit.find(tag("source"))
        target = unit.find(tag("target"))
        out.append(_Incoming(
            unit.get("id", ""), _text(source) if source is not None else "",
            _text(target) if target is not None else None,
            target.get("state", "") if target is not None else ""))
    if not files and not out:
        raise XliffError(f"{path.name} holds no translation units")
    return out


def _text(element: object) -> str:
    """An element's text, inline tags (a CAT tool's <g>, <x/>, <mrk>) read through."""
    return "".join(element.itertext())  # type: ignore[attr-defined]


def save_import(result: ImportResult, document: str, cache: TranslationCache,
                memory: TranslationMemory | None = None) -> int:
    """Keep the changed targets as the translator's edits (and in the memory)."""
    cache.edit_many(document, [(unit.source, text, status, unit.page, unit.start)
                               for unit, text, status in result.changed], PIPELINE_VERSION)
    if memory is not None:
        memory.add_many((unit.source, text, document, status)
                        for unit, text, status in result.changed)
    return len(result.changed)
