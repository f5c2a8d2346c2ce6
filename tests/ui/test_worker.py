from __future__ import annotations

import threading

from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, DocumentWorker


def test_results_arrive_on_the_gui_thread(qtbot, qapp):
    worker = DocumentWorker()
    seen = []
    worker.submit(lambda: threading.current_thread().name, PRIORITY_VISIBLE,
                  lambda name: seen.append((name, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("qari-document", threading.main_thread().name)]
    worker.shutdown()


def test_visible_work_overtakes_long_jobs_and_cancel_drops_callbacks(qtbot, qapp):
    worker = DocumentWorker()
    gate = threading.Event()
    order: list[str] = []
    worker.submit(gate.wait, PRIORITY_VISIBLE)  # hold the thread while we queue

    def steps():
        for i in range(3):
            order.append(f"step{i}")
            yield i

    items = []
    worker.submit_steps(steps(), PRIORITY_BACKGROUND, items.append)
    cancelled = worker.submit(lambda: order.append("cancelled"), PRIORITY_VISIBLE,
                              lambda _v: order.append("cancelled-callback"))
    worker.submit(lambda: order.append("visible"), PRIORITY_VISIBLE)
    worker.cancel(cancelled)
    gate.set()
    qtbot.waitUntil(lambda: len(items) == 3, timeout=5000)
    assert order[0] == "visible"
    assert "cancelled" not in order and "cancelled-callback" not in order
    assert items == [0, 1, 2]
    worker.shutdown()


def test_errors_are_reported(qtbot, qapp):
    worker = DocumentWorker()
    errors = []
    worker.submit(lambda: 1 / 0, PRIORITY_VISIBLE, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
    worker.shutdown()
