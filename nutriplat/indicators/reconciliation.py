"""The reconciliation summary both parties see (``domain/reconciliation_summary.py``): for
each source and month, the file that counts for it (the latest covering it, as for the
figures themselves), aggregated per measure with small cells hidden. No row, pseudonym or
client is ever part of it, so it is not a read of person data."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.domain.reconciliation_summary import summarise
from nutriplat.indicators.models.external import ExternalImport
from nutriplat.indicators.policy import POLICY


def reconciliation_summary(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[dict[str, Any]]:
    POLICY.check(actor, "reconciliation_summary")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        latest: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for found in uow.session.scalars(select(ExternalImport).where(ExternalImport.agreement_id == agreement.id)
                                         .order_by(ExternalImport.id)):
            for month in found.months:  # a later file of a month replaces the earlier one
                latest[(found.source, month)] = found.report
        return summarise(latest)
