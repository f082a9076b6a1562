"""Alert routing as data: each early-warning rule names the kinds of people told. The
care-team kinds are the client's members with consent; the staff kinds are the
provider's (the client's dietitian, logistics). Logistics knows nothing clinical, so it
is told only of the operational rules (deliveries)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MEMBER_KINDS = ("gp", "home_nurse", "facility", "caregiver")
STAFF_KINDS = ("dietitian", "logistics")
RECIPIENT_KINDS = STAFF_KINDS + MEMBER_KINDS
OPERATIONAL_RULES = ("deliveries_missed",)

# Who is told when no route of the provider's own says otherwise.
DEFAULT_ROUTES: dict[str, tuple[str, ...]] = {
    "weight_loss": ("dietitian", "gp"),
    "intake_below_50_3_days": ("dietitian", "caregiver", "facility"),
    "intake_below_75_7_days": ("dietitian",),
    "fluid_below_target": ("dietitian", "caregiver", "home_nurse"),
    "no_intake_recorded": ("dietitian", "caregiver"),
    "risk_increased": ("dietitian", "gp"),
    "deliveries_missed": ("caregiver", "logistics"),
}
FALLBACK_ROUTE = ("dietitian",)


@dataclass(frozen=True)
class Member:
    """A care-team member: a user of some kind, with the client's consent or not (withdrawn)."""
    id: int
    user_id: int
    kind: str
    consented: bool


@dataclass(frozen=True)
class Staff:
    """The provider's people for a client: their dietitian(s) and the logistics staff."""
    dietitians: tuple[int, ...]
    logistics: tuple[int, ...]


def route_for(rule: str, routes: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    return tuple(routes.get(rule, DEFAULT_ROUTES.get(rule, FALLBACK_ROUTE)))


def recipients(kinds: Iterable[str], members: Iterable[Member], staff: Staff
               ) -> list[tuple[int, str, int | None]]:
    """(user id, told as, member id) for each person the kinds name, each user once (the
    first kind that names them); members without consent are never told."""
    told: dict[int, tuple[int, str, int | None]] = {}
    members = list(members)
    for kind in kinds:
        if kind == "dietitian":
            found: list[tuple[int, int | None]] = [(u, None) for u in staff.dietitians]
        elif kind == "logistics":
            found = [(u, None) for u in staff.logistics]
        else:
            found = [(m.user_id, m.id) for m in members if m.kind == kind and m.consented]
        for user_id, member_id in found:
            told.setdefault(user_id, (user_id, kind, member_id))
    return list(told.values())


def route_errors(rule: str, kinds: Sequence[str], known_rules: Iterable[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if rule not in set(known_rules):
        errors["rule"] = ["No early-warning rule of this name."]
    unknown = [k for k in kinds if k not in RECIPIENT_KINDS]
    if unknown:
        errors.setdefault("recipients", []).append(
            f"Unknown: {', '.join(unknown)}; one of {', '.join(RECIPIENT_KINDS)}.")
    if "logistics" in kinds and rule not in OPERATIONAL_RULES:
        errors.setdefault("recipients", []).append(
            f"Logistics is told only of {', '.join(OPERATIONAL_RULES)}: it sees nothing clinical.")
    if len(set(kinds)) != len(kinds):
        errors.setdefault("recipients", []).append("Each kind once.")
    return errors
