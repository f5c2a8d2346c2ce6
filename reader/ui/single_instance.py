"""One window per data folder: a second ``qari FILE.pdf`` hands the file to the running one.

Two windows on one data folder would each keep their own copies of annotations and edits
and overwrite each other's changes. The first window takes a lock file in the data folder
and listens on a local socket named after that folder; a second start finds the lock
taken, sends its file to the socket (the running window opens it and comes to the front)
and ends. A lock whose process has died is taken over (``QLockFile`` checks the process).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.paths import data_dir

MAX_MESSAGE = 64 * 1024  # a path, not a stream: anything longer is no message of ours
WAIT_MS = 3000


def server_name(folder: Path) -> str:
    """A socket name per user and data folder (short: Unix socket paths are limited)."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return f"qari-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


class InstanceGuard(QObject):
    """``primary`` is True for the window that owns the data folder."""

    open_requested = Signal(str)  # a path ("" for: come to the front)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or data_dir()
        self._lock = QLockFile(str(self.folder / "qari.lock"))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        self.primary = self._lock.tryLock(100)
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []
        if self.primary:
            self._listen()

    def _listen(self) -> None:
        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a socket file left by a crashed window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._accept)
            self._server = server

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # Closed ones are dropped at the next connection, never inside their own
            # signals (deleting a socket while it emits crashes).
            self._sockets = [s for s in self._sockets
                             if s.state() != QLocalSocket.LocalSocketState.UnconnectedState]
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.peek(MAX_MESSAGE + 1).data())
        if len(data) > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in data:
            return  # the rest is on its way
        line = bytes(socket.readLine().data()).rstrip(b"\n")
        socket.write(QByteArray(b"ok\n"))
        socket.flush()
        self.open_requested.emit(line.decode("utf-8", "replace"))

    def owner(self) -> int:
        """The process that holds the data folder (0 if not known)."""
        info = self._lock.getLockInfo()  # PySide6: (pid, host, application), or ()
        try:
            return int(info[0])
        except (IndexError, TypeError, ValueError):
            return 0

    def forward(self, path: str) -> bool:
        """Ask the running window to open ``path`` (absolute); True once it said yes."""
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.folder))
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(QByteArray(path.encode("utf-8") + b"\n"))
        if not socket.waitForBytesWritten(WAIT_MS):
            return False
        answered = socket.waitForReadyRead(WAIT_MS)
        reply = bytes(socket.readAll().data()) if answered else b""
        socket.disconnectFromServer()
        return reply.startswith(b"ok")

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.primary:
            self._lock.unlock()
            self.primary = False
