"""A stored plan as the API shows it: items with their nutrients, and per-day and per-week
totals against the targets, computed with the planner's own arithmetic."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from nutriplat.catalogue.vocabulary import NUTRIENTS
from nutriplat.mealplans.domain import TARGETED
from nutriplat.mealplans.domain.nutrition import SCALE, cost_cents, units
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem


def plan_view(plan: MealPlan) -> dict[str, Any]:
    days = [day_view(day) for day in plan.days]
    budget = plan.profile.get("weekly_budget_eur")
    return {
        **{key: getattr(plan, key) for key in (
            "id", "client_id", "week_start", "revision", "status", "profile", "solver", "revises_id",
            "superseded_by_id", "created_by", "created_at", "approved_by", "approved_at",
            "superseded_at")},
        "feasible": all(day["feasible"] for day in days),
        "days": days,
        "week": {**_against(_sum(d["totals"] for d in days), _sum(d["targets"] for d in days)),
                 "feasible_days": sum(day["feasible"] for day in days),
                 "cost_eur": sum((d["cost_eur"] for d in days), Decimal("0")),
                 "budget_eur": None if budget is None else Decimal(budget)},
    }


def week_view(plan: MealPlan) -> dict[str, Any]:
    """A plan as one week of a list: no days, so none are loaded."""
    return {key: getattr(plan, key) for key in ("id", "client_id", "week_start", "revision", "status")}


def day_view(day: MealPlanDay) -> dict[str, Any]:
    items = [item_view(item) for item in day.items]
    totals = {name: sum(units(i.variant, name, i.portions) for i in day.items) / SCALE
              for name in NUTRIENTS}
    targets = {"energy_kcal": day.energy_kcal_target, "protein_g": day.protein_g_target,
               "fluid_ml": day.fluid_ml_target}
    return {"id": day.id, "date": day.date, "feasible": day.feasible, "explanation": day.explanation,
            "items": items, **_against(totals, targets),
            "cost_eur": sum((i["cost_eur"] for i in items), Decimal("0"))}


def item_view(item: MealPlanItem) -> dict[str, Any]:
    variant = item.variant
    return {"id": item.id, "slot": item.slot, "occurrence": item.occurrence, "variant_id": variant.id,
            "dish_id": variant.dish_id, "name": variant.name, "course": variant.course,
            "portions": item.portions, "locked": item.locked,
            "nutrients": {name: units(variant, name, item.portions) / SCALE for name in NUTRIENTS},
            "cost_eur": Decimal(cost_cents(variant, item.portions)) / 100}


def _against(totals: Mapping[str, float], targets: Mapping[str, float]) -> dict[str, Any]:
    return {"totals": dict(totals), "targets": dict(targets),
            "percent_of_target": {name: round(100 * totals[name] / targets[name]) if targets[name] else None
                                  for name in TARGETED}}


def _sum(rows: Iterable[Mapping[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for row in rows:
        for key, value in row.items():
            out[key] = round(out.get(key, 0) + value, 1)
    return out


# What a plan's approval and its later replacement leave; the rest is a dietitian's draft work.
_APPROVED_ACTIONS = ("approved", "superseded")


def approved_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events a caregiver sees: of revisions that were approved, their approval and
    replacement — never the drafting (changes, re-optimisation) nor a draft's end."""
    approved = {e["plan_id"] for e in events if e["action"] == "approved"}
    return [e for e in events if e["plan_id"] in approved and e["action"] in _APPROVED_ACTIONS]
