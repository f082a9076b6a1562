"""The statements a report reads with, for one provider's clients (``Scope``).

Histories the measures walk through (statuses, transfers, screenings, surveys) come per
event; weights as the latest weight before each period boundary; high-volume data
(intake, plan days, deliveries, invoices) already summed per client, one column per
period (``meals@2026Q3``). Every selected value is a plain number or string."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import BigInteger, Float, Integer, Numeric, Select, Text, case, cast, column, func, select, true, values
from sqlalchemy.orm import aliased

from nutriplat.billing.models import Invoice
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import CareSettingTransfer, Client, Consent, IntakeRecord, Measurement, StatusChange
from nutriplat.db import UTCDateTime
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.indicators.attributes import risk_level
from nutriplat.indicators.sql import day_of, epoch_seconds, midnight
from nutriplat.mealplans.domain.nutrition import SCALE
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.monitoring.models import ExperienceSurvey
from nutriplat.periods import Period
from nutriplat.screening.domain import RISKS
from nutriplat.screening.models import Assessment, Screening


@dataclass(frozen=True)
class Scope:
    organisation_id: int
    periods: Sequence[Period]
    today: date
    dialect: str = "sqlite"

    @property
    def since(self) -> date:
        return min(p.start for p in self.periods)

    @property
    def until(self) -> date:
        return max(p.end for p in self.periods)

    @property
    def clients(self) -> Any:
        return select(Client.id).where(Client.organisation_id == self.organisation_id).scalar_subquery()


def _corrected(model: Any) -> Select[*tuple[Any, ...]]:
    return select(model.corrects_id).where(model.corrects_id.is_not(None))


def per_period(periods: Sequence[Period], when: Any, value: Any, name: str,
               bounds: Callable[[Period], tuple[Any, Any]] = lambda p: (p.start, p.end)) -> list[Any]:
    """One summed column per period, ``name@label``: a single pass over the rows, whatever
    the periods (they may overlap, as a trend's months and quarters do)."""
    return [cast(func.sum(case((when.between(*bounds(p)), value), else_=0)), BigInteger)
            .label(f"{name}@{p.label}") for p in periods]


def histories(scope: Scope) -> dict[str, Select[*tuple[Any, ...]]]:
    theirs, until = scope.clients, scope.until
    level = case(*[((Screening.instrument == i) & (Screening.risk == r), risk_level(i, r))
                   for i, risks in RISKS.items() for r in risks], else_=-1)
    return {
        "clients": select(Client.id, Client.sex, day_of(Client.birth_date).label("birth_day"),
                          Client.postal_code, cast(Client.conditions, Text).label("conditions"),
                          Client.referral_organisation_id, day_of(Client.referral_date).label("referral_day"))
        .where(Client.organisation_id == scope.organisation_id),
        "consents": select(Consent.client_id, epoch_seconds(Consent.given_at).label("given"),
                           epoch_seconds(Consent.withdrawn_at).label("withdrawn"))
        .where(Consent.client_id.in_(theirs), Consent.purpose == "cofinancer_reporting"),
        "statuses": select(StatusChange.client_id, day_of(StatusChange.changed_on).label("day"),
                           StatusChange.to_status)
        .where(StatusChange.client_id.in_(theirs))
        .order_by(StatusChange.client_id, StatusChange.changed_on, StatusChange.id),
        "transfers": select(CareSettingTransfer.client_id,
                            day_of(CareSettingTransfer.transferred_on).label("day"),
                            CareSettingTransfer.from_setting, CareSettingTransfer.to_setting)
        .where(CareSettingTransfer.client_id.in_(theirs))
        .order_by(CareSettingTransfer.client_id, CareSettingTransfer.transferred_on, CareSettingTransfer.id),
        # malnutrition screens only (not EAT-10), corrections replacing what they correct
        "screenings": select(Screening.client_id, Screening.instrument, level.label("level"),
                             day_of(Screening.performed_on).label("day"))
        .where(Screening.client_id.in_(theirs), Screening.instrument != "eat_10",
               Screening.performed_on <= until, Screening.id.not_in(_corrected(Screening)))
        .order_by(Screening.client_id, Screening.performed_at, Screening.id),
        "assessments": select(Assessment.client_id,
                              cast(Assessment.malnourished, Integer).label("malnourished"),
                              day_of(Assessment.assessed_on).label("day"))
        .where(Assessment.client_id.in_(theirs), Assessment.assessed_on <= until,
               Assessment.id.not_in(_corrected(Assessment)))
        .order_by(Assessment.client_id, Assessment.assessed_at, Assessment.id),
        "surveys": select(ExperienceSurvey.client_id, day_of(ExperienceSurvey.period_start).label("start"),
                          day_of(ExperienceSurvey.period_end).label("end"),
                          cast(ExperienceSurvey.mean_score, Float).label("mean_score"))
        .where(ExperienceSurvey.client_id.in_(theirs), ExperienceSurvey.period_end <= until),
    }


def latest_weight(scope: Scope, before: date) -> Select[*tuple[Any, ...]]:
    """Per client, the latest weight measured before ``before`` (Brussels midnight): one
    index seek per client, not a scan of every weight ever measured. PostgreSQL is told
    so with a LATERAL join (its planner would hash all weights otherwise); SQLite, which
    has none, runs the correlated subquery once per client by itself."""
    mine = (Measurement.client_id == Client.id, Measurement.type == "weight_kg",
            Measurement.measured_at < midnight(before))
    newest = (Measurement.measured_at.desc(), Measurement.id.desc())
    if scope.dialect == "postgresql":
        latest = select(Measurement.client_id, epoch_seconds(Measurement.measured_at).label("at"),
                        Measurement.value.label("kg")).where(*mine).order_by(*newest).limit(1).lateral("latest")
        return select(latest.c.client_id, latest.c.at, latest.c.kg).select_from(Client) \
            .join(latest, true()).where(Client.organisation_id == scope.organisation_id)
    latest_id = select(Measurement.id).where(*mine).order_by(*newest).limit(1) \
        .correlate(Client).scalar_subquery()
    weight = aliased(Measurement)
    return select(weight.client_id, epoch_seconds(weight.measured_at).label("at"), weight.value.label("kg")) \
        .select_from(Client).join(weight, weight.id == latest_id) \
        .where(Client.organisation_id == scope.organisation_id)


def volumes(scope: Scope) -> dict[str, Select[*tuple[Any, ...]]]:
    periods, since, until = scope.periods, scope.since, scope.until
    eaten = case((IntakeRecord.percent_eaten >= 75, 1), else_=0)
    return {
        "intake": select(IntakeRecord.client_id, *per_period(periods, IntakeRecord.date, 1, "meals"),
                         *per_period(periods, IntakeRecord.date, eaten, "meals_75"))
        .where(IntakeRecord.client_id.in_(scope.clients), IntakeRecord.date.between(since, until))
        .group_by(IntakeRecord.client_id),
        "plan_days": plan_days(scope),
        "deliveries": deliveries(scope),
        "costs": select(Invoice.payer_client_id.label("client_id"), *per_period(
            periods, Invoice.month, func.round(Invoice.gross * 100), "cents",
            lambda p: (f"{p.start:%Y-%m}", f"{p.end:%Y-%m}")))
        .where(Invoice.organisation_id == scope.organisation_id, Invoice.payer_client_id.is_not(None),
               Invoice.month.between(f"{since:%Y-%m}", f"{until:%Y-%m}"))
        .group_by(Invoice.payer_client_id),
        # the months the provider has invoiced its clients for: a month without any is no data
        "invoiced_months": select(Invoice.month).distinct()
        .where(Invoice.organisation_id == scope.organisation_id, Invoice.payer_client_id.is_not(None),
               Invoice.month.between(f"{since:%Y-%m}", f"{until:%Y-%m}")),
    }


def plan_days(scope: Scope) -> Select[*tuple[Any, ...]]:
    """Days of approved plans (the latest approved revision of a day counts), and how many
    reach the day's energy and protein targets, summed as the planner sums (tenths of
    each item; a target rounded up to a tenth)."""
    def tenths(nutrient: Any) -> Any:
        return func.coalesce(func.sum(func.round(nutrient * MealPlanItem.portions * SCALE)), 0)

    days = select(
        MealPlan.client_id, MealPlanDay.date, MealPlanDay.energy_kcal_target.label("energy_target"),
        MealPlanDay.protein_g_target.label("protein_target"), tenths(DishVariant.energy_kcal).label("energy"),
        tenths(DishVariant.protein_g).label("protein"),
        func.row_number().over(partition_by=(MealPlan.client_id, MealPlanDay.date),
                               order_by=(MealPlan.approved_at.desc(), MealPlan.id.desc())).label("rank"),
    ).join(MealPlanDay, MealPlanDay.plan_id == MealPlan.id) \
        .outerjoin(MealPlanItem, MealPlanItem.day_id == MealPlanDay.id) \
        .outerjoin(DishVariant, DishVariant.id == MealPlanItem.variant_id) \
        .where(MealPlan.client_id.in_(scope.clients), MealPlan.approved_at.is_not(None),
               MealPlan.status.in_(("approved", "superseded")),
               MealPlanDay.date.between(scope.since, scope.until)) \
        .group_by(MealPlan.client_id, MealPlan.id, MealPlan.approved_at, MealPlanDay.id, MealPlanDay.date,
                  MealPlanDay.energy_kcal_target, MealPlanDay.protein_g_target).subquery()

    def reached(total: Any, target: Any) -> Any:
        # 61.2 × 10 is 612.0000000000001 in binary: round to 6 places before comparing
        return total >= func.round(cast(target * SCALE, Numeric(20, 6)), 6)

    on_target = case((reached(days.c.energy, days.c.energy_target)
                      & reached(days.c.protein, days.c.protein_target), 1), else_=0)
    return select(days.c.client_id, *per_period(scope.periods, days.c.date, 1, "days"),
                  *per_period(scope.periods, days.c.date, on_target, "on_target")) \
        .where(days.c.rank == 1).group_by(days.c.client_id)


def deliveries(scope: Scope) -> Select[*tuple[Any, ...]]:
    """Orders due (not cancelled, delivery day passed) and those delivered and confirmed
    before the end of the delivery day in Brussels: a table of each day's closing moment
    keeps that exact over clock changes, on both databases."""
    since, until = scope.since, scope.until
    closing = values(column("day", DeliveryOrder.delivery_date.type), column("closes", UTCDateTime()),
                     name="closing").data([(since + timedelta(n), midnight(since + timedelta(n + 1)))
                                           for n in range((until - since).days + 1)]).cte("closing")
    passed = (DeliveryOrder.status != "cancelled") & (DeliveryOrder.delivery_date < scope.today)
    on_time = passed & (DeliveryOrder.status == "delivered") & (
        DeliveryOrder.confirmed_at.is_(None) | (DeliveryOrder.confirmed_at < closing.c.closes))
    day = DeliveryOrder.delivery_date
    return select(DeliveryOrder.client_id, *per_period(scope.periods, day, case((passed, 1), else_=0), "due"),
                  *per_period(scope.periods, day, case((on_time, 1), else_=0), "on_time")) \
        .join(closing, closing.c.day == day) \
        .where(DeliveryOrder.client_id.in_(scope.clients), day.between(since, until)) \
        .group_by(DeliveryOrder.client_id)
