"""job runs: every attempt of a scheduled job per period (exactly once: active_key is unique)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 20:35:12.607192
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('job_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sa.String(length=40), nullable=False),
    sa.Column('period_key', sa.String(length=10), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('active_key', sa.String(length=60), nullable=True),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('runner', sa.String(length=120), nullable=False),
    sa.Column('started_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_runs')),
    sa.UniqueConstraint('active_key', name=op.f('uq_job_runs_active_key')),
    sa.UniqueConstraint('job', 'period_key', 'attempt', name='uq_job_runs_job_period_attempt')
    )
    with op.batch_alter_table('job_runs', schema=None) as batch_op:
        batch_op.create_index('ix_job_runs_started_at', ['started_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('job_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_job_runs_started_at')

    op.drop_table('job_runs')
