"""Translated sentences for the core's coded errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.errors import DocumentError, DocumentErrorCode

_CONTEXT = "Messages"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def document_error_text(error: DocumentError) -> str:
    name = Path(error.path).name if error.path else ""
    code = error.code
    if code == DocumentErrorCode.MISSING:
        text = _t("The file “%1” does not exist. It may have been moved or deleted.")
    elif code == DocumentErrorCode.NOT_A_FILE:
        text = _t("“%1” is a folder, not a PDF file.")
    elif code == DocumentErrorCode.UNREADABLE:
        text = _t("The file “%1” cannot be read. Check that you have permission to open it.")
    elif code == DocumentErrorCode.EMPTY:
        text = _t("The file “%1” is empty (0 bytes). It may not have finished downloading.")
    elif code == DocumentErrorCode.NOT_PDF:
        text = _t("The file “%1” is not a PDF document, even though its name may say so.")
    elif code == DocumentErrorCode.CORRUPT:
        text = _t("The PDF “%1” is damaged or incomplete and cannot be opened. "
                  "Try downloading or copying it again.")
    elif code == DocumentErrorCode.NO_PAGES:
        text = _t("The PDF “%1” contains no pages.")
    elif code == DocumentErrorCode.ENCRYPTED:
        text = _t("The PDF “%1” is protected by a password.")
    elif code == DocumentErrorCode.WRONG_PASSWORD:
        text = _t("The password for “%1” is not correct. The document was not opened.")
    else:
        text = _t("A page of “%1” cannot be displayed.")
    return text.replace("%1", name)


def unexpected_error_text(name: str, detail: str) -> str:
    return _t("“%1” could not be opened: %2").replace("%1", name).replace("%2", detail)
