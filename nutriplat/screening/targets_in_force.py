"""The client's nutrient targets in force on a date: computed from the stored facts
(latest weight, height, sex, latest malnutrition screening or GLIM result) and
overridden by a dietitian where an override is valid. Meal planning reads these."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import Client, Measurement
from nutriplat.clock import BRUSSELS
from nutriplat.errors import InvalidInput
from nutriplat.screening import domain
from nutriplat.screening.models import Assessment, Screening, TargetOverride

TARGET_NAMES = ("energy_kcal", "protein_g", "fluid_ml")


@dataclass(frozen=True)
class ClientTargets:
    on: date
    computed: domain.NutrientTargets
    targets: Mapping[str, domain.EffectiveTarget]

    def effective(self) -> dict[str, float]:
        """energy_kcal, protein_g and fluid_ml in force on the date, as plain numbers."""
        return {name: float(t.effective) for name, t in self.targets.items()}


def end_of_day(on: date) -> datetime:
    return datetime.combine(on + timedelta(days=1), time.min, tzinfo=BRUSSELS)


def latest_measurement(session: Session, client_id: int, type_: str, on: date) -> Measurement | None:
    return session.scalar(
        select(Measurement).where(Measurement.client_id == client_id, Measurement.type == type_,
                                  Measurement.measured_at < end_of_day(on))
        .order_by(Measurement.measured_at.desc(), Measurement.id.desc()).limit(1))


def _uncorrected(model: type, session: Session):  # type: ignore[no-untyped-def]
    corrected = select(model.corrects_id).where(model.corrects_id.is_not(None))
    return model.id.not_in(corrected)


def latest_result(session: Session, client_id: int, on: date) -> tuple[str, str] | None:
    """The latest malnutrition screening or GLIM diagnosis on or before ``on`` as a
    (code, outcome) pair; EAT-10 screens swallowing and does not count."""
    screening = session.scalar(
        select(Screening).where(Screening.client_id == client_id, Screening.performed_on <= on,
                                Screening.instrument != "eat_10", _uncorrected(Screening, session))
        .order_by(Screening.performed_at.desc(), Screening.id.desc()).limit(1))
    glim = session.scalar(
        select(Assessment).where(Assessment.client_id == client_id, Assessment.assessed_on <= on,
                                 _uncorrected(Assessment, session))
        .order_by(Assessment.assessed_at.desc(), Assessment.id.desc()).limit(1))
    candidates = []
    if screening:
        candidates.append((screening.performed_at, (screening.instrument, screening.risk)))
    if glim:
        outcome = "malnourished" if glim.malnourished else "not_malnourished"
        candidates.append((glim.assessed_at, ("glim", outcome)))
    return max(candidates)[1] if candidates else None


def targets_for(session: Session, client: Client, on: date) -> ClientTargets:
    """Raises InvalidInput naming weight_kg/height_cm when they were never measured."""
    weight = latest_measurement(session, client.id, "weight_kg", on)
    height = latest_measurement(session, client.id, "height_cm", on)
    missing = {name: [f"No {name} measured on or before {on.isoformat()}; targets need it."]
               for name, m in (("weight_kg", weight), ("height_cm", height)) if m is None}
    if missing:
        raise InvalidInput("The targets cannot be computed yet.", missing)
    computed = domain.compute_targets(weight.value, height.value, client.sex,  # type: ignore[union-attr]
                                      latest_result(session, client.id, on))
    overrides = [domain.TargetOverride(value=o.value, reason=o.reason, valid_from=o.valid_from,
                                       valid_until=o.valid_until, target=o.target)
                 for o in session.scalars(select(TargetOverride).where(
                     TargetOverride.client_id == client.id).order_by(TargetOverride.id))]
    return ClientTargets(on, computed, domain.effective_targets(computed, overrides, on))
