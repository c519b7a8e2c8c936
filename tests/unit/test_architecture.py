"""Layering: only app/ui may import PySide6 (the core must run headless: server, CLI, tests); app/ui
reaches the station only through its services. The packages of app and sync import each other without
cycles, an import inside a function says why, and the station needs nothing only the tenant API server uses."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import io
import re
import tokenize
import tomllib
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


# ---- packages without cycles; imports inside functions only with a reason -------------------------

TOPS = ("app", "sync")


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def _parsed(path: Path) -> tuple[str, ast.Module]:
    source = path.read_text(encoding="utf-8")
    return source, ast.parse(source)


def _sources() -> dict[str, Path]:
    return {_module_of(path): path for top in TOPS for path in sorted((REPO / top).rglob("*.py"))
            if "migrations" not in path.relative_to(REPO).parts}


def _targets(node: ast.Import | ast.ImportFrom, module: str, *, package: bool, known: set[str]) -> set[str]:
    """The modules an import statement loads (absolute names; `from x import y` is x.y when y is a module)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    base = node.module or ""
    if node.level:
        here = module.split(".") if package else module.split(".")[:-1]
        base = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else []))
    return {base} | {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known}


def _module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported (TYPE_CHECKING blocks count: a layer's types are
    part of what it depends on); not those inside functions."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If | ast.Try | ast.With | ast.ClassDef):
            todo.extend(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt))
            if isinstance(node, ast.Try):
                todo.extend(stmt for handler in node.handlers for stmt in handler.body)
    return found


def _unit(module: str) -> str | None:
    """The top-level subpackage (or module) of app or sync a module belongs to: app.services.checkin → app.services."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] in TOPS and len(parts) > 1 else None


def package_graph() -> dict[str, set[str]]:
    sources = _sources()
    known = set(sources)
    graph: dict[str, set[str]] = {}
    for module, path in sources.items():
        source = _unit(module)
        if source is None:
            continue
        for node in _module_level_imports(_parsed(path)[1]):
            for target in _targets(node, module, package=path.name == "__init__.py", known=known):
                unit = _unit(target)
                if unit is not None and unit != source:
                    graph.setdefault(source, set()).add(unit)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(set(graph) | {n for targets in graph.values() for n in targets}):
        if node not in index:
            visit(node)
    return found


def test_no_package_imports_another_that_imports_it_back() -> None:
    graph = package_graph()
    assert graph["app.services"] >= {"app.storage", "app.domain"}  # the graph is really built
    assert cycles(graph) == []


def test_the_cycle_check_sees_a_cycle_and_resolves_relative_imports() -> None:
    assert cycles({"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}, "app.d": {"app.a"}}) == [
        ["app.a", "app.b", "app.c"]]
    assert cycles({"app.a": {"app.b"}, "app.b": set()}) == []
    tree = ast.parse("from ..storage import engine\nfrom . import rules\n"
                     "if TYPE_CHECKING:\n    from sync.station import meta\n"
                     "def f():\n    from app.ui import window\n")
    targets = set().union(*(_targets(node, "app.services.checkin", package=False,
                                     known={"app.storage.engine", "app.services.rules"})
                            for node in _module_level_imports(tree)))
    assert targets == {"app.storage", "app.storage.engine", "app.services", "app.services.rules", "sync.station"}


def _comment_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def unexplained_function_imports(source: str, where: str, tree: ast.Module | None = None) -> list[str]:
    """Imports inside functions with no comment saying why: none on the statement, none directly above it
    (a block of imports shares the comment above its first line)."""
    tree = tree or ast.parse(source)
    comments = _comment_lines(source)
    lines = source.splitlines()
    imports: list[ast.stmt] = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            imports.extend(node for node in ast.walk(function) if isinstance(node, ast.Import | ast.ImportFrom)
                           or (isinstance(node, ast.Expr | ast.Assign | ast.Return) and _loads_a_module(node)))
    import_lines = {n for node in imports for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)}
    offenders = []
    for node in imports:
        if comments & set(range(node.lineno, (node.end_lineno or node.lineno) + 1)):
            continue
        above = node.lineno - 1
        while above > 0 and (above in import_lines or not lines[above - 1].strip()):
            above -= 1
        if above not in comments:
            offenders.append(f"{where}:{node.lineno}: {ast.unparse(node).splitlines()[0]}")
    return offenders


def _loads_a_module(node: ast.stmt) -> bool:
    return any(isinstance(call, ast.Call) and isinstance(call.func, ast.Name | ast.Attribute)
               and getattr(call.func, "id", getattr(call.func, "attr", "")) in ("import_module", "__import__")
               for call in ast.walk(node))


def test_imports_inside_functions_say_why() -> None:
    offenders = []
    for module, path in _sources().items():
        if module.startswith("app.ui"):
            continue
        source, tree = _parsed(path)
        offenders += unexplained_function_imports(source, str(path.relative_to(REPO)), tree)
    assert offenders == []


def test_the_reason_check_sees_an_unexplained_import() -> None:
    source = (
        "import os\n"
        "def a():\n    from app.storage import engine\n"
        "def b():\n    # reportlab takes a third of a second\n    from reportlab import pdfgen\n\n    import qrcode\n"
        "def c():\n    import json  # start-up\n"
        "def d():\n    x = 1\n    import json\n"
        "def e():\n    return importlib.import_module('app.cli.station')\n")
    assert unexplained_function_imports(source, "m.py") == [
        "m.py:3: from app.storage import engine", "m.py:13: import json",
        "m.py:15: return importlib.import_module('app.cli.station')"]


# ---- the station installs and imports none of the tenant API's dependencies ------------------------

def _requirement_name(text: str) -> str:
    return re.split(r"[<>=!~\[;\s]", text, maxsplit=1)[0].lower().replace("_", "-")


def test_the_station_installs_and_imports_nothing_only_the_server_needs() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    server = {_requirement_name(r) for r in project["optional-dependencies"]["server"]}
    assert {"fastapi", "uvicorn", "psycopg"} <= server
    assert {_requirement_name(r) for r in project["dependencies"]} & server == set()
    assert "vaxdesk[server]" in project["optional-dependencies"]["test"]  # the tests run the server
    by_module = importlib.metadata.packages_distributions()
    server_modules = {module for module, dists in by_module.items()
                      if {d.lower().replace("_", "-") for d in dists} & server}
    assert {"fastapi", "uvicorn", "psycopg", "yaml", "jinja2"} <= server_modules
    offenders = []
    for module, path in _sources().items():
        if module.startswith("sync.server"):
            continue
        for node in ast.walk(_parsed(path)[1]):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _targets(node, module, package=path.name == "__init__.py", known=set()):
                    if target.split(".")[0] in server_modules or target.startswith("sync.server"):
                        offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {target}")
    assert offenders == []
