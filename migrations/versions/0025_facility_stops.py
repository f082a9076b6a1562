"""facility stops on the route (issue 16 item 5)

A route stop is a client's home or a facility's site (``planned_stops.site_id``, the
client then null); a service agreement says when the site receives (``window_opens``,
``window_closes``) and how long unloading takes; a ward's stock location
(``stock_locations.ward_id``) holds the crates delivered to it.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 17:35:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.alter_column('client_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('site_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_planned_stops_site_id_facility_sites'),
                                    'facility_sites', ['site_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_planned_stops_site_id'), ['site_id'], unique=False)
    with op.batch_alter_table('service_agreements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('window_opens', sa.Time(), nullable=False, server_default='07:00:00'))
        batch_op.add_column(sa.Column('window_closes', sa.Time(), nullable=False, server_default='11:00:00'))
        batch_op.add_column(sa.Column('unloading_minutes', sa.Integer(), nullable=False, server_default='20'))
    with op.batch_alter_table('stock_locations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ward_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_stock_locations_ward_id_wards'), 'wards', ['ward_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_stock_locations_ward_id'), ['ward_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('stock_locations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_locations_ward_id'))
        batch_op.drop_constraint(batch_op.f('fk_stock_locations_ward_id_wards'), type_='foreignkey')
        batch_op.drop_column('ward_id')
    with op.batch_alter_table('service_agreements', schema=None) as batch_op:
        batch_op.drop_column('unloading_minutes')
        batch_op.drop_column('window_closes')
        batch_op.drop_column('window_opens')
    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_planned_stops_site_id'))
        batch_op.drop_constraint(batch_op.f('fk_planned_stops_site_id_facility_sites'), type_='foreignkey')
        batch_op.drop_column('site_id')
        batch_op.alter_column('client_id', existing_type=sa.Integer(), nullable=False)
