"""Installs and collections: planned here for a day, carried out as a stop of that day's
route from the asset's warehouse (``delivery.planning.day`` reads ``due_tasks``), and
confirmed with the stop (``confirm_tasks``) or on their own (``confirm_task``).

An install done opens the asset's placement at the client's home (for a freezer: the
home's frozen appliance location, whose capacity becomes the asset's); a collection
done closes it. Either tells billing (``EquipmentMoved``): the rental follows the
installed assets from install day up to collect day."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.equipment.models import Asset, AssetPlacement, AssetTask
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.views import open_placement, task_view
from nutriplat.equipment.vocabulary import STORAGE_OF_KIND, VAN_SPACE_OF_KIND
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.events import EquipmentMoved
from nutriplat.inventory.access import scoped
from nutriplat.inventory.models import Location

RESOURCE = "asset_task"
ONE_TASK = "The asset has a planned install or collection already; cancel it first."
ONE_PLACE = "The asset is installed somewhere already, or the home's appliance holds another asset."


def list_tasks(uow: UnitOfWork, actor: Actor, filters: dict[str, Any]) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_tasks")
    with uow:
        stmt = scoped(select(AssetTask), AssetTask.organisation_id, actor)
        for key in ("status", "due_on", "asset_id", "client_id", "warehouse_id"):
            if key in filters:
                stmt = stmt.where(getattr(AssetTask, key) == filters[key])
        tasks = list(uow.session.scalars(stmt.order_by(AssetTask.due_on, AssetTask.id)))
        audit.record_reads(uow.session, actor, RESOURCE, {(t.client_id, t.organisation_id) for t in tasks})
        uow.commit()
        return [task_view(t) for t in tasks]


def schedule_install(uow: UnitOfWork, actor: Actor, asset_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """An asset in stock to a client at home, on ``due_on`` (today or later)."""
    POLICY.check(actor, "schedule_install")
    with uow:
        session, errors = uow.session, ErrorCollector()
        asset = load_owned(session, Asset, asset_id, actor, "asset")
        client = load_client(session, actor, data["client_id"])
        _check_due(errors, data["due_on"])
        if client.care_setting != "home":
            errors.add("client_id", f"Client {client.id} lives in a {client.care_setting}, not at home.")
        location = _home_location(session, asset, client.id, errors)
        errors.raise_if_any()
        if asset.state != "in_stock":
            raise Conflict(f"Asset {asset.id} is {asset.state}; only an asset in stock is installed.",
                           {"state": [asset.state]})
        if location is not None and session.scalar(select(AssetPlacement.asset_id).where(
                AssetPlacement.location_id == location.id, AssetPlacement.collected_on.is_(None))) is not None:
            raise Conflict(f"Client {client.id}'s {location.name} has an asset installed already.",
                           {"client_id": ["An asset is installed there already."]})
        return _add(uow, actor, AssetTask(
            organisation_id=asset.organisation_id, asset_id=asset.id, client_id=client.id, kind="install",
            due_on=data["due_on"], warehouse_id=asset.warehouse_id, location_id=location.id if location else None,
            note=data.get("note"), created_by=actor.user_id))


def schedule_collect(uow: UnitOfWork, actor: Actor, asset_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """An installed asset back to its warehouse, on ``due_on`` (today or later)."""
    POLICY.check(actor, "schedule_collect")
    with uow:
        session, errors = uow.session, ErrorCollector()
        asset = load_owned(session, Asset, asset_id, actor, "asset")
        _check_due(errors, data["due_on"])
        errors.raise_if_any()
        placement = open_placement(session, asset.id)
        if placement is None:
            raise Conflict(f"Asset {asset.id} is {asset.state}; only an installed asset is collected.",
                           {"state": [asset.state]})
        return _add(uow, actor, AssetTask(
            organisation_id=asset.organisation_id, asset_id=asset.id, client_id=placement.client_id,
            kind="collect", due_on=data["due_on"], warehouse_id=asset.warehouse_id,
            location_id=placement.location_id, note=data.get("note"), created_by=actor.user_id))


def cancel_task(uow: UnitOfWork, actor: Actor, task_id: int) -> dict[str, Any]:
    POLICY.check(actor, "cancel_task")
    with uow:
        task = load_owned(uow.session, AssetTask, task_id, actor, "asset task")
        if task.status != "planned":
            raise Conflict(f"The task is {task.status}; only a planned task is cancelled.", {"status": [task.status]})
        task.status = "cancelled"
        _audit(uow.session, actor, "cancel", task)
        uow.commit()
        return task_view(task)


def confirm_task(uow: UnitOfWork, actor: Actor, task_id: int, outcome: str) -> dict[str, Any]:
    """What the driver found at the door, for a task off any route: done on today."""
    POLICY.check(actor, "confirm_task")
    with uow:
        task = load_owned(uow.session, AssetTask, task_id, actor, "asset task")
        day = business_today()
        if day < task.due_on:
            raise Conflict(f"The task is due on {task.due_on.isoformat()}; it cannot be confirmed before.",
                           {"outcome": ["Too early."]})
    confirm_tasks(uow, actor, [task_id], outcome, day)
    with uow:
        return task_view(uow.session.get_one(AssetTask, task_id))


def due_tasks(session: Session, organisation_id: int, warehouse_id: int, day: date) -> list[AssetTask]:
    """The planned installs and collections of a depot's day (a route's stops carry them)."""
    return list(session.scalars(select(AssetTask).where(
        AssetTask.organisation_id == organisation_id, AssetTask.warehouse_id == warehouse_id,
        AssetTask.due_on == day, AssetTask.status == "planned").order_by(AssetTask.client_id, AssetTask.id)))


def van_space(session: Session, tasks: list[AssetTask]) -> tuple[float, float]:
    """Litres and kilograms the assets of ``tasks`` take on the van. A collection's asset
    rides back with the van: counted like a delivery, the whole route keeps room for it."""
    kinds = dict(session.execute(select(Asset.id, Asset.kind).where(Asset.id.in_({t.asset_id for t in tasks}))).all())
    space = [VAN_SPACE_OF_KIND.get(kinds[t.asset_id], (0.0, 0.0)) for t in tasks]
    return sum(litres for litres, _ in space), sum(kg for _, kg in space)


def confirm_tasks(uow: UnitOfWork, actor: Actor, task_ids: list[int], outcome: str, day: date) -> None:
    """``delivered``: each planned task is done on ``day``; ``not_home``/``refused``: missed
    (plan it again). A task cancelled meanwhile is left; the same outcome again changes nothing."""
    POLICY.check(actor, "confirm_task")
    with uow:
        session = uow.session
        for task in session.scalars(select(AssetTask).where(AssetTask.id.in_(task_ids)).order_by(AssetTask.id)):
            done = "done" if outcome == "delivered" else "missed"
            if task.status in ("cancelled", done):
                continue
            if task.status != "planned":
                raise Conflict(f"Task {task.id} is {task.status} already.", {"outcome": [task.status]})
            task.status, task.done_at, task.done_by = done, utcnow(), actor.user_id
            if done == "done":
                _carry_out(uow, actor, task, day)
            _audit(session, actor, "confirm", task, {"outcome": outcome})
        flush_or_conflict(session, ONE_PLACE, {"asset_id": ["Installed elsewhere."]})
        uow.commit(ONE_PLACE, {"asset_id": ["Installed elsewhere."]})


def _carry_out(uow: UnitOfWork, actor: Actor, task: AssetTask, day: date) -> None:
    session = uow.session
    asset = session.get_one(Asset, task.asset_id)
    if task.kind == "fetch":  # the broken asset is back at the depot; its rent stopped at the breakdown
        return
    if task.kind == "install":
        if asset.state != "in_stock":
            raise Conflict(f"Asset {asset.id} is {asset.state}; it cannot be installed.", {"state": [asset.state]})
        place(session, actor, asset, task.client_id, task.location_id, day)
    else:
        placement = open_placement(session, asset.id)
        if placement is None or placement.client_id != task.client_id:
            raise Conflict(f"Asset {asset.id} is not installed at client {task.client_id}'s home.",
                           {"state": [asset.state]})
        placement.collected_on = max(day, placement.installed_on)
        asset.state = "in_stock"
    uow.record(EquipmentMoved(task.client_id, asset.tariff_code, day, actor))


def fetch_broken(session: Session, actor: Actor, asset: Asset, client_id: int, location_id: int | None,
                 day: date) -> AssetTask:
    """A broken asset with no replacement is fetched for repair on the next day's route (a
    stop of its own when the client has no delivery that day); a planned install or
    collection of it gives way."""
    for planned in session.scalars(select(AssetTask).where(AssetTask.asset_id == asset.id,
                                                           AssetTask.status == "planned")):
        planned.status = "cancelled"
        _audit(session, actor, "cancel", planned, {"reason": "breakdown"})
    session.flush()  # one planned task per asset: the cancelled one first
    task = AssetTask(organisation_id=asset.organisation_id, asset_id=asset.id, client_id=client_id, kind="fetch",
                     due_on=day + timedelta(days=1), warehouse_id=asset.warehouse_id, location_id=location_id,
                     note="broken: fetch for repair", created_by=actor.user_id)
    session.add(task)
    return task


def place(session: Session, actor: Actor, asset: Asset, client_id: int, location_id: int | None, day: date) -> None:
    """The asset stands at the client's home from ``day``; a freezer's litres become its
    appliance location's capacity (what home reordering plans against)."""
    session.add(AssetPlacement(organisation_id=asset.organisation_id, asset_id=asset.id, client_id=client_id,
                               location_id=location_id, installed_on=day, recorded_by=actor.user_id))
    asset.state = "installed"
    location = session.get(Location, location_id) if location_id is not None else None
    if location is not None and location.storage_class in asset.capacity:
        location.capacity_l = float(asset.capacity[location.storage_class])
    flush_or_conflict(session, ONE_PLACE, {"asset_id": ["Installed elsewhere."]})


def _home_location(session: Session, asset: Asset, client_id: int, errors: ErrorCollector) -> Location | None:
    storage_class = STORAGE_OF_KIND[asset.kind]
    if storage_class is None:
        return None
    location = session.scalar(select(Location).where(
        Location.client_id == client_id, Location.storage_class == storage_class, Location.active))
    if location is None:
        errors.add("client_id", f"Client {client_id} has no home location for {storage_class} food; add it first.")
    return location


def _check_due(errors: ErrorCollector, due_on: date) -> None:
    if due_on < business_today():
        errors.add("due_on", "Must not be in the past.")


def _add(uow: UnitOfWork, actor: Actor, task: AssetTask) -> dict[str, Any]:
    uow.session.add(task)
    flush_or_conflict(uow.session, ONE_TASK, {"asset_id": ["A task is planned already."]})
    _audit(uow.session, actor, "create", task)
    uow.commit(ONE_TASK, {"asset_id": ["A task is planned already."]})
    return task_view(task)


def _audit(session: Session, actor: Actor, action: str, task: AssetTask, detail: dict[str, Any] | None = None) -> None:
    audit.record(session, actor, action, RESOURCE, task.id, task.client_id,
                 detail={"kind": task.kind, "asset_id": task.asset_id} | (detail or {}),
                 organisation_id=task.organisation_id)

