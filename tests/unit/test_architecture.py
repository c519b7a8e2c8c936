"""Layering: only app/ui may import PySide6 (the core must run headless: server, CLI, tests); app/ui
reaches the station only through its services."""

from __future__ import annotations

import ast
from collections.abc import Callable
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


def _offenders(paths: list[Path], banned: Callable[[str], bool]) -> list[str]:
    offenders = []
    for path in paths:
        rel = path.relative_to(REPO)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))
        offenders.extend(f"{rel}: {name}" for name in sorted(_imported_modules(tree)) if banned(name))
    return offenders


def qt_imports_outside_ui() -> list[str]:
    core = [path for top in ("app", "sync") for path in sorted((REPO / top).rglob("*.py"))
            if path.relative_to(REPO).parts[:2] != ("app", "ui")]
    return _offenders(core, lambda name: name.split(".")[0] in QT_PACKAGES)


def test_only_app_ui_imports_qt() -> None:
    assert qt_imports_outside_ui() == []


def test_the_check_sees_qt_imports() -> None:
    tree = ast.parse("import PySide6.QtCore\nfrom shiboken6 import isValid\nimportlib.import_module('PySide6')")
    assert {"PySide6.QtCore", "shiboken6", "PySide6"} <= _imported_modules(tree)


# The UI talks to the station through its services (app/station): never to the store, SQL or HTTP.
UI_FORBIDDEN = ("app.storage", "sqlalchemy", "httpx")


def _ui_may_not(name: str) -> bool:
    return any(name == banned or name.startswith(banned + ".") for banned in UI_FORBIDDEN)


def forbidden_imports_in_ui() -> list[str]:
    return _offenders(sorted((REPO / "app" / "ui").rglob("*.py")), _ui_may_not)


def test_app_ui_imports_neither_storage_nor_sqlalchemy_nor_httpx() -> None:
    assert forbidden_imports_in_ui() == []


def test_the_ui_check_sees_storage_sql_and_http_imports() -> None:
    tree = ast.parse("from app.storage.engine import Store\nimport sqlalchemy.orm\nimport httpx\nimport app.storagex")
    offending = {name for name in _imported_modules(tree) if _ui_may_not(name)}
    assert offending == {"app.storage.engine", "sqlalchemy.orm", "httpx"}  # not app.storagex
