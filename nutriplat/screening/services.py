"""Use cases: record a screening or a GLIM assessment, read the history. A stored
result never changes; a correction is a new result naming the one it corrects."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client, load_client_row
from nutriplat.clients.models import Client
from nutriplat.clock import business_date
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput
from nutriplat.events import ScreeningRecorded
from nutriplat.screening import domain
from nutriplat.screening.care_plan_mark import refresh_mark
from nutriplat.screening.client_history import client_facts
from nutriplat.screening.models import Assessment, Screening
from nutriplat.screening.policy import POLICY
from nutriplat.screening.rescreening import listing as rescreening


def _domain_errors(error: domain.ScreeningInputError) -> InvalidInput:
    return InvalidInput("The answers cannot be scored.", error.errors)


def _check_correction(session: Session, model: Any, client: Client, corrects_id: int | None,
                      kind_field: str, kind: str) -> None:
    if corrects_id is None:
        return
    original = session.get(model, corrects_id)
    if original is None or original.client_id != client.id:
        raise InvalidInput("Nothing to correct.", {"corrects_id": ["No such result for this client."]})
    if getattr(original, kind_field) != kind:
        raise InvalidInput("A correction keeps the instrument.",
                           {"corrects_id": [f"That result is a {getattr(original, kind_field)}."]})
    if session.scalar(select(model.id).where(model.corrects_id == corrects_id)) is not None:
        raise Conflict("That result was already corrected; correct the correction.",
                       {"corrects_id": ["Already corrected."]})


def _audit_result(session: Session, actor: Actor, client: Client, resource: str,
                  result: Screening | Assessment) -> None:
    """A new result is a creation; a correction is audited as one, naming the original and why."""
    correction = {"corrects": result.corrects_id, "reason": result.correction_reason} \
        if result.corrects_id else None
    audit.record(session, actor, "correct" if correction else "create", resource, result.id,
                 client.id, correction, organisation_id=client.organisation_id)


def record_screening(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Screening:
    POLICY.check(actor, "record_screening")
    performed_at: datetime = data["performed_at"]
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        _check_correction(uow.session, Screening, client, data.get("corrects_id"),
                          "instrument", data["instrument"])
        on = business_date(performed_at)
        facts = client_facts(uow.session, client, on)
        try:
            result = domain.score(data["instrument"], data["answers"], facts, performed_at)
        except domain.ScreeningInputError as error:
            raise _domain_errors(error) from error
        stored = result.as_dict()
        screening = Screening(
            client_id=client.id, instrument=result.instrument,
            instrument_version=result.instrument_version, answers=data["answers"],
            derived=stored["derived"], components=stored["components"],
            details=stored["details"] or None, total_score=result.total_score, risk=result.risk,
            care_setting=facts.care_setting, performed_at=performed_at, performed_on=on,
            performed_by=actor.user_id, next_due=result.next_due, corrects_id=data.get("corrects_id"),
            correction_reason=data.get("correction_reason"))
        uow.session.add(screening)
        if result.instrument != "eat_10":
            refresh_mark(uow.session, client.id, screening, on)
        uow.session.flush()
        uow.record(ScreeningRecorded(client.id, "screening", screening.id, on))  # early warning, in it
        rescreening.close_done(uow.session, client.id)  # off the dietitian's work list at once
        _audit_result(uow.session, actor, client, "screening", screening)
        uow.commit()
        return screening


def record_assessment(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Assessment:
    POLICY.check(actor, "record_assessment")
    assessed_at: datetime = data["assessed_at"]
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        _check_correction(uow.session, Assessment, client, data.get("corrects_id"), "method", "glim")
        on = business_date(assessed_at)
        try:
            result = domain.diagnose_glim(data["answers"], assessed_at, client_facts(uow.session, client, on))
        except domain.ScreeningInputError as error:
            raise _domain_errors(error) from error
        stored = result.as_dict()
        assessment = Assessment(
            client_id=client.id, method=result.method, method_version=result.version,
            answers=data["answers"], derived=stored["derived"], malnourished=result.malnourished,
            stage=result.stage, phenotypic=list(result.phenotypic), etiologic=list(result.etiologic),
            assessed_at=assessed_at, assessed_on=on, performed_by=actor.user_id,
            corrects_id=data.get("corrects_id"), correction_reason=data.get("correction_reason"))
        uow.session.add(assessment)
        refresh_mark(uow.session, client.id, assessment, on)
        uow.session.flush()
        uow.record(ScreeningRecorded(client.id, "assessment", assessment.id, on))  # early warning, in it
        _audit_result(uow.session, actor, client, "assessment", assessment)
        uow.commit()
        return assessment


def history(uow: UnitOfWork, actor: Actor, client_id: int, model: Any) -> list[Any]:
    """Screenings or assessments of a client, newest first."""
    POLICY.check(actor, "history")
    when = model.performed_at if model is Screening else model.assessed_at
    with uow:
        client = load_client(uow.session, actor, client_id)
        rows = list(uow.session.scalars(
            select(model).where(model.client_id == client.id).order_by(when.desc(), model.id.desc())))
        audit.record(uow.session, actor, "list", model.__tablename__, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return rows


def get_screening(uow: UnitOfWork, actor: Actor, screening_id: int) -> Screening:
    POLICY.check(actor, "get_screening")
    return _read_result(uow, actor, Screening, "screening", screening_id, "read")


def get_assessment(uow: UnitOfWork, actor: Actor, assessment_id: int) -> Assessment:
    POLICY.check(actor, "get_assessment")
    return _read_result(uow, actor, Assessment, "assessment", assessment_id, "read")


def export_screening(uow: UnitOfWork, actor: Actor, screening_id: int) -> Screening:
    """The screening to hand on as a FHIR Observation (audited as an export)."""
    POLICY.check(actor, "export_screening")
    return _read_result(uow, actor, Screening, "screening", screening_id, "export")


def _read_result(uow: UnitOfWork, actor: Actor, model: Any, resource: str, result_id: int, action: str) -> Any:
    with uow:
        result, client = load_client_row(uow.session, actor, model, result_id, resource)
        audit.record(uow.session, actor, action, resource, result.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return result
