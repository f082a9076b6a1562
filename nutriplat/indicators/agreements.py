"""Result-based agreements: made by a provider's admin with a cofinancer, and seen only
by the two parties (a cofinancer sees its own agreements and nothing else)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, Forbidden, NotFound
from nutriplat.indicators import agreement_parts, definitions, method, terms, versions
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.cohort import definition_errors
from nutriplat.indicators.models import Agreement, AgreementIndicator, AgreementVersion, PaymentRule
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reporting_periods import baseline_error, reporting_periods
from nutriplat.periods import Period

RESOURCE = "agreement"


def visible(session: Session, actor: Actor) -> Select[Agreement]:
    stmt = select(Agreement)
    if actor.role == roles.COFINANCER:
        return stmt.where(Agreement.cofinancer_id == actor.organisation_id)
    if actor.is_platform_admin:
        return stmt
    if actor.role == roles.ADMIN:
        return stmt.where(Agreement.organisation_id == actor.organisation_id)
    raise Forbidden("Only the parties to an agreement see it.")


def party_to(session: Session, actor: Actor, agreement_id: int) -> Agreement | None:
    """The agreement if the actor is a party to it: the provider (``nutriplat.access``'s
    ownership) or the cofinancer, which owns no row but is named on it."""
    return session.scalar(visible(session, actor).where(Agreement.id == agreement_id))


def load_agreement(session: Session, actor: Actor, agreement_id: int) -> Agreement:
    agreement = party_to(session, actor, agreement_id)
    if agreement is None:
        raise NotFound(f"No agreement {agreement_id}.")
    return agreement


def first_period(agreement: Agreement) -> Period:
    periods = reporting_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on)
    return periods[0] if periods else Period.parse(agreement.baseline_period)


def list_agreements(uow: UnitOfWork, actor: Actor) -> list[Agreement]:
    POLICY.check(actor, "list_agreements")
    with uow:
        return list(uow.session.scalars(visible(uow.session, actor).order_by(Agreement.id)))


def get_agreement(uow: UnitOfWork, actor: Actor, agreement_id: int) -> Agreement:
    POLICY.check(actor, "get_agreement")
    with uow:
        return load_agreement(uow.session, actor, agreement_id)


def create_agreement(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Agreement:
    POLICY.check(actor, "create_agreement")
    if actor.organisation_id is None:
        raise Forbidden("An agreement is made by a provider's admin; you have no organisation.")
    with uow:
        session, errors = uow.session, ErrorCollector()
        definitions.ensure_starter_set(session)
        cofinancer = session.get(Organisation, data["cofinancer_id"])
        if cofinancer is None or cofinancer.type != "cofinancer":
            errors.add("cofinancer_id", "No cofinancer organisation with this id.")
        if data["ends_on"] <= data["starts_on"]:
            errors.add("ends_on", "Must be after starts_on.")
        try:
            baseline = Period.parse(data["baseline_period"])
        except ValueError as error:
            errors.add("baseline_period", str(error))
        else:
            if reason := baseline_error(data["settlement_period"], data["starts_on"], data["ends_on"], baseline):
                errors.add("baseline_period", reason)
        cohort = agreement_parts.stored_cohort(data.get("cohort"))
        for field, reason in definition_errors(cohort).items():
            errors.add(field, reason)
        items = _indicators(session, actor.organisation_id, data["indicators"], errors)
        frozen = {item.definition.code: Definition.of(item.definition) for item in items}
        targets = {item.definition.code: item.target for item in items}
        rules = payment_rules(data.get("payment_rules") or [], frozen, targets, errors)
        outcomes = data.get("outcomes") or []
        for field, reason in method.outcome_errors(outcomes, [item["code"] for item in data["indicators"]]).items():
            errors.add(field, reason)
        errors.raise_if_any("The agreement has invalid values.")
        agreement = Agreement(organisation_id=actor.organisation_id, created_by=actor.user_id,
                              cofinancer_id=data["cofinancer_id"], name=data["name"], cohort=cohort,
                              starts_on=data["starts_on"], ends_on=data["ends_on"],
                              baseline_period=Period.parse(data["baseline_period"]).label,
                              settlement_period=data["settlement_period"], indicators=items, rules=rules,
                              outcomes=outcomes, status=versions.DRAFT)
        agreement.versions = [AgreementVersion(version=1, effective_from=first_period(agreement).label,
                                               status=versions.DRAFT, terms=versions.current_terms(agreement),
                                               created_by=actor.user_id)]
        session.add(agreement)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, agreement.id)
        uow.commit()
        return agreement


def _indicators(session: Session, organisation_id: int, wanted: list[dict[str, Any]],
                errors: ErrorCollector) -> list[AgreementIndicator]:
    return [AgreementIndicator(definition=found, definition_id=found.id, position=position,
                               target=None if item.get("target") is None else Decimal(item["target"]),
                               **method.measurement(item))
            for position, (found, item) in enumerate(
                agreement_parts.resolve_indicators(session, organisation_id, wanted, errors), start=1)]


def payment_rules(wanted: list[dict[str, Any]], frozen: dict[str, Definition], targets: dict[str, Decimal | None],
           errors: ErrorCollector) -> list[PaymentRule]:
    rules = []
    if sum(rule["kind"] == "start_budget" for rule in wanted) > 1:
        errors.add("payment_rules", "At most one start budget.")
    for position, rule in enumerate(wanted, start=1):
        for name, reason in terms.rule_errors(rule["kind"], rule["params"], frozen, targets).items():
            errors.add(f"payment_rules.{position - 1}.params.{name}", reason)
        rules.append(PaymentRule(position=position, kind=rule["kind"],
                                 params=terms.normalised(rule["params"])))
    return rules
