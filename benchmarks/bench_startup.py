"""Process start to page 1 painted (page image and its text on screen).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py [--runs 7]

Measured from outside: the clock starts before the process is spawned and stops when the
window reports that page 1 and its text are painted (``--quit-after-paint``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import summary

ROOT = Path(__file__).resolve().parent.parent


def one_run(data_dir: str) -> float:
    env = dict(os.environ, QARI_DATA_DIR=data_dir)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--quit-after-paint"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint-seconds="):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed
    proc.wait(timeout=30)
    raise RuntimeError("the window never reported its first paint")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        one_run(data)  # warm the OS file cache and compile the catalogue once
        times = [one_run(data) * 1000 for _ in range(args.runs)]
    print(f"start to page 1 painted (ms): {summary(times)}")


if __name__ == "__main__":
    main()
