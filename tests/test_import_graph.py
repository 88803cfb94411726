"""No import cycles between mtqa's modules, function-level imports included.

Every module under mtqa/ is parsed with `ast` (never imported), and every import of an mtqa module
anywhere in it, at the top or inside a function, becomes an edge of the graph:

- `import mtqa.a.b` depends on mtqa.a.b; `from mtqa.a import c` depends on mtqa.a.c when c is a
  submodule (`from mtqa import suppress`), else on mtqa.a (c is a name defined there);
- relative imports (`from . import x`, `from .x import y`) are resolved against the module's package;
- a package is its `__init__.py` (mtqa.rules is mtqa/rules/__init__.py).

Importing mtqa.a.b (or `from mtqa.a import b`) also runs mtqa/a/__init__.py, but that
parent-package edge is NOT added: a
package's `__init__` importing its own submodules (mtqa.rules importing mtqa.rules.glossary, which
imports mtqa.rules.base) would then count as a cycle while Python resolves it without trouble (the
package module exists, half-initialised, before its submodules run, and a submodule asks only for
its sibling). Real cycles, where module A needs module B's names and B needs A's (check <-> score,
config -> rules -> glossary -> config), are edges between modules and are all caught. Imports
under `if TYPE_CHECKING:` never run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "mtqa"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _imports(tree: ast.AST):
    """Every Import/ImportFrom node, at any depth, except under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for child in ast.iter_child_nodes(node):
            if not _type_checking_block(child):
                stack.append(child)


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The mtqa modules that `name` (at `path`) imports."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
            continue
        if node.level:  # relative: from the module's package, one level up per extra dot
            package = name.split(".") if is_package else name.split(".")[:-1]
            base_parts = package[: len(package) - (node.level - 1)]
            base = ".".join([*base_parts, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            if sub in known:
                out.add(sub)  # a submodule: the package itself is only its parent (see above)
            elif base in known:
                out.add(base)  # a name defined in the module or package `base`
    out.discard(name)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None (iterative depth-first search, three colours)."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    for root in sorted(graph):
        if colour[root] != WHITE:
            continue
        path = [root]
        stack = [iter(sorted(graph[root]))]
        colour[root] = GREY
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                colour[path.pop()] = BLACK
                stack.pop()
            elif colour.get(nxt, BLACK) == GREY:
                return [*path[path.index(nxt) :], nxt]
            elif colour.get(nxt) == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None


def test_the_graph_sees_function_level_relative_and_submodule_imports(tmp_path):
    pkg = tmp_path / "mtqa"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("from . import leaf\nfrom .leaf import x\n", encoding="utf-8")
    (pkg / "sub" / "leaf.py").write_text("def f():\n    from ..top import y\n", encoding="utf-8")
    (pkg / "user.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import mtqa.sub.leaf\n"
        "from mtqa import top\n"  # a submodule: an edge to it, not to the package mtqa
        "from mtqa.sub import NAME\n"  # a name of mtqa.sub's __init__: an edge to the package
        "if TYPE_CHECKING:\n    from mtqa.typing_only import T\n"
        "class C:\n    def m(self):\n        try:\n            pass\n"
        "        except Exception:\n            from mtqa.deep import z\n",
        encoding="utf-8",
    )
    known = {"mtqa", "mtqa.sub", "mtqa.sub.leaf", "mtqa.top", "mtqa.user", "mtqa.deep", "mtqa.typing_only"}
    assert imported_modules("mtqa.sub", pkg / "sub" / "__init__.py", known) == {"mtqa.sub.leaf"}
    assert imported_modules("mtqa.sub.leaf", pkg / "sub" / "leaf.py", known) == {"mtqa.top"}
    assert imported_modules("mtqa.user", pkg / "user.py", known) == {
        "mtqa.sub.leaf",
        "mtqa.top",
        "mtqa.sub",
        "mtqa.deep",
    }


def test_the_real_graph_holds_every_module_and_its_lazy_imports():
    graph = import_graph()
    assert "mtqa.cli" in graph and "mtqa.rules" in graph and "mtqa" in graph
    assert "mtqa.terminal" in graph["mtqa.cli"]  # imported inside main's except clause
    assert any(m.startswith("mtqa.rules.") for m in graph["mtqa.rules"])  # the rule modules


def test_find_cycle_reports_the_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": {"x2"}, "x2": set(), "a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]


def test_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())
