"""The monthly ``audit-log`` job: the audit log's partitions for the months ahead, and the
entries past the retention gone.

Retention (``NUTRIPLAT_AUDIT_RETENTION_YEARS``, default 30): the audit log is the trail of
who read and changed a person's care record, so it is kept as long as the record itself.
Belgian law keeps a patient record at least 30 years (and at most 50) after the last
contact: Wet van 22 april 2019 inzake de kwaliteitsvolle praktijkvoering in de
gezondheidszorg / Loi du 22 avril 2019 relative à la qualité de la pratique des soins de
santé, art. 35 (Belgisch Staatsblad 14 mei 2019). An entry is kept 30 years from its own
date (whole months): never less than the law asks for the access it records."""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from nutriplat.auth.audit_partitions import ahead, drop_before, ensure_partitions
from nutriplat.db import UnitOfWork
from nutriplat.periods import Month

RETENTION_YEARS = 30


def retention_years() -> int:
    years = int(os.environ.get("NUTRIPLAT_AUDIT_RETENTION_YEARS", RETENTION_YEARS))
    if years < RETENTION_YEARS:
        raise ValueError(f"NUTRIPLAT_AUDIT_RETENTION_YEARS={years}: the law asks for at least {RETENTION_YEARS}.")
    return years


def cutoff(month: Month, years: int) -> date:
    """Entries from before this day are past the retention, for the run after ``month``."""
    current = month.next()
    return date(current.year - years, current.month, 1)


def audit_log(new_uow: Callable[[], UnitOfWork], month: Month) -> dict[str, int]:
    """Run after ``month`` is complete; a second run of it changes nothing."""
    years, created = retention_years(), []
    with new_uow() as uow:
        connection = uow.session.connection()
        if connection.dialect.name == "postgresql":
            created = ensure_partitions(connection, month.next(), ahead(month.next()))
        dropped, deleted = drop_before(connection, cutoff(month, years))
        uow.commit()
    return {"partitions_created": len(created), "partitions_dropped": len(dropped), "entries_deleted": deleted}
