"""The handover document: what the receiving care setting must know on the day of a
transfer — texture and drink level, allergies, the targets in force, the current approved
meal plan, the last screenings and GLIM diagnosis, the weight trend and the open alerts.
Read from the upstream areas' rows as they are at the transfer, and stored (with its FHIR
Bundle) so that it stays what was handed over."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import CareSettingTransfer, Client, Measurement
from nutriplat.clock import business_date
from nutriplat.errors import InvalidInput
from nutriplat.handovers import domain, fhir
from nutriplat.handovers.models import Handover
from nutriplat.mealplans.models import MealPlan
from nutriplat.monitoring.models import Alert
from nutriplat.screening.models import Assessment, Screening
from nutriplat.screening.targets_in_force import end_of_day, targets_for

WEIGHT_TREND_DAYS = 90  # the weights of the last three months show the trend
OPEN = ("open", "acknowledged")


def hand_over(session: Session, client: Client, transfer: CareSettingTransfer) -> Handover:
    """The handover of ``transfer``, stored once (the one already there if any)."""
    existing = session.scalar(select(Handover).where(Handover.transfer_id == transfer.id))
    if existing is not None:
        return existing
    on = transfer.transferred_on
    plan = _current_plan(session, client.id)
    screenings = _last_screenings(session, client.id, on)
    glim = _last_glim(session, client.id, on)
    weights = _weights(session, client.id, on)
    document = {
        "client": {"id": client.id, "given_name": client.given_name, "family_name": client.family_name,
                   "birth_date": client.birth_date.isoformat(), "sex": client.sex},
        "transfer": {"id": transfer.id, "from_setting": transfer.from_setting,
                     "to_setting": transfer.to_setting, "transferred_on": on.isoformat(),
                     "reason": transfer.reason},
        "texture": {"iddsi_food_level": client.iddsi_food_level,
                    "iddsi_drink_level": client.iddsi_drink_level},
        "allergies": list(client.allergies or []),
        "targets": _targets(session, client, on),
        "meal_plan": _plan_summary(plan),
        "screenings": [_screening_summary(s) for s in screenings],
        "glim": _glim_summary(glim),
        "weight_trend": domain.weight_trend([(business_date(m.measured_at), m.value) for m in weights]),
        "open_alerts": [_alert_summary(a) for a in _open_alerts(session, client.id)],
    }
    bundle = fhir.bundle(client, on, plan=plan, screenings=screenings, glim=glim, weights=weights)
    handover = Handover(organisation_id=client.organisation_id, client_id=client.id,
                        transfer_id=transfer.id, transferred_on=on, from_setting=transfer.from_setting,
                        to_setting=transfer.to_setting, document=document, fhir_bundle=bundle)
    session.add(handover)
    return handover


def record_bundle(session: Session, client: Client, on: date) -> dict[str, Any]:
    """The record as it is on ``on`` as a FHIR R4 Bundle, without storing it (the client's
    own download in the portal): the same builders as a handover's."""
    return fhir.bundle(client, on, plan=_current_plan(session, client.id),
                       screenings=_last_screenings(session, client.id, on),
                       glim=_last_glim(session, client.id, on), weights=_weights(session, client.id, on))


def _targets(session: Session, client: Client, on: date) -> dict[str, Any] | None:
    try:
        return targets_for(session, client, on).effective()
    except InvalidInput:
        return None  # never weighed or measured: no targets to hand over


def _current_plan(session: Session, client_id: int) -> MealPlan | None:
    """The approved plan (the latest week), the diet the client is on or about to be."""
    return session.scalar(select(MealPlan).where(
        MealPlan.client_id == client_id, MealPlan.status == "approved")
        .order_by(MealPlan.week_start.desc(), MealPlan.id.desc()).limit(1))


def _plan_summary(plan: MealPlan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    days = plan.days
    return {"id": plan.id, "week_start": plan.week_start.isoformat(), "revision": plan.revision,
            "approved_at": plan.approved_at.isoformat() if plan.approved_at else None,
            "days": len(days),
            "mean_daily_targets": {name: round(sum(getattr(d, f"{name}_target") for d in days) / len(days))
                                   for name in ("energy_kcal", "protein_g", "fluid_ml")} if days else None}


def _last_screenings(session: Session, client_id: int, on: date) -> list[Screening]:
    """The latest uncorrected screening of each instrument, on or before the transfer."""
    corrected = select(Screening.corrects_id).where(Screening.corrects_id.is_not(None))
    rows = session.scalars(select(Screening).where(
        Screening.client_id == client_id, Screening.performed_on <= on, Screening.id.not_in(corrected))
        .order_by(Screening.performed_at.desc(), Screening.id.desc()))
    latest: dict[str, Screening] = {}
    for row in rows:
        latest.setdefault(row.instrument, row)
    return list(latest.values())


def _screening_summary(s: Screening) -> dict[str, Any]:
    return {"id": s.id, "instrument": s.instrument, "risk": s.risk, "total_score": s.total_score,
            "performed_on": s.performed_on.isoformat()}


def _last_glim(session: Session, client_id: int, on: date) -> Assessment | None:
    corrected = select(Assessment.corrects_id).where(Assessment.corrects_id.is_not(None))
    return session.scalar(select(Assessment).where(
        Assessment.client_id == client_id, Assessment.assessed_on <= on, Assessment.id.not_in(corrected))
        .order_by(Assessment.assessed_at.desc(), Assessment.id.desc()).limit(1))


def _glim_summary(a: Assessment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"id": a.id, "malnourished": a.malnourished, "stage": a.stage,
            "assessed_on": a.assessed_on.isoformat()}


def _weights(session: Session, client_id: int, on: date) -> list[Measurement]:
    since = end_of_day(on - timedelta(days=WEIGHT_TREND_DAYS))
    return list(session.scalars(select(Measurement).where(
        Measurement.client_id == client_id, Measurement.type == "weight_kg",
        Measurement.measured_at >= since, Measurement.measured_at < end_of_day(on))
        .order_by(Measurement.measured_at, Measurement.id)))


def _open_alerts(session: Session, client_id: int) -> list[Alert]:
    return list(session.scalars(select(Alert).where(Alert.client_id == client_id, Alert.status.in_(OPEN))
                                .order_by(Alert.id)))


def _alert_summary(a: Alert) -> dict[str, Any]:
    return {"id": a.id, "rule": a.rule, "severity": a.severity, "cause": a.cause, "status": a.status,
            "first_detected_on": a.first_detected_on.isoformat()}
