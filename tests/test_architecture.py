"""The dependency rule from ARCHITECTURE.md: core/ and store/ never import Qt, and the
command line's non-GUI commands do not load it either."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nato_reader"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("nato_reader."):
                names.add(".".join(node.module.split(".")[:2]))
    return names


def test_core_and_store_are_qt_free():
    offenders = [
        str(path.relative_to(PACKAGE))
        for layer in ("core", "store")
        for path in (PACKAGE / layer).rglob("*.py")
        if {"PySide6", "nato_reader.ui", "nato_reader.app"} & _imports(path)
    ]
    assert offenders == []


def test_core_does_not_depend_on_store():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "core").rglob("*.py")
        if "nato_reader.store" in _imports(path)
    ]
    assert offenders == []


def test_the_command_line_loads_neither_qt_nor_spacy_until_needed():
    code = (
        "import sys; from nato_reader import cli; cli.build_parser(); "
        "import nato_reader.store.library, nato_reader.store.importer; "
        "print(sorted(m for m in ('PySide6', 'spacy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
