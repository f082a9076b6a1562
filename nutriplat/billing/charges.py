"""Billable usage beyond the bundle. ``record_charge`` is what other areas call when an
extra delivery is confirmed (automatic home reorders, issue 5): it is idempotent on
``idempotency_key``, so a retried confirmation never bills twice. Extra meals are
priced at the catalogue variant's price at the time, add-ons at the tariff's; only an
admin may set another price, and only with a reason, which is stored and audited."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.billing import plans
from nutriplat.billing.policy import POLICY
from nutriplat.periods import Month
from nutriplat.billing.models import Charge
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, Forbidden, InvalidInput

RESOURCE = "charge"


def _priced(session: Session, organisation_id: int, data: dict[str, Any],
            errors: ErrorCollector) -> dict[str, Any]:
    """The charge's product, description and unit price, from the catalogue or a tariff."""
    kind, priced = data["kind"], {}
    if kind in ("extra_meal", "package_meal"):
        variant = session.get(DishVariant, data.get("variant_id") or 0)
        if variant is None:
            errors.add("variant_id", "A meal charge names an existing dish variant.")
            return priced
        price = Decimal("0.00") if kind == "package_meal" else data.get("unit_price", variant.price_eur)
        priced = {"dish_id": variant.dish_id, "description": variant.name, "unit_price": price}
    else:
        tariff, price_row = plans.tariff_price_on(session, organisation_id, data.get("tariff_code") or "",
                                                  Month.of(data["charged_on"]).first)
        if tariff is None or tariff.kind != "addon" or price_row is None:
            errors.add("tariff_code", "An add-on charge names a priced add-on tariff.")
            return priced
        priced = {"tariff_id": tariff.id, "description": tariff.name,
                  "unit_price": data.get("unit_price", price_row.unit_price)}
    if data.get("description"):
        priced["description"] = data["description"]
    return priced


def _check_exceptional_price(actor: Actor, data: dict[str, Any]) -> None:
    """A price other than the list's is an admin's decision with a reason: whoever
    confirms a delivery (logistics) bills at the price list."""
    if "unit_price" not in data:
        if data.get("price_reason") is not None:
            raise InvalidInput("A price reason goes with an exceptional unit_price.", {
                "price_reason": ["Only with an exceptional unit_price; the price list needs no reason."]})
        return
    if actor.role != roles.ADMIN:
        raise Forbidden("Prices come from the price list; only an admin sets an exceptional price.",
                        {"unit_price": ["Only an admin may set a price."]})
    if not (data.get("price_reason") or "").strip():
        raise InvalidInput("An exceptional price needs a reason.", {
            "price_reason": ["Required with an exceptional unit_price."]})


def _replayed(session: Session, organisation_id: int, client_id: int, key: str | None) -> Charge | None:
    if key is None:
        return None
    existing = session.scalar(select(Charge).where(
        Charge.organisation_id == organisation_id, Charge.idempotency_key == key))
    if existing is not None and existing.client_id != client_id:
        raise Conflict("This idempotency key belongs to another client's charge.",
                       {"idempotency_key": ["Already used."]})
    return existing


def record_charge(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Charge:
    POLICY.check(actor, "record_charge")
    with uow:
        client = load_client(uow.session, actor, client_id)
        existing = _replayed(uow.session, client.organisation_id, client.id, data.get("idempotency_key"))
        if existing is not None:
            return existing
        _check_exceptional_price(actor, data)
        errors = ErrorCollector()
        priced = _priced(uow.session, client.organisation_id, data, errors)
        errors.raise_if_any()
        fields = {k: v for k, v in data.items() if k not in ("tariff_code", "unit_price", "description")}
        charge = Charge(organisation_id=client.organisation_id, client_id=client.id,
                        recorded_by=actor.user_id, **fields, **priced)
        uow.session.add(charge)
        try:
            uow.session.flush()
        except IntegrityError:
            # The same confirmation arrived twice at once: the other one was recorded.
            uow.session.rollback()
            if (replay := _replayed(uow.session, client.organisation_id, client.id,
                                    data.get("idempotency_key"))) is not None:
                return replay
            raise
        detail = ({"unit_price": str(charge.unit_price), "price_reason": charge.price_reason}
                  if charge.price_reason else None)
        audit.record(uow.session, actor, "create", RESOURCE, charge.id, client.id, detail=detail,
                     organisation_id=client.organisation_id)
        uow.commit()
        return charge


def list_charges(uow: UnitOfWork, actor: Actor, client_id: int, month: Month | None) -> list[Charge]:
    POLICY.check(actor, "list_charges")
    with uow:
        client = load_client(uow.session, actor, client_id)
        stmt = select(Charge).where(Charge.client_id == client.id)
        if month is not None:
            stmt = stmt.where(Charge.charged_on >= month.first, Charge.charged_on <= month.last)
        rows = list(uow.session.scalars(stmt.order_by(Charge.charged_on, Charge.id)))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return rows
