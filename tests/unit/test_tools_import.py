"""Every module of the developer tools (``tools/``: the demo, the region scenario, the
benchmarks) imports: a helper renamed in one package breaks no benchmark that is run only by
hand. Importing runs nothing: each tool acts only under ``python -m``."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import tools

MODULES = sorted(info.name for info in pkgutil.walk_packages(tools.__path__, "tools."))


def test_the_tools_are_found():
    expected = {"tools.bench.wards", "tools.bench.production_plan", "tools.region.nightly", "tools.demo.cli"}
    assert expected <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_every_tool_module_imports(module: str):
    importlib.import_module(module)
