"""Reading the imports of a cofinancer's figures and their reconciliation reports."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound
from nutriplat.indicators.agreements import load_agreement, party_to
from nutriplat.indicators.external_import import RESOURCE
from nutriplat.indicators.models.external import ExternalImport
from nutriplat.indicators.policy import POLICY


def list_imports(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[ExternalImport]:
    POLICY.check(actor, "import_external")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return list(uow.session.scalars(select(ExternalImport).where(ExternalImport.agreement_id == agreement.id)
                                        .order_by(ExternalImport.id)))


def get_import(uow: UnitOfWork, actor: Actor, import_id: int) -> ExternalImport:
    """The per-row report names clients: a read of person data, audited."""
    POLICY.check(actor, "import_external")
    with uow:
        found = uow.session.get(ExternalImport, import_id)
        agreement = None if found is None else party_to(uow.session, actor, found.agreement_id)
        if found is None or agreement is None:
            raise NotFound(f"No import {import_id}.")
        audit.record(uow.session, actor, "read", RESOURCE, found.id, organisation_id=agreement.organisation_id)
        uow.commit()
        return found
