"""The demo catalogue: Flemish dishes in their texture variants (pure data, no I/O)."""
from __future__ import annotations

from typing import Any

from tools.demo.catalogue.dishes import ALL
from tools.demo.catalogue.textures import dish_body


def catalogue_bodies() -> list[dict[str, Any]]:
    """Every demo dish as the body of POST /api/v1/dishes, variants included."""
    return [dish_body(row) for row in ALL]
