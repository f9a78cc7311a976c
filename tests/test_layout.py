"""The package's modules import each other without a cycle.

Read from the sources: every import of one of the package's modules by
another, wherever it stands (the top level, a function, ``if TYPE_CHECKING:``),
since an import deferred into a function is still a dependency. Only the
package's ``__init__``, whose ``setup()`` imports the wiring lazily so that
importing the package stays cheap, is left out.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import sphinxcontrib_httpstatus

PACKAGE = Path(sphinxcontrib_httpstatus.__file__).parent
MODULES = {path.stem for path in PACKAGE.glob("*.py")}


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        if node.module:
            found.add(node.module.split(".")[0])
        else:  # from . import links, languages, __version__
            found.update(
                alias.name if alias.name in MODULES else "__init__"
                for alias in node.names
            )
    return found


def import_graph() -> dict[str, set[str]]:
    return {
        path.stem: _imports(ast.parse(path.read_text(encoding="utf-8")))
        for path in PACKAGE.glob("*.py")
        if path.stem != "__init__"
    }


def test_the_graph_is_read() -> None:
    graph = import_graph()
    assert {"extension", "role", "domain", "writers", "nodes"} <= graph.keys()
    assert "role" in graph["httpdomain"]
    assert {"domain", "nodes"} <= graph["writers"]


def test_no_import_cycle() -> None:
    graph = import_graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:  # pragma: no cover - the failure message
        raise AssertionError(f"import cycle: {exc.args[1]}") from None
    assert set(order) >= graph.keys()


def test_the_role_does_no_bookkeeping() -> None:
    graph = import_graph()
    assert "domain" not in graph["role"]
    assert graph["nodes"] == set()
