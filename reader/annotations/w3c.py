"""W3C Web Annotation JSON (https://www.w3.org/TR/annotation-model/): export and import.

A Qari annotation becomes an ``Annotation`` whose target is the PDF by content hash
(``urn:sha256:…``), with a TextQuoteSelector, a TextPositionSelector (offsets in the
page's repaired text), a PageSelector (as Hypothesis writes it) and, for each rectangle, a
FragmentSelector after RFC 3778 (``page=3&viewrect=x,y,w,h``). The comment is a commenting
TextualBody, each tag a tagging one. Import reads those, and also what other tools write
with only some of them; anything unusable is reported, not guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from reader.annotations.model import (
    COLOUR_HEX,
    HIGHLIGHT,
    KINDS,
    NOTE,
    STICKY,
    Annotation,
    new_id,
    now_iso,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_BYTES = 256 << 20  # an export of a million annotations is ~600 MB less than this
MAX_DEPTH = 64  # W3C annotations nest 6 levels or so
MAX_PAGE = 100_000
MAX_OFFSET = 10_000_000
MAX_COORDINATE = 1e6  # points: 350 metres
RFC3778 = "http://tools.ietf.org/rfc/rfc3778"
_VIEWRECT = re.compile(r"page=(\d+)(?:&viewrect=([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+))?")


def to_w3c(annotations: list[Annotation], document_sha256: str, title: str = "") -> dict:
    """An AnnotationCollection holding every annotation."""
    items = [_annotation(a, document_sha256) for a in annotations]
    return {"@context": CONTEXT, "type": "AnnotationCollection", "label": title,
            "total": len(items), "first": {"type": "AnnotationPage", "items": items}}


def _annotation(a: Annotation, sha256: str) -> dict:
    body: list[dict[str, str]] = []
    if a.comment:
        body.append({"type": "TextualBody", "value": a.comment, "purpose": "commenting",
                     "format": "text/plain"})
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in a.tags)
    selectors: list[dict[str, Any]] = []
    if a.page is not None:
        selectors.append({"type": "PageSelector", "index": a.page, "label": str(a.page + 1)})
        boxes = list(a.rects) if a.rects else ([(*a.point, *a.point)] if a.point else [])
        for x0, y0, x1, y1 in boxes:
            selectors.append({"type": "FragmentSelector", "conformsTo": RFC3778,
                              "value": f"page={a.page + 1}&viewrect={x0:.2f},{y0:.2f},"
                                       f"{x1 - x0:.2f},{y1 - y0:.2f}"})
        if a.exact:
            selectors.append({"type": "TextQuoteSelector", "exact": a.exact,
                              "prefix": a.prefix, "suffix": a.suffix})
            selectors.append({"type": "TextPositionSelector", "start": a.start, "end": a.end})
    motivation = {NOTE: "commenting", STICKY: "commenting"}.get(a.kind, "highlighting")
    return {
        "@context": CONTEXT, "id": f"urn:uuid:{_uuid(a.id)}", "type": "Annotation",
        "motivation": motivation, "created": a.created, "modified": a.modified,
        "body": body,
        "target": {"source": f"urn:sha256:{sha256}", "selector": selectors},
        "stylesClass": f"qari-{a.kind} qari-{a.colour}",
        # Qari's own fields, for a lossless round trip (other tools ignore them).
        "qari": {"kind": a.kind, "colour": a.colour, "status": a.status,
                 "pipeline": a.pipeline, "layer": a.layer, "translation": a.translation,
                 "point": list(a.point) if a.point else None},
    }


def _uuid(hex_id: str) -> str:
    h = hex_id if re.fullmatch(r"[0-9a-f]{32}", hex_id) else new_id()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class Imported:
    """What a W3C file held: annotations that can be placed, and why others cannot."""

    annotations: list[Annotation] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one reason per item left out
    other_document: int = 0  # items whose target names another document


class W3CError(ValueError):
    """The file is not W3C annotation JSON at all."""


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def from_w3c(text: str | bytes, document_sha256: str | None = None) -> Imported:
    """Read annotations from W3C JSON: a collection, a page, a list or one annotation.

    Bytes may be UTF-8 (with or without a byte order mark), UTF-16 or UTF-32, as JSON
    allows; NaN and Infinity are refused, and so is nesting deeper than any annotation
    needs."""
    if isinstance(text, bytes):
        text = _decode(text)
    if _too_deep(text):
        raise W3CError(f"nested more than {MAX_DEPTH} levels deep: not annotations")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise W3CError(f"not JSON: {exc}") from exc
    except RecursionError as exc:
        raise W3CError("nested too deeply: not annotations") from exc
    items = _items(data)
    if items is None:
        raise W3CError("no annotations in it (expected an Annotation, an AnnotationPage, "
                       "an AnnotationCollection or a list of annotations)")
    out = Imported()
    for number, item in enumerate(items, 1):
        try:
            annotation, source = _read(item)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError,
                OverflowError) as exc:
            out.skipped.append(f"item {number}: {exc or type(exc).__name__}")
            continue
        if document_sha256 and source and source.startswith("urn:sha256:") and (
                source.removeprefix("urn:sha256:") != document_sha256):
            out.other_document += 1
        out.annotations.append(annotation)
    return out


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(data: bytes) -> str:
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if codec is None:  # no mark: JSON's rule, by the zero bytes of the first characters
        head = data[:4]
        codec = ("utf-32-be" if head[:3] == b"\0\0\0" else "utf-32-le" if head[1:4] == b"\0\0\0"
                 else "utf-16-be" if head[:1] == b"\0" else "utf-16-le" if head[1:2] == b"\0"
                 else "utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise W3CError(f"not text in UTF-8, UTF-16 or UTF-32 ({exc.reason} at byte "
                       f"{exc.start})") from exc


def _too_deep(text: str) -> bool:
    """Nesting deeper than ``MAX_DEPTH`` (brackets outside strings counted in one pass;
    the parser would recurse once a level)."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _items(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if kind == "AnnotationCollection":
        first = data.get("first")
        if isinstance(first, dict):
            items = first.get("items")
            return items if isinstance(items, list) else None
        return []
    if kind == "AnnotationPage":
        items = data.get("items")
        return items if isinstance(items, list) else None
    if kind == "Annotation" or "target" in data:
        return [data]
    return None


def _read(item: Any) -> tuple[Annotation, str]:
    if not isinstance(item, dict):
        raise ValueError("not an object")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if isinstance(target, str) or target is None:
        raise ValueError("its target names no place in the document")
    if not isinstance(target, dict):
        raise ValueError("its target is not an object")
    selectors = target.get("selector") or []
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list):
        raise ValueError("its selectors are not a list")
    page: int | None = None
    rects: list[tuple[float, float, float, float]] = []
    exact = prefix = suffix = ""
    start = end = 0
    for selector in _flatten(selectors):
        kind = selector.get("type")
        if kind == "PageSelector" and "index" in selector:
            page = int(selector["index"])
        elif kind == "FragmentSelector":
            match = _VIEWRECT.fullmatch(str(selector.get("value", "")))
            if match:
                page = int(match.group(1)) - 1 if page is None else page
                if match.group(2):
                    x, y, w, h = (float(match.group(i)) for i in range(2, 6))
                    rects.append((x, y, x + w, y + h))
        elif kind == "TextQuoteSelector":
            exact = str(selector.get("exact") or "")
            prefix, suffix = str(selector.get("prefix") or ""), str(selector.get("suffix") or "")
        elif kind == "TextPositionSelector":
            start, end = int(selector["start"]), int(selector["end"])
    comment, tags = _bodies(item.get("body"))
    own = item.get("qari")
    qari: dict = own if isinstance(own, dict) else {}
    kind = str(qari.get("kind") or "")
    if kind not in KINDS:
        kind = HIGHLIGHT if exact else (STICKY if page is not None else NOTE)
    if kind in (HIGHLIGHT, "underline", "strike") and not exact:
        raise ValueError("a highlight without the text it quotes")
    if page is not None and not 0 <= page < MAX_PAGE:
        raise ValueError(f"page {page + 1} is outside 1-{MAX_PAGE}")
    if not 0 <= start <= end <= MAX_OFFSET:
        raise ValueError("its text position is out of range")
    point = qari.get("point")
    if kind == STICKY and not point and rects:
        point = [rects[0][0], rects[0][1]]
    if point is not None and (not isinstance(point, list | tuple) or len(point) != 2):
        raise ValueError("its point is not two numbers")
    for value in [*(point or ()), *(v for r in rects for v in r)]:
        if not isinstance(value, int | float) or not abs(value) < MAX_COORDINATE:
            raise ValueError("a coordinate is not a finite number on the page")
    colour = str(qari.get("colour") or "")
    ident = str(item.get("id") or "")
    hex_id = re.sub(r"[^0-9a-f]", "", ident.removeprefix("urn:uuid:").lower())
    annotation = Annotation(
        id=hex_id if len(hex_id) == 32 else new_id(), kind=kind,
        colour=colour if colour in COLOUR_HEX else "yellow",
        page=page if kind != NOTE else None, start=start, end=end, exact=exact,
        prefix=prefix, suffix=suffix,
        rects=tuple(rects) if kind != STICKY else (),
        point=(float(point[0]), float(point[1])) if point else None,
        comment=comment, tags=tuple(tags),
        created=str(item.get("created") or now_iso()),
        modified=str(item.get("modified") or item.get("created") or now_iso()),
        pipeline=str(qari.get("pipeline") or ""), layer=str(qari.get("layer") or "arabic"),
        translation=str(qari.get("translation") or ""),
    )
    return annotation, str(target.get("source") or "")


def _flatten(selectors: list) -> list[dict]:
    out: list[dict] = []
    for selector in selectors:
        if not isinstance(selector, dict):
            continue
        out.append(selector)
        refined = selector.get("refinedBy")
        if isinstance(refined, dict):
            out.extend(_flatten([refined]))
        elif isinstance(refined, list):
            out.extend(_flatten(refined))
    return out


def _bodies(body: Any) -> tuple[str, list[str]]:
    if body is None:
        return "", []
    bodies = body if isinstance(body, list) else [body]
    comments: list[str] = []
    tags: list[str] = []
    for b in bodies:
        if isinstance(b, str):
            comments.append(b)
            continue
        if not isinstance(b, dict):
            continue
        value = str(b.get("value") or "")
        if not value:
            continue
        if b.get("purpose") == "tagging":
            tags.append(value)
        else:
            comments.append(value)
    return "\n\n".join(comments), tags
