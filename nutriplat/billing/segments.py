"""Segments and the client billing attributes that define them. Attributes are personal
data: every read and write is audited."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.billing.checks import check_period, provider_of
from nutriplat.billing.domain.segment_membership import Held, held_on, is_member
from nutriplat.billing.models import ClientBillingAttribute, Segment
from nutriplat.billing.policy import POLICY
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, NotFound

RESOURCE = "billing_attribute"


def list_segments(uow: UnitOfWork, actor: Actor) -> list[Segment]:
    POLICY.check(actor, "list_segments")
    with uow:
        return list(uow.session.scalars(select(Segment).where(
            Segment.organisation_id == provider_of(actor)).order_by(Segment.code)))


def create_segment(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Segment:
    POLICY.check(actor, "create_segment")
    organisation_id = provider_of(actor)
    taken = ("A segment with this code exists.", {"code": ["Already in use."]})
    with uow:
        if uow.session.scalar(select(Segment.id).where(
                Segment.organisation_id == organisation_id, Segment.code == data["code"])):
            raise Conflict(*taken)
        segment = Segment(organisation_id=organisation_id, **data)
        uow.session.add(segment)
        uow.commit(*taken)  # a concurrent request may have taken the code a moment ago
        return segment


def attributes_of(session: Session, client_ids: list[int]) -> dict[int, list[Held]]:
    held: dict[int, list[Held]] = {cid: [] for cid in client_ids}
    for row in session.scalars(select(ClientBillingAttribute).where(
            ClientBillingAttribute.client_id.in_(client_ids))):
        held[row.client_id].append(Held(row.attribute, row.valid_from, row.valid_until))
    return held


def is_in(session: Session, segment: Segment, client_id: int, day: date) -> bool:
    return is_member(segment.attributes, held_on(attributes_of(session, [client_id])[client_id], day))


def list_attributes(uow: UnitOfWork, actor: Actor, client_id: int) -> list[ClientBillingAttribute]:
    POLICY.check(actor, "list_attributes")
    with uow:
        client = load_client(uow.session, actor, client_id)
        rows = list(uow.session.scalars(select(ClientBillingAttribute).where(
            ClientBillingAttribute.client_id == client.id).order_by(
            ClientBillingAttribute.valid_from, ClientBillingAttribute.id)))
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return rows


def _overlaps(a_from: date, a_until: date | None, b_from: date, b_until: date | None) -> bool:
    return (a_until is None or b_from <= a_until) and (b_until is None or a_from <= b_until)


def add_attribute(uow: UnitOfWork, actor: Actor, client_id: int,
                  data: dict[str, Any]) -> ClientBillingAttribute:
    POLICY.check(actor, "add_attribute")
    errors = ErrorCollector()
    check_period(errors, data["valid_from"], data.get("valid_until"))
    errors.raise_if_any()
    with uow:
        client = load_client(uow.session, actor, client_id)
        same = uow.session.scalars(select(ClientBillingAttribute).where(
            ClientBillingAttribute.client_id == client.id,
            ClientBillingAttribute.attribute == data["attribute"]))
        clash = next((r for r in same if _overlaps(r.valid_from, r.valid_until,
                                                     data["valid_from"], data.get("valid_until"))), None)
        if clash is not None:
            raise Conflict("The client already holds this attribute in that period.", {"valid_from": [
                f"Overlaps the period from {clash.valid_from} (id {clash.id}); end that one first."]})
        row = ClientBillingAttribute(client_id=client.id, recorded_by=actor.user_id, **data)
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow.session, actor, "create", RESOURCE, row.id, client.id,
                     detail={"attribute": row.attribute}, organisation_id=client.organisation_id)
        uow.commit()
        return row


def end_attribute(uow: UnitOfWork, actor: Actor, client_id: int, attribute_id: int,
                  valid_until: date) -> ClientBillingAttribute:
    POLICY.check(actor, "end_attribute")
    with uow:
        client = load_client(uow.session, actor, client_id)
        row = uow.session.get(ClientBillingAttribute, attribute_id)
        if row is None or row.client_id != client.id:
            raise NotFound(f"No billing attribute {attribute_id} for client {client.id}.")
        errors = ErrorCollector()
        check_period(errors, row.valid_from, valid_until)
        errors.raise_if_any()
        row.valid_until = valid_until
        audit.record(uow.session, actor, "update", RESOURCE, row.id, client.id,
                     detail={"valid_until": str(valid_until)}, organisation_id=client.organisation_id)
        uow.commit()
        return row
