"""One background thread that owns every PyMuPDF call.

PyMuPDF is not thread-safe, so the document lives on this single thread (Dangerzone and
sioyek do the same). Work is a priority queue: the visible page (priority 0) overtakes
prefetching (1) and long jobs (2), and long jobs run one step at a time so that a page
turn never waits behind a search through 500 pages. Results come back to the GUI thread
through queued Qt signals; a cancelled task never calls back ("latest request wins").
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

PRIORITY_VISIBLE = 0
PRIORITY_PREFETCH = 1
PRIORITY_BACKGROUND = 2
STEP_SLICE_SECONDS = 0.015

_Callback = Callable[[Any], None]


@dataclass
class TaskHandle:
    """What ``submit`` returns: cancel it, or ask whether it is done."""

    id: int
    cancelled: bool = False
    done: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass(order=True)
class _Entry:
    priority: int
    seq: int
    handle: TaskHandle = field(compare=False)
    run: Callable[[], bool] = field(compare=False)  # returns True when it wants another step


class DocumentWorker(QObject):
    """Runs callables on its own thread; reports back on the thread that created it."""

    _result = Signal(int, object, bool, bool)  # task id, value, is_error, is_final

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heap: list[_Entry] = []
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[_Callback | None, _Callback | None, _Callback | None]] = {}
        self._stopping = False
        self._result.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="qari-document", daemon=True)
        self._thread.start()

    # -- GUI thread API ---------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[], Any],
        priority: int = PRIORITY_VISIBLE,
        on_done: _Callback | None = None,
        on_error: _Callback | None = None,
    ) -> TaskHandle:
        handle = TaskHandle(next(self._ids))
        self._callbacks[handle.id] = (None, on_done, on_error)

        def run() -> bool:
            try:
                value = fn()
            except Exception as exc:  # reported to the GUI, never lost in the thread
                self._result.emit(handle.id, exc, True, True)
            else:
                self._result.emit(handle.id, value, False, True)
            return False

        self._push(_Entry(priority, next(self._seq), handle, run))
        return handle

    def submit_steps(
        self,
        steps: Iterator[Any],
        priority: int = PRIORITY_BACKGROUND,
        on_item: _Callback | None = None,
        on_done: _Callback | None = None,
        on_error: _Callback | None = None,
    ) -> TaskHandle:
        """Run a generator in short slices; each yielded item goes to ``on_item``.

        Items are delivered in one batch per slice: a result per item would make the GUI
        thread queue for the GIL hundreds of times a second and stall (measured: 0.8 s while
        searching 500 pages), and higher-priority work can start between slices.
        """
        handle = TaskHandle(next(self._ids))
        self._callbacks[handle.id] = (on_item, on_done, on_error)

        def run() -> bool:
            batch: list[Any] = []
            deadline = time.perf_counter() + STEP_SLICE_SECONDS
            try:
                while not handle.cancelled:
                    batch.append(next(steps))
                    if time.perf_counter() >= deadline:
                        break
            except StopIteration as stop:
                if batch:
                    self._result.emit(handle.id, batch, False, False)
                self._result.emit(handle.id, stop.value, False, True)
                return False
            except Exception as exc:
                self._result.emit(handle.id, exc, True, True)
                return False
            self._result.emit(handle.id, batch, False, False)
            return True

        self._push(_Entry(priority, next(self._seq), handle, run))
        return handle

    def cancel(self, handle: TaskHandle | None) -> None:
        if handle is not None:
            handle.cancel()
            self._callbacks.pop(handle.id, None)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop after the running step; queued work is dropped."""
        with self._cond:
            self._stopping = True
            for entry in self._heap:
                entry.handle.cancel()
            self._heap.clear()
            self._cond.notify_all()
        self._thread.join(timeout)
        self._callbacks.clear()

    # -- internals -------------------------------------------------------------------------
    def _push(self, entry: _Entry) -> None:
        with self._cond:
            if self._stopping:
                entry.handle.cancel()
                return
            heapq.heappush(self._heap, entry)
            self._cond.notify()

    def _loop(self) -> None:
        try:
            self._run_loop()
        except RuntimeError:
            # The QObject was deleted under us (the window closed without shutdown()):
            # nobody is left to report to.
            return

    def _run_loop(self) -> None:
        while True:
            with self._cond:
                while not self._heap and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                entry = heapq.heappop(self._heap)
            if entry.handle.cancelled:
                continue
            again = entry.run()
            if entry.priority >= PRIORITY_BACKGROUND:
                # Step aside between background slices: with two workers busy in Python,
                # the GUI thread otherwise waits for the GIL long enough to be felt.
                time.sleep(0.002)
            if again and not entry.handle.cancelled:
                # Requeue behind anything of the same priority that arrived meanwhile.
                entry.seq = next(self._seq)
                with self._cond:
                    heapq.heappush(self._heap, entry)

    @Slot(int, object, bool, bool)
    def _deliver(self, task_id: int, value: Any, is_error: bool, is_final: bool) -> None:
        callbacks = self._callbacks.get(task_id)
        if callbacks is not None:
            on_item, on_done, on_error = callbacks
            if is_final:
                del self._callbacks[task_id]
            if is_error:
                if on_error is not None:
                    on_error(value)
            elif is_final:
                if on_done is not None:
                    on_done(value)
            elif on_item is not None:
                for item in value:
                    on_item(item)
