"""Data flows one way (DESIGN.md): an area imports only areas upstream of it; a
downstream area is set off by domain events (``nutriplat.events``), never called."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[3] / "nutriplat"

# Upstream first. ``jobs`` schedules them all; ``demo`` and ``webapp`` compose everything
# and are not areas.
AREAS = ("auth", "catalog", "clients", "screening", "mealplans", "inventory", "delivery",
         "billing", "monitoring", "indicators", "jobs")

# Known imports against the flow, each with the step that removes it (issue 15).
KNOWN = {
    ("mealplans", "demo"): "bench.py builds its data from the demo; benchmarks leave the package (item 6)",
}


def imports_of(path: Path) -> set[str]:
    """The ``nutriplat.<area>`` packages a module imports (TYPE_CHECKING imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else (
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "nutriplat" and len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
                found.add(parts[1])
    return found


def violations() -> set[tuple[str, str, str]]:
    rank = {area: i for i, area in enumerate(AREAS)}
    found = set()
    for area in AREAS:
        for path in (PACKAGE / area).rglob("*.py"):
            for other in imports_of(path) - {area}:
                if (area, other) not in KNOWN and rank.get(other, len(AREAS)) > rank[area]:
                    found.add((area, other, str(path.relative_to(PACKAGE))))
    return found


def test_every_area_is_in_the_flow() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages - set(AREAS) <= {"demo", "webapp", "static", "templates"}


def test_no_area_imports_a_downstream_one() -> None:
    assert sorted(violations()) == []


def test_every_known_exception_still_exists() -> None:
    """A removed exception leaves the list, so the list stays the map of what is left."""
    for area, other in KNOWN:
        assert any(other in imports_of(path) for path in (PACKAGE / area).rglob("*.py")), (area, other)


def test_the_check_sees_an_import_against_the_flow(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from nutriplat.monitoring import evaluation\nimport nutriplat.billing.charges\n")
    assert imports_of(module) == {"monitoring", "billing"}
