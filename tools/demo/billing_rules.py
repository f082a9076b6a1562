"""The demo provider's price list and billing rules, written once through the services:
plans with a price rise from the current month (new periods only), rental and add-on
tariffs, segments, the regional fund's 30 % share and its winter vouchers, referral
schemes for the two referrers with the development fund's contribution, and royalties on
three licensed dishes."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.billing import cofinancing, plans, referrals, royalties, segments
from nutriplat.catalogue.models import Dish
from nutriplat.db import UnitOfWork
from nutriplat.periods import Month
from tools.demo import billing_data as data
from tools.demo.seed import SeedReport


def _organisation(new: Callable[[], UnitOfWork], name: str) -> int:
    with new() as uow:
        found = uow.session.scalar(select(Organisation.id).where(Organisation.name == name))
    assert found is not None, f"the demo organisation {name!r} is missing"
    return found


def seed_rules(new: Callable[[], UnitOfWork], staff: Actor, today: date,
               report: SeedReport) -> dict[str, int]:
    start, this_month = data.price_start(today), Month.of(today).first
    plan_ids = {}
    for code, name, meals, price in data.PLANS:
        version = {"meals_per_week": meals, "information_platform_price": data.PLATFORM,
                   "coaching_tool_price": data.COACHING}
        plan = plans.create_plan(new(), staff, {"code": code, "name": name, "version": {
            "effective_from": start, "package_price": price, **version}})
        plans.add_plan_version(new(), staff, plan.id, {
            "effective_from": this_month, "package_price": data.PRICE_RISE[code], **version})
        plan_ids[code] = plan.id
    for code, kind, name, price in data.TARIFFS:
        plans.create_tariff(new(), staff, {"code": code, "kind": kind, "name": name,
                                           "price": {"effective_from": start, "unit_price": price}})
    segment_ids = {code: segments.create_segment(new(), staff, {
        "code": code, "name": name, "attributes": held}).id for code, name, held in data.SEGMENTS}
    cofinancer, fund = _organisation(new, data.COFINANCER), _organisation(new, data.FUND)
    cofinancing.create_agreement(new(), staff, {
        "cofinancer_id": cofinancer, "segment_id": segment_ids["verhoogde-tegemoetkoming"],
        "name": "30 % van het abonnement", "share_kind": "percentage", "share_value": data.SHARE_PERCENT,
        "valid_from": start})
    cofinancing.create_programme(new(), staff, {
        "cofinancer_id": cofinancer, "segment_id": segment_ids["alleen-laag-inkomen"], "name": "Wintercheque",
        "voucher_value": data.VOUCHER_VALUE, "budget_cap": data.VOUCHER_BUDGET,
        "valid_from": Month.of(today).previous().previous().first,
        "valid_until": today + timedelta(days=120)})
    referrals.create_scheme(new(), staff, {
        "name": "Huisarts: vaste vergoeding", "referrer_id": _organisation(new, data.GP),
        "commission_kind": "fixed", "commission_amount": data.D("50.00"), "qualifying_days": 90,
        "fund_id": fund, "fund_contribution": data.D("15.00"), "valid_from": start})
    referrals.create_scheme(new(), staff, {
        "name": "Andere verwijzers: 10 % van 3 maanden", "commission_kind": "percentage",
        "commission_percentage": data.D("10"), "commission_months": 3, "qualifying_days": 60,
        "fund_id": fund, "fund_contribution": data.D("15.00"), "valid_from": start})
    with new() as uow:
        dishes = list(uow.session.scalars(select(Dish.id).order_by(Dish.id).limit(data.LICENSED_DISHES)))
    for dish_id in dishes:
        royalties.license_product(new(), staff, {"dish_id": dish_id, "fund_id": fund,
                                                 "royalty_per_unit": data.ROYALTY, "valid_from": start})
    report.count("billing plans", len(plan_ids))
    return plan_ids
