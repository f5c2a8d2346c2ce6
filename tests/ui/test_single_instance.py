"""One window per data folder (issue 11: two windows overwrote each other's work)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from reader.ui.single_instance import InstanceGuard

ROOT = Path(__file__).resolve().parents[2]


def test_the_second_start_hands_its_file_to_the_first(qtbot, data_dir):
    first = InstanceGuard(data_dir)
    assert first.primary
    second = InstanceGuard(data_dir)
    assert not second.primary and second.owner() == os.getpid()
    with qtbot.waitSignal(first.open_requested, timeout=5000) as blocker:
        # The answer arrives once the first one's loop turns: forward in a moment.
        from PySide6.QtCore import QTimer

        results: list[bool] = []
        QTimer.singleShot(0, lambda: results.append(second.forward("/tmp/report.pdf")))
    assert blocker.args == ["/tmp/report.pdf"]
    first.release()
    third = InstanceGuard(data_dir)
    assert third.primary  # released: the next window owns the folder
    third.release()


def test_a_second_qari_process_opens_its_file_in_the_running_window(tmp_path, sample_pdf):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QARI_DATA_DIR": str(tmp_path)}
    first = subprocess.Popen([sys.executable, "main.py", str(sample_pdf)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "qari.lock").exists():
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.1)
        second = subprocess.run([sys.executable, "main.py", str(sample_pdf)], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert first.poll() is None  # the first window is still there
    finally:
        first.terminate()
        first.wait(timeout=30)
