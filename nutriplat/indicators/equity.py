"""The equity breakdown: every indicator split by the vulnerable segments that the
provider's voucher programmes define (billing's segments: clients holding every one of a
segment's attributes, e.g. living alone and low income). A client counts under the first
such segment (by id) they belong to at the period's end, else under "none", so the
breakdown partitions the clients and is suppressed like every other one."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.billing.domain.segment_membership import Held, held_on, is_member
from nutriplat.billing.models import ClientBillingAttribute, Segment, VoucherProgramme
from nutriplat.clients.models import Client

DIMENSION = "segment"
OUTSIDE = "none"


@dataclass(frozen=True)
class Segments:
    segments: list[tuple[str, list[str]]]  # (code, attributes), in id order
    held: dict[int, list[Held]]  # per client, the attributes with their validity


def load(session: Session, organisation_id: int) -> Segments | None:
    """The provider's voucher-programme segments; None when it has none (no breakdown)."""
    segments = session.execute(select(Segment.code, Segment.attributes).where(Segment.id.in_(
        select(VoucherProgramme.segment_id).where(VoucherProgramme.organisation_id == organisation_id)))
        .order_by(Segment.id)).all()
    if not segments:
        return None
    held: dict[int, list[Held]] = defaultdict(list)
    attributes = select(ClientBillingAttribute).join(Client, Client.id == ClientBillingAttribute.client_id)
    for row in session.scalars(attributes.where(Client.organisation_id == organisation_id)):
        held[row.client_id].append(Held(row.attribute, row.valid_from, row.valid_until))
    return Segments([(code, list(attributes)) for code, attributes in segments], dict(held))


def segment_of(found: Segments, clients: pd.Index, day: date) -> pd.Series:
    def first(client_id: int) -> str:
        attributes = held_on(found.held.get(client_id, ()), day)
        return next((code for code, needed in found.segments if is_member(needed, attributes)), OUTSIDE)

    return pd.Series([first(int(c)) for c in clients.tolist()], index=clients, dtype=object)
