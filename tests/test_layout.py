"""The layout holds: imports point one way (docs/architecture.md), and no module imports another
that imports it back. Read from the source (every import, those under TYPE_CHECKING and inside
functions included), so the tree cannot drift back without this test saying where."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "flows", "handlers", "storage", "locales")

# The composition root: the only modules that wire adapters (handlers/) into the runtime.
COMPOSITION_ROOT = frozenset({"bot.app", "bot.cli", "bot.desk_wiring", "bot.worker_command", "bot.__main__", "webhook"})
SUBSYSTEMS = ("delivery", "desk", "figures", "privacy")  # bot/<name>/

# Which layers each layer may import (its own always). Lower layers never import higher ones.
ALLOWED: dict[str, frozenset[str]] = {
    "flows": frozenset(),
    "locales": frozenset({"flows"}),
    "storage": frozenset({"flows"}),
    "runtime": frozenset({"flows", "locales", "storage"}),
    **{name: frozenset({"runtime", "flows", "locales", "storage"}) for name in SUBSYSTEMS},
    "handlers": frozenset({*SUBSYSTEMS, "runtime", "flows", "locales", "storage"}),
    "root": frozenset({*SUBSYSTEMS, "handlers", "runtime", "flows", "locales", "storage"}),
}
# Settings parse OPERATORS and WORKING_HOURS into the desk's value types; those modules import
# nothing of bot/ (checked below), so the runtime still depends on no desk behaviour.
VALUE_TYPES_FOR_SETTINGS = frozenset({"bot.desk.roster", "bot.desk.shifts"})


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    found = {"webhook": ROOT / "webhook.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from bot.delivery import metrics` depends on the module bot.delivery.metrics;
                # `from bot.service import Reply` on bot.service.
                submodules = [f"{node.module}.{alias.name}" for alias in node.names]
                targets = [m for m in submodules if m in modules]
                if len(targets) < len(submodules):
                    targets.append(node.module)
            graph[name] |= {target for target in targets if target in modules and target != name}
    return graph


def layer(module: str) -> str:
    if module in COMPOSITION_ROOT:
        return "root"
    head, _, rest = module.partition(".")
    if head == "bot":
        sub = rest.split(".")[0]
        return sub if sub in SUBSYSTEMS else "runtime"
    return head


def test_the_layer_map_knows_every_module() -> None:
    assert {layer(module) for module in project_modules()} <= set(ALLOWED)


def test_imports_point_one_way() -> None:
    wrong = []
    for module, targets in sorted(import_graph().items()):
        for target in sorted(targets):
            source, destination = layer(module), layer(target)
            if source == destination or destination in ALLOWED[source]:
                continue
            if module == "bot.settings" and target in VALUE_TYPES_FOR_SETTINGS:
                continue
            wrong.append(f"{module} ({source}) imports {target} ({destination})")
    assert not wrong, "imports against docs/architecture.md:\n  " + "\n  ".join(wrong)


def test_nothing_in_bot_but_the_composition_root_imports_the_adapters() -> None:
    graph = import_graph()
    wrong = [f"{module} -> {target}" for module, targets in graph.items() if module.startswith("bot")
             and module not in COMPOSITION_ROOT for target in targets if target.startswith("handlers")]
    assert not wrong


def test_the_settings_value_types_import_nothing_of_bot() -> None:
    graph = import_graph()
    assert all(not target.startswith("bot") for module in VALUE_TYPES_FOR_SETTINGS for target in graph[module])


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components: any of more than one module is a cycle."""
    graph = import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(project_modules()):
        if module not in index:
            visit(module)
    assert not cycles, "modules that import each other: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_checker_sees_a_violation() -> None:
    """The rules are not vacuous: an adapter import in a subsystem would be reported."""
    assert layer("bot.delivery.worker") == "delivery" and "handlers" not in ALLOWED["delivery"]
    assert layer("bot.service") == "runtime" and "desk" not in ALLOWED["runtime"]
    assert layer("bot.app") == "root" and layer("handlers.telegram.route") == "handlers"
