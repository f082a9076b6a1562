"""Cofinancing agreements (a share of a segment's subscriptions) and voucher programmes
(funded discount vouchers with a budget cap that is never exceeded). Admins record them;
a cofinancer sees its own programmes' budgets and never a person."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from nutriplat.access import load_owned, owned
from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.billing import segments
from nutriplat.billing.checks import check_organisation, check_period, provider_of
from nutriplat.billing.models import CofinancingAgreement, Segment, Voucher, VoucherProgramme
from nutriplat.billing.policy import POLICY
from nutriplat.clients.access import load_client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, NotFound


def _check_parties(session: Session, actor: Actor, data: dict[str, Any]) -> None:
    """After ``provider_of(actor)``: the caller has a provider, and owns its segments."""
    errors = ErrorCollector()
    check_organisation(session, errors, "cofinancer_id", data["cofinancer_id"], "cofinancer")
    if owned(session, Segment, data["segment_id"], actor) is None:
        errors.add("segment_id", f"No segment {data['segment_id']}.")
    check_period(errors, data["valid_from"], data.get("valid_until"))
    if data.get("share_kind") == "percentage" and data["share_value"] > 100:
        errors.add("share_value", "A percentage share is at most 100.")
    errors.raise_if_any()


def list_agreements(uow: UnitOfWork, actor: Actor) -> list[CofinancingAgreement]:
    POLICY.check(actor, "list_agreements")
    with uow:
        return list(uow.session.scalars(select(CofinancingAgreement).where(
            CofinancingAgreement.organisation_id == provider_of(actor)).order_by(CofinancingAgreement.id)))


def create_agreement(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> CofinancingAgreement:
    POLICY.check(actor, "create_agreement")
    organisation_id = provider_of(actor)
    with uow:
        _check_parties(uow.session, actor, data)
        agreement = CofinancingAgreement(organisation_id=organisation_id, created_by=actor.user_id, **data)
        uow.session.add(agreement)
        uow.commit()
        return agreement


@dataclass(frozen=True)
class Budget:
    """A programme as its cofinancer sees it: money and counts, no people."""
    programme: VoucherProgramme
    remaining: Decimal
    vouchers_issued: int
    vouchers_redeemed: int


def _budget(session: Session, programme: VoucherProgramme) -> Budget:
    issued, redeemed = session.execute(select(
        func.count(Voucher.id), func.count(Voucher.invoice_id)).where(
        Voucher.programme_id == programme.id)).one()
    return Budget(programme, programme.budget_cap - programme.committed, issued, redeemed)


def _visible(actor: Actor) -> Any:
    if actor.role == roles.COFINANCER:
        return VoucherProgramme.cofinancer_id == actor.organisation_id
    return VoucherProgramme.organisation_id == provider_of(actor)


def list_programmes(uow: UnitOfWork, actor: Actor) -> list[Budget]:
    POLICY.check(actor, "list_programmes")
    with uow:
        rows = uow.session.scalars(
            select(VoucherProgramme).where(_visible(actor)).order_by(VoucherProgramme.id))
        return [_budget(uow.session, p) for p in rows]


def get_programme(uow: UnitOfWork, actor: Actor, programme_id: int) -> Budget:
    POLICY.check(actor, "get_programme")
    with uow:
        programme = uow.session.scalar(select(VoucherProgramme).where(
            VoucherProgramme.id == programme_id, _visible(actor)))
        if programme is None:
            raise NotFound(f"No voucher programme {programme_id}.")
        return _budget(uow.session, programme)


def create_programme(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Budget:
    POLICY.check(actor, "create_programme")
    organisation_id = provider_of(actor)
    with uow:
        _check_parties(uow.session, actor, data)
        if data["voucher_value"] > data["budget_cap"]:
            raise Conflict("Not even one voucher fits the budget.",
                           {"budget_cap": ["Must be at least the voucher value."]})
        programme = VoucherProgramme(organisation_id=organisation_id, created_by=actor.user_id,
                                     committed=Decimal("0.00"), redeemed=Decimal("0.00"), **data)
        uow.session.add(programme)
        uow.commit()
        return Budget(programme, programme.budget_cap, 0, 0)


def _commit_budget(session: Session, programme: VoucherProgramme) -> None:
    """One conditional UPDATE: concurrent issues can never push past the cap."""
    done = session.execute(update(VoucherProgramme).where(
        VoucherProgramme.id == programme.id,
        VoucherProgramme.committed + programme.voucher_value <= VoucherProgramme.budget_cap,
    ).values(committed=VoucherProgramme.committed + programme.voucher_value))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(programme)
        left = programme.budget_cap - programme.committed
        raise Conflict("The voucher is over the programme's budget.", {"budget_cap": [
            f"{left} of {programme.budget_cap} is left; a voucher is {programme.voucher_value}."]})


def issue_voucher(uow: UnitOfWork, actor: Actor, programme_id: int, data: dict[str, Any]) -> Voucher:
    POLICY.check(actor, "issue_voucher")
    today = business_today()
    with uow:
        programme = load_owned(uow.session, VoucherProgramme, programme_id, actor, "voucher programme")
        provider_of(actor)  # a platform admin keeps no provider's books (403)
        client = load_client(uow.session, actor, data["client_id"])
        valid_from = data.get("valid_from") or max(today, programme.valid_from)
        valid_until = data.get("valid_until") or programme.valid_until
        if programme.valid_until < today:
            raise Conflict("The programme's validity is past.",
                           {"valid_until": [f"The programme ended on {programme.valid_until}."]})
        errors = ErrorCollector()
        if valid_until < today:
            errors.add("valid_until", "Must not be in the past: the voucher would be past its validity.")
        if not programme.valid_from <= valid_from <= valid_until <= programme.valid_until:
            errors.add("valid_from", f"The voucher's validity must lie within the programme's "
                                     f"({programme.valid_from} to {programme.valid_until}).")
        segment = owned(uow.session, Segment, programme.segment_id, actor)
        if segment is None or not segments.is_in(uow.session, segment, client.id, valid_from):
            errors.add("client_id", f"The client is not in the programme's segment on {valid_from}.")
        errors.raise_if_any()
        _commit_budget(uow.session, programme)
        voucher = Voucher(programme_id=programme.id, client_id=client.id, value=programme.voucher_value,
                          valid_from=valid_from, valid_until=valid_until, issued_on=today,
                          issued_by=actor.user_id)
        uow.session.add(voucher)
        uow.session.flush()
        audit.record(uow.session, actor, "create", "voucher", voucher.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return voucher

