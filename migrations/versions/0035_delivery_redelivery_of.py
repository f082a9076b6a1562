"""a redelivery after "not home" (issue 20)

``delivery_orders.redelivery_of_id``: the home order a driver found nobody home for,
which this order brings again on the next delivery day. Unique, so confirming the
missed order twice (or two dispatchers at once) makes one redelivery.

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-08 00:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0035'
down_revision = '0034'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redelivery_of_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_delivery_orders_redelivery_of_id_delivery_orders',
                                    'delivery_orders', ['redelivery_of_id'], ['id'])
        batch_op.create_unique_constraint('uq_delivery_orders_redelivery_of_id', ['redelivery_of_id'])


def downgrade() -> None:
    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.drop_constraint('uq_delivery_orders_redelivery_of_id', type_='unique')
        batch_op.drop_constraint('fk_delivery_orders_redelivery_of_id_delivery_orders', type_='foreignkey')
        batch_op.drop_column('redelivery_of_id')
