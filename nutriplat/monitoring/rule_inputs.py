"""Read what the early-warning rules need, for a batch of clients, as plain values.
A handful of queries per batch, whatever its size (the nightly sweep reads in batches)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import CaregiverMandate, Client, IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS, business_date
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.monitoring import moves
from nutriplat.monitoring.models import ClientThreshold
from nutriplat.monitoring.rules import FAMILIES as RULE_FAMILIES
from nutriplat.monitoring.rules import DayIntake, Observations, ScreeningResult
from nutriplat.monitoring.rules.baseline import WINDOW_DAYS as BASELINE_DAYS
from nutriplat.monitoring.rules.intake import LOOKBACK_DAYS, RUN_DAYS
from nutriplat.screening.domain import add_months
from nutriplat.screening.domain.targets import fluid_ml
from nutriplat.screening.models import Assessment, Screening, TargetOverride

WEIGHT_HISTORY_MONTHS = 6
DELIVERY_HISTORY_DAYS = 90
OUTCOMES = ("delivered", "not_home", "refused")
FAMILIES = tuple(RULE_FAMILIES)


def midnight(day: date) -> datetime:
    """The start of ``day`` in Brussels (business dates are Brussels dates)."""
    return datetime.combine(day, time.min, tzinfo=BRUSSELS)


def load(session: Session, clients: Sequence[Client], on: date,
         families: Iterable[str] = FAMILIES) -> dict[int, Observations]:
    """Only what the given rule families read: an event costs a query or two."""
    ids, families = [c.id for c in clients], set(families)
    until = midnight(on + timedelta(days=1))
    empty: dict[int, Any] = defaultdict(lambda: ())
    weights = _weights(session, ids, on, until) if "weight" in families else empty
    screenings = _screenings(session, ids, until) if "screening" in families else empty
    deliveries = _deliveries(session, ids, on) if "deliveries" in families else empty
    reads_intake = "intake" in families
    intake = _intake(session, ids, on) if reads_intake else defaultdict(dict)
    fluid: Mapping[int, float | None] = (_fluid_targets(session, clients, on) if reads_intake
                                         else defaultdict(lambda: None))
    recorders = _recording_caregivers(session, ids, on) if reads_intake else set()
    transfers = moves.transfers(session, ids, on) if "setting" in families else empty
    thresholds = _thresholds(session, ids) if families & {"weight", "intake", "setting"} else defaultdict(dict)
    return {c.id: Observations(
        weights=weights[c.id], intake=intake[c.id], fluid_target_ml=fluid[c.id],
        screenings=screenings[c.id], delivery_outcomes=deliveries[c.id],
        intake_expected_from_caregiver=(c.id in recorders and c.status == "active"
                                        and c.care_setting == "home"),
        thresholds=thresholds[c.id], transfers=transfers[c.id],
    ) for c in clients}


def _weights(session: Session, ids: list[int], on: date,
             until: datetime) -> dict[int, list[tuple[date, float]]]:
    since = midnight(add_months(on, -WEIGHT_HISTORY_MONTHS) - timedelta(days=1))
    out: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for client_id, at, kg in session.execute(
            select(Measurement.client_id, Measurement.measured_at, Measurement.value).where(
                Measurement.client_id.in_(ids), Measurement.type == "weight_kg",
                Measurement.measured_at >= since, Measurement.measured_at < until)
            .order_by(Measurement.measured_at, Measurement.id)):
        out[client_id].append((business_date(at), kg))
    return out


def _intake(session: Session, ids: list[int], on: date) -> dict[int, dict[date, DayIntake]]:
    """The rules' week and the four weeks before it (the client's own baseline)."""
    meals: dict[tuple[int, date], list[tuple[int, int | None]]] = defaultdict(list)
    for client_id, day, percent, fluid in session.execute(
            select(IntakeRecord.client_id, IntakeRecord.date, IntakeRecord.percent_eaten,
                   IntakeRecord.fluid_ml)
            .where(IntakeRecord.client_id.in_(ids),
                   IntakeRecord.date > on - timedelta(days=LOOKBACK_DAYS + BASELINE_DAYS), IntakeRecord.date <= on)):
        meals[(client_id, day)].append((percent, fluid))
    out: dict[int, dict[date, DayIntake]] = defaultdict(dict)
    for (client_id, day), rows in meals.items():
        fluids = [f for _, f in rows if f is not None]
        out[client_id][day] = DayIntake(len(rows), sum(p for p, _ in rows) / len(rows),
                                        sum(fluids) if fluids else None)
    return out


def _screenings(session: Session, ids: list[int], until: datetime) -> dict[int, list[ScreeningResult]]:
    """Screenings and GLIM results, corrected ones left out, oldest first."""
    corrected = select(Screening.corrects_id).where(Screening.corrects_id.is_not(None))
    corrected_glim = select(Assessment.corrects_id).where(Assessment.corrects_id.is_not(None))
    rows = [(at, client_id, ScreeningResult(instrument, risk, on)) for client_id, instrument, risk, on, at in
            session.execute(select(Screening.client_id, Screening.instrument, Screening.risk,
                                   Screening.performed_on, Screening.performed_at).where(
                Screening.client_id.in_(ids), Screening.performed_at < until,
                Screening.id.not_in(corrected)))]
    rows += [(at, client_id, ScreeningResult("glim", "malnourished" if bad else "not_malnourished", on))
             for client_id, bad, on, at in session.execute(
                 select(Assessment.client_id, Assessment.malnourished, Assessment.assessed_on,
                        Assessment.assessed_at).where(
                     Assessment.client_id.in_(ids), Assessment.assessed_at < until,
                     Assessment.id.not_in(corrected_glim)))]
    out: dict[int, list[ScreeningResult]] = defaultdict(list)
    for _, client_id, result in sorted(rows, key=lambda r: r[0]):
        out[client_id].append(result)
    return out


def _deliveries(session: Session, ids: list[int], on: date) -> dict[int, list[tuple[date, str]]]:
    out: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for client_id, day, status in session.execute(
            select(DeliveryOrder.client_id, DeliveryOrder.delivery_date, DeliveryOrder.status).where(
                DeliveryOrder.client_id.in_(ids), DeliveryOrder.status.in_(OUTCOMES),
                DeliveryOrder.delivery_date > on - timedelta(days=DELIVERY_HISTORY_DAYS),
                DeliveryOrder.delivery_date <= on)
            .order_by(DeliveryOrder.delivery_date, DeliveryOrder.id)):
        out[client_id].append((day, status))
    return out


def _fluid_targets(session: Session, clients: Sequence[Client], on: date) -> dict[int, float]:
    """The dietitian's override valid on the day (the latest started wins), else the
    default for the client's sex — the same rule as the targets service."""
    targets = {c.id: float(fluid_ml(c.sex)) for c in clients}
    for client_id, value in session.execute(
            select(TargetOverride.client_id, TargetOverride.value).where(
                TargetOverride.client_id.in_(targets), TargetOverride.target == "fluid_ml",
                TargetOverride.valid_from <= on,
                (TargetOverride.valid_until.is_(None)) | (TargetOverride.valid_until >= on))
            .order_by(TargetOverride.valid_from, TargetOverride.id)):
        targets[client_id] = float(value)
    return targets


def _thresholds(session: Session, ids: list[int]) -> dict[int, dict[str, float]]:
    """The client's own rule parameters, set by their dietitian."""
    out: dict[int, dict[str, float]] = defaultdict(dict)
    for client_id, parameter, value in session.execute(
            select(ClientThreshold.client_id, ClientThreshold.parameter, ClientThreshold.value).where(
                ClientThreshold.client_id.in_(ids))):
        out[client_id][parameter] = value
    return out


def _recording_caregivers(session: Session, ids: list[int], on: date) -> set[int]:
    """Clients with a caregiver mandated to record since before the 3-day window."""
    since = midnight(on - timedelta(days=RUN_DAYS - 1))
    return {m.client_id for m in session.scalars(select(CaregiverMandate).where(
        CaregiverMandate.client_id.in_(ids), CaregiverMandate.withdrawn_at.is_(None),
        CaregiverMandate.given_at < since)) if "record" in m.scopes}
