"""equipment: rented freezers and regeneration ovens as assets (issue 20, item 3); windows per weekday and more breaks per van (item 5)

Four tables: ``assets`` (serial number, model, capacity per storage class, purchase date,
state, rental tariff), ``asset_placements`` (an asset at a client's home from install day
to collect day; one open placement per asset and per home appliance location: partial
unique indexes), ``asset_tasks`` (installs and collections, carried out as route stops)
and ``repair_jobs``; ``planned_stops.task_ids`` names the tasks a stop carries out.
Item 2: ``recall_pickups`` and ``planned_stops.pickup_ids`` (a recall's collect lines on a stop).
Item 5: ``client_weekday_windows`` (a client's window on one weekday) and ``vans.more_breaks``.

Revision ID: 0023
Revises: 0021
Create Date: 2026-12-07 13:41:24
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0023'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('serial_number', sa.String(length=60), nullable=False),
    sa.Column('model', sa.String(length=120), nullable=False),
    sa.Column('capacity', sa.JSON(), nullable=False),
    sa.Column('purchase_date', sa.Date(), nullable=False),
    sa.Column('tariff_code', sa.String(length=40), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("state IN ('in_stock', 'installed', 'in_repair', 'retired')", name=op.f('ck_assets_state_known')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_assets_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_assets_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['stock_locations.id'], name=op.f('fk_assets_warehouse_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assets')),
    sa.UniqueConstraint('organisation_id', 'serial_number', name='uq_assets_organisation_serial')
    )
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assets_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('asset_placements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('installed_on', sa.Date(), nullable=False),
    sa.Column('collected_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('collected_on IS NULL OR collected_on >= installed_on', name=op.f('ck_asset_placements_dates_order')),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], name=op.f('fk_asset_placements_asset_id_assets')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_asset_placements_client_id_clients')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_asset_placements_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_asset_placements_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_asset_placements_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_placements'))
    )
    with op.batch_alter_table('asset_placements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_asset_placements_asset_id'), ['asset_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_asset_placements_client_id'), ['client_id'], unique=False)
        batch_op.create_index('uq_asset_placements_asset_open', ['asset_id'], unique=True, sqlite_where=sa.text('collected_on IS NULL'), postgresql_where=sa.text('collected_on IS NULL'))
        batch_op.create_index('uq_asset_placements_location_open', ['location_id'], unique=True, sqlite_where=sa.text('collected_on IS NULL'), postgresql_where=sa.text('collected_on IS NULL'))

    op.create_table('asset_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.Integer(), nullable=True),
    sa.Column('done_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], name=op.f('fk_asset_tasks_asset_id_assets')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_asset_tasks_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_asset_tasks_created_by_users')),
    sa.ForeignKeyConstraint(['done_by'], ['users.id'], name=op.f('fk_asset_tasks_done_by_users')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_asset_tasks_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_asset_tasks_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['stock_locations.id'], name=op.f('fk_asset_tasks_warehouse_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_tasks'))
    )
    with op.batch_alter_table('asset_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_asset_tasks_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_asset_tasks_due', ['warehouse_id', 'due_on', 'status'], unique=False)
        batch_op.create_index('uq_asset_tasks_asset_planned', ['asset_id'], unique=True, sqlite_where=sa.text("status = 'planned'"), postgresql_where=sa.text("status = 'planned'"))

    op.create_table('repair_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('reported_by', sa.String(length=10), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('replacement_asset_id', sa.Integer(), nullable=True),
    sa.Column('stock_at_risk', sa.Boolean(), nullable=False),
    sa.Column('units_at_risk', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('opened_by', sa.Integer(), nullable=True),
    sa.Column('opened_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], name=op.f('fk_repair_jobs_asset_id_assets')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_repair_jobs_client_id_clients')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_repair_jobs_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['opened_by'], ['users.id'], name=op.f('fk_repair_jobs_opened_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_repair_jobs_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['replacement_asset_id'], ['assets.id'], name=op.f('fk_repair_jobs_replacement_asset_id_assets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_jobs'))
    )
    with op.batch_alter_table('repair_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repair_jobs_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('uq_repair_jobs_asset_open', ['asset_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('task_ids', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('pickup_ids', sa.JSON(), nullable=False, server_default='[]'))

    # Issue 20 item 2: a recall's pick-up at each home holding the lot, on the next route.
    op.create_table('recall_pickups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('replacement_order_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('done_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('units > 0', name=op.f('ck_recall_pickups_units_positive')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_recall_pickups_client_id_clients')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_locations.id'], name=op.f('fk_recall_pickups_location_id_stock_locations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_recall_pickups_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_pickups_recall_id_recalls')),
    sa.ForeignKeyConstraint(['replacement_order_id'], ['delivery_orders.id'], name=op.f('fk_recall_pickups_replacement_order_id_delivery_orders')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['stock_locations.id'], name=op.f('fk_recall_pickups_warehouse_id_stock_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_pickups'))
    )
    with op.batch_alter_table('recall_pickups', schema=None) as batch_op:
        batch_op.create_index('ix_recall_pickups_due', ['warehouse_id', 'due_on', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_recall_pickups_recall_id'), ['recall_id'], unique=False)

    # Issue 20 item 5: delivery windows per weekday, more than one break per van.
    op.create_table('client_weekday_windows',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.String(length=3), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_client_weekday_windows_window_order')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_weekday_windows_client_id_clients')),
    sa.PrimaryKeyConstraint('client_id', 'weekday', name=op.f('pk_client_weekday_windows'))
    )
    with op.batch_alter_table('vans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('more_breaks', sa.JSON(), nullable=False, server_default='[]'))



def downgrade() -> None:
    with op.batch_alter_table('vans', schema=None) as batch_op:
        batch_op.drop_column('more_breaks')

    op.drop_table('client_weekday_windows')
    with op.batch_alter_table('recall_pickups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recall_pickups_recall_id'))
        batch_op.drop_index('ix_recall_pickups_due')

    op.drop_table('recall_pickups')
    with op.batch_alter_table('planned_stops', schema=None) as batch_op:
        batch_op.drop_column('pickup_ids')
        batch_op.drop_column('task_ids')

    with op.batch_alter_table('repair_jobs', schema=None) as batch_op:
        batch_op.drop_index('uq_repair_jobs_asset_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_repair_jobs_organisation_id'))

    op.drop_table('repair_jobs')
    with op.batch_alter_table('asset_tasks', schema=None) as batch_op:
        batch_op.drop_index('uq_asset_tasks_asset_planned', sqlite_where=sa.text("status = 'planned'"), postgresql_where=sa.text("status = 'planned'"))
        batch_op.drop_index('ix_asset_tasks_due')
        batch_op.drop_index(batch_op.f('ix_asset_tasks_client_id'))

    op.drop_table('asset_tasks')
    with op.batch_alter_table('asset_placements', schema=None) as batch_op:
        batch_op.drop_index('uq_asset_placements_location_open', sqlite_where=sa.text('collected_on IS NULL'), postgresql_where=sa.text('collected_on IS NULL'))
        batch_op.drop_index('uq_asset_placements_asset_open', sqlite_where=sa.text('collected_on IS NULL'), postgresql_where=sa.text('collected_on IS NULL'))
        batch_op.drop_index(batch_op.f('ix_asset_placements_client_id'))
        batch_op.drop_index(batch_op.f('ix_asset_placements_asset_id'))

    op.drop_table('asset_placements')
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assets_organisation_id'))

    op.drop_table('assets')
