"""The layout the code map promises, checked: the core has no Telegram in it, nothing imports in
a circle, and callers use the packages' public surface.

Layers, lowest first: `bot.wording` (the bot's English words, plain data) < `bot.knowledge` <
`bot.matching` < the core (`bot.*`) < `handlers` (the Telegram front end) < `bot.cli` (the entry
that starts a front end). An import may only go down.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")
LAYERS = (
    "bot.wording",
    "bot.knowledge",
    "bot.matching",
    "bot",
    "handlers",
    "bot.cli",
    "bot.__main__",
)
PUBLIC_SURFACES = ("bot.knowledge", "bot.matching")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def import_statements(path: Path) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(module, names) of every import statement at any depth: functions and TYPE_CHECKING
    blocks too. Relative imports are not used here, so they are not read."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, tuple(alias.name for alias in node.names)


def imports(path: Path) -> Iterator[str]:
    """Every module an import names, a submodule taken `from` its package included."""
    for module, names in import_statements(path):
        yield module
        yield from (f"{module}.{name}" for name in names)


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {imported for imported in imports(path) if imported in known and imported != name}
        for name, path in known.items()
    }


def layer(module: str) -> str:
    return max((p for p in LAYERS if module == p or module.startswith(f"{p}.")), key=len)


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, if it has any (depth-first search)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_core_runs_without_telegram() -> None:
    core = [m for m in modules() if m.startswith("bot") and m != "bot.__main__"]
    script = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'telegram' or m.startswith('telegram.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"the core loaded python-telegram-bot: {result.stdout}"


def test_only_the_front_end_imports_telegram() -> None:
    offenders = [
        f"{name} imports {imported}"
        for name, path in modules().items()
        if not name.startswith("handlers")
        for imported in imports(path)
        if imported == "telegram" or imported.startswith("telegram.")
    ]
    assert offenders == []


def test_no_module_imports_in_a_circle() -> None:
    assert cycle(graph()) is None


def test_imports_only_go_down_the_layers() -> None:
    upward = [
        f"{name} -> {imported}"
        for name, targets in graph().items()
        for imported in targets
        if LAYERS.index(layer(imported)) > LAYERS.index(layer(name))
    ]
    assert upward == []


@pytest.mark.parametrize("package", PUBLIC_SURFACES)
def test_callers_outside_a_package_use_its_public_surface(package: str) -> None:
    inner = [
        f"{name} imports {source}"
        for name, path in modules().items()
        if layer(name) != package
        for source, _ in import_statements(path)
        if source.startswith(f"{package}.")
    ]
    assert inner == []


@pytest.mark.parametrize("package", PUBLIC_SURFACES)
def test_public_surface_lists_what_it_exports(package: str) -> None:
    module = __import__(package, fromlist=["__all__"])
    assert all(hasattr(module, name) for name in module.__all__)
