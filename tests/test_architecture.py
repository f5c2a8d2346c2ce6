"""The layering rules of DEVELOPERS.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> dict[str, set[str]]:
    return {str(p.relative_to(PACKAGE.parent)): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_only_the_ui_imports_qt():
    offenders = [m for m, names in _modules().items()
                 if names & {"PySide6", "shiboken6"} and not m.startswith("reader/ui/")]
    assert offenders == []


def test_only_the_pdf_package_imports_pymupdf():
    offenders = [m for m, names in _modules().items()
                 if names & {"pymupdf", "fitz"} and not m.startswith("reader/pdf/")]
    assert offenders == []


def test_only_the_argos_adapter_imports_argostranslate():
    offenders = [m for m, names in _modules().items()
                 if "argostranslate" in names and m != "reader/translation/argos.py"]
    assert offenders == []


def test_only_the_argos_adapter_loads_model_libraries():
    offenders = [m for m, names in _modules().items()
                 if names & {"ctranslate2", "sentencepiece"}
                 and m != "reader/translation/argos.py"]
    assert offenders == []


def test_argos_is_imported_lazily():
    tree = ast.parse((PACKAGE / "translation" / "argos.py").read_text(encoding="utf-8"))
    top_level = {alias.name for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
                 for alias in node.names}
    assert not any(name.startswith(("argostranslate", "ctranslate2", "sentencepiece"))
                   for name in top_level)


def test_core_imports_without_qt():
    import subprocess
    import sys

    code = ("import sys, reader.cli, reader.session, reader.search, reader.translation.packages;"
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent).returncode == 0


def test_every_package_is_shipped():
    """pyproject.toml lists packages explicitly (resources are mapped in): keep it complete."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(PACKAGE.parent).parts)
               for p in PACKAGE.rglob("__init__.py")}
    assert on_disk <= listed


def test_only_the_exports_import_document_and_xml_libraries():
    offenders = [m for m, names in _modules().items()
                 if names & {"docx", "odf", "lxml"} and not m.startswith("reader/exports/")]
    assert offenders == []


def _reader_imports(path: Path) -> set[str]:
    """The reader modules a file imports, anywhere in it (under TYPE_CHECKING and inside
    functions too: a cycle there is still a cycle in the design)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("reader"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the file's package
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            if base.startswith("reader"):
                names.add(base)
                names.update(f"{base}.{a.name}" for a in node.names)
    return names


def test_no_import_cycle_in_reader():
    """Issue 15: the window and its controllers imported each other. No module of reader/
    may reach itself through its imports."""
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
        ".__init__"): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in _reader_imports(path) if m in modules and m != name}
             for name, path in modules.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert cycles == []


def test_the_window_only_assembles_controllers_that_never_see_it():
    """Issue 15: the window was 1,700 lines doing everything. It now assembles controllers
    that receive what they need and talk by signals: none imports the window or takes it
    (a ``window`` attribute), and the window stays small."""
    window = PACKAGE / "ui" / "main_window.py"
    importers = [str(p.relative_to(PACKAGE.parent)) for p in (PACKAGE / "ui").glob("*.py")
                 if "reader.ui.main_window" in _reader_imports(p) and p.name != "app.py"]
    assert importers == []  # app.py makes the window; nothing else knows it
    holders = [p.name for p in (PACKAGE / "ui").glob("*.py")
               if p != window and "self.window = window" in p.read_text(encoding="utf-8")]
    # The menus and the window's shape are built on a QMainWindow (not this one: any).
    assert set(holders) <= {"window_actions.py", "window_state.py"}
    assert len(window.read_text(encoding="utf-8").splitlines()) < 400
