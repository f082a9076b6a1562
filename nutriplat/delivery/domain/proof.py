"""Proof of delivery, as plain values: what a confirmation must carry for the stop it
confirms, and when a handover temperature breaks the cold chain.

A delivered stop names who took the food, or where it was left when the client agreed to
a safe place; a stop left without a person needs a photo of where. Every storage class
handed over cold needs the temperature read at the door. A refused line names an order
and variant of the stop and at most the units it carries; at a care facility it may name
the resident who refused (``client_id``), who must have a tray of that variant on that crate."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Above these a chilled or frozen handover is flagged (Belgian cold-chain practice:
# chilled at most 7 °C at delivery, frozen at most -15 °C at the door).
CHILLED_MAX_C = 7.0
FROZEN_MAX_C = -15.0
TEMPERATURE_FIELDS = {"chilled": "chilled_c", "frozen": "frozen_c"}


@dataclass(frozen=True)
class Refusal:
    order_id: int
    variant_id: int
    units: int
    reason: str | None = None
    client_id: int | None = None  # the resident whose tray it was (a ward crate)


def problems(outcome: str, proof: Mapping[str, Any], cold_classes: set[str],
             carried: Mapping[tuple[int, int], int],
             trays: Mapping[tuple[int, int, int], int] | None = None) -> dict[str, list[str]]:
    """Each field's reasons against ``proof`` for a stop carrying ``carried`` units per
    (order id, variant id) and food of ``cold_classes``, ``trays`` of them per (order id,
    variant id, resident id) on ward crates; empty when it may be recorded."""
    found: dict[str, list[str]] = {}
    refused: list[Refusal] = proof.get("refused", [])
    if outcome != "delivered":
        if refused:
            found["refused"] = ["Lines are refused only on a delivered stop; refuse the stop instead."]
        return found
    if not proof.get("received_by") and not proof.get("left_at"):
        found["received_by"] = ["Name who received the delivery, or where it was left."]
    if proof.get("left_at") and not proof.get("photo_ref"):
        found["photo_ref"] = ["A delivery left without a person needs a photo of where it was left."]
    for storage_class in sorted(cold_classes & TEMPERATURE_FIELDS.keys()):
        if proof.get(TEMPERATURE_FIELDS[storage_class]) is None:
            found.setdefault(TEMPERATURE_FIELDS[storage_class], []).append(
                f"Read the temperature of the {storage_class} food at handover.")
    for (order_id, variant_id), units in _asked(refused).items():
        if (order_id, variant_id) not in carried:
            found.setdefault("refused", []).append(f"Order {order_id} of this stop carries no variant {variant_id}.")
        elif units > carried[(order_id, variant_id)]:
            found.setdefault("refused", []).append(
                f"Order {order_id} carries {carried[(order_id, variant_id)]} units of variant {variant_id}.")
    found.update(_tray_problems(refused, trays or {}))
    return found


def _tray_problems(refused: list[Refusal], trays: Mapping[tuple[int, int, int], int]) -> dict[str, list[str]]:
    """A refusal naming a resident: they must have a tray of the variant on the crate,
    and all their refusals of it at most the units of that tray."""
    found: dict[str, list[str]] = {}
    asked: dict[tuple[int, int, int], int] = {}
    for i, refusal in enumerate(refused):
        if refusal.client_id is None:
            continue
        key = (refusal.order_id, refusal.variant_id, refusal.client_id)
        asked[key] = asked.get(key, 0) + refusal.units
        if key not in trays:
            found[f"refused.{i}.client_id"] = [
                f"Client {refusal.client_id} is not a resident with variant {refusal.variant_id} "
                f"on the crate of order {refusal.order_id}."]
        elif asked[key] > trays[key]:
            found[f"refused.{i}.units"] = [f"The tray of client {refusal.client_id} holds {trays[key]} units."]
    return found


def fully_refused(carried: Mapping[tuple[int, int], int], refused: list[Refusal]) -> set[int]:
    """The orders every unit of which was refused: they are confirmed as refused."""
    asked = _asked(refused)
    orders = {order_id for order_id, _ in carried}
    return {o for o in orders if all(asked.get(k, 0) >= n for k, n in carried.items() if k[0] == o)}


def _asked(refused: list[Refusal]) -> dict[tuple[int, int], int]:
    """Units refused per (order id, variant id); a line may be named twice."""
    asked: dict[tuple[int, int], int] = {}
    for refusal in refused:
        key = (refusal.order_id, refusal.variant_id)
        asked[key] = asked.get(key, 0) + refusal.units
    return asked


def cold_chain_alarms(chilled_c: float | None, frozen_c: float | None) -> list[str]:
    """The storage classes handed over too warm."""
    return [name for name, value, limit in (("chilled", chilled_c, CHILLED_MAX_C), ("frozen", frozen_c, FROZEN_MAX_C))
            if value is not None and value > limit]


def by_variant(refused: list[Refusal]) -> dict[int, int]:
    """Units refused per variant (a variant may be named twice)."""
    units: dict[int, int] = {}
    for refusal in refused:
        units[refusal.variant_id] = units.get(refusal.variant_id, 0) + refusal.units
    return units
