"""Imports run one way: no cycle between the project's modules, layers in one order.

The graph is built from the source, not from what Python happens to have imported: every
`.py` file under the five packages is parsed and every `import` statement counts, those
inside functions included (a function-level import still ties the two modules together;
it only hides the cycle until the function runs). The lazy exports of a package
`__init__` (`importlib.import_module` on a name in a string) are not statements and do
not count.

The layers, lowest first:

* `dialects` and `runtime` import nothing of ours; the runtime imports nothing outside
  the standard library but numpy and llvmlite (it runs compiled graphs; it knows no IR);
* `passes` import `dialects`, and from the runtime only the leaf modules that state what
  the compiler and the runtime agree on (`RUNTIME_LEAVES`);
* `compiler` imports `dialects`, `passes` and `runtime`;
* `tools` import `compiler` only.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("compiler", "dialects", "passes", "runtime", "tools")

#: Runtime modules the passes may import: they hold what the compiler and the runtime
#: agree on and import nothing but numpy (the contract, the WebNN -> numpy data types,
#: the loader of constants' data).
RUNTIME_LEAVES = frozenset({"runtime", "runtime.contract", "runtime.values",
                            "runtime.constants"})

#: Package -> the packages of ours it may import (besides itself).
ALLOWED = {
    "dialects": set(),
    "runtime": set(),
    "passes": {"dialects", "runtime"},
    "compiler": {"dialects", "passes", "runtime"},
    "tools": {"compiler"},
}
#: Outside the standard library, the runtime imports only these.
RUNTIME_THIRD_PARTY = {"numpy", "llvmlite"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            out[_module_name(path)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, int]]:
    """(imported module, line) for every import statement of a module, at any depth."""
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                # `from pkg import sub` imports the module pkg.sub when there is one.
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in MODULES else target, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for target, _ in _imports(name, path):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (as a list of modules, first = last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_graph_covers_every_package():
    # A test that found no modules would pass vacuously.
    for package in PACKAGES:
        assert package in MODULES
    assert len(MODULES) > 50
    assert "compiler.ir" in _graph()["compiler.pipeline"] or any(
        "compiler.ir" in targets for targets in _graph().values())


def test_no_import_cycle():
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("package", PACKAGES)
def test_layers_run_one_way(package):
    wrong = []
    for name, path in MODULES.items():
        if name.split(".")[0] != package:
            continue
        for target, line in _imports(name, path):
            top = target.split(".")[0]
            if top in PACKAGES:
                if top == package:
                    continue
                ok = top in ALLOWED[package] and (
                    package != "passes" or top != "runtime" or target in RUNTIME_LEAVES)
            elif package == "runtime":
                ok = top in sys.stdlib_module_names or top in RUNTIME_THIRD_PARTY or top == ""
            else:
                ok = True
            if not ok:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "\n".join(wrong)
