"""TBX glossaries in and out: v2 (``martif``: termEntry, langSet, tig/ntig, term), which
OmegaT and translate-toolkit read, and v3 (``tbx``: conceptEntry, langSec, termSec, term)
read too. A file is parsed without entities, DTDs or network."""

from __future__ import annotations

from collections.abc import Sequence

MAX_ROWS = 500_000
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tbx_bytes(terms: Sequence[tuple[int, str, list[str], str]]) -> bytes:
    """(id, Arabic, English alternatives, comment) as a TBX v2 file."""
    from lxml import etree

    root = etree.Element("martif", {"type": "TBX-Basic", _LANG: "en"})
    header = etree.SubElement(etree.SubElement(etree.SubElement(
        root, "martifHeader"), "fileDesc"), "sourceDesc")
    etree.SubElement(header, "p").text = "Glossary exported by Qari"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, source, targets, comment in terms:
        entry = etree.SubElement(body, "termEntry", id=f"c{number}")
        if comment:
            etree.SubElement(entry, "note").text = comment
        for language, texts in (("ar", [source]), ("en", targets)):
            langset = etree.SubElement(entry, "langSet", {_LANG: language})
            for text in texts:
                etree.SubElement(etree.SubElement(langset, "tig"), "term").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_tbx(data: bytes, name: str) -> list[tuple[str, str, str]]:
    """TBX v2 (``martif``: termEntry/langSet/tig|ntig/term) or v3 (``tbx``:
    conceptEntry/langSec/termSec/term); no entities, no DTD, no network."""
    from lxml import etree

    from reader.exports.safexml import read_bytes

    root = read_bytes(data, name, "TBX", ("martif", "tbx"))
    lang = _LANG
    rows = []
    for entry in root.iter():
        if not isinstance(entry.tag, str) or etree.QName(entry).localname not in (
                "termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {}
        comments = []
        for element in entry.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if local in ("langSet", "langSec"):
                language = (element.get(lang) or "").split("-")[0].lower()
                texts = [" ".join("".join(t.itertext()).split()) for t in element.iter()
                         if isinstance(t.tag, str) and etree.QName(t).localname == "term"]
                terms.setdefault(language, []).extend(t for t in texts if t)
            elif local in ("note", "descrip") and element.getparent() is entry:
                comments.append(" ".join("".join(element.itertext()).split()))
        for source in terms.get("ar", []):
            if terms.get("en"):
                rows.append((source, "; ".join(terms["en"]), "; ".join(comments)))
        if len(rows) > MAX_ROWS:
            raise ValueError(f"{name} has more than {MAX_ROWS} terms")
    return rows
