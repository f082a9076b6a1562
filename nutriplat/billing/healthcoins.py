"""Healthcoins: a ledger per client and per caregiver. Awarded with a reason — by a
dietitian now, by the monitoring area on goals met through ``award_goal_met`` — and
redeemed as a discount on the client's next invoice at the configured euro value.
Balances change with one conditional UPDATE, so they never go below zero."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.billing.domain.coins import MIN_COINS_PER_REDEMPTION, redemption_conflicts, redemption_value
from nutriplat.billing.models import CoinAccount, CoinEntry, Invoice, Subscription
from nutriplat.billing.policy import POLICY
from nutriplat.billing.rates import COIN_RATE, rates_on
from nutriplat.clients.access import load_client
from nutriplat.clients.models import CaregiverMandate, Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.periods import Month

RESOURCE = "healthcoins"


def _account(session: Session, client: Client, caregiver_id: int | None) -> CoinAccount:
    holder = f"caregiver:{caregiver_id}" if caregiver_id else f"client:{client.id}"
    key = f"{client.organisation_id}:{holder}"
    account = session.scalar(select(CoinAccount).where(CoinAccount.holder_key == key))
    if account is None:
        account = CoinAccount(organisation_id=client.organisation_id, holder_key=key, balance=0,
                              client_id=None if caregiver_id else client.id, caregiver_id=caregiver_id)
        session.add(account)
        session.flush()
    return account


def _check_caregiver(session: Session, errors: ErrorCollector, client: Client,
                     caregiver_id: int | None) -> None:
    if caregiver_id is not None and session.scalar(select(CaregiverMandate.id).where(
            CaregiverMandate.client_id == client.id, CaregiverMandate.caregiver_id == caregiver_id,
            CaregiverMandate.withdrawn_at.is_(None))) is None:
        errors.add("caregiver_id", "No caregiver with a mandate from this client.")


def _move(session: Session, account: CoinAccount, coins: int) -> None:
    done = session.execute(update(CoinAccount).where(
        CoinAccount.id == account.id, CoinAccount.balance + coins >= 0,
    ).values(balance=CoinAccount.balance + coins))
    session.refresh(account)
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("The redemption is above the balance.",
                       {"coins": [f"The balance is {account.balance} coins."]})


def award(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CoinEntry:
    POLICY.check(actor, "award_coins")
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        if data.get("source_key") and (done := uow.session.scalar(select(CoinEntry).where(
                CoinEntry.source_key == data["source_key"]))) is not None:
            return done  # the same goal met twice is rewarded once
        errors = ErrorCollector()
        _check_caregiver(uow.session, errors, client, data.get("caregiver_id"))
        errors.raise_if_any()
        account = _account(uow.session, client, data.get("caregiver_id"))
        _move(uow.session, account, data["coins"])
        entry = CoinEntry(account_id=account.id, client_id=client.id, kind="award", coins=data["coins"],
                          reason=data["reason"], source_key=data.get("source_key"),
                          entered_on=business_today(), recorded_by=actor.user_id)
        return _done(uow, actor, client, entry)


def award_goal_met(uow: UnitOfWork, client_id: int, goal_key: str, coins: int, reason: str) -> CoinEntry:
    """For the monitoring area: reward a goal met, once per ``goal_key``."""
    return award(uow, SYSTEM, client_id, {"coins": coins, "reason": reason, "source_key": f"goal:{goal_key}"})


def redeem(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> CoinEntry:
    POLICY.check(actor, "redeem_coins")
    with uow:
        client = load_client(uow.session, actor, client_id, scope="order")
        errors = ErrorCollector()
        caregiver_id = data.get("caregiver_id")
        if actor.role == roles.CAREGIVER and caregiver_id not in (None, actor.user_id):
            errors.add("caregiver_id", "A caregiver redeems the client's coins or their own.")
        if data["coins"] < MIN_COINS_PER_REDEMPTION:
            errors.add("coins", f"Redeem at least {MIN_COINS_PER_REDEMPTION} coins at a time.")
        _check_caregiver(uow.session, errors, client, caregiver_id)
        errors.raise_if_any()
        account = _account(uow.session, client, caregiver_id)
        if problems := redemption_conflicts(data["coins"], account.balance, _invoice_to_come(uow.session, client)):
            raise Conflict("These coins cannot be redeemed now.", {"coins": problems})
        _move(uow.session, account, -data["coins"])
        rate = rates_on(uow.session, client.organisation_id, business_today())[COIN_RATE]
        entry = CoinEntry(account_id=account.id, client_id=client.id, kind="redemption", coins=-data["coins"],
                          reason=data.get("reason") or "redeemed on the next invoice",
                          value=redemption_value(data["coins"], rate), applied=Decimal("0.00"),
                          entered_on=business_today(), recorded_by=actor.user_id)
        return _done(uow, actor, client, entry)


def _invoice_to_come(session: Session, client: Client) -> bool:
    """Whether a package invoice is still to be made for the client (only a package absorbs
    the discount): a subscription running on, or one whose last month is not invoiced yet.
    The months already invoiced are closed; coins redeemed after the last one would be lost."""
    invoiced = session.scalar(select(func.max(Invoice.month)).where(
        Invoice.organisation_id == client.organisation_id, Invoice.payer_client_id == client.id,
        Invoice.document_type == "invoice"))
    for ends_on in session.scalars(select(Subscription.ends_on).where(
            Subscription.organisation_id == client.organisation_id, Subscription.client_id == client.id)):
        if ends_on is None or invoiced is None or str(Month.of(ends_on - timedelta(days=1))) > invoiced:
            return True
    return False


def _done(uow: UnitOfWork, actor: Actor, client: Client, entry: CoinEntry) -> CoinEntry:
    uow.session.add(entry)
    try:
        uow.session.flush()
    except IntegrityError:
        # The same goal was rewarded at the same moment elsewhere: keep that award only.
        uow.session.rollback()
        done = uow.session.scalar(select(CoinEntry).where(CoinEntry.source_key == entry.source_key))
        if entry.source_key is None or done is None:
            raise
        return done
    audit.record(uow.session, actor, "create", RESOURCE, entry.id, client.id,
                 detail={"kind": entry.kind, "coins": entry.coins}, organisation_id=client.organisation_id)
    uow.commit()
    return entry


@dataclass(frozen=True)
class CoinsView:
    client_id: int
    balance: int
    caregivers: list[dict[str, int]]  # [{"caregiver_id", "balance"}]
    entries: list[CoinEntry]
    minimum: int = MIN_COINS_PER_REDEMPTION

    @property
    def on_next_invoice(self) -> Decimal:
        """Euros redeemed that no invoice has used yet: the next invoice's discount."""
        return sum(((e.value or Decimal("0.00")) - (e.applied or Decimal("0.00"))
                    for e in self.entries if e.kind == "redemption"), Decimal("0.00"))


def ledger(uow: UnitOfWork, actor: Actor, client_id: int) -> CoinsView:
    POLICY.check(actor, "coin_ledger")
    with uow:
        client = load_client(uow.session, actor, client_id)
        accounts = list(uow.session.scalars(select(CoinAccount).where(
            CoinAccount.organisation_id == client.organisation_id)))
        own = next((a.balance for a in accounts if a.client_id == client.id), 0)
        carers = {m.caregiver_id for m in uow.session.scalars(select(CaregiverMandate).where(
            CaregiverMandate.client_id == client.id))}
        if actor.role == roles.CAREGIVER:
            carers &= {actor.user_id or 0}
        hidden = {a.id for a in accounts if a.caregiver_id is not None and a.caregiver_id not in carers}
        entries = [e for e in uow.session.scalars(select(CoinEntry).where(
            CoinEntry.client_id == client.id).order_by(CoinEntry.id)) if e.account_id not in hidden]
        audit.record(uow.session, actor, "read", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return CoinsView(client.id, own, [{"caregiver_id": a.caregiver_id, "balance": a.balance}
                                          for a in accounts if a.caregiver_id in carers], entries)
