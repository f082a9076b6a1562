"""Reading the imports of a cofinancer's figures and their reconciliation reports."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound
from nutriplat.indicators import external_checks, external_refusals, scope
from nutriplat.indicators.agreements import load_agreement, party_to
from nutriplat.indicators.domain.import_problems import REASON_TEXTS
from nutriplat.indicators.external_import import RESOURCE
from nutriplat.indicators.models.external import ExternalImport
from nutriplat.indicators.policy import POLICY


def list_imports(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[dict[str, Any]]:
    """The files imported and those refused, oldest first: an import with its match counts, a
    refusal with its reason (``external_refusals``: no row of it was kept)."""
    POLICY.check(actor, "import_external")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        blank = dict.fromkeys(("id", "refusal_id", "months", "summary", "imported_at", "reason", "reason_text",
                               "problems", "refused_at"))
        imported = [blank | {"status": "imported", "id": found.id, "agreement_id": found.agreement_id,
                             "source": found.source, "months": found.months, "checksum": found.checksum,
                             "summary": found.summary, "rows": found.summary.get("rows"),
                             "imported_at": found.imported_at}
                    for found in uow.session.scalars(select(ExternalImport).where(
                        ExternalImport.agreement_id == agreement.id).order_by(ExternalImport.id))]
        refused = [blank | {"status": "refused", "refusal_id": found.id, "agreement_id": found.agreement_id,
                            "source": found.source, "checksum": found.checksum, "rows": found.rows,
                            "reason": found.reason, "reason_text": REASON_TEXTS.get(found.reason, found.reason),
                            "problems": found.problems, "refused_at": found.refused_at}
                   for found in external_refusals.of_agreement(uow.session, agreement.id)]
        return sorted(imported + refused, key=lambda entry: entry["imported_at"] or entry["refused_at"])


def sources(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[str]:
    """The sources other than the platform that some version of the agreement (the first, or
    one accepted) counts an indicator from: a file of each may be imported."""
    POLICY.check(actor, "import_external")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return sorted(external_checks.agreed_sources(scope.of_each_version(uow.session, agreement)))


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
