"""The stored indicator definitions: the built-in set is written once per version, an
admin adds one (or a new version of their own) as data, and a stored version is never
edited. A provider sees the built-in ones and its own; a cofinancer the built-in ones
and those of the providers it has agreements with."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, ErrorCollector, Forbidden
from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.definition_rules import definition_errors
from nutriplat.indicators.models import Agreement, IndicatorDefinition
from nutriplat.indicators.policy import POLICY

RESOURCE = "indicator_definition"
BUILT_IN = frozenset(spec["code"] for spec in STARTER_SET)


def ensure_starter_set(session: Session) -> None:
    stored = set(session.execute(select(IndicatorDefinition.code, IndicatorDefinition.version)).all())
    missing = [spec for spec in STARTER_SET if (spec["code"], spec["version"]) not in stored]
    if missing:
        session.add_all(IndicatorDefinition(**spec) for spec in missing)
        session.flush()


def offered_to(organisation_id: int | None) -> Any:
    """The definitions a provider may name: the built-in ones and its own."""
    return or_(IndicatorDefinition.organisation_id.is_(None), IndicatorDefinition.organisation_id == organisation_id)


def by_code(session: Session, code: str, version: int | None = None,
            organisation_id: int | None = None) -> IndicatorDefinition | None:
    """The given version, or the latest one, of a definition offered to the organisation."""
    stmt = select(IndicatorDefinition).where(IndicatorDefinition.code == code, offered_to(organisation_id))
    if version is not None:
        stmt = stmt.where(IndicatorDefinition.version == version)
    return session.scalar(stmt.order_by(IndicatorDefinition.version.desc()).limit(1))


def visible(actor: Actor) -> Select[IndicatorDefinition]:
    stmt = select(IndicatorDefinition)
    if actor.is_platform_admin:
        return stmt
    if actor.role == roles.COFINANCER:
        providers = select(Agreement.organisation_id).where(Agreement.cofinancer_id == actor.organisation_id)
        return stmt.where(or_(IndicatorDefinition.organisation_id.is_(None),
                              IndicatorDefinition.organisation_id.in_(providers)))
    return stmt.where(offered_to(actor.organisation_id))


def list_definitions(uow: UnitOfWork, actor: Actor) -> list[IndicatorDefinition]:
    POLICY.check(actor, "list_definitions")
    with uow:
        ensure_starter_set(uow.session)
        rows = list(uow.session.scalars(visible(actor).order_by(
            IndicatorDefinition.organisation_id.is_not(None), IndicatorDefinition.code,
            IndicatorDefinition.version)))
        uow.commit()
        return rows


def create_definition(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> IndicatorDefinition:
    """A new indicator as data, or the next version of one of the provider's own."""
    POLICY.check(actor, "create_definition")
    if actor.organisation_id is None:
        raise Forbidden("An indicator is added by a provider's admin; you have no organisation.")
    errors = ErrorCollector()
    for part, reason in definition_errors(data).items():
        errors.add(part, reason)
    errors.raise_if_any("The indicator definition is not sound; nothing was stored.")
    with uow:
        session = uow.session
        ensure_starter_set(session)
        if data["code"] in BUILT_IN:
            raise Conflict(f"{data['code']} is a built-in indicator.", {"code": ["A built-in code; choose another."]})
        owners = set(session.scalars(select(IndicatorDefinition.organisation_id)
                                     .where(IndicatorDefinition.code == data["code"])))
        if owners - {actor.organisation_id}:
            raise Conflict(f"{data['code']} is taken.", {"code": ["Another provider's code; choose another."]})
        latest = session.scalar(select(func.max(IndicatorDefinition.version))
                                .where(IndicatorDefinition.code == data["code"])) or 0
        definition = IndicatorDefinition(**data, version=latest + 1, organisation_id=actor.organisation_id,
                                         created_by=actor.user_id)
        session.add(definition)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, definition.id, detail={"code": definition.code})
        uow.commit()
        return definition
