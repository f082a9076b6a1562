"""The price list: plans (bundles) and tariffs (rental per appliance, add-ons per unit),
each with versions from an effective month. Only admins change it."""
from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.billing.checks import check_first_of_month, provider_of, refuse_invoiced
from nutriplat.billing.models import Plan, PlanVersion, Tariff, TariffPrice
from nutriplat.billing.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector

Owned = TypeVar("Owned", Plan, Tariff)
VERSION_OF: dict[type[Any], type[Any]] = {Plan: PlanVersion, Tariff: TariffPrice}


def version_on(session: Session, plan_id: int, day: date) -> PlanVersion | None:
    return session.scalar(select(PlanVersion).where(
        PlanVersion.plan_id == plan_id, PlanVersion.effective_from <= day,
    ).order_by(PlanVersion.effective_from.desc()).limit(1))


def tariff_price_on(session: Session, organisation_id: int, code: str, day: date
                    ) -> tuple[Tariff | None, TariffPrice | None]:
    tariff = session.scalar(select(Tariff).where(
        Tariff.organisation_id == organisation_id, Tariff.code == code))
    if tariff is None:
        return None, None
    price = session.scalar(select(TariffPrice).where(
        TariffPrice.tariff_id == tariff.id, TariffPrice.effective_from <= day,
    ).order_by(TariffPrice.effective_from.desc()).limit(1))
    return tariff, price


def _list(uow: UnitOfWork, actor: Actor, model: type[Owned]) -> list[Owned]:
    with uow:
        return list(uow.session.scalars(select(model).options(selectinload(model.versions)).where(
            model.organisation_id == provider_of(actor)).order_by(model.code)))


def list_plans(uow: UnitOfWork, actor: Actor) -> list[Plan]:
    POLICY.check(actor, "list_plans")
    return _list(uow, actor, Plan)


def list_tariffs(uow: UnitOfWork, actor: Actor) -> list[Tariff]:
    POLICY.check(actor, "list_tariffs")
    return _list(uow, actor, Tariff)


def _check_version(uow: UnitOfWork, organisation_id: int, effective_from: date) -> None:
    errors = ErrorCollector()
    check_first_of_month(errors, "effective_from", effective_from)
    errors.raise_if_any()
    refuse_invoiced(uow.session, organisation_id, "effective_from", effective_from)


def _create(uow: UnitOfWork, actor: Actor, model: type[Owned], data: dict[str, Any], first: str) -> Owned:
    """A plan or tariff with its first version (``data[first]``)."""
    organisation_id = provider_of(actor)
    version = data.pop(first)
    taken = (f"A {model.__tablename__[:-1]} with this code exists.", {"code": ["Already in use."]})
    with uow:
        _check_version(uow, organisation_id, version["effective_from"])
        if uow.session.scalar(select(model.id).where(
                model.organisation_id == organisation_id, model.code == data["code"])):
            raise Conflict(*taken)
        row = model(organisation_id=organisation_id, **data)
        row.versions.append(VERSION_OF[model](created_by=actor.user_id, **version))
        uow.session.add(row)
        uow.commit(*taken)  # a concurrent request may have taken the code a moment ago
        return row


def create_plan(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Plan:
    POLICY.check(actor, "create_plan")
    return _create(uow, actor, Plan, data, "version")


def create_tariff(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Tariff:
    POLICY.check(actor, "create_tariff")
    return _create(uow, actor, Tariff, data, "price")


def _add_version(uow: UnitOfWork, actor: Actor, model: type[Owned], id_: int,
                 data: dict[str, Any]) -> Owned:
    organisation_id = provider_of(actor)
    with uow:
        # provider_of above refused a platform admin: the row is the caller's provider's.
        row = load_owned(uow.session, model, id_, actor, model.__tablename__[:-1])
        _check_version(uow, organisation_id, data["effective_from"])
        taken = ("A version from that month exists; versions are never edited.",
                 {"effective_from": ["Already has a version."]})
        if any(v.effective_from == data["effective_from"] for v in row.versions):
            raise Conflict(*taken)
        row.versions.append(VERSION_OF[model](created_by=actor.user_id, **data))
        uow.commit(*taken)  # a concurrent request may have added it a moment ago
        return row


def add_plan_version(uow: UnitOfWork, actor: Actor, plan_id: int, data: dict[str, Any]) -> Plan:
    POLICY.check(actor, "add_plan_version")
    return _add_version(uow, actor, Plan, plan_id, data)


def add_tariff_price(uow: UnitOfWork, actor: Actor, tariff_id: int, data: dict[str, Any]) -> Tariff:
    POLICY.check(actor, "add_tariff_price")
    return _add_version(uow, actor, Tariff, tariff_id, data)
