"""What is the same for every client of a provider in a month's invoicing: its segments and
cofinancing agreements, the plans' and tariffs' prices, the ward agreements that invoice
the client, the names of cofinancers; read once per slice and kept (``month_inputs``)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.billing import plans, ward_meals
from nutriplat.billing.domain import composition as c
from nutriplat.billing.domain.segment_membership import Held, held_on, is_member
from nutriplat.billing.models import CofinancingAgreement, Plan, PlanVersion, Segment, Tariff, TariffPrice
from nutriplat.periods import Month


class ProviderMonth:
    """What is the same for every client of the provider in the month, read once and kept."""

    def __init__(self, session: Session, organisation_id: int, month: Month) -> None:
        self.session, self.organisation_id, self.month = session, organisation_id, month
        self.segments = list(session.scalars(select(Segment).where(Segment.organisation_id == organisation_id)))
        self.agreements = list(session.scalars(select(CofinancingAgreement).where(
            CofinancingAgreement.organisation_id == organisation_id).order_by(CofinancingAgreement.id)))
        self.ward_agreements = ward_meals.agreements(session, organisation_id, month, "client")
        self._versions: dict[int, PlanVersion | None] = {}
        self._plans: dict[int, Plan | None] = {}  # kept: the session's identity map holds them weakly
        self._tariffs: dict[str, tuple[Tariff | None, TariffPrice | None]] = {}
        self._names: dict[int, str] = {}

    def version(self, plan_id: int) -> PlanVersion | None:
        if plan_id not in self._versions:
            self._versions[plan_id] = plans.version_on(self.session, plan_id, self.month.first)
        return self._versions[plan_id]

    def plan(self, plan_id: int) -> Plan | None:
        if plan_id not in self._plans:
            self._plans[plan_id] = self.session.get(Plan, plan_id)
        return self._plans[plan_id]

    def tariff(self, appliance: str) -> tuple[Tariff | None, TariffPrice | None]:
        if appliance not in self._tariffs:
            self._tariffs[appliance] = plans.tariff_price_on(self.session, self.organisation_id, appliance,
                                                             self.month.first)
        return self._tariffs[appliance]

    def name(self, organisation_id: int) -> str:
        if organisation_id not in self._names:
            organisation = self.session.get(Organisation, organisation_id)
            self._names[organisation_id] = organisation.name if organisation else str(organisation_id)
        return self._names[organisation_id]

    def shares(self, held: list[Held], day: date) -> tuple[c.Share, ...]:
        segment_ids = {s.id for s in self.segments if is_member(s.attributes, held_on(held, day))}
        return tuple(c.Share(a.id, a.cofinancer_id, f"Paid by {self.name(a.cofinancer_id)}: {a.name}",
                             a.share_kind, a.share_value) for a in self.agreements
                     if a.segment_id in segment_ids and a.valid_from <= day
                     and (a.valid_until is None or a.valid_until >= day))
