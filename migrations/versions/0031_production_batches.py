"""production batches (issue 16, item 6)

``production_batches``: what the central kitchen recorded as made — units of a dish
variant on a production day — each with the lot it became in a warehouse.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-07 21:00:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('production_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('production_date', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('units > 0', name=op.f('ck_production_batches_units_positive')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_production_batches_lot_id_lots')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_production_batches_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_production_batches_recorded_by_users')),
    sa.ForeignKeyConstraint(['variant_id'], ['dish_variants.id'],
                            name=op.f('fk_production_batches_variant_id_dish_variants')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['stock_locations.id'],
                            name=op.f('fk_production_batches_warehouse_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_production_batches')),
    sa.UniqueConstraint('lot_id', name=op.f('uq_production_batches_lot_id'))
    )
    op.create_index('ix_production_batches_day', 'production_batches', ['organisation_id', 'production_date'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_production_batches_day', table_name='production_batches')
    op.drop_table('production_batches')
