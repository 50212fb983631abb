"""The package's imports point one way: CLI -> api -> stages, and no stage imports back."""
import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports (lazy imports too)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                candidates = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            found |= {c for c in candidates if c in modules and c != name}
        graph[name] = found - {"generator"}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    out, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                out.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return out


def test_the_import_walk_sees_the_package():
    graph = imports()
    assert {"generator.cli", "generator.api", "generator.render", "generator.writers.docx"} <= set(graph)
    assert "generator.api" in graph["generator.cli"]
    assert "generator.tree" in graph["generator.writers.md"]  # relative imports from a subpackage
    assert "generator.writers.docx" in graph["generator.pipeline"]  # a lazy import counts


def test_there_is_no_import_cycle():
    assert cycles(imports()) == []


def test_the_cycle_finder_finds_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_only_the_front_ends_import_the_api_and_nothing_imports_the_cli():
    graph = imports()   # the front ends: the command line and the browser workbench
    assert sorted(m for m, deps in graph.items() if "generator.api" in deps) == ["generator.cli", "generator.serve"]
    assert sorted(m for m, deps in graph.items() if "generator.cli" in deps) == ["generator.__main__"]


def test_building_does_not_depend_on_reading_real_reports():
    graph = imports()
    reached, todo = set(), ["generator.pipeline"]
    while todo:
        m = todo.pop()
        if m not in reached:
            reached.add(m)
            todo += graph[m]
    assert not reached & {"generator.parse", "generator.clean", "generator.readers", "generator.learn",
                          "generator.topics"}
