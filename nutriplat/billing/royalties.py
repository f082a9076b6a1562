"""Licensed products and the royalties they earn the fund: per unit charged or delivered
(package meals included), accrued once per charge by the first invoicing run of a month
(``invoicing``): a charge recorded after its month's run is accrued in the next month's."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.billing.checks import check_organisation, check_period, provider_of
from nutriplat.billing.domain.money import cents
from nutriplat.billing.models import Charge, LedgerEntry, LicensedProduct
from nutriplat.billing.policy import POLICY
from nutriplat.catalogue.models import Dish
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.periods import Month


def list_products(uow: UnitOfWork, actor: Actor) -> list[LicensedProduct]:
    POLICY.check(actor, "list_products")
    with uow:
        return list(uow.session.scalars(select(LicensedProduct).where(
            LicensedProduct.organisation_id == provider_of(actor)).order_by(LicensedProduct.id)))


def license_product(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> LicensedProduct:
    POLICY.check(actor, "license_product")
    organisation_id = provider_of(actor)
    errors = ErrorCollector()
    check_period(errors, data["valid_from"], data.get("valid_until"))
    with uow:
        if uow.session.get(Dish, data["dish_id"]) is None:
            errors.add("dish_id", f"No dish {data['dish_id']}.")
        check_organisation(uow.session, errors, "fund_id", data["fund_id"], "fund")
        errors.raise_if_any()
        product = LicensedProduct(organisation_id=organisation_id, created_by=actor.user_id, **data)
        uow.session.add(product)
        uow.commit()
        return product


def accrued(session: Session, organisation_id: int, month: Month) -> bool:
    """Whether a run has accrued the month's royalties already."""
    return session.scalar(select(LedgerEntry.id).where(
        LedgerEntry.organisation_id == organisation_id, LedgerEntry.kind == "royalty",
        LedgerEntry.month == str(month)).limit(1)) is not None


def accrue(session: Session, organisation_id: int, month: Month) -> int:
    products = list(session.scalars(select(LicensedProduct).where(
        LicensedProduct.organisation_id == organisation_id)))
    if not products:
        return 0
    units: dict[int, list[Charge]] = defaultdict(list)
    for charge in session.scalars(select(Charge).where(
            Charge.organisation_id == organisation_id, Charge.royalty_entry_id.is_(None),
            Charge.dish_id.in_({p.dish_id for p in products}), Charge.charged_on <= month.last,
    ).order_by(Charge.id)):
        day = charge.charged_on
        product = next((p for p in products if p.dish_id == charge.dish_id and p.valid_from <= day
                        and (p.valid_until is None or day <= p.valid_until)), None)
        if product is not None:
            units[product.id].append(charge)
    by_id = {p.id: p for p in products}
    for product_id, charges in units.items():
        product, count = by_id[product_id], sum(c.quantity for c in charges)
        dish = session.get(Dish, product.dish_id)
        entry = LedgerEntry(
            organisation_id=organisation_id, beneficiary_id=product.fund_id, kind="royalty",
            direction="payable", month=str(month), amount=cents(product.royalty_per_unit * count),
            quantity=count, description=f"Royalties: {dish.name if dish else product.dish_id}, {count} units",
            source_key=f"royalty:{organisation_id}:{month}:{product_id}:{charges[0].id}")
        session.add(entry)
        session.flush()
        for charge in charges:
            charge.royalty_entry_id = entry.id
    return len(units)
