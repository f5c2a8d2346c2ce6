"""Coded errors raised by the Qt-free core.

The core holds no user-facing prose beyond a plain English default message: the GUI maps
each code to a translated sentence, the command line prints the default.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentErrorCode(StrEnum):
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NOT_PDF = "not_pdf"
    CORRUPT = "corrupt"
    TRUNCATED = "truncated"
    NO_PAGES = "no_pages"
    ENCRYPTED = "encrypted"
    WRONG_PASSWORD = "wrong_password"
    BAD_PAGE = "bad_page"


_DEFAULT_MESSAGES: dict[DocumentErrorCode, str] = {
    DocumentErrorCode.MISSING: "no such file",
    DocumentErrorCode.NOT_A_FILE: "not a file",
    DocumentErrorCode.UNREADABLE: "the file cannot be read",
    DocumentErrorCode.EMPTY: "the file is empty",
    DocumentErrorCode.NOT_PDF: "not a PDF file",
    DocumentErrorCode.CORRUPT: "the PDF is damaged and cannot be opened",
    DocumentErrorCode.TRUNCATED: "the PDF is incomplete (the file ends too early)",
    DocumentErrorCode.NO_PAGES: "the PDF has no pages",
    DocumentErrorCode.ENCRYPTED: "the PDF is protected by a password",
    DocumentErrorCode.WRONG_PASSWORD: "the password is wrong",
    DocumentErrorCode.BAD_PAGE: "the page cannot be read",
}


class QariError(Exception):
    """Base class of every error the core raises on purpose."""


class DocumentError(QariError):
    """A document cannot be opened or read; ``code`` says why."""

    def __init__(self, code: DocumentErrorCode, path: str = "", detail: str = "") -> None:
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(self.message())

    def message(self) -> str:
        text = _DEFAULT_MESSAGES[self.code]
        if self.path:
            text = f"{self.path}: {text}"
        if self.detail:
            text = f"{text} ({self.detail})"
        return text


class Cancelled(QariError):  # noqa: N818 (a signal, not a failure)
    """Raised by long work when its cancel token was set."""
