"""One way to write a translation in any format, for the command line and the window:
through a temporary file beside the target, so a write that fails leaves the old file (or
none) as it was."""

from __future__ import annotations

from pathlib import Path

from reader.errors import QariError
from reader.translation.report import Report

FORMATS = ("docx", "odt", "html", "md", "tmx", "xliff")
_ALIASES = {"markdown": "md", "htm": "html", "xlf": "xliff"}


class ExportError(QariError):
    """The format cannot be told, or the file cannot be written."""


def format_for(path: str | Path, asked: str | None = None) -> str:
    fmt = asked or Path(path).suffix.lower().lstrip(".")
    fmt = _ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ExportError(f"say --format ({', '.join(FORMATS)}): the output's extension "
                          f"does not tell")
    return fmt


def write_translation(report: Report, path: str | Path, fmt: str, bilingual: bool = False,
                      status: str = "any") -> None:
    target = Path(path)
    temporary = target.with_name(f".{target.name}.qari-tmp")
    try:
        if fmt in ("html", "md"):
            from reader.exports.report_text import to_html, to_markdown

            writer = to_html if fmt == "html" else to_markdown
            temporary.write_text(writer(report, bilingual, status), encoding="utf-8")
        elif fmt == "docx":
            from reader.exports.report_docx import write_docx

            write_docx(report, temporary, bilingual, status)
        elif fmt == "odt":
            from reader.exports.report_odt import write_odt

            write_odt(report, temporary, bilingual, status)
        elif fmt == "tmx":
            from reader.exports.tmx import report_pairs, write_tmx

            write_tmx(report_pairs(report, status), temporary)
        else:
            from reader.exports.xliff import write_xliff

            write_xliff(report, temporary, status)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
