"""The care facilities' part of a simulated day (issue 16 item 9). The night's ward
ordering is the scheduler's ``ward-orders`` job (01:30), run by the simulation as every job
is; here what people do: an admission of a client from home to De Vlasbloem on the fourth
day and a discharge home from AZ Delta on the ninth — each through the care-setting
transfer, so the ward crates change at once and the discharged client gets a first home
delivery — and the day's ward orders counted beside home orders. Idempotent per day; a
database without the demo's facilities is left alone."""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.clients import lifecycle
from nutriplat.clients.models import CareSettingTransfer, Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.transfers import DISCHARGE
from nutriplat.facilities.models import Room, Ward
from nutriplat.mealplans.models import MealPlan
from tools.demo.population import people

STEP = "wards"
DIETITIAN = people.DIETITIANS[0]
ADMIT_ON, DISCHARGE_ON = 3, 8  # days after the reference date
REASON = "demo simulation: {}"


def simulate(factory: sessionmaker[Session], first: date, day: date, counts: Counter[tuple[str, str]]) -> None:
    with UnitOfWork(factory) as uow:
        user = uow.session.scalar(select(User).where(User.username == DIETITIAN))
        if user is None or uow.session.scalar(select(func.count(Ward.id))) == 0:
            return
        dietitian = Actor(user.id, user.username, user.role, user.organisation_id, purpose="demo simulation")
    offset = (day - first).days
    if offset == ADMIT_ON:
        _move(factory, dietitian, day, counts, "admission", "nursing_home")
    if offset == DISCHARGE_ON:
        _move(factory, dietitian, day, counts, "discharge", "home")
    with UnitOfWork(factory) as uow:
        for origin, n in uow.session.execute(select(DeliveryOrder.origin, func.count()).where(
                DeliveryOrder.delivery_date == day, DeliveryOrder.status != "cancelled")
                .group_by(DeliveryOrder.origin)):
            counts[STEP, f"orders delivered today: {origin}"] += n


def _move(factory: sessionmaker[Session], dietitian: Actor, day: date, counts: Counter[tuple[str, str]],
          reason: str, to_setting: str) -> None:
    """The first client with an approved plan at home (admitted to De Vlasbloem's first ward)
    or on AZ Delta's wards (discharged home); once: a move of that kind today is not repeated."""
    with UnitOfWork(factory) as uow:
        s = uow.session
        if s.scalar(select(CareSettingTransfer.id).where(CareSettingTransfer.transferred_on == day,
                                                         CareSettingTransfer.reason == REASON.format(reason))):
            return
        planned = select(MealPlan.client_id).where(MealPlan.status == "approved")
        wards = list(s.scalars(select(Ward).where(Ward.setting == "nursing_home").order_by(Ward.id)))
        hospital = select(Ward.id).where(Ward.setting == "hospital")
        client_id = s.scalar(select(Client.id).where(
            Client.status == "active", Client.id.in_(planned),
            Client.care_setting == "home" if to_setting != "home" else Client.ward_id.in_(hospital))
            .order_by(Client.id).limit(1))
        if client_id is None or (to_setting != "home" and not wards):
            return
        room = s.scalar(select(Room.number).where(Room.ward_id == wards[0].id).order_by(Room.number)) if wards else None
    placement = {"ward_id": wards[0].id, "room": room} if to_setting != "home" else {}
    lifecycle.transfer(UnitOfWork(factory), dietitian, client_id, {
        "transferred_on": day, "to_setting": to_setting, "reason": REASON.format(reason), **placement})
    counts[STEP, f"{reason}: client moved to {to_setting.replace('_', ' ')}"] += 1
    if to_setting == "home":
        with UnitOfWork(factory) as uow:
            counts[STEP, "discharge: first home delivery ordered"] += uow.session.scalar(select(func.count()).where(
                DeliveryOrder.client_id == client_id, DeliveryOrder.origin == DISCHARGE)) or 0
