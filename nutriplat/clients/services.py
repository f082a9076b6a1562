"""Use cases of the client record. Each owns its transaction and writes its audit
entry in the same transaction as the read or change it records."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.clients import search
from nutriplat.clients.access import load_client, visible_clients
from nutriplat.clients.models import CareSettingTransfer, Client, StatusChange
from nutriplat.clients.policy import POLICY
from nutriplat.clients.vocabulary import INITIAL_SETTING, RECORD_CREATED
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, Forbidden
from nutriplat.events import AllergiesChanged, TextureChanged
from nutriplat.pagination import page_of

RESOURCE = "client"
_NESTED = {"address": ("street", "postal_code", "city", "country"), "location": ("lat", "lon")}


def _validate_referral(session: Session, data: dict[str, Any], errors: ErrorCollector) -> None:
    referral = data.get("referral") or {}
    org_id = referral.get("organisation_id")
    if org_id is not None:
        organisation = session.get(Organisation, org_id)
        if organisation is None or organisation.type not in ("referrer", "provider"):
            errors.add("referral.organisation_id", "No referring organisation with this id.")


def _apply(client: Client, data: dict[str, Any]) -> None:
    """Copy API fields onto the flat columns of the record."""
    for key, value in data.items():
        if key in _NESTED:
            for column in _NESTED[key]:
                setattr(client, column, (value or {}).get(column))
        elif key == "referral":
            value = value or {}
            client.referral_organisation_id = value.get("organisation_id")
            client.referral_care_line = value.get("care_line")
            client.referral_date = value.get("date")
        elif value is None and key in ("conditions", "allergies", "dislikes"):
            setattr(client, key, [])
        else:
            setattr(client, key, value)


def _check_external_ref(session: Session, organisation_id: int, ref: str | None,
                        client_id: int | None = None) -> None:
    if ref is None:
        return
    existing = session.scalar(select(Client.id).where(
        Client.organisation_id == organisation_id, Client.external_ref == ref))
    if existing is not None and existing != client_id:
        raise Conflict("Another client has this external reference.",
                       {"external_ref": ["Already in use."]})


def _load_for_display(client: Client) -> None:
    """Load what the detail view shows while the session is still open."""
    client.setting_history, client.status_history, client.care_plan  # noqa: B018


def create_client(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> Client:
    POLICY.check(actor, "create_client")
    with uow:
        client = add_client(uow.session, actor, data)
        uow.commit()
        return client


def add_client(session: Session, actor: Actor, data: dict[str, Any]) -> Client:
    """Register a client in the caller's transaction: ``create_client``'s work, for a use
    case that registers a client as part of its own change (accepting a referral)."""
    POLICY.check(actor, "create_client")
    if actor.organisation_id is None:
        raise Forbidden("Clients belong to a provider organisation; you have none.")
    errors = ErrorCollector()
    _validate_referral(session, data, errors)
    errors.raise_if_any()
    _check_external_ref(session, actor.organisation_id, data.get("external_ref"))
    client = Client(organisation_id=actor.organisation_id, conditions=[], allergies=[], dislikes=[])
    _apply(client, {k: v for k, v in data.items() if k != "status"})
    client.status = data.get("status", "referred")
    start = client.referral_date or business_today()
    client.setting_history.append(CareSettingTransfer(
        transferred_on=start, to_setting=client.care_setting, reason=INITIAL_SETTING,
        recorded_by=actor.user_id))
    client.status_history.append(StatusChange(
        changed_on=start, to_status=client.status, reason=RECORD_CREATED,
        recorded_by=actor.user_id))
    session.add(client)
    session.flush()
    audit.record(session, actor, "create", RESOURCE, client.id, client.id,
                 organisation_id=client.organisation_id)
    _load_for_display(client)
    return client


def get_client(uow: UnitOfWork, actor: Actor, client_id: int) -> Client:
    POLICY.check(actor, "get_client")
    with uow:
        client = load_client(uow.session, actor, client_id)
        _load_for_display(client)
        audit.record(uow.session, actor, "read", RESOURCE, client.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return client


def list_clients(
    uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int
) -> tuple[list[Client], int]:
    POLICY.check(actor, "list_clients")
    with uow:
        stmt = visible_clients(uow.session, actor)
        if term := filters.get("search"):
            stmt = stmt.where(search.matching(term))
        for key in ("care_setting", "status", "postal_code", "birth_date"):
            if key in filters:
                stmt = stmt.where(getattr(Client, key) == filters[key])
        stmt = stmt.order_by(Client.family_name, Client.given_name, Client.id)
        clients, total = page_of(uow.session, stmt, page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE, ((c.id, c.organisation_id) for c in clients))
        uow.commit()
        return clients, total


def update_client(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Client:
    POLICY.check(actor, "update_client")
    expected = data.pop("expected_version", None)
    reason = data.pop("reason", None)
    with uow:
        client = load_client(uow.session, actor, client_id)
        if expected is not None and expected != client.version:
            raise Conflict("The client changed since you read it; reload and retry.",
                           {"expected_version": [f"Current version is {client.version}."]})
        errors = ErrorCollector()
        _validate_referral(uow.session, data, errors)
        errors.raise_if_any()
        _check_external_ref(uow.session, client.organisation_id, data.get("external_ref"), client.id)
        texture = client.iddsi_food_level, client.iddsi_drink_level
        allergies = tuple(sorted(client.allergies or ()))
        _apply(client, data)
        if (client.iddsi_food_level, client.iddsi_drink_level) != texture:  # the information platform explains it
            uow.record(TextureChanged(client.id, texture[0], client.iddsi_food_level, texture[1],
                                      client.iddsi_drink_level, business_today()))
        if tuple(sorted(client.allergies or ())) != allergies:  # supply re-checks what is on its way
            uow.record(AllergiesChanged(client.id, allergies, tuple(sorted(client.allergies or ())), business_today()))
        audit.record(uow.session, actor, "update", RESOURCE, client.id, client.id,
                     detail={"fields": sorted(data), **({"reason": reason} if reason else {})},
                     organisation_id=client.organisation_id)
        uow.commit("The client was changed by someone else; reload and retry.")
        _load_for_display(client)
        return client
