"""The log of refused imports: a refused file writes nothing of its own, yet who tried which
file for which agreement, and why it was refused, stays — in the provider's import list (the
provider's admin sees it) and in the audit log. Only the file's checksum and row count and
the problems' codes are kept, never a row, a pseudonym or a figure: the refusal may name a
month and measure, which the file's sender knows already."""
from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.db import add_surviving
from nutriplat.errors import DomainError
from nutriplat.indicators.models import Agreement
from nutriplat.indicators.models.external import ExternalImportRefusal

RESOURCE = "external_import"
UNCODED = "conflict"  # a refusal without a code of its own: a concurrent write won


def record(session: Session, actor: Actor, agreement: Agreement, source: str, text: str,
           refusal: DomainError) -> None:
    """Kept though the import's transaction is rolled back (``db.add_surviving``)."""
    problems: dict[str, int] = {}
    for found in refusal.coded.values():
        for code, _ in found:
            problems[code] = problems.get(code, 0) + 1
    checksum = hashlib.sha256(text.encode()).hexdigest()
    rows = max(0, sum(bool(line.strip()) for line in text.lstrip("\ufeff").splitlines()) - 1)  # after the header
    reason = refusal.reason or UNCODED
    add_surviving(session, ExternalImportRefusal(
        agreement_id=agreement.id, source=source[:60], checksum=checksum, rows=rows, reason=reason,
        problems=problems, refused_by=actor.user_id))
    audit.record_surviving(session, actor, "refuse_import", RESOURCE, agreement.id, detail={
        "agreement_id": agreement.id, "source": source[:60], "checksum": checksum, "rows": rows, "reason": reason,
        "problems": problems}, organisation_id=agreement.organisation_id)


def of_agreement(session: Session, agreement_id: int) -> list[ExternalImportRefusal]:
    return list(session.scalars(select(ExternalImportRefusal).where(
        ExternalImportRefusal.agreement_id == agreement_id).order_by(ExternalImportRefusal.id)))
