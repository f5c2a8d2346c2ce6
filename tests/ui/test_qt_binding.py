"""The Qt binding itself: a version that mismanages references would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp):
    # PySide6 6.12.0 dropped a reference to True on every emit(); a session emits
    # hundreds of thousands of signals, and the process died.
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for i in range(1000):
        emitter.fired.emit(i)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 1000
    assert all(abs(b - a) < 50 for a, b in zip(before, after, strict=True))
