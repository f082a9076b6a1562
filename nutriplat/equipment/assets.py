"""Use cases of assets: register a freezer or regeneration oven, list and read them,
change what describes them. Where an asset stands (and its state) changes only through
installs, collections and repairs (``tasks``, ``repairs``)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.equipment.models import Asset, AssetPlacement
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.views import asset_view
from nutriplat.equipment.vocabulary import STORAGE_CLASSES, STORAGE_OF_KIND
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import check_location, provider_of, scoped

RESOURCE = "asset"
DUPLICATE = "Another asset of the organisation has this serial number."


def list_assets(uow: UnitOfWork, actor: Actor, filters: dict[str, Any]) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_assets")
    with uow:
        stmt = scoped(select(Asset), Asset.organisation_id, actor)
        for key in ("kind", "state", "warehouse_id"):
            if key in filters:
                stmt = stmt.where(getattr(Asset, key) == filters[key])
        assets = list(uow.session.scalars(stmt.order_by(Asset.kind, Asset.serial_number, Asset.id)))
        pairs = [(a, asset_view(uow.session, a)) for a in assets]
        if "client_id" in filters:
            pairs = [(a, v) for a, v in pairs if v["client_id"] == filters["client_id"]]
        audit.record_reads(uow.session, actor, RESOURCE,
                           {(v["client_id"], a.organisation_id) for a, v in pairs if v["client_id"]})
        uow.commit()
        return [v for _, v in pairs]


def register_asset(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "register_asset")
    organisation_id = provider_of(actor)
    with uow:
        errors = ErrorCollector()
        check_location(uow.session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        check_description(errors, data["kind"], data)
        errors.raise_if_any()
        asset = Asset(organisation_id=organisation_id, created_by=actor.user_id, state="in_stock",
                      tariff_code=data.pop("tariff_code", None) or data["kind"], **data)
        uow.session.add(asset)
        flush_or_conflict(uow.session, DUPLICATE, {"serial_number": ["Already registered."]})
        audit.record(uow.session, actor, "create", RESOURCE, asset.id, organisation_id=organisation_id)
        uow.commit()
        return asset_view(uow.session, asset)


def get_asset(uow: UnitOfWork, actor: Actor, asset_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_asset")
    with uow:
        asset = load_owned(uow.session, Asset, asset_id, actor, "asset")
        view = asset_view(uow.session, asset)
        audit_placements(uow.session, actor, "read", asset)
        uow.commit()
        return view


def update_asset(uow: UnitOfWork, actor: Actor, asset_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Model, serial number, capacity, tariff, warehouse or note (``version`` guards the edit)."""
    POLICY.check(actor, "update_asset")
    with uow:
        asset = load_owned(uow.session, Asset, asset_id, actor, "asset")
        errors = ErrorCollector()
        if data.pop("version") != asset.version:
            errors.add("version", f"The asset changed meanwhile (version {asset.version}); reload it.")
        if "warehouse_id" in data:
            check_location(uow.session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        check_description(errors, asset.kind, data)
        errors.raise_if_any()
        for key, value in data.items():
            setattr(asset, key, value)
        flush_or_conflict(uow.session, DUPLICATE, {"serial_number": ["Already registered."]})
        audit_placements(uow.session, actor, "update", asset)
        uow.commit()
        return asset_view(uow.session, asset)


def check_description(errors: ErrorCollector, kind: str, data: dict[str, Any]) -> None:
    """Litres per known storage class, more than 0; a freezer gives its frozen litres; bought
    no later than today."""
    capacity = data.get("capacity")
    if capacity is not None:
        for storage_class, litres in capacity.items():
            if storage_class not in STORAGE_CLASSES:
                errors.add("capacity", f"'{storage_class}' is not a storage class ({', '.join(STORAGE_CLASSES)}).")
            elif not isinstance(litres, int | float) or isinstance(litres, bool) or litres <= 0:
                errors.add("capacity", f"The {storage_class} litres must be a number above 0.")
        needed = STORAGE_OF_KIND[kind]
        if needed is not None and needed not in capacity:
            errors.add("capacity", f"A {kind} gives its {needed} capacity in litres.")
    if data.get("purchase_date") is not None and data["purchase_date"] > business_today():
        errors.add("purchase_date", "Must not be in the future.")


def audit_placements(session: Session, actor: Actor, action: str, asset: Asset) -> None:
    """An asset at someone's home says where that person lives: audited per client it stood with."""
    session.flush()
    clients: list[int | None] = [*sorted(set(session.scalars(select(AssetPlacement.client_id).where(
        AssetPlacement.asset_id == asset.id))))]
    for client_id in clients or [None]:
        audit.record(session, actor, action, RESOURCE, asset.id, client_id, organisation_id=asset.organisation_id)

