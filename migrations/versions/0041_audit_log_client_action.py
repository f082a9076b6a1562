""""who read client X" answered from the index alone (issue 22 item 5)

``ix_audit_log_client_at`` (client_id, at) becomes (client_id, at) INCLUDE (action) on
PostgreSQL. The lookup filtered by action (``GET /api/v1/audit?client_id=X&action=read``)
counted its rows by fetching every entry of the client from the table to read its action:
at 100 M entries (~5,000 per client, spread over every month's partition) that is ~5,000
random page reads. With the action in the index the count is an index-only scan. The new
index is built (one per partition) before the old one goes, so lookups never lose theirs.
SQLite keeps its index (it has no INCLUDE; its table is small).

Revision ID: 0041
Revises: 0039
Create Date: 2026-12-08 00:20:00
"""
from alembic import op

revision = '0041'
down_revision = '0039'
branch_labels = None
depends_on = None

NAME = "ix_audit_log_client_at"


def _rebuild(include: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX {NAME}_new ON audit_log (client_id, at){include}")
    op.execute(f"DROP INDEX {NAME}")
    op.execute(f"ALTER INDEX {NAME}_new RENAME TO {NAME}")


def upgrade() -> None:
    _rebuild(" INCLUDE (action)")


def downgrade() -> None:
    _rebuild("")
