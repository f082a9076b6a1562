"""delivery: depots, vans, drivers, client windows, route plans

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 20:43:26.025047
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('client_delivery_windows',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.Column('service_minutes', sa.Integer(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('service_minutes >= 1 AND service_minutes <= 120', name=op.f('ck_client_delivery_windows_service_range')),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_client_delivery_windows_window_order')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_delivery_windows_client_id_clients')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_client_delivery_windows_updated_by_users')),
    sa.PrimaryKeyConstraint('client_id', name=op.f('pk_client_delivery_windows'))
    )
    op.create_table('drivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_drivers_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_drivers_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drivers')),
    sa.UniqueConstraint('organisation_id', 'name', name='uq_drivers_organisation_name')
    )
    with op.batch_alter_table('drivers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drivers_user_id'), ['user_id'], unique=False)

    op.create_table('depots',
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=False),
    sa.Column('lon', sa.Double(), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=False),
    sa.Column('closes_at', sa.Time(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('opens_at < closes_at', name=op.f('ck_depots_hours_order')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_depots_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_depots_updated_by_users')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['stock_locations.id'], name=op.f('fk_depots_warehouse_id_stock_locations')),
    sa.PrimaryKeyConstraint('warehouse_id', name=op.f('pk_depots'))
    )
    with op.batch_alter_table('depots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_depots_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('route_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('depot_id', sa.Integer(), nullable=False),
    sa.Column('delivery_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('active_key', sa.String(length=40), nullable=True),
    sa.Column('published_key', sa.String(length=40), nullable=True),
    sa.Column('time_limit_s', sa.Double(), nullable=False),
    sa.Column('progress', sa.Double(), nullable=False),
    sa.Column('best_cost', sa.Integer(), nullable=True),
    sa.Column('solutions_found', sa.Integer(), nullable=False),
    sa.Column('cancel_requested', sa.Boolean(), nullable=False),
    sa.Column('fleet', sa.JSON(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('heartbeat_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('edited_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_by', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_route_plans_created_by_users')),
    sa.ForeignKeyConstraint(['depot_id'], ['depots.warehouse_id'], name=op.f('fk_route_plans_depot_id_depots')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_route_plans_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['published_by'], ['users.id'], name=op.f('fk_route_plans_published_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_route_plans')),
    sa.UniqueConstraint('active_key', name=op.f('uq_route_plans_active_key')),
    sa.UniqueConstraint('published_key', name=op.f('uq_route_plans_published_key'))
    )
    with op.batch_alter_table('route_plans', schema=None) as batch_op:
        batch_op.create_index('ix_route_plans_depot_date', ['depot_id', 'delivery_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_route_plans_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('vans',
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('depot_id', sa.Integer(), nullable=False),
    sa.Column('driver_id', sa.Integer(), nullable=True),
    sa.Column('capacity_kg', sa.Double(), nullable=False),
    sa.Column('freezer_l', sa.Double(), nullable=False),
    sa.Column('chilled_l', sa.Double(), nullable=False),
    sa.Column('shift_start', sa.Time(), nullable=False),
    sa.Column('shift_end', sa.Time(), nullable=False),
    sa.Column('break_earliest', sa.Time(), nullable=True),
    sa.Column('break_latest', sa.Time(), nullable=True),
    sa.Column('break_minutes', sa.Integer(), nullable=False),
    sa.Column('fixed_cost_eur', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('break_minutes >= 0 AND break_minutes <= 120', name=op.f('ck_vans_break_range')),
    sa.CheckConstraint('capacity_kg > 0', name=op.f('ck_vans_capacity_kg_positive')),
    sa.CheckConstraint('fixed_cost_eur >= 0', name=op.f('ck_vans_fixed_cost_not_negative')),
    sa.CheckConstraint('freezer_l >= 0 AND chilled_l >= 0', name=op.f('ck_vans_compartments_not_negative')),
    sa.CheckConstraint('shift_start < shift_end', name=op.f('ck_vans_shift_order')),
    sa.ForeignKeyConstraint(['depot_id'], ['depots.warehouse_id'], name=op.f('fk_vans_depot_id_depots')),
    sa.ForeignKeyConstraint(['driver_id'], ['drivers.id'], name=op.f('fk_vans_driver_id_drivers')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_vans_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_vans_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_vans_updated_by_users')),
    sa.PrimaryKeyConstraint('location_id', name=op.f('pk_vans'))
    )
    with op.batch_alter_table('vans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vans_depot_id'), ['depot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vans_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('planned_routes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('van_id', sa.Integer(), nullable=False),
    sa.Column('driver_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('start_s', sa.Integer(), nullable=True),
    sa.Column('end_s', sa.Integer(), nullable=True),
    sa.Column('distance_m', sa.Integer(), nullable=False),
    sa.Column('breaks', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['driver_id'], ['drivers.id'], name=op.f('fk_planned_routes_driver_id_drivers')),
    sa.ForeignKeyConstraint(['plan_id'], ['route_plans.id'], name=op.f('fk_planned_routes_plan_id_route_plans')),
    sa.ForeignKeyConstraint(['van_id'], ['stock_locations.id'], name=op.f('fk_planned_routes_van_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planned_routes'))
    )
    with op.batch_alter_table('planned_routes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_planned_routes_plan_id'), ['plan_id'], unique=False)

    op.create_table('planned_stops',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('route_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('order_ids', sa.JSON(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=False),
    sa.Column('lon', sa.Double(), nullable=False),
    sa.Column('demand_litres', sa.Double(), nullable=False),
    sa.Column('demand_kg', sa.Double(), nullable=False),
    sa.Column('frozen_litres', sa.Double(), nullable=False),
    sa.Column('chilled_litres', sa.Double(), nullable=False),
    sa.Column('window_start_s', sa.Integer(), nullable=False),
    sa.Column('window_end_s', sa.Integer(), nullable=False),
    sa.Column('service_s', sa.Integer(), nullable=False),
    sa.Column('last_driver_id', sa.Integer(), nullable=True),
    sa.Column('pinned_van_id', sa.Integer(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=True),
    sa.Column('eta_s', sa.Integer(), nullable=True),
    sa.Column('departure_s', sa.Integer(), nullable=True),
    sa.Column('load_after_litres', sa.Double(), nullable=True),
    sa.Column('load_after_kg', sa.Double(), nullable=True),
    sa.Column('drop_reason', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=12), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('confirmed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('confirmed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_planned_stops_client_id_clients')),
    sa.ForeignKeyConstraint(['confirmed_by'], ['users.id'], name=op.f('fk_planned_stops_confirmed_by_users')),
    sa.ForeignKeyConstraint(['last_driver_id'], ['drivers.id'], name=op.f('fk_planned_stops_last_driver_id_drivers')),
    sa.ForeignKeyConstraint(['pinned_van_id'], ['stock_locations.id'], name=op.f('fk_planned_stops_pinned_van_id_stock_locations')),
    sa.ForeignKeyConstraint(['plan_id'], ['route_plans.id'], name=op.f('fk_planned_stops_plan_id_route_plans')),
    sa.ForeignKeyConstraint(['route_id'], ['planned_routes.id'], name=op.f('fk_planned_stops_route_id_planned_routes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planned_stops'))
    )
    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_planned_stops_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_planned_stops_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_planned_stops_route_id'), ['route_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_planned_stops_route_id'))
        batch_op.drop_index(batch_op.f('ix_planned_stops_plan_id'))
        batch_op.drop_index(batch_op.f('ix_planned_stops_client_id'))

    op.drop_table('planned_stops')
    with op.batch_alter_table('planned_routes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_planned_routes_plan_id'))

    op.drop_table('planned_routes')
    with op.batch_alter_table('vans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vans_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_vans_depot_id'))

    op.drop_table('vans')
    with op.batch_alter_table('route_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_route_plans_organisation_id'))
        batch_op.drop_index('ix_route_plans_depot_date')

    op.drop_table('route_plans')
    with op.batch_alter_table('depots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_depots_organisation_id'))

    op.drop_table('depots')
    with op.batch_alter_table('drivers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drivers_user_id'))

    op.drop_table('drivers')
    op.drop_table('client_delivery_windows')
