"""The stored indicator definitions: the starter set is written once per version, and a
stored version is never edited (a changed meaning is a new version in the catalogue)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.models import IndicatorDefinition
from nutriplat.indicators.policy import POLICY


def ensure_starter_set(session: Session) -> None:
    stored = set(session.execute(select(IndicatorDefinition.code, IndicatorDefinition.version)).all())
    missing = [spec for spec in STARTER_SET if (spec["code"], spec["version"]) not in stored]
    if missing:
        session.add_all(IndicatorDefinition(**spec) for spec in missing)
        session.flush()


def by_code(session: Session, code: str, version: int | None = None) -> IndicatorDefinition | None:
    """The given version, or the latest one."""
    stmt = select(IndicatorDefinition).where(IndicatorDefinition.code == code)
    if version is not None:
        stmt = stmt.where(IndicatorDefinition.version == version)
    return session.scalar(stmt.order_by(IndicatorDefinition.version.desc()).limit(1))


def list_definitions(uow: UnitOfWork, actor: Actor) -> list[IndicatorDefinition]:
    POLICY.check(actor, "list_definitions")
    with uow:
        ensure_starter_set(uow.session)
        rows = list(uow.session.scalars(select(IndicatorDefinition).order_by(
            IndicatorDefinition.code, IndicatorDefinition.version)))
        uow.commit()
        return rows
