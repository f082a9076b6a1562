"""audit log partitioned by month on PostgreSQL (issue 22 item 5)

The table becomes a range-partitioned one on ``at`` (a partition per month, from the oldest
entry's month to three months ahead, and a default partition); its rows are copied over.
The primary key is (id, at): a partitioned table's unique keys hold its partition key. ids
become bigint (the sequence is kept: ids go on where they were). The indexes keep their
names, as partitioned indexes (one per partition). SQLite is unchanged.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-07 17:40:00
"""
from alembic import op
from sqlalchemy import text

from nutriplat.auth.audit_partitions import DEFAULT, ahead, ensure_partitions
from nutriplat.clock import now
from nutriplat.periods import Month

revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None

COLUMNS = """
    at TIMESTAMP WITH TIME ZONE NOT NULL, user_id INTEGER, username VARCHAR(80), role VARCHAR(20),
    organisation_id INTEGER, action VARCHAR(20) NOT NULL, resource VARCHAR(40) NOT NULL,
    resource_id VARCHAR(40), client_id INTEGER, ip VARCHAR(45), purpose VARCHAR(80), detail JSON"""
NAMES = "id, at, user_id, username, role, organisation_id, action, resource, resource_id, client_id, ip, purpose, detail"
INDEXES = {"ix_audit_log_at": "at", "ix_audit_log_client_at": "client_id, at",
           "ix_audit_log_organisation_id": "organisation_id", "ix_audit_log_user_id": "user_id"}


def _swap(id_type: str, key: str, partitioned: bool) -> None:
    """The old table aside (its indexes dropped, its sequence kept), the new one made with
    ``id_type`` ids and primary key ``key`` (and its partitions), the rows copied, the old
    table dropped."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE audit_log RENAME TO audit_log_old")
    op.execute("ALTER TABLE audit_log_old RENAME CONSTRAINT pk_audit_log TO pk_audit_log_old")
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
    op.execute("ALTER SEQUENCE audit_log_id_seq OWNED BY NONE")
    op.execute(f"CREATE TABLE audit_log (id {id_type} NOT NULL DEFAULT nextval('audit_log_id_seq'), {COLUMNS}, "
               f"CONSTRAINT pk_audit_log PRIMARY KEY ({key})){' PARTITION BY RANGE (at)' if partitioned else ''}")
    op.execute(f"ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id AS {id_type}")
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON audit_log ({columns})")
    if partitioned:
        op.execute(f"CREATE TABLE {DEFAULT} PARTITION OF audit_log DEFAULT")
        connection = op.get_bind()
        oldest = connection.scalar(text("SELECT min(at) FROM audit_log_old"))
        current = Month.of(now().date())
        ensure_partitions(connection, Month.of(oldest.date()) if oldest else current, ahead(current))
    op.execute(f"INSERT INTO audit_log ({NAMES}) SELECT {NAMES} FROM audit_log_old")
    op.execute("DROP TABLE audit_log_old CASCADE")  # with its partitions, when it had them


def upgrade() -> None:
    _swap("BIGINT", "id, at", partitioned=True)


def downgrade() -> None:
    _swap("INTEGER", "id", partitioned=False)
