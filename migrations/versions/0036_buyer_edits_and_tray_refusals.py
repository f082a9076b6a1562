"""a buyer's hand edit of a purchase proposal line, and refusals per resident at a ward (issue 20)

``purchase_order_lines.edited_by_hand``: a buyer changed the quantity, so the nightly
reorder keeps it; ``suggested_quantity`` and ``suggested_on``: the night's own need beside
it when the two differ. ``tray_refusals``: units of a resident's tray refused at a care
facility's stop, for that resident's timeline.

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-07 23:55:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0036'
down_revision = '0035'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('purchase_order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_by_hand', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('suggested_quantity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('suggested_on', sa.Date(), nullable=True))
    op.create_table(
        'tray_refusals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('client_id', sa.Integer(), nullable=False),
        sa.Column('variant_id', sa.Integer(), nullable=False),
        sa.Column('units', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=True),
        sa.Column('delivery_date', sa.Date(), nullable=False),
        sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('recorded_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_tray_refusals_client_id_clients')),
        sa.ForeignKeyConstraint(['order_id'], ['delivery_orders.id'],
                                name=op.f('fk_tray_refusals_order_id_delivery_orders')),
        sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_tray_refusals_recorded_by_users')),
        sa.ForeignKeyConstraint(['variant_id'], ['dish_variants.id'],
                                name=op.f('fk_tray_refusals_variant_id_dish_variants')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tray_refusals')),
    )
    with op.batch_alter_table('tray_refusals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tray_refusals_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tray_refusals_order_id'), ['order_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tray_refusals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tray_refusals_order_id'))
        batch_op.drop_index(batch_op.f('ix_tray_refusals_client_id'))
    op.drop_table('tray_refusals')
    with op.batch_alter_table('purchase_order_lines', schema=None) as batch_op:
        batch_op.drop_column('suggested_on')
        batch_op.drop_column('suggested_quantity')
        batch_op.drop_column('edited_by_hand')
