"""TMX 1.4b: translation units any CAT tool's memory takes in (OmegaT, Trados, memoQ).

Arabic (``ar``) source, English (``en``) target, creation and change dates in the basic
format TMX asks for, the status and the document as properties (before the variants, as
the DTD orders them). Control characters XML cannot hold are left out."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from pathlib import Path

from reader import __version__
from reader.translation.report import Report, kept

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _stamp(seconds: float | None = None) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(seconds))


def clean_xml_text(text: str) -> str:
    return _CONTROL.sub("", text)


def write_tmx(pairs: Iterable[tuple[str, str, str, float, float, str]],
              path: str | Path) -> int:
    """Write (source, target, status, created, changed, document) pairs; returns how many."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "Qari", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "Qari", "adminlang": "en", "srclang": "ar", "datatype": "plaintext",
        "creationdate": _stamp()})
    body = etree.SubElement(root, "body")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    count = 0
    for source, target, status, created, changed, document in pairs:
        source, target = clean_xml_text(source).strip(), clean_xml_text(target).strip()
        if not source or not target:
            continue
        unit = etree.SubElement(body, "tu", {"creationdate": _stamp(created or None),
                                             "changedate": _stamp(changed or None)})
        if status:
            etree.SubElement(unit, "prop", type="x-status").text = status
        if document:
            etree.SubElement(unit, "prop", type="x-document").text = clean_xml_text(document)
        for language, text in (("ar", source), ("en", target)):
            variant = etree.SubElement(unit, "tuv", {lang: language})
            etree.SubElement(variant, "seg").text = text
        count += 1
    tree = etree.ElementTree(root)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True,
               doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    return count


def report_pairs(report: Report, status: str
                 ) -> Iterable[tuple[str, str, str, float, float, str]]:
    """The report's units with English (those ``status`` keeps)."""
    name = Path(report.path).name
    now = time.time()
    for unit in report.units():
        if kept(unit, status) and unit.target.strip():
            yield unit.source, unit.target, unit.status, now, now, name


MAX_BYTES = 512 * 1024 * 1024


def read_tmx(path: str | Path) -> list[tuple[str, str]]:
    """(Arabic, English) pairs of a TMX file from any tool: the ``ar*`` and ``en*`` variants
    of each unit. Raises ``ValueError`` with one clear line on a file that is not one."""
    from reader.exports.safexml import read_file

    file = Path(path)
    root = read_file(file, "TMX", ("tmx",), MAX_BYTES)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    pairs = []
    for unit in root.iter("tu"):
        texts: dict[str, str] = {}
        for variant in unit.iter("tuv"):
            language = (variant.get(lang) or variant.get("lang") or "").split("-")[0].lower()
            seg = variant.find("seg")
            if seg is not None and language not in texts:
                texts[language] = " ".join("".join(seg.itertext()).split())
        if texts.get("ar") and texts.get("en"):
            pairs.append((texts["ar"], texts["en"]))
    if not pairs:
        raise ValueError(f"{file.name} holds no Arabic–English unit")
    return pairs
