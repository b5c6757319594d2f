"""The packages form layers and every import points down (or stays inside its package).

Lazy imports inside functions count too: they are read from the source, not from a run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import tnl_cli

ROOT = Path(tnl_cli.__file__).parent
EXAMPLE = Path(__file__).parents[1] / "examples" / "commune-exemple.yaml"

# Lowest first. A module may import its own package and any package of a lower layer.
LAYERS: list[set[str]] = [
    {"i18n", "textnorm", "textsafe", "numbers", "resources", "locale", "located", "__init__"},
    {"errors"},
    {"io"},
    {"reference"},
    {"core"},
    {"loaders"},
    {"report", "evidence", "inventory", "opendata"},
    {"walk", "dossier"},
    {"batch"},
    {"synthesis"},
    {"commands"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
FORBIDDEN_IN_CORE = ("typer", "click", "rich", "questionary", "prompt_toolkit", "jinja2", "odfdo",
                     "python_calamine", "xlsxwriter")


def _unit(module: str) -> str:
    """tnl_cli.core.engine -> core; tnl_cli.errors -> errors; tnl_cli -> __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of the file, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from tnl_cli import walk` names a package too
            if node.module == "tnl_cli":
                found += [(node.lineno, f"tnl_cli.{a.name}") for a in node.names
                          if (ROOT / a.name).is_dir() or (ROOT / f"{a.name}.py").is_file()]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_belongs_to_a_layer() -> None:
    units = {_unit(".".join(("tnl_cli", *p.relative_to(ROOT).with_suffix("").parts))) for p in _modules()}
    assert units <= set(RANK), units - set(RANK)


def test_imports_point_down() -> None:
    wrong = []
    for path in _modules():
        here = _unit(".".join(("tnl_cli", *path.relative_to(ROOT).with_suffix("").parts)))
        for line, module in _imports(path):
            if not module.startswith("tnl_cli"):
                continue
            there = _unit(module)
            if there != here and RANK[there] >= RANK[here] and there != "__init__":
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_core_imports_no_interface_library() -> None:
    wrong = []
    for path in sorted((ROOT / "core").glob("*.py")) + sorted((ROOT / "reference").glob("*.py")):
        for line, module in _imports(path):
            if module.split(".")[0] in FORBIDDEN_IN_CORE:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_core_reads_no_file() -> None:
    """The core validates and evaluates the data it is given: files are opened, parsed and
    cached by `loaders/` (through `io/`), never by the core."""
    wrong = [f"core/{path.name}:{line} imports {module}"
             for path in sorted((ROOT / "core").glob("*.py"))
             for line, module in _imports(path)
             if module.split(".")[0] in ("yaml", "pickle", "marshal", "sqlite3", "pathlib",
                                         "tempfile", "shutil", "glob")
             or module.startswith(("tnl_cli.io", "tnl_cli.resources", "tnl_cli.loaders"))]
    assert not wrong, "\n".join(wrong)


def test_inventory_figures_are_pure() -> None:
    """The inventory's figures are computed like the core's: no file, terminal or format."""
    wrong = [f"inventory/figures.py:{line} imports {module}"
             for line, module in _imports(ROOT / "inventory" / "figures.py")
             if module.split(".")[0] in FORBIDDEN_IN_CORE + ("csv", "json", "defusedxml", "os",
                                                             "pathlib", "yaml")
             or module.startswith(("tnl_cli.io", "tnl_cli.commands"))]
    assert not wrong, "\n".join(wrong)


def test_the_candidacy_takes_its_wording_from_report_wording() -> None:
    """The jury's document words numbers, dates and uses through `report/wording.py`, the one
    module of shared wording, never through the team's terminal report."""
    wrong = []
    for name in ("candidacy.py", "progress.py", "odt_candidacy.py"):
        for node in ast.walk(ast.parse((ROOT / "dossier" / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (
                    node.module == "tnl_cli.report.assessment" or node.module == "tnl_cli.report"
                    and any(a.name == "assessment" for a in node.names)):
                wrong.append(f"dossier/{name}:{node.lineno}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    names = {".".join(("tnl_cli", *p.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__"): p
             for p in _modules()}
    for name, path in names.items():
        graph[name] = {m for _, m in _imports(path) if m in names and m != name
                       and not name.startswith(m + ".") and m != "tnl_cli"}
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_loading_the_core_loads_no_interface_library() -> None:
    """At run time too: evaluating an answers file pulls in no terminal or template module."""
    code = ("import sys\n"
            "from tnl_cli.core import answers, catalog, engine, identity, reconcile, rules, schema\n"
            "from tnl_cli.reference import software, territory\n"
            "from tnl_cli.loaders import answer_files, catalogs\n"
            "from pathlib import Path\n"
            f"a, cat, _ = answer_files.load(Path({str(EXAMPLE)!r}), catalogs.load_edition)\n"
            "engine.evaluate(cat, a)\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN_IN_CORE!r}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
