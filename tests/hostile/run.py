"""Feed every hostile input to every command and check the contract.

    python -m tests.hostile.run [--quick] [--markdown] [--jobs N]

For each (input, command): a fresh process (``main.py``) with the address space capped,
a time limit and a data folder that already holds work (annotations, a translator's edits,
an installed model). It passes when the process exits 0 or 2, prints at most one line on
stderr (none of them a traceback), stays within the limits, and leaves every piece of work
in the data folder as it was (integrity checked; added rows allowed, changed or lost ones
not). ``--markdown`` prints the matrix for docs/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.hostile import generate

ROOT = Path(os.environ.get("QARI_HOSTILE_PROGRAM", generate.ROOT))  # the checkout to test
TIME_LIMIT = 120.0  # seconds a run may take
MEMORY_LIMIT = 3 << 30  # address space (bytes): what a runaway allocation hits

# Commands by what the hostile input stands for. {x}: the input; {s}: the sample report;
# {o}: a fresh output path.
COMMANDS: dict[str, list[tuple[str, list[str]]]] = {
    "pdf": [("extract", ["extract", "{x}"]),
            ("extract json", ["extract", "{x}", "--format", "json"]),
            ("extract md", ["extract", "{x}", "--format", "markdown"]),
            ("translate", ["translate", "{x}", "--pages", "1", "--format", "markdown"]),
            ("export md", ["export", "{x}", "-o", "{o}.md"]),
            ("export w3c", ["annotations", "export", "{x}", "-o", "{o}.json"]),
            ("export pdf", ["annotations", "export", "{x}", "--format", "pdf", "-o",
                            "{o}.pdf"]),
            ("import pdf", ["annotations", "import", "{s}", "{x}"])],
    "w3c": [("import w3c", ["annotations", "import", "{s}", "{x}"])],
    "model": [("install", ["translate", "{s}", "--pages", "1", "--model", "{x}"])],
}
COMMANDS["special"] = [*COMMANDS["pdf"][:1], *COMMANDS["w3c"], *COMMANDS["model"],
                       ("export to it", ["export", "{s}", "-o", "{x}"])]


@dataclass
class Result:
    input: str
    command: str
    code: int | None
    seconds: float
    rss_mb: float
    problem: str  # "" when the contract held
    line: str  # the stderr line, if any


def prepare_data(folder: Path) -> None:
    """A data folder holding work: the model, annotations and edits on the sample."""
    env = {**os.environ, "QARI_DATA_DIR": str(folder), "QT_QPA_PLATFORM": "offscreen"}
    code = f"""
from reader.annotations.review import Review
from reader.annotations.store import AnnotationStore
from reader.session import DocumentSession
from reader.translation.cache import TranslationCache, REVIEWED
from reader.translation.packages import install_package
install_package({str(generate.MODEL)!r})
session = DocumentSession.open({str(generate.sample_report())!r})
review = Review(session, AnnotationStore.open())
text = session.page_model(0).text
review.apply([review.text_mark(0, 0, 10, "highlight", "green"), review.note("kept")])
cache = TranslationCache()
cache.edit(session.info.sha256, text[:40], "A translator's words.", REVIEWED)
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """What must never change: every stored row and the installed model, by digest."""
    out: dict[str, str] = {}
    for name, query in (("annotations.sqlite", "SELECT document, id, data FROM annotations"),
                        ("translations.sqlite", "SELECT document, source, target, status "
                                                "FROM edits")):
        path = folder / name
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            out[f"{name}:integrity"] = db.execute("PRAGMA integrity_check").fetchone()[0]
            for row in db.execute(query):
                out[f"{name}:{row[0]}:{row[1]}"] = hashlib.sha256(
                    json.dumps(row, ensure_ascii=False).encode()).hexdigest()
        finally:
            db.close()
    for file in sorted((folder / "argos" / "packages").rglob("*")):
        if file.is_file():
            out[f"model:{file.relative_to(folder)}"] = hashlib.sha256(
                file.read_bytes()).hexdigest()
    return out


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_one(name: str, kind: str, path: Path, label: str, argv: list[str], data: Path,
            before: dict[str, str], out_dir: Path) -> Result:
    output = out_dir / f"{name}-{label.replace(' ', '-')}"
    args = [a.replace("{x}", str(path)).replace("{s}", str(generate.sample_report()))
            .replace("{o}", str(output)) for a in argv]
    env = {**os.environ, "QARI_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QARI_DEBUG", None)
    start = time.monotonic()
    with tempfile.TemporaryFile() as err_file:
        process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=err_file, preexec_fn=_limits)
        # wait4 gives this child's own peak memory; a timer kills it at the time limit.
        timer = threading.Timer(TIME_LIMIT, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = err_file.read(1 << 20)
    seconds = time.monotonic() - start
    lines = [line for line in err.decode("utf-8", "replace").splitlines()
             if line.strip() and not line.startswith("##")]
    problem = ""
    if seconds >= TIME_LIMIT:
        problem = "time limit"
    elif process.returncode not in (0, 2):
        problem = f"exit {process.returncode}"
    elif any("Traceback" in line for line in lines):
        problem = "traceback"
    elif len(lines) > 1 or (process.returncode == 2 and not lines):
        problem = f"{len(lines)} lines on stderr"  # an error says one; a success at most one
    if not problem:
        after = snapshot(data)
        lost = [k for k, v in before.items() if after.get(k) != v]
        if lost:
            problem = f"data changed: {lost[0]}"
    return Result(name, label, process.returncode, seconds, usage.ru_maxrss / 1024, problem,
                  lines[0][:160] if lines else "")


def run(names: tuple[str, ...] | None = None, jobs: int = 2) -> list[Result]:
    work = Path(tempfile.mkdtemp(prefix="qari-hostile-"))
    try:
        inputs = generate.write(work / "inputs", names)
        template = work / "data"
        prepare_data(template)
        results: list[Result] = []

        def one(task: tuple[str, str, Path, str, list[str]]) -> Result:
            name, kind, path, label, argv = task
            # Each run gets its own copy of the data folder: a run that wrote into it must
            # not make the next one's comparison wrong.
            data = Path(tempfile.mkdtemp(dir=work, prefix="data-"))
            shutil.copytree(template, data, dirs_exist_ok=True)
            out_dir = Path(tempfile.mkdtemp(dir=work, prefix="out-"))
            return run_one(name, kind, path, label, argv, data, snapshot(data), out_dir)

        tasks = [(name, kind, path, label, argv) for name, (kind, path) in inputs.items()
                 for label, argv in COMMANDS[kind]]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(one, tasks))
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def markdown(results: list[Result]) -> str:
    labels = list(dict.fromkeys(r.command for r in results))
    rows = list(dict.fromkeys(r.input for r in results))
    cell = {(r.input, r.command): r for r in results}
    out = ["| input | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for name in rows:
        cells = []
        for label in labels:
            r = cell.get((name, label))
            if r is None:
                cells.append("")
            elif r.problem:
                cells.append(f"**FAIL** {r.problem}")
            else:
                cells.append(f"{r.code} · {r.seconds:.1f} s")
        out.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the subset CI runs")
    parser.add_argument("--markdown", action="store_true", help="print the matrix")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    results = run(generate.QUICK if args.quick else None, args.jobs)
    failed = [r for r in results if r.problem]
    if args.markdown:
        print(markdown(results))
    for r in failed:
        print(f"FAIL {r.input} × {r.command}: {r.problem} (exit {r.code}) {r.line}",
              file=sys.stderr)
    slowest = max(results, key=lambda r: r.seconds)
    print(f"{len(results)} runs, {len(failed)} failed; slowest {slowest.seconds:.1f} s "
          f"({slowest.input} × {slowest.command}); largest {max(r.rss_mb for r in results):.0f} "
          f"MB", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
