"""Reading XML from other tools (XLIFF, TMX, TBX) safely: a size limit checked before
reading, no entities expanded, no DTD loaded, no network, and one clear line when the file
is not what it should be (``ValueError``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_file(path: str | Path, kind: str, roots: tuple[str, ...], limit: int) -> Any:
    """The root element of an XML file whose root is one of ``roots`` (local names)."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise ValueError(f"{file}: {exc.strerror or exc}") from exc
    if not file.is_file():
        raise ValueError(f"{file}: not a file")
    if size > limit:
        raise ValueError(f"{file.name} is too large for {_a(kind)} file ({size} bytes)")
    return read_bytes(file.read_bytes(), file.name, kind, roots)


def read_bytes(data: bytes, name: str, kind: str, roots: tuple[str, ...]) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"{name} is not a readable {kind} file ({exc})") from exc
    if root is None or etree.QName(root).localname not in roots:
        found = etree.QName(root).localname if root is not None else "nothing"
        raise ValueError(f"{name} is not {_a(kind)} file (its root is <{found}>)")
    return root


def _a(kind: str) -> str:
    """The article a format's name takes when spoken: an XLIFF, a TMX."""
    return f"an {kind}" if kind[:1] in "AEIOUX" else f"a {kind}"
