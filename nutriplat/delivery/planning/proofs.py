"""Proof of delivery at a stop (issue 20, item 4): checked against what the stop carries
before anything is written, stored with the stop's confirmation, and shown on the
manifest, the confirmation and the client's deliveries."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.domain import proof as rules
from nutriplat.delivery.models import DeliveryOrderLine, PlannedStop, StopProof
from nutriplat.errors import InvalidInput

PHOTO_URL = "/api/v1/stop-proofs/{id}/photo"  # delivery.api.deliveries.ProofPhoto


@dataclass
class Carried:
    """What the stop's open orders carry: units per (order id, variant id), the variants,
    and a ward crate's trays as units per (order id, variant id, resident id)."""
    units: dict[tuple[int, int], int] = field(default_factory=dict)
    variants: dict[int, DishVariant] = field(default_factory=dict)
    trays: dict[tuple[int, int, int], int] = field(default_factory=dict)


def carried(session: Session, order_ids: list[int]) -> Carried:
    found = Carried()
    for line, variant in session.execute(
            select(DeliveryOrderLine, DishVariant).join(DishVariant, DishVariant.id == DeliveryOrderLine.variant_id)
            .where(DeliveryOrderLine.order_id.in_(order_ids))):
        key = (line.order_id, line.variant_id)
        found.units[key], found.variants[variant.id] = found.units.get(key, 0) + line.quantity, variant
        if line.client_id is not None:
            tray = (*key, line.client_id)
            found.trays[tray] = found.trays.get(tray, 0) + line.quantity
    return found


def check(outcome: str, proof: dict[str, Any], stop: Carried) -> list[rules.Refusal]:
    """The stop's refusals; a 422 naming each field when the proof does not fit the stop."""
    refused = [rules.Refusal(r["order_id"], r["variant_id"], r["units"], r.get("reason"), r.get("client_id"))
               for r in proof.get("refused") or []]
    found = rules.problems(outcome, proof | {"refused": refused}, {v.storage_class for v in stop.variants.values()},
                           stop.units, stop.trays)
    if found:
        raise InvalidInput("The proof of delivery does not fit the stop.", found)
    return refused


def record(session: Session, stop: PlannedStop, user_id: int | None, proof: dict[str, Any],
           refused: list[rules.Refusal], variants: dict[int, DishVariant]) -> StopProof:
    row = StopProof(stop_id=stop.id, client_id=stop.client_id, recorded_by=user_id, refused=[
        {"order_id": r.order_id, "variant_id": r.variant_id, "dish": variants[r.variant_id].name,
         "units": r.units, "reason": r.reason} | ({"client_id": r.client_id} if r.client_id else {})
        for r in refused],
        **{key: proof.get(key) for key in ("lat", "lon", "received_by", "left_at", "photo_ref",
                                          "chilled_c", "frozen_c")})
    session.add(row)
    return row


def proofs_of(session: Session, stop_ids: Iterable[int]) -> dict[int, StopProof]:
    return {p.stop_id: p for p in session.scalars(select(StopProof).where(StopProof.stop_id.in_(list(stop_ids))))}


def proof_view(row: StopProof | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row.id, "recorded_at": row.recorded_at,
            "position": None if row.lat is None else {"lat": row.lat, "lon": row.lon},
            "received_by": row.received_by, "left_at": row.left_at, "photo_ref": row.photo_ref,
            "photo_url": PHOTO_URL.format(id=row.id) if row.photo_ref else None,
            "chilled_c": row.chilled_c, "frozen_c": row.frozen_c,
            "cold_chain_alarms": rules.cold_chain_alarms(row.chilled_c, row.frozen_c), "refused": row.refused}
