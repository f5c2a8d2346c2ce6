"""Text from a PDF (or a user) placed in Markdown so that it reads as typed.

A PDF's text is untrusted: ``<script>``, ``<img onerror=…>`` or ``[x](javascript:…)`` in
it must stay text. Only the characters CommonMark gives a meaning in their place are
escaped, so that the Markdown stays readable as plain text (``qari-report.pdf`` is not
written ``qari\\-report\\.pdf``).
"""

from __future__ import annotations

import re

# Inline: code spans, emphasis, links and images, raw HTML and autolinks, escapes.
_INLINE = re.compile(r"[\\`*_\[\]<]")
# An ampersand that would start a character reference (``&lt;``, ``&#60;``).
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: headings, block quotes, list markers, thematic breaks, setext
# underlines, fenced code (tildes), numbered lists.
_LINE_START = re.compile(r"^([ \t]*)([#>+\-=~]|\d{1,9}(?=[.)]))", re.MULTILINE)


def escape_inline(text: str, line_start: bool = True) -> str:
    """``text`` as literal inline Markdown: its lines stay lines (the caller joins them).
    ``line_start=False`` when the text follows a marker (``## ``), where a leading ``2.``
    or ``-`` means nothing."""
    text = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\g<0>", text))
    if not line_start and "\n" not in text:
        return text
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if not m.group(2).isdigit()
                           else f"{m.group(1)}{m.group(2)}\\", text)


def escape_cell(text: str) -> str:
    """Text inside a table cell (a pipe would end the cell; a line break the row)."""
    return escape_inline(" ".join(text.split())).replace("|", "\\|")
