"""The audit log at volume: monthly partitions on PostgreSQL, the retention job, and the
export for the data protection officer."""
from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from nutriplat.auth import audit_partitions, audit_retention
from nutriplat.auth.models import AuditEntry
from nutriplat.periods import Month


def entry(at: datetime, client_id: int | None = 7, organisation_id: int | None = None, **extra) -> AuditEntry:
    return AuditEntry(at=at, user_id=1, username="dora", role="dietitian", organisation_id=organisation_id,
                      action="read", resource="client", resource_id=str(client_id), client_id=client_id, **extra)


def at_noon(day) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def test_the_monthly_job_drops_what_is_past_the_retention_and_keeps_the_rest(uow, today, is_postgres):
    month = Month.of(today).previous()  # the job's period: the month just completed
    cutoff = audit_retention.cutoff(month, audit_retention.RETENTION_YEARS)
    with uow:
        uow.session.add_all([entry(at_noon(cutoff - timedelta(days=40))), entry(at_noon(cutoff - timedelta(days=1))),
                             entry(at_noon(cutoff)), entry(at_noon(today))])
        uow.commit()
    first = audit_retention.audit_log(lambda: uow, month)
    assert first["entries_deleted"] == 2 and first["partitions_dropped"] == 0
    with uow:
        kept = sorted(uow.session.scalars(select(AuditEntry.at)))
    assert kept == [at_noon(cutoff), at_noon(today)]
    again = audit_retention.audit_log(lambda: uow, month)
    assert again == {"partitions_created": 0, "partitions_dropped": 0, "entries_deleted": 0}


@pytest.mark.postgres_only
def test_on_postgresql_a_month_is_a_partition_made_ahead_and_dropped_whole(uow, today):
    month = Month.of(today).previous()
    cutoff = audit_retention.cutoff(month, audit_retention.RETENTION_YEARS)
    old = Month.of(cutoff).previous()
    far = audit_partitions.ahead(audit_partitions.ahead(Month.of(today)))  # beyond what the migration made
    with uow:
        connection = uow.session.connection()
        audit_partitions.ensure_partitions(connection, old, old)
        uow.session.add_all([entry(at_noon(old.first)), entry(at_noon(far.first))])  # far: the default partition
        uow.commit()
    with uow:
        connection = uow.session.connection()
        assert connection.scalar(text("SELECT count(*) FROM audit_log_default")) == 1
        assert audit_partitions.ensure_partitions(connection, far, far) == [audit_partitions.partition_name(far)]
        assert connection.scalar(text("SELECT count(*) FROM audit_log_default")) == 0  # moved into its month
        assert connection.scalar(text(f"SELECT count(*) FROM {audit_partitions.partition_name(far)}")) == 1
        uow.commit()
    done = audit_retention.audit_log(lambda: uow, month)
    assert done["partitions_dropped"] >= 1 and done["entries_deleted"] == 0
    with uow:
        names = audit_partitions.partitions(uow.session.connection())
        assert audit_partitions.partition_name(old) not in names
        assert audit_partitions.partition_name(audit_partitions.ahead(month.next())) in names
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry)) == 1
        plan = "\n".join(uow.session.scalars(text(  # who read client 7: an index scan per partition
            "EXPLAIN SELECT user_id, at FROM audit_log WHERE client_id = 7 ORDER BY at DESC LIMIT 50")))
        assert "ix_audit_log_client_at" in plan or "client_id_at_action_idx" in plan, plan


def test_a_retention_below_the_legal_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("NUTRIPLAT_AUDIT_RETENTION_YEARS", "10")
    with pytest.raises(ValueError, match="at least 30"):
        audit_retention.retention_years()


@pytest.mark.business_day("2026-12-07T15:00")  # the entries are of this morning: the export comes after them
def test_the_dpo_exports_the_log_as_csv_and_the_export_is_logged(http, world, uow, today):
    admin, dora = world.person("adam", "admin"), world.person("dora", "dietitian")
    with uow:
        uow.session.add_all([entry(at_noon(today) - timedelta(hours=k), client_id=7 + k % 2,
                                   organisation_id=admin.organisation_id, detail={"k": k}) for k in range(6)])
        uow.commit()
    response = http.get("/api/v1/audit/export?client_id=7", headers=admin.headers)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0]["action"] == "export"  # logged before the first line: the newest entry
    reads = rows[1:]
    assert [r["client_id"] for r in reads] == ["7"] * 3 and reads[0]["detail"] == '{"k": 0}'
    assert reads[0]["at"] > reads[1]["at"] > reads[2]["at"]  # newest first
    with uow:
        logged = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "export"))
    assert logged is not None and logged.user_id == admin.id and logged.detail == {"client_id": 7}

    assert http.get("/api/v1/audit/export", headers=dora.headers).status_code == 403
    bad = http.get("/api/v1/audit/export?client_id=seven&since=yesterday", headers=admin.headers)
    assert bad.status_code == 422 and {"client_id", "since"} <= set(bad.json["errors"])
