"""recalls: a lot withdrawn from use, the places that held it and each accounting step

``lots.recalled_at`` blocks a recalled lot (never picked, consumed or moved again); three
tables: the recall (one per lot), the places holding it when recalled with their units,
and the steps accounting for those units (collected, consumed, destroyed).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 12:30:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recalled_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True))

    op.create_table('recalls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opened_by', sa.Integer(), nullable=True),
    sa.Column('opened_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_recalls_lot_id_lots')),
    sa.ForeignKeyConstraint(['opened_by'], ['users.id'], name=op.f('fk_recalls_opened_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_recalls_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recalls')),
    sa.UniqueConstraint('lot_id', name='uq_recalls_lot')
    )
    with op.batch_alter_table('recalls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recalls_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('recall_locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('units_held', sa.Integer(), nullable=False),
    sa.Column('units_accounted', sa.Integer(), nullable=False),
    sa.CheckConstraint('units_accounted >= 0 AND units_accounted <= units_held', name=op.f('ck_recall_locations_accounted_range')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_recall_locations_client_id_clients')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_recall_locations_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_locations_recall_id_recalls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_locations')),
    sa.UniqueConstraint('recall_id', 'location_id', name='uq_recall_locations_recall_location')
    )
    with op.batch_alter_table('recall_locations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recall_locations_recall_id'), ['recall_id'], unique=False)

    op.create_table('recall_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('stock_move_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('units > 0', name=op.f('ck_recall_steps_units_positive')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_recall_steps_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_steps_recall_id_recalls')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_recall_steps_recorded_by_users')),
    sa.ForeignKeyConstraint(['stock_move_id'], ['stock_moves.id'], name=op.f('fk_recall_steps_stock_move_id_stock_moves')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_steps'))
    )
    with op.batch_alter_table('recall_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recall_steps_recall_id'), ['recall_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recall_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recall_steps_recall_id'))

    op.drop_table('recall_steps')
    with op.batch_alter_table('recall_locations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recall_locations_recall_id'))

    op.drop_table('recall_locations')
    with op.batch_alter_table('recalls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recalls_organisation_id'))

    op.drop_table('recalls')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_column('recalled_at')
