"""Drivers; one may be linked to a logistics user of the organisation (who then
confirms the stops of the routes driven)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.auth.roles import LOGISTICS
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import Driver
from nutriplat.delivery.policy import POLICY
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import provider_of, scoped


def list_drivers(uow: UnitOfWork, actor: Actor, include_inactive: bool = False) -> list[Driver]:
    POLICY.check(actor, "list_drivers")
    with uow:
        stmt = scoped(select(Driver), Driver.organisation_id, actor)
        if not include_inactive:
            stmt = stmt.where(Driver.active)
        return list(uow.session.scalars(stmt.order_by(Driver.name)))


def get_driver(uow: UnitOfWork, actor: Actor, driver_id: int) -> Driver:
    POLICY.check(actor, "get_driver")
    with uow:
        return load_owned(uow.session, Driver, driver_id, actor, "driver")


def create_driver(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Driver:
    POLICY.check(actor, "create_driver")
    organisation_id = provider_of(actor)
    with uow:
        _check_user(uow, organisation_id, data.get("user_id"))
        driver = Driver(organisation_id=organisation_id, **data)
        uow.session.add(driver)
        _commit(uow)
        return driver


def update_driver(uow: UnitOfWork, actor: Actor, driver_id: int, data: dict[str, Any]) -> Driver:
    POLICY.check(actor, "update_driver")
    with uow:
        driver = load_owned(uow.session, Driver, driver_id, actor, "driver")
        if "user_id" in data:
            _check_user(uow, driver.organisation_id, data["user_id"])
        for key, value in data.items():
            setattr(driver, key, value)
        _commit(uow)
        return driver


def retire_driver(uow: UnitOfWork, actor: Actor, driver_id: int) -> None:
    """Drivers are kept (past plans name them); a retired one drives no new route."""
    POLICY.check(actor, "retire_driver")
    with uow:
        driver = load_owned(uow.session, Driver, driver_id, actor, "driver")
        driver.active = False
        uow.commit()


def _check_user(uow: UnitOfWork, organisation_id: int, user_id: int | None) -> None:
    if user_id is None:
        return
    user, errors = uow.session.get(User, user_id), ErrorCollector()
    if user is None or user.organisation_id != organisation_id:
        errors.add("user_id", f"No user {user_id} in your organisation.")
    elif user.role != LOGISTICS:
        errors.add("user_id", f"User {user.username} is {user.role}; a driver's account is a logistics one.")
    errors.raise_if_any()


def _commit(uow: UnitOfWork) -> None:
    uow.commit("A driver with this name already exists.", {"name": ["Already in use."]})
