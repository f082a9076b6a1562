"""Use cases of a ward's trays: the tray list of a day (and meal moment) from the
residents' approved plans, and what was eaten of a tray, recorded as intake through
clients' ``record_intake`` (early warning and consumption see it as a caregiver's record).

A ward staff user reads only the meal-service fields of the residents of their own wards;
every read is audited per resident."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat import food
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients import measurements
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client, IntakeRecord
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.facilities.access import load_ward
from nutriplat.facilities.models import Ward
from nutriplat.mealplans.approved import PlannedDish, approved_dishes
from nutriplat.meals.client_meals import levels
from nutriplat.meals.domain.trays import REFUSED_NOTE, eaten_of, percent_of
from nutriplat.meals.policy import POLICY
from nutriplat.meals.sources import source_of, ward_order_lines

RESOURCE = "tray"


def residents(session: Any, ward: Ward) -> list[Client]:
    """The clients living on the ward now, by room and name."""
    return list(session.scalars(select(Client).where(
        Client.ward_id == ward.id, Client.care_setting == ward.setting, Client.status == "active")
        .order_by(Client.family_name, Client.given_name, Client.id)))


def tray_list(uow: UnitOfWork, actor: Actor, ward_id: int, day: date, meal_moment: str | None = None
              ) -> dict[str, Any]:
    POLICY.check(actor, "tray_list")
    with uow:
        session = uow.session
        ward = load_ward(session, actor, ward_id)
        people = {c.id: c for c in residents(session, ward)}
        dishes = [d for d in approved_dishes(session, list(people), day, day)
                  if meal_moment is None or d.meal_moment == meal_moment]
        ward_lines = ward_order_lines(session, list(people), day)
        eaten = {(r.client_id, r.meal_slot): r for r in session.scalars(select(IntakeRecord).where(
            IntakeRecord.client_id.in_(people), IntakeRecord.date == day).order_by(IntakeRecord.id))}
        by_tray: dict[tuple[int, str], list[PlannedDish]] = defaultdict(list)
        for dish in dishes:
            by_tray[(dish.client_id, dish.meal_moment)].append(dish)
        trays = [_tray(session, people[client_id], moment, tray_dishes, ward_lines, eaten.get((client_id, moment)))
                 for (client_id, moment), tray_dishes in sorted(
                     by_tray.items(), key=lambda kv: (_room_key(people[kv[0][0]]), kv[0][0], _moment_key(kv[0][1])))]
        audit.record_reads(session, actor, RESOURCE, {(c.id, c.organisation_id) for c in people.values()
                                                        if any(t["client_id"] == c.id for t in trays)})
        uow.commit()
        return {"ward_id": ward.id, "ward": ward.name, "date": day, "meal_moment": meal_moment, "trays": trays}


def record_tray(uow: UnitOfWork, actor: Actor, ward_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """What was eaten of one resident's tray; a resident who left the ward is refused (422)."""
    POLICY.check(actor, "record_tray")
    with uow:
        ward = load_ward(uow.session, actor, ward_id)
        errors = ErrorCollector()
        client = uow.session.get(Client, data["client_id"])
        if client is None or client.ward_id != ward.id or client.care_setting != ward.setting:
            # Not seen or no longer there: the same answer, naming no one.
            errors.add("client_id", f"No resident {data['client_id']} on ward {ward.id} (left, or never there).")
        errors.raise_if_any()
        assert client is not None
        load_client(uow.session, actor, client.id, "record")  # audited if refused
    record = measurements.record_intake(uow, actor, data["client_id"], {
        "date": data["date"], "meal_slot": data["meal_moment"], "percent_eaten": percent_of(data["eaten"]),
        "duration_min": data.get("duration_min"), "fluid_ml": data.get("fluid_ml"),
        "note": REFUSED_NOTE if data["eaten"] == "refused" else None})
    return {"client_id": record.client_id, "date": record.date, "meal_moment": record.meal_slot,
            "eaten": eaten_of(record.percent_eaten, record.note), "percent_eaten": record.percent_eaten,
            "intake_id": record.id}


def _tray(session: Any, client: Client, moment: str, dishes: list[PlannedDish], ward_lines: Any,
          intake: IntakeRecord | None) -> dict[str, Any]:
    sources = [source_of(session, client.care_setting, d, ward_lines) for d in dishes]
    return {
        "client_id": client.id, "name": f"{client.given_name} {client.family_name}", "room": client.room,
        "meal_moment": moment, "food_level": client.iddsi_food_level, "drink_level": client.iddsi_drink_level,
        "allergies": list(client.allergies or ()), "diet": list(dishes[0].plan_profile.get("preferences") or ()),
        "order_id": next((order_id for _, order_id in sources if order_id is not None), None),
        "dishes": [{"variant_id": d.variant.id, "name": d.variant.name, "course": d.variant.course,
                    **levels(d.variant, client.iddsi_food_level, client.iddsi_drink_level),
                    "allergens": list(d.variant.allergens or ()), "portions": d.portions,
                    "source": source} for d, (source, _) in zip(dishes, sources, strict=True)],
        "intake": None if intake is None else {"eaten": eaten_of(intake.percent_eaten, intake.note),
                                               "percent_eaten": intake.percent_eaten},
    }


def _moment_key(moment: str) -> int:
    return food.MEAL_SLOTS.index(moment) if moment in food.MEAL_SLOTS else len(food.MEAL_SLOTS)


def _room_key(client: Client) -> str:
    return client.room or "~"
