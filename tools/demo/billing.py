"""Load the demo's billing through the same services as the API, then invoice the last
two complete months. Each part is found by a natural key first (plan code, segment code,
a client's subscription, a charge's idempotency key, an award's source key), and invoicing
is idempotent, so running the demo twice changes nothing the second time."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.billing import charges, cofinancing, healthcoins, invoicing_run, segments, subscriptions
from nutriplat.billing.models import ClientBillingAttribute, CoinEntry, Plan, Subscription, Voucher, VoucherProgramme
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput
from nutriplat.periods import Month, last_complete_month
from tools.demo import billing_data as data
from tools.demo.billing_rules import seed_rules
from tools.demo.population.records import Client as Person
from tools.demo.population.records import Population
from tools.demo.seed import SeedReport


def seed_billing(factory: sessionmaker[Session], population: Population, today: date, report: SeedReport,
                 progress: Callable[[Iterable[Client]], Iterable[Client]] = iter) -> None:
    def new() -> UnitOfWork:
        return UnitOfWork(factory)

    with new() as uow:
        admin = uow.session.scalar(select(User).where(User.username == "admin"))
        assert admin is not None and admin.organisation_id is not None
        staff = Actor(admin.id, admin.username, admin.role, admin.organisation_id, purpose="demo billing")
        clients = list(uow.session.scalars(select(Client).where(
            Client.organisation_id == staff.organisation_id, Client.external_ref.is_not(None))))
        plan_ids = dict(uow.session.execute(select(Plan.code, Plan.id).where(
            Plan.organisation_id == staff.organisation_id)).all())
    if not plan_ids:
        plan_ids = seed_rules(new, staff, today, report)
    people = {p.key: p for p in population.clients}
    month = last_complete_month(today)
    for client in progress(clients):
        person = people.get(client.external_ref or "")
        if person is not None:
            _client(new, staff, client, person, population.seed, plan_ids, month, report)
    _vouchers(new, staff, month, report)
    for period in (month.previous(), month):
        for what, n in invoicing_run.run(new, period, today).counts.items():
            report.count(f"{what} ({period})", n)


def _client(new: Callable[[], UnitOfWork], staff: Actor, client: Client, person: Person, seed: int,
            plan_ids: dict[str, int], month: Month, report: SeedReport) -> None:
    with new() as uow:
        subscribed = uow.session.scalar(select(Subscription.id).where(Subscription.client_id == client.id))
        attributed = uow.session.scalar(select(ClientBillingAttribute.id).where(
            ClientBillingAttribute.client_id == client.id))
    if attributed is None:
        for attribute in data.attributes(person, seed):
            since = client.referral_date or month.first
            segments.add_attribute(new(), staff, client.id, {"attribute": attribute, "valid_from": since})
            report.count("billing attributes")
    story = data.story(person, seed)
    if story is None or subscribed is not None:
        return
    sub = subscriptions.create_subscription(new(), staff, client.id, {
        "plan_id": plan_ids[story.plan], "start_date": story.start,
        "rentals": [{"appliance": a, "quantity": n} for a, n in story.rentals]}).subscription
    for change in story.changes:
        subscriptions.change_subscription(new(), staff, sub.id, dict(change))
    report.count("subscriptions")
    _extras(new, staff, client, person, seed, month, report)
    _coins(new, client, person, seed, report)


def _extras(new: Callable[[], UnitOfWork], staff: Actor, client: Client, person: Person, seed: int,
            month: Month, report: SeedReport) -> None:
    with new() as uow:
        variants = list(uow.session.scalars(select(DishVariant.id).where(
            DishVariant.retired_at.is_(None)).order_by(DishVariant.id).limit(12)))
    if not variants or client.status != "active":
        return
    for n, (day, quantity) in enumerate(data.extras(person, seed, month)):
        for kind in ("extra_meal", "package_meal"):
            charges.record_charge(new(), staff, client.id, {
                "charged_on": day, "kind": kind, "quantity": quantity if kind == "extra_meal" else 4,
                "variant_id": variants[(client.id + n) % len(variants)],
                "idempotency_key": f"demo:{kind}:{client.external_ref}:{month}:{n}"})
        report.count("extra meal orders")


def _coins(new: Callable[[], UnitOfWork], client: Client, person: Person, seed: int,
           report: SeedReport) -> None:
    """Every fifth active client met a goal; those with a caregiver holding an order
    mandate had some of it redeemed for them."""
    if client.status != "active" or client.id % 5:
        return
    with new() as uow:
        dietitian = uow.session.scalar(select(User).where(
            User.username == person.dietitian_username))
    assert dietitian is not None
    actor = Actor(dietitian.id, dietitian.username, "dietitian", client.organisation_id, purpose="demo")
    healthcoins.award(new(), actor, client.id, {"coins": 250, "reason": "weight goal reached",
                                                "source_key": f"demo:{client.external_ref}:goal"})
    report.count("healthcoin awards")
    with new() as uow:
        redeemed = uow.session.scalar(select(CoinEntry.id).where(
            CoinEntry.client_id == client.id, CoinEntry.kind == "redemption"))
    if redeemed is None:
        healthcoins.redeem(new(), actor, client.id, {"coins": 150, "reason": "discount on the package"})


def _vouchers(new: Callable[[], UnitOfWork], staff: Actor, month: Month, report: SeedReport) -> None:
    with new() as uow:
        programme = uow.session.scalar(select(VoucherProgramme).where(
            VoucherProgramme.organisation_id == staff.organisation_id))
        if programme is None or uow.session.scalar(select(Voucher.id).where(
                Voucher.programme_id == programme.id)) is not None:
            return
        members = [a.client_id for a in uow.session.scalars(select(ClientBillingAttribute).where(
            ClientBillingAttribute.attribute == "low_income").order_by(ClientBillingAttribute.client_id))]
    for client_id in members:
        try:
            cofinancing.issue_voucher(new(), staff, programme.id, {
                "client_id": client_id, "valid_from": month.first, "valid_until": programme.valid_until})
            report.count("vouchers")
        except InvalidInput:
            continue  # not in the segment (low income, but not living alone)
        except Conflict:
            report.count("vouchers refused: budget cap")
            break

