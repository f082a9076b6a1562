"""proof of delivery (issue 20, item 4)

``stop_proofs``: one per confirmed stop, what the driver recorded at the door: time,
position, who received it or where it was left (with a photo reference), the handover
temperatures of chilled and frozen food and the lines refused at the door.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 17:35:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stop_proofs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stop_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('received_by', sa.String(length=120), nullable=True),
    sa.Column('left_at', sa.String(length=200), nullable=True),
    sa.Column('photo_ref', sa.String(length=300), nullable=True),
    sa.Column('chilled_c', sa.Double(), nullable=True),
    sa.Column('frozen_c', sa.Double(), nullable=True),
    sa.Column('refused', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_stop_proofs_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_stop_proofs_recorded_by_users')),
    sa.ForeignKeyConstraint(['stop_id'], ['planned_stops.id'], name=op.f('fk_stop_proofs_stop_id_planned_stops')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stop_proofs')),
    sa.UniqueConstraint('stop_id', name=op.f('uq_stop_proofs_stop_id'))
    )
    with op.batch_alter_table('stop_proofs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stop_proofs_client_id'), ['client_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stop_proofs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stop_proofs_client_id'))
    op.drop_table('stop_proofs')
