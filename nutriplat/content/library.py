"""Use cases of the library: admins add and revise items; the dietitian reads the whole
library of her organisation, a caregiver only the items assigned to the clients who
mandated them (to the client or to them)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import visible_clients
from nutriplat.clients.models import Client
from nutriplat.conflicts import flush_or_conflict
from nutriplat.content.models import ContentAssignment, ContentItem
from nutriplat.content.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput, NotFound
from nutriplat.pagination import page_of

RESOURCE = "content_item"
TAKEN = ("The library already has this item in this language.", {"key": ["Already used for this lang."]})


def visible_items(session: Session, actor: Actor) -> Select[ContentItem]:
    """The items the actor may read: the organisation's library for its staff; for a
    caregiver, those assigned to a client who mandated them (to the client or to them)."""
    stmt = select(ContentItem)
    if actor.role == roles.CAREGIVER:
        clients = visible_clients(session, actor).with_only_columns(Client.id)
        assigned = select(ContentAssignment.content_item_id).where(
            ContentAssignment.client_id.in_(clients),
            or_(ContentAssignment.caregiver_id.is_(None), ContentAssignment.caregiver_id == actor.user_id))
        return stmt.where(ContentItem.id.in_(assigned))
    if actor.is_platform_admin:
        return stmt
    return stmt.where(ContentItem.organisation_id == actor.organisation_id)


def list_items(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
               page_size: int | None) -> tuple[list[ContentItem], int]:
    POLICY.check(actor, "list_content_items")
    with uow:
        stmt = visible_items(uow.session, actor)
        for field in ("lang", "topic", "kind"):
            if filters.get(field):
                stmt = stmt.where(getattr(ContentItem, field) == filters[field])
        return page_of(uow.session, stmt.order_by(ContentItem.topic, ContentItem.key, ContentItem.lang,
                                                  ContentItem.id), page, page_size)


def get_item(uow: UnitOfWork, actor: Actor, item_id: int) -> ContentItem:
    POLICY.check(actor, "get_content_item")
    with uow:
        item = uow.session.scalar(visible_items(uow.session, actor).where(ContentItem.id == item_id))
        if item is None:
            raise NotFound(f"No content item {item_id}.")
        return item


def add_item(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> ContentItem:
    POLICY.check(actor, "add_content_item")
    if actor.organisation_id is None:
        raise InvalidInput("A library belongs to a provider; sign in as its admin.",
                           {"organisation_id": ["A platform admin has no library."]})
    _check_link(data)
    with uow:
        if by_key(uow.session, actor.organisation_id, data["key"], data["lang"]) is not None:
            raise Conflict(*TAKEN)
        item = ContentItem(organisation_id=actor.organisation_id, **data)
        uow.session.add(item)
        flush_or_conflict(uow.session, *TAKEN)
        audit.record(uow.session, actor, "create", RESOURCE, item.id)
        uow.commit(*TAKEN)
        return item


def update_item(uow: UnitOfWork, actor: Actor, item_id: int, data: dict[str, Any]) -> ContentItem:
    POLICY.check(actor, "update_content_item")
    with uow:
        item = load_owned(uow.session, ContentItem, item_id, actor, "content item")
        for field, value in data.items():
            setattr(item, field, value)
        _check_link({"kind": item.kind, "url": item.url, "body": item.body})
        flush_or_conflict(uow.session, *TAKEN)
        audit.record(uow.session, actor, "update", RESOURCE, item.id, detail={"fields": sorted(data)},
                     organisation_id=item.organisation_id)
        uow.commit(*TAKEN)
        return item


def _check_link(data: dict[str, Any]) -> None:
    """A video is a link; an article or a leaflet has a text (a leaflet may also link its PDF)."""
    if data.get("kind") == "video" and not data.get("url"):
        raise InvalidInput("A video is given by its link.", {"url": ["Required for a video."]})
    if data.get("kind") in ("article", "leaflet") and not data.get("body"):
        raise InvalidInput("An article or a leaflet has a text.", {"body": ["Required for this kind."]})


def by_key(session: Session, organisation_id: int, key: str, lang: str) -> ContentItem | None:
    """The library's item ``key`` in ``lang`` (the rules look items up by key)."""
    return session.scalar(select(ContentItem).where(
        ContentItem.organisation_id == organisation_id, ContentItem.key == key, ContentItem.lang == lang))

