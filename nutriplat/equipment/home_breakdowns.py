"""A breakdown reported from home: the client, or a caregiver with a 'record' mandate,
says the freezer or oven standing with them stopped working. It opens the same repair
job as logistics' report (``repairs.open_repair``): the asset goes in repair, a freezer's
stock is marked at risk until logistics brings a replacement."""
from __future__ import annotations

from typing import Any

from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.equipment.models import Asset
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.repairs import open_repair
from nutriplat.equipment.views import open_placement
from nutriplat.errors import NotFound


def report_from_home(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "report_from_home")
    with uow:
        client = load_client(uow.session, actor, client_id, "record")
        asset = uow.session.get(Asset, data["asset_id"])
        placement = open_placement(uow.session, asset.id) if asset is not None else None
        if asset is None or placement is None or placement.client_id != client.id:  # only what stands with them
            raise NotFound(f"No asset {data['asset_id']} installed at this client.")
        return open_repair(uow, actor, asset, {"reported_by": "client", "description": data["description"]})
