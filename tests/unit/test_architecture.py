"""Only app/ui may import PySide6: the core must run headless (server, CLI, tests)."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_modules(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
    return names


def qt_imports_outside_ui() -> list[str]:
    offenders = []
    for top in ("app", "sync"):
        for path in sorted((REPO / top).rglob("*.py")):
            rel = path.relative_to(REPO)
            if rel.parts[:2] == ("app", "ui"):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))
            for name in _imported_modules(tree):
                if name.split(".")[0] in QT_PACKAGES:
                    offenders.append(f"{rel}: {name}")
    return offenders


def test_only_app_ui_imports_qt() -> None:
    assert qt_imports_outside_ui() == []


def test_the_check_sees_qt_imports() -> None:
    tree = ast.parse("import PySide6.QtCore\nfrom shiboken6 import isValid\nimportlib.import_module('PySide6')")
    assert {"PySide6.QtCore", "shiboken6", "PySide6"} <= _imported_modules(tree)
