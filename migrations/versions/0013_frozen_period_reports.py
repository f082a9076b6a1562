"""frozen period reports: an indicator snapshot keeps the size of the cohort it was made for

A closed reporting period's report is made once and served from its snapshot ever after;
the settlement of that period reads the same snapshot, and needs the cohort's size.
Snapshots made before have none (NULL): they are made again under the current rules.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_snapshots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cohort_clients', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('indicator_snapshots', schema=None) as batch_op:
        batch_op.drop_column('cohort_clients')
