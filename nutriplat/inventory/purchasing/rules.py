"""Use cases of reorder rules: min/max per product and warehouse, with the supplier, the
supplier's case (pack multiple), the lead time, and the home pack size."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.inventory.access import check_location, check_variant, provider_of, scoped
from nutriplat.inventory.models import ReorderRule
from nutriplat.inventory.policy import POLICY

SETTINGS = ("minimum", "maximum", "pack_multiple", "home_pack_size", "supplier_id", "lead_time_days", "active")


def list_rules(uow: UnitOfWork, actor: Actor, filters: dict[str, Any]) -> list[ReorderRule]:
    POLICY.check(actor, "list_rules")
    with uow:
        stmt = scoped(select(ReorderRule), ReorderRule.organisation_id, actor)
        if "warehouse_id" in filters:
            stmt = stmt.where(ReorderRule.warehouse_id == filters["warehouse_id"])
        return list(uow.session.scalars(stmt.order_by(ReorderRule.warehouse_id, ReorderRule.dish_id,
                                                      ReorderRule.texture)))


def create_rule(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> ReorderRule:
    POLICY.check(actor, "create_rule")
    organisation_id = provider_of(actor)
    with uow:
        errors = ErrorCollector()
        check_location(uow.session, actor, data["warehouse_id"], errors, "warehouse_id", ("warehouse",))
        variant = check_variant(uow.session, data["variant_id"], errors)
        _check(uow.session, data, errors)
        errors.raise_if_any()
        rule = ReorderRule(organisation_id=organisation_id, warehouse_id=data["warehouse_id"],
                           dish_id=variant.dish_id, texture=variant.texture, created_by=actor.user_id,  # type: ignore[union-attr]
                           **{k: data[k] for k in SETTINGS if k in data})
        uow.session.add(rule)
        _commit(uow, "This warehouse already has a rule for this product; change that one.")
        return rule


def update_rule(uow: UnitOfWork, actor: Actor, rule_id: int, data: dict[str, Any]) -> ReorderRule:
    POLICY.check(actor, "update_rule")
    with uow:
        rule = load_owned(uow.session, ReorderRule, rule_id, actor, "reorder rule")
        errors = ErrorCollector()
        _check(uow.session, {k: getattr(rule, k) for k in SETTINGS} | data, errors)
        errors.raise_if_any()
        for key, value in data.items():
            setattr(rule, key, value)
        _commit(uow, "The rule was changed at the same moment; reload.")
        return rule


def _check(session: Any, data: dict[str, Any], errors: ErrorCollector) -> None:
    if data["minimum"] > data["maximum"]:
        errors.add("maximum", f"Must be at least the minimum ({data['minimum']}).")
    supplier = session.get(Organisation, data["supplier_id"])
    if supplier is None or supplier.type != "supplier":
        errors.add("supplier_id", f"No supplier organisation {data['supplier_id']}.")


def _commit(uow: UnitOfWork, message: str) -> None:
    uow.commit(message)
