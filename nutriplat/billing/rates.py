"""Configurable rates: VAT per line kind and the euro value of a healthcoin. The
defaults are documented in ``domain.vat`` and ``domain.coins``; a provider's rows
override them from an effective month on."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.billing.checks import check_first_of_month, provider_of, refuse_invoiced
from nutriplat.billing.domain.coins import DEFAULT_EURO_PER_COIN
from nutriplat.billing.domain.vat import DEFAULT_VAT_PERCENT
from nutriplat.billing.models import BillingRate
from nutriplat.billing.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector

COIN_RATE = "healthcoin.euro_per_coin"
DEFAULTS: dict[str, Decimal] = {f"vat.{kind}": rate for kind, rate in DEFAULT_VAT_PERCENT.items()}
DEFAULTS[COIN_RATE] = DEFAULT_EURO_PER_COIN


def rates_on(session: Session, organisation_id: int, day: date) -> dict[str, Decimal]:
    """Every rate in force on ``day``: the latest row per key, else the default."""
    rates = dict(DEFAULTS)
    rows = session.scalars(select(BillingRate).where(
        BillingRate.organisation_id == organisation_id, BillingRate.effective_from <= day,
    ).order_by(BillingRate.effective_from, BillingRate.id))
    for row in rows:
        rates[row.key] = row.value
    return rates


def vat_percent(rates: dict[str, Decimal]) -> dict[str, Decimal]:
    return {key.removeprefix("vat."): value for key, value in rates.items() if key.startswith("vat.")}


def list_rates(uow: UnitOfWork, actor: Actor, on: date) -> list[dict[str, Any]]:
    POLICY.check(actor, "list_rates")
    with uow:
        in_force = rates_on(uow.session, provider_of(actor), on)
        return [{"key": key, "value": value, "default": DEFAULTS[key]} for key, value in in_force.items()]


def set_rate(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> BillingRate:
    POLICY.check(actor, "set_rate")
    organisation_id = provider_of(actor)
    errors = ErrorCollector()
    check_first_of_month(errors, "effective_from", data["effective_from"])
    if data["key"].startswith("vat.") and data["value"] > 100:
        errors.add("value", "A VAT rate is a percentage of at most 100.")
    errors.raise_if_any()
    with uow:
        refuse_invoiced(uow.session, organisation_id, "effective_from", data["effective_from"])
        taken = ("This rate already has a value from that month.", {"effective_from": ["Already set."]})
        if uow.session.scalar(select(BillingRate.id).where(
                BillingRate.organisation_id == organisation_id, BillingRate.key == data["key"],
                BillingRate.effective_from == data["effective_from"])):
            raise Conflict(*taken)
        rate = BillingRate(organisation_id=organisation_id, created_by=actor.user_id, **data)
        uow.session.add(rate)
        uow.commit(*taken)  # a concurrent request may have set it a moment ago
        return rate
