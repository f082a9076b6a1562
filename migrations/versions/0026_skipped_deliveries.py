"""skipped deliveries (issue 17)

``skipped_deliveries``: a client's delivery day that the client or a mandated caregiver
skipped before its cut-off; the nightly reorder orders nothing for it.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 17:40:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('skipped_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('delivery_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=True),
    sa.Column('cancelled_order_ids', sa.JSON(), nullable=False),
    sa.Column('skipped_by', sa.Integer(), nullable=True),
    sa.Column('skipped_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_skipped_deliveries_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_skipped_deliveries_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['skipped_by'], ['users.id'], name=op.f('fk_skipped_deliveries_skipped_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skipped_deliveries')),
    sa.UniqueConstraint('client_id', 'delivery_date', name='uq_skipped_deliveries_client_day')
    )


def downgrade() -> None:
    op.drop_table('skipped_deliveries')
