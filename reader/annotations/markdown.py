"""The Markdown summary of a reviewed document: pure text, no Qt, no files.

Arabic quotes go in an HTML block with ``dir="rtl"`` (CommonMark passes it through, and
renderers then lay the quote out right to left), wrapped in Unicode isolates so that even a
plain-text viewer keeps its order. Everything a user typed is escaped where CommonMark would
read it as markup and nowhere else (``report-7.pdf`` stays as typed), in HTML ``& < > " '``
become entities, and line breaks become hard breaks, so no comment can start a heading, a
list, a code block or an HTML tag, or end the block it is in. Only text with right-to-left
letters in an English line is isolated with direction marks; an English value, a date or a
page number is written as it is. English a machine made is labelled apart from English a
translator wrote or confirmed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.annotations.model import (
    COLOUR_NAMES,
    NOTE,
    ORPHAN,
    REVIEW,
    STICKY,
    STRIKE,
    UNDERLINE,
    Annotation,
)
from reader.mdtext import escape_inline

GROUPS = ("page", "colour", "tag")
RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

KIND_LABELS = {"highlight": "Highlight", UNDERLINE: "Underline", STRIKE: "Strike-through",
               STICKY: "Note on the page", NOTE: "Note"}


@dataclass
class DocumentFacts:
    title: str
    file_name: str
    sha256: str
    page_count: int
    author: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class BilingualPage:
    page: int  # 0-based
    paragraphs: list[tuple[str, str]]  # (Arabic, English); English may be ""
    machine: list[bool] = field(default_factory=list)  # by paragraph: machine English


_METADATA = (("subject", "Subject"), ("keywords", "Keywords"), ("creator", "Made with"),
             ("producer", "PDF producer"), ("creationDate", "Created"),
             ("modDate", "Modified"))
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def _pdf_date(value: str) -> str:
    """A PDF date (``D:20250701093000Z``) as ``2025-07-01 09:30``; other text as is."""
    match = _PDF_DATE.match(value)
    if not match:
        return value
    year, month, day, hour, minute = match.groups()
    date = "-".join(p for p in (year, month, day) if p)
    return f"{date} {hour}:{minute}" if hour and minute and (hour, minute) != ("00", "00") \
        else date


def escape_markdown(text: str) -> str:
    """Text shown as typed inside Markdown: punctuation escaped, lines kept as hard breaks,
    blank lines collapsed (a blank line would end the paragraph), leading spaces dropped
    (four would make a code block)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    escaped = [escape_inline(line) for line in kept if line]
    return "\\\n".join(escaped)


def escape_html(text: str) -> str:
    """Text shown as typed inside an HTML block: entities, and ``<br>`` for line breaks
    (a blank line would end the block)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "<br>".join(html.escape(line, quote=True) for line in lines if line)


def isolated(text: str) -> str:
    """User text in a line of other text: escaped, and, when it has right-to-left letters,
    isolated (first strong character decides) so that an Arabic comment or title keeps its
    order among English labels. English, numbers and dates need no marks."""
    escaped = escape_markdown(text)
    return f"{FSI}{escaped}{PDI}" if escaped and _RIGHT_TO_LEFT.search(escaped) else escaped


def rtl_block(text: str) -> str:
    return (f'<blockquote dir="rtl" lang="ar">\n<p>{RLI}{escape_html(text)}{PDI}</p>\n'
            f"</blockquote>")


def summary(facts: DocumentFacts, annotations: Sequence[Annotation], *,
            english: Callable[[Annotation], str] | None = None,
            machine: Callable[[Annotation], bool] | None = None, group: str = "page",
            bilingual: Sequence[BilingualPage] = (), exported: str = "",
            generator: str = "Qari") -> str:
    """The whole summary: title and metadata, document notes, the annotations grouped by
    page, colour or tag, orphans, then any full bilingual pages."""
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}")
    english = english or (lambda _a: "")
    machine = machine or (lambda _a: False)
    out: list[str] = [f"# {isolated(facts.title or facts.file_name)}", ""]
    meta = [("File", facts.file_name), ("Author", facts.author), ("Pages", str(facts.page_count))]
    meta += [(label, _pdf_date(facts.metadata.get(key, "")))
             for key, label in _METADATA if facts.metadata.get(key)]
    meta += [("SHA-256", facts.sha256), ("Annotations", str(len(annotations)))]
    if exported:
        meta.append(("Exported", f"{exported} with {generator}"))
    out += [f"- **{name}:** {isolated(value)}" for name, value in meta if value]
    out.append("")
    notes = [a for a in annotations if a.page is None]
    placed = [a for a in annotations if a.page is not None and a.status != ORPHAN]
    orphans = [a for a in annotations if a.page is not None and a.status == ORPHAN]
    if notes:
        out += ["## Notes on the document", ""]
        for a in notes:
            out += _entry(a, english, machine, with_page=False)
    for heading, members in _groups(placed, group):
        out += [f"## {heading}", ""]
        for a in members:
            out += _entry(a, english, machine, with_page=group != "page")
    if orphans:
        out += ["## Could not be placed", "",
                "These annotations lost their place when the text was read again; "
                "their quotes are kept here.", ""]
        for a in orphans:
            out += _entry(a, english, machine, with_page=True)
    for page in bilingual:
        out += [f"## Full text, p. {page.page + 1}", ""]
        for index, (arabic, english_text) in enumerate(page.paragraphs):
            out += [rtl_block(arabic), ""]
            if english_text:
                by_machine = index < len(page.machine) and page.machine[index]
                out += [(f"*{MACHINE_LABEL}:* " if by_machine else "")
                        + escape_markdown(english_text), ""]
    return "\n".join(out).rstrip() + "\n"


def _groups(annotations: list[Annotation], group: str) -> list[tuple[str, list[Annotation]]]:
    if group == "page":
        pages: dict[int, list[Annotation]] = {}
        for a in annotations:
            pages.setdefault(a.page or 0, []).append(a)
        return [(f"p. {page + 1}", members) for page, members in sorted(pages.items())]
    if group == "colour":
        order = {name: i for i, name in enumerate(COLOUR_NAMES)}
        colours: dict[str, list[Annotation]] = {}
        for a in annotations:
            colours.setdefault(a.colour, []).append(a)
        return [(escape_markdown(colour.capitalize()), members)
                for colour, members in sorted(colours.items(), key=lambda c: order.get(c[0], 99))]
    tags: dict[str, list[Annotation]] = {}
    untagged: list[Annotation] = []
    for a in annotations:
        for tag in a.tags:
            tags.setdefault(tag, []).append(a)
        if not a.tags:
            untagged.append(a)
    out = [(isolated(tag), members) for tag, members in sorted(tags.items())]
    if untagged:
        out.append(("No tag", untagged))
    return out


MACHINE_LABEL = "Machine translation, not checked"


def _entry(a: Annotation, english: Callable[[Annotation], str],
           machine: Callable[[Annotation], bool], with_page: bool) -> list[str]:
    label = KIND_LABELS.get(a.kind, a.kind)
    parts = [f"p. {a.page + 1}"] if with_page and a.page is not None else []
    parts += [label, a.colour]
    if a.status == REVIEW:
        parts.append("moved, to check")
    out = [f"### {escape_markdown(' · '.join(parts))}", ""]
    if a.exact:
        out += [rtl_block(a.exact), ""]
    translated = a.translation or english(a)
    if translated:
        # English kept with the annotation was taken from the translator's pane; English
        # looked up now says whether a machine made it.
        label = "English" if a.translation or not machine(a) else f"English ({MACHINE_LABEL})"
        out += [f"**{label}:** {escape_markdown(translated)}", ""]
    if a.comment:
        out += [f"**Comment:** {isolated(a.comment)}", ""]
    if a.tags:
        out += [f"**Tags:** {', '.join(isolated(t) for t in a.tags)}", ""]
    return out
