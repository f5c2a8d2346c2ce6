"""Pages rendered in a child process.

MuPDF keeps Python's interpreter lock while it decodes and rasterizes a page: 60–70 ms for
a scanned page of 9 megapixels, during which the window's thread cannot run a line of
Python. A child process does that work instead; the parent only waits on a pipe, which
releases the lock. A crash inside MuPDF (a hostile file) then costs the child, not the
program: the next request starts a new one.

Protocol over the child's stdin/stdout: a request is a 4-byte big-endian length and a JSON
object; the answer is a length and a JSON header, then ``header["size"]`` bytes of pixels.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from reader.errors import DocumentError, DocumentErrorCode
from reader.pdf.document import PdfDocument, RenderedPage, open_pdf

_LENGTH = struct.Struct(">I")
OPEN_DOCUMENTS = 4  # kept open in the child, most recent first


def _write(stream: IO[bytes], header: dict[str, Any], payload: bytes = b"") -> None:
    data = json.dumps(header).encode("utf-8")
    stream.write(_LENGTH.pack(len(data)) + data)
    if payload:
        stream.write(payload)
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise EOFError
    return data


def _read(stream: IO[bytes]) -> dict[str, Any]:
    (size,) = _LENGTH.unpack(_read_exact(stream, _LENGTH.size))
    header = json.loads(_read_exact(stream, size))
    if not isinstance(header, dict):
        raise EOFError
    return header


class RenderService:
    """Renders pages of any document in one long-lived child process. Thread-safe: calls
    from several threads take turns. Falls back to rendering in this process if a child
    cannot be started at all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._unavailable = False

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> bool:
        """Start the child now (it takes a fraction of a second to import MuPDF), so the
        first page does not wait for it. False if it cannot run."""
        with self._lock:
            return self._ensure() is not None

    def _ensure(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        if self._unavailable:
            return None
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ,
               "PYTHONPATH": os.pathsep.join(filter(None, [package_root,
                                                           os.environ.get("PYTHONPATH")]))}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from reader.pdf.render_process import child_main; "
                 "child_main()"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, env=env)
        except OSError:
            self._unavailable = True
            self._process = None
        return self._process

    def render(self, document: PdfDocument, index: int, zoom: float) -> RenderedPage:
        header, pixels = self._ask(document, {"op": "render", "page": index, "zoom": zoom})
        if header is None:
            return document.render(index, zoom)
        return RenderedPage(index, zoom, header["width"], header["height"], header["stride"],
                            pixels)

    def render_gray(self, document: PdfDocument, index: int, dpi: int) -> bytes:
        header, pixels = self._ask(document, {"op": "gray", "page": index, "dpi": dpi})
        return document.render_gray(index, dpi) if header is None else pixels

    def _ask(self, document: PdfDocument, request: dict[str, Any]
             ) -> tuple[dict[str, Any] | None, bytes]:
        """The child's answer, or (None, b"") when there is no child (render here)."""
        request = {**request, "path": str(document.path), "password": document.password}
        with self._lock:
            process = self._ensure()
            if process is None:
                return None, b""
            assert process.stdin is not None and process.stdout is not None
            try:
                _write(process.stdin, request)
                header = _read(process.stdout)
                pixels = _read_exact(process.stdout, int(header.get("size", 0)))
            except (OSError, EOFError, ValueError) as exc:
                self._stop(process)
                raise DocumentError(DocumentErrorCode.BAD_PAGE, str(document.path),
                                    f"page {request['page'] + 1}: the renderer stopped"
                                    ) from exc
        if not header.get("ok"):
            code = DocumentErrorCode(header.get("code", DocumentErrorCode.BAD_PAGE))
            raise DocumentError(code, str(document.path), header.get("detail", ""))
        return header, pixels

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        for stream in (process.stdin, process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self._process is process:
            self._process = None

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                self._stop(self._process)


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """The child's loop: one request, one answer, until the parent closes the pipe."""
    documents: dict[tuple[str, str | None], PdfDocument] = {}
    while True:
        try:
            request = _read(requests)
        except EOFError:
            break
        key = (str(request.get("path")), request.get("password"))
        try:
            document = documents.pop(key, None) or open_pdf(*key)
            documents[key] = document  # most recently used last
            while len(documents) > OPEN_DOCUMENTS:
                documents.pop(next(iter(documents))).close()
            if request.get("op") == "gray":
                pixels = document.render_gray(int(request["page"]), int(request["dpi"]))
                header = {"ok": True, "size": len(pixels)}
            else:
                page = document.render(int(request["page"]), float(request["zoom"]))
                pixels = page.samples
                header = {"ok": True, "size": len(pixels), "width": page.width,
                          "height": page.height, "stride": page.stride}
        except DocumentError as exc:
            pixels, header = b"", {"ok": False, "code": str(exc.code), "detail": exc.detail}
        except Exception as exc:  # the parent gets a message, never a hang
            pixels, header = b"", {"ok": False, "code": str(DocumentErrorCode.BAD_PAGE),
                                   "detail": str(exc)}
        _write(answers, header, pixels)
    for document in documents.values():
        document.close()


def child_main() -> None:
    """The child process: answers go to the original stdout; anything else printed there
    (MuPDF's messages) is sent to stderr so it cannot break the protocol."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, answers)
