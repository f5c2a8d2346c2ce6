"""Translated sentences for the core's coded errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.errors import DocumentError, DocumentErrorCode

_CONTEXT = "Messages"

_DOCUMENT_ERRORS: dict[DocumentErrorCode, str] = {
    DocumentErrorCode.MISSING: QT_TRANSLATE_NOOP(
        "Messages", "The file “%1” does not exist. It may have been moved or deleted."),
    DocumentErrorCode.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "Messages", "“%1” is a folder, not a PDF file."),
    DocumentErrorCode.UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages", "The file “%1” cannot be read. Check that you have permission to open it."),
    DocumentErrorCode.EMPTY: QT_TRANSLATE_NOOP(
        "Messages", "The file “%1” is empty (0 bytes). It may not have finished downloading."),
    DocumentErrorCode.NOT_PDF: QT_TRANSLATE_NOOP(
        "Messages", "The file “%1” is not a PDF document, even though its name may say so."),
    DocumentErrorCode.CORRUPT: QT_TRANSLATE_NOOP(
        "Messages", "The PDF “%1” is damaged and cannot be opened. Try downloading or copying "
        "it again."),
    DocumentErrorCode.TRUNCATED: QT_TRANSLATE_NOOP(
        "Messages", "The PDF “%1” is incomplete: the file ends too early, probably because a "
        "download or copy was interrupted. Get the file again."),
    DocumentErrorCode.NO_PAGES: QT_TRANSLATE_NOOP(
        "Messages", "The PDF “%1” contains no pages."),
    DocumentErrorCode.ENCRYPTED: QT_TRANSLATE_NOOP(
        "Messages", "The PDF “%1” is protected by a password."),
    DocumentErrorCode.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "Messages", "The password for “%1” is not correct. The document was not opened."),
    DocumentErrorCode.BAD_PAGE: QT_TRANSLATE_NOOP(
        "Messages", "A page of “%1” cannot be displayed."),
}
_UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "“%1” could not be opened: %2")


def document_error_text(error: DocumentError) -> str:
    name = Path(error.path).name if error.path else ""
    text = QCoreApplication.translate(_CONTEXT, _DOCUMENT_ERRORS[error.code])
    return text.replace("%1", name)


def unexpected_error_text(name: str, detail: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _UNEXPECTED).replace("%1", name).replace("%2",
                                                                                       detail)
