"""Data flows one way (DESIGN.md): an area imports only areas upstream of it; a
downstream area is set off by domain events (``nutriplat.events``), never called.

``make lint`` checks the same layers with import-linter; this test reads the order from
its configuration (``.importlinter``), so ``make test`` alone still catches a wrong import
and the order is written down once."""
from __future__ import annotations

import ast
import configparser
from pathlib import Path

ROOT = Path(__file__).parents[3]
PACKAGE = ROOT / "nutriplat"
# What ``setup.cfg`` installs; the repository's ``tools`` (demo, benchmarks, builders) and
# ``tests`` stay behind, so nothing installed may import them.
INSTALLED = ("nutriplat", "migrations", "scheduler", "routing")



def flow_order() -> tuple[str, ...]:
    """The areas upstream first (import-linter lists layers downstream first)."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    return tuple(reversed(config["importlinter:contract:one-way-flow"]["layers"].split()))


# ``jobs`` schedules them all; ``webapp`` composes everything and is not an area.
AREAS = flow_order()

# Known imports against the flow, each with the reason it is allowed (none today).
KNOWN: dict[tuple[str, str], str] = {}


def imported_modules(path: Path) -> set[str]:
    """The absolute module names a module imports (TYPE_CHECKING and local imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else (
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        found.update(names)
    return found


def imports_of(path: Path) -> set[str]:
    """The ``nutriplat.<area>`` packages a module imports (TYPE_CHECKING imports too)."""
    found = set()
    for name in imported_modules(path):
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
    assert packages - set(AREAS) <= {"webapp", "static", "templates"}


def test_no_area_imports_a_downstream_one() -> None:
    assert sorted(violations()) == []


def test_every_known_exception_still_exists() -> None:
    """A removed exception leaves the list, so the list stays the map of what is left."""
    for area, other in KNOWN:
        assert any(other in imports_of(path) for path in (PACKAGE / area).rglob("*.py")), (area, other)


def test_nothing_installed_imports_the_repository_tools_or_the_tests() -> None:
    found = sorted(
        (str(path.relative_to(ROOT)), name)
        for package in INSTALLED for path in (ROOT / package).rglob("*.py")
        for name in imported_modules(path) if name.split(".")[0] in ("tools", "tests"))
    assert found == []


def test_the_installed_packages_are_the_ones_checked() -> None:
    config = (ROOT / "setup.cfg").read_text()
    include = config.split("[options.packages.find]")[1].split("[")[0]
    assert {line.strip() for line in include.splitlines() if line.strip() and "=" not in line} == {
        name for package in INSTALLED for name in (package, f"{package}.*")}


def test_the_check_sees_an_import_of_the_tools(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from tools.demo import population\nimport tests.builders.delivery\n")
    assert {name.split(".")[0] for name in imported_modules(module)} == {"tools", "tests"}


def test_the_check_sees_an_import_against_the_flow(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from nutriplat.monitoring import evaluation\nimport nutriplat.billing.charges\n")
    assert imports_of(module) == {"monitoring", "billing"}
