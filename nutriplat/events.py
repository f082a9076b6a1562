"""Domain events: how an upstream area sets off a downstream one without importing it.

A use case records an event on its unit of work (``uow.record(event)``). Handlers are
registered per area with ``@handles(EventType, phase)``:

- ``IN_TRANSACTION`` handlers run when the event is recorded, in the same session, so
  what they write (an alert) exists exactly when the event's own rows do;
- ``AFTER_COMMIT`` handlers run once the transaction committed and its session closed,
  with the same unit of work for transactions of their own; they must be idempotent (a
  nightly catch-up may hand them the same fact again). A rolled-back transaction drops
  its events.

The areas' handler modules are named in ``HANDLER_MODULES`` and imported on the first
dispatch: the registry is the only place that knows who listens, and no producer imports
a consumer. The event classes below are the map of how the areas talk
(``docs/architecture.md``)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from typing import Any

IN_TRANSACTION = "in_transaction"
AFTER_COMMIT = "after_commit"

# Downstream areas that listen; imported lazily so that importing a producer never loads them.
HANDLER_MODULES = (
    "nutriplat.delivery.handlers",
    "nutriplat.monitoring.handlers",
    "nutriplat.billing.handlers",
    "nutriplat.billing.equipment_rental",
    "nutriplat.delivery.recall_pickups",
    "nutriplat.referrals.handlers",
    "nutriplat.handovers.handlers",
    "nutriplat.notifications.handlers",
    "nutriplat.careteam.handlers",
    "nutriplat.content.handlers",
    "nutriplat.delivery.transfers",
    "nutriplat.billing.facility_stays",
    "nutriplat.equipment.handlers",
    "nutriplat.delivery.ward_recall",
)



@dataclass(frozen=True)
class WeightRecorded:
    """clients: a weight measurement was stored (``on``: its business date)."""
    client_id: int
    measurement_id: int
    on: date


@dataclass(frozen=True)
class IntakeRecorded:
    """clients: an intake record was stored for the day ``on``."""
    client_id: int
    intake_id: int
    on: date


@dataclass(frozen=True)
class ScreeningRecorded:
    """screening: a screening or a GLIM assessment (``kind``) was stored."""
    client_id: int
    kind: str
    record_id: int
    on: date


@dataclass(frozen=True)
class TextureChanged:
    """clients: the client's IDDSI food or drink level changed on ``on``."""
    client_id: int
    from_food_level: str
    to_food_level: str
    from_drink_level: str
    to_drink_level: str
    on: date


@dataclass(frozen=True)
class AllergiesChanged:
    """clients: the client's recorded allergies changed on ``on`` (sorted, before and after)."""
    client_id: int
    from_allergies: tuple[str, ...]
    to_allergies: tuple[str, ...]
    on: date


@dataclass(frozen=True)
class ClientStatusChanged:
    """clients: the client's status changed on ``changed_on`` (referred, active, paused, ended)."""
    client_id: int
    from_status: str | None
    to_status: str
    changed_on: date
    reason: str | None
    actor: Any


@dataclass(frozen=True)
class ClientTransferred:
    """clients: the client moved between care settings on ``transferred_on``."""
    client_id: int
    from_setting: str
    to_setting: str
    transferred_on: date
    actor: Any = None  # who recorded it (supply's cancellations are audited in their name)


@dataclass(frozen=True)
class ServiceAgreementChanged:
    """facilities: a service agreement was made or its term changed; it covers ``ward_ids``
    from ``valid_from`` to ``valid_until`` (open-ended when None)."""
    agreement_id: int
    facility_id: int
    ward_ids: tuple[int, ...]
    valid_from: date
    valid_until: date | None
    actor: Any = None


@dataclass(frozen=True)
class DeliveryConfirmed:
    """delivery: the driver confirmed a delivery order's ``outcome`` (delivered, not_home, refused).
    A facility's ward crate has no ``client_id``: its ``facility_id``, ``ward_id`` and the
    ``resident_ids`` whose trays it carried."""
    order_id: int
    client_id: int | None
    outcome: str
    delivery_date: date
    actor: Any
    facility_id: int | None = None
    ward_id: int | None = None
    resident_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class EquipmentMoved:
    """equipment: an asset billed under rental tariff ``tariff_code`` was installed at or
    collected from the client's home (or swapped after a breakdown) on ``on``."""
    client_id: int
    tariff_code: str
    on: date
    actor: Any


@dataclass(frozen=True)
class LotRecalled:
    """inventory: lot ``lot_id`` (of variant ``variant_id``) was recalled; ``homes`` holds
    (location id, client id, units) for each client's home that held it."""
    recall_id: int
    organisation_id: int
    lot_id: int
    variant_id: int
    homes: tuple[tuple[int, int, int], ...]
    actor: Any
    wards: tuple[tuple[int, int, int], ...] = ()  # (location id, ward id, units) of each ward's stock


@dataclass(frozen=True)
class DeliveriesLeftUnbilled:
    """delivery (nightly run): delivered orders whose billing has not happened yet."""
    order_ids: tuple[int, ...]
    actor: Any


@dataclass(frozen=True)
class AlertRaised:
    """monitoring: a new early-warning alert was opened for the client (its rule, first day)."""
    alert_id: int
    client_id: int
    rule: str
    on: date


@dataclass(frozen=True)
class NotificationsQueued:
    """notifications: deliveries through external channels (e-mail, SMS) wait to be sent."""
    delivery_ids: tuple[int, ...]


Handler = Callable[[Any, Any], None]  # (unit of work, event)
_handlers: dict[tuple[type, str], list[Handler]] = defaultdict(list)
_loaded = False


def handles(event_type: type, phase: str) -> Callable[[Handler], Handler]:
    """Register the decorated function for ``event_type`` in ``phase``."""
    if phase not in (IN_TRANSACTION, AFTER_COMMIT):
        raise ValueError(f"phase must be {IN_TRANSACTION!r} or {AFTER_COMMIT!r}, not {phase!r}")

    def register(handler: Handler) -> Handler:
        if handler not in _handlers[event_type, phase]:
            _handlers[event_type, phase].append(handler)
        return handler
    return register


def handlers_for(event_type: type, phase: str) -> list[Handler]:
    _load_handler_modules()
    return list(_handlers[event_type, phase])


def dispatch(uow: Any, event: Any, phase: str) -> None:
    """Run the handlers of ``phase`` for ``event`` in registration order."""
    for handler in handlers_for(type(event), phase):
        handler(uow, event)


def _load_handler_modules() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in HANDLER_MODULES:
            import_module(name)
