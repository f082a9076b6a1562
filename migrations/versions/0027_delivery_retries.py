"""retries of failed notification deliveries (issue 19)

``notification_deliveries.next_attempt_at``: when a delivery whose send failed is tried
again (status ``retrying``); after the last attempt it is ``failed`` for good. The index
finds the deliveries due.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 17:20:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_notification_deliveries_due', ['status', 'next_attempt_at'], unique=False)
    # A delivery that failed before retries existed is tried again by the next run.
    op.execute("UPDATE notification_deliveries SET status = 'retrying' WHERE status = 'failed'")


def downgrade() -> None:
    op.execute("UPDATE notification_deliveries SET status = 'failed' WHERE status = 'retrying'")
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_deliveries_due')
        batch_op.drop_column('next_attempt_at')
