"""A demo client's trajectory and its days as records: what the evaluation's replay and
the demo's own simulation both write, from the one story of ``trajectories``."""
from __future__ import annotations

from datetime import date

from nutriplat.clock import BRUSSELS
from tools.demo import population as pop
from tools.early_warning.trajectories import Day, Trajectory, build

MEALS = ("breakfast", "lunch", "dinner")


def intake_rows(client_id: int, day: Day) -> list[dict[str, object]]:
    """The day's meals as the care team records them: one row a meal, the day's fluid spread."""
    return [{"client_id": client_id, "date": day.on, "meal_slot": slot, "percent_eaten": percent,
             "fluid_ml": round((day.fluid_ml or 0) / 3)} for slot, percent in zip(MEALS, day.meals, strict=False)]


def for_person(seed: int, person: pop.Client, first_day: date, days: int, weighed_before: date,
               usual: tuple[float, float] | None = None, key: str | None = None) -> Trajectory:
    """A demo client's trajectory: their loaded weighings before ``weighed_before`` carry on
    into it (the last one is where their weight starts)."""
    weights = [(m.measured_at.astimezone(BRUSSELS).date(), m.value) for m in person.measurements
               if m.type == "weight_kg" and m.measured_at.astimezone(BRUSSELS).date() < weighed_before]
    heights = [m.value for m in person.measurements if m.type == "height_cm"]
    return build(seed, key or person.key, first_day, days, weights[-1][1] if weights else 70.0,
                 heights[0] if heights else 168.0, weights, usual)
