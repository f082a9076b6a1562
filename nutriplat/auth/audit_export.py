"""The audit log for the data protection officer: every entry an admin may see that matches
a filter (``audit.AuditFilter``), as CSV, streamed in batches from a server-side cursor, so
an export of millions of entries never sits in memory. The export is an access of its own:
it is logged (and committed) before the first line goes out."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict

from sqlalchemy import Select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuditEntry
from nutriplat.db import UnitOfWork

COLUMNS = ("id", "at", "user_id", "username", "role", "organisation_id", "action", "resource",
           "resource_id", "client_id", "ip", "purpose", "detail")
BATCH = 5000


def export_csv(new_uow: Callable[[], UnitOfWork], actor: Actor, wanted: audit.AuditFilter) -> Iterator[str]:
    """Checks the role and logs the export now; the lines come as they are read."""
    stmt = audit.query(actor, wanted)
    asked = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in asdict(wanted).items() if v is not None}
    with new_uow() as uow:
        audit.record(uow.session, actor, "export", "audit_log", client_id=wanted.client_id, detail=asked)
        uow.commit()
    return _lines(new_uow, stmt)


def _lines(new_uow: Callable[[], UnitOfWork], stmt: Select[AuditEntry]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    with new_uow() as uow:
        for batch in uow.session.scalars(stmt.execution_options(yield_per=BATCH)).partitions():
            for entry in batch:
                writer.writerow([_cell(entry, column) for column in COLUMNS])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(entry: AuditEntry, column: str) -> object:
    value = getattr(entry, column)
    if column == "at":
        return value.isoformat()
    if column == "detail":
        return "" if value is None else json.dumps(value, sort_keys=True)
    return "" if value is None else value
