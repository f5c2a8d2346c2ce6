"""Pages rendered, and their glyphs read, in a child process.

MuPDF keeps Python's interpreter lock while it decodes and rasterizes a page: 60–70 ms for
a scanned page of 9 megapixels, during which the window's thread cannot run a line of
Python. A child process does that work instead; the parent only waits on a pipe, which
releases the lock. A crash inside MuPDF (a hostile file) then costs the child, not the
program: the next request starts a new one. The same holds for reading a page's glyphs,
and for a page that would take too long or too much memory: each answer has a time budget
(the child is stopped and replaced when it is spent) and the child's address space is
capped, so one hostile page costs that page, never the document or the window.

Protocol over the child's stdin/stdout: a request is a 4-byte big-endian length and a JSON
object; the answer is a length and a JSON header, then ``header["size"]`` bytes of pixels.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import resource
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from reader.arabic.raw import Glyph, RawPage
from reader.errors import DocumentError, DocumentErrorCode
from reader.pdf.document import PdfDocument, RenderedPage, open_pdf

_LENGTH = struct.Struct(">I")
OPEN_DOCUMENTS = 4  # kept open in the child, most recent first
PAGE_SECONDS = 60.0  # the longest one page may take to read or draw
START_SECONDS = 60.0  # the longest a new child may take to start (not a page's budget)
CHILD_MEMORY = 4 << 30  # the child's address space: a page that needs more fails alone


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

    def __init__(self, page_seconds: float = PAGE_SECONDS, fork: bool = False) -> None:
        """``fork``: make the child by forking this process (it has MuPDF loaded already:
        no start-up cost). Only for single-threaded callers, the command line; the window
        has threads, and starts a fresh interpreter."""
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | _Forked | None = None
        self._unavailable = False
        self.page_seconds = page_seconds
        self._fork = fork and hasattr(os, "fork")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> bool:
        """Start the child now (it takes a fraction of a second to import MuPDF), so the
        first page does not wait for it. False if it cannot run."""
        with self._lock:
            return self._ensure() is not None

    def _ensure(self) -> subprocess.Popen[bytes] | _Forked | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        if self._unavailable:
            return None
        if self._fork:
            try:
                self._process = _Forked.start()
            except OSError:
                self._unavailable = True
                self._process = None
            return self._started()
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
        return self._started()

    def _started(self) -> subprocess.Popen[bytes] | _Forked | None:
        """The new child once it says it is ready: its start (Python, MuPDF) is not
        counted in a page's budget, which a loaded machine could exceed for a page that
        reads in milliseconds. A child that never says so is stopped; pages are then read
        here."""
        process = self._process
        if process is None:
            return None
        assert process.stdout is not None
        try:
            ready, _, _ = select.select([process.stdout], [], [], START_SECONDS)
            if ready and _read(process.stdout).get("ready"):
                return process
        except (OSError, EOFError, ValueError):
            pass
        self._stop(process, kill=True)
        self._unavailable = True
        self._process = None
        return None

    def render(self, document: PdfDocument, index: int, zoom: float) -> RenderedPage:
        header, pixels = self._ask(document, {"op": "render", "page": index, "zoom": zoom})
        if header is None:
            return document.render(index, zoom)
        return RenderedPage(index, zoom, header["width"], header["height"], header["stride"],
                            pixels)

    def render_gray(self, document: PdfDocument, index: int, dpi: int) -> bytes:
        header, pixels = self._ask(document, {"op": "gray", "page": index, "dpi": dpi})
        return document.render_gray(index, dpi) if header is None else pixels

    def raw_page(self, document: PdfDocument, index: int) -> RawPage:
        """The page's glyphs, read by the child (pickled: it is our own process)."""
        header, data = self._ask(document, {"op": "glyphs", "page": index})
        if header is None:
            return document.raw_page(index)
        try:
            return _unpack_raw(data)
        except (pickle.UnpicklingError, ValueError, TypeError, EOFError) as exc:
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(document.path),
                                f"page {index + 1}: the reader gave no page") from exc

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
                # The budget: nothing to read in time means the page is stuck in MuPDF.
                ready, _, _ = select.select([process.stdout], [], [], self.page_seconds)
                if not ready:
                    self._stop(process, kill=True)
                    raise DocumentError(
                        DocumentErrorCode.BAD_PAGE, str(document.path),
                        f"page {request['page'] + 1}: it took longer than "
                        f"{self.page_seconds:g} s")
                header = _read(process.stdout)
                pixels = _read_exact(process.stdout, int(header.get("size", 0)))
            except (OSError, EOFError, ValueError) as exc:
                self._stop(process, kill=True)
                raise DocumentError(DocumentErrorCode.BAD_PAGE, str(document.path),
                                    f"page {request['page'] + 1}: the reader stopped (too "
                                    f"much memory, or a crash)"
                                    ) from exc
        if not header.get("ok"):
            code = DocumentErrorCode(header.get("code", DocumentErrorCode.BAD_PAGE))
            raise DocumentError(code, str(document.path), header.get("detail", ""))
        return header, pixels

    def _stop(self, process: subprocess.Popen[bytes] | _Forked, kill: bool = False) -> None:
        if kill:  # stuck or broken: no goodbye
            process.kill()
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


def _pack_raw(raw: RawPage) -> bytes:
    """A page's glyphs as plain tuples: five times quicker to pickle than the objects."""
    rows = [_row(g) for g in raw.glyphs]
    unread = [(at, key, _row(g)) for at, key, g in raw.unread]
    return pickle.dumps((raw.index, raw.width, raw.height, rows, raw.rules, raw.images,
                         raw.recovered, raw.unmapped, raw.visual_order, raw.vrules,
                         raw.regions, unread, raw.turns),
                        protocol=pickle.HIGHEST_PROTOCOL)


def _row(g: Glyph) -> tuple:
    return (g.char, g.box, g.baseline, g.size, g.bold, g.superscript, g.text, g.kind,
            g.centre)


def _unpack_raw(data: bytes) -> RawPage:
    (index, width, height, rows, rules, images, recovered, unmapped, visual,
     vrules, regions, unread, turns) = pickle.loads(data)
    return RawPage(index, width, height, tuple(Glyph(*row) for row in rows), tuple(rules),
                   images, recovered, unmapped, visual, tuple(vrules), tuple(regions),
                   tuple((at, key, Glyph(*row)) for at, key, row in unread), tuple(turns))


class _Forked:
    """A forked child serving requests: the parts of ``Popen`` the service uses."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = stdin
        self.stdout: IO[bytes] | None = stdout
        self.returncode: int | None = None

    @classmethod
    def start(cls) -> _Forked:
        to_child, from_parent = os.pipe()
        from_child, to_parent = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: serve, then leave without running the parent's exit code
            code = 0
            try:
                os.close(from_parent)
                os.close(from_child)
                _limit_memory()
                serve(os.fdopen(to_child, "rb"), os.fdopen(to_parent, "wb"))
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(to_child)
        os.close(to_parent)
        return cls(pid, os.fdopen(from_parent, "wb"), os.fdopen(from_child, "rb"))

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, 9)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("render child", timeout or 0)
            time.sleep(0.01)
        assert self.returncode is not None
        return self.returncode


def _limit_memory() -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """The child's loop: one request, one answer, until the parent closes the pipe (it
    first says it is ready: see ``RenderService._started``)."""
    documents: dict[tuple[str, str | None], PdfDocument] = {}
    _write(answers, {"ready": True})
    while True:
        try:
            request = _read(requests)
        except EOFError:
            break
        key = (str(request.get("path")), request.get("password"))
        header: dict[str, object]
        try:
            document = documents.pop(key, None) or open_pdf(*key)
            documents[key] = document  # most recently used last
            while len(documents) > OPEN_DOCUMENTS:
                documents.pop(next(iter(documents))).close()
            if request.get("op") == "gray":
                pixels = document.render_gray(int(request["page"]), int(request["dpi"]))
                header = {"ok": True, "size": len(pixels)}
            elif request.get("op") == "glyphs":
                pixels = _pack_raw(document.raw_page(int(request["page"])))
                header = {"ok": True, "size": len(pixels)}
            else:
                page = document.render(int(request["page"]), float(request["zoom"]))
                pixels = page.samples
                header = {"ok": True, "size": len(pixels), "width": page.width,
                          "height": page.height, "stride": page.stride}
        except DocumentError as exc:
            pixels, header = b"", {"ok": False, "code": str(exc.code), "detail": exc.detail}
        except MemoryError:
            pixels, header = b"", {"ok": False, "code": str(DocumentErrorCode.BAD_PAGE),
                                   "detail": f"page {request.get('page', 0) + 1}: it needs "
                                             f"too much memory"}
        except Exception as exc:  # the parent gets a message, never a hang
            pixels, header = b"", {"ok": False, "code": str(DocumentErrorCode.BAD_PAGE),
                                   "detail": str(exc)}
        _write(answers, header, pixels)
    for document in documents.values():
        document.close()


def child_main() -> None:
    """The child process: answers go to the original stdout; anything else printed there
    (MuPDF's messages) is sent to stderr so it cannot break the protocol."""
    _limit_memory()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, answers)
