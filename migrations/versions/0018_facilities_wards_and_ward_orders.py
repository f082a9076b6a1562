"""facilities, wards and ward orders (issue 16)

Care facilities as the provider knows them: ``facility_sites``, ``wards``, ``ward_rooms``,
``ward_staff`` (a ward staff user assigned to a ward) and ``service_agreements``; a
client's current ``ward_id``/``room_id`` (and each transfer's); ward orders as delivery
orders (``facility_id``, ``ward_id``, one per ward and day; ``client_id`` now empty for
them, their lines name the resident, meal moment and day) and ``kitchen_tasks`` for
changes after a ward order's cut-off.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 13:50:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('facility_sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('lat', sa.Double(), nullable=False),
    sa.Column('lon', sa.Double(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_facility_sites_created_by_users')),
    sa.ForeignKeyConstraint(['facility_id'], ['organisations.id'], name=op.f('fk_facility_sites_facility_id_organisations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_facility_sites_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility_sites'))
    )
    with op.batch_alter_table('facility_sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_sites_facility_id'), ['facility_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_facility_sites_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('service_agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('ward_ids', sa.JSON(), nullable=False),
    sa.Column('meal_moments', sa.JSON(), nullable=False),
    sa.Column('delivery_days', sa.JSON(), nullable=False),
    sa.Column('cutoff_days_before', sa.Integer(), nullable=False),
    sa.Column('cutoff_time', sa.Time(), nullable=False),
    sa.Column('pricing', sa.String(length=20), nullable=False),
    sa.Column('price_eur', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('invoice_to', sa.String(length=20), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_service_agreements_created_by_users')),
    sa.ForeignKeyConstraint(['facility_id'], ['organisations.id'], name=op.f('fk_service_agreements_facility_id_organisations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_service_agreements_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_agreements'))
    )
    with op.batch_alter_table('service_agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_agreements_facility_id'), ['facility_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_agreements_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('wards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('setting', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_wards_created_by_users')),
    sa.ForeignKeyConstraint(['facility_id'], ['organisations.id'], name=op.f('fk_wards_facility_id_organisations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_wards_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['site_id'], ['facility_sites.id'], name=op.f('fk_wards_site_id_facility_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wards')),
    sa.UniqueConstraint('site_id', 'name', name='uq_wards_site_name')
    )
    with op.batch_alter_table('wards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wards_facility_id'), ['facility_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_wards_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_wards_site_id'), ['site_id'], unique=False)

    op.create_table('ward_rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ward_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('beds', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ward_id'], ['wards.id'], name=op.f('fk_ward_rooms_ward_id_wards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ward_rooms')),
    sa.UniqueConstraint('ward_id', 'number', name='uq_ward_rooms_ward_number')
    )
    with op.batch_alter_table('ward_rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ward_rooms_ward_id'), ['ward_id'], unique=False)

    op.create_table('ward_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ward_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by', sa.Integer(), nullable=True),
    sa.Column('assigned_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by'], ['users.id'], name=op.f('fk_ward_staff_assigned_by_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ward_staff_user_id_users')),
    sa.ForeignKeyConstraint(['ward_id'], ['wards.id'], name=op.f('fk_ward_staff_ward_id_wards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ward_staff')),
    sa.UniqueConstraint('ward_id', 'user_id', name='uq_ward_staff_ward_user')
    )
    with op.batch_alter_table('ward_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ward_staff_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ward_staff_ward_id'), ['ward_id'], unique=False)

    op.create_table('kitchen_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('ward_id', sa.Integer(), nullable=False),
    sa.Column('delivery_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('wanted', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['delivery_orders.id'], name=op.f('fk_kitchen_tasks_order_id_delivery_orders')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_kitchen_tasks_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['ward_id'], ['wards.id'], name=op.f('fk_kitchen_tasks_ward_id_wards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kitchen_tasks'))
    )
    with op.batch_alter_table('kitchen_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kitchen_tasks_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kitchen_tasks_organisation_id'), ['organisation_id'], unique=False)

    with op.batch_alter_table('care_setting_transfers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ward_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('room_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_care_setting_transfers_ward_id_wards'), 'wards', ['ward_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_care_setting_transfers_room_id_ward_rooms'), 'ward_rooms', ['room_id'], ['id'])

    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ward_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('room_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_clients_ward_id'), ['ward_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_clients_ward_id_wards'), 'wards', ['ward_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_clients_room_id_ward_rooms'), 'ward_rooms', ['room_id'], ['id'])

    with op.batch_alter_table('delivery_order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('meal_moment', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('served_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_delivery_order_lines_client_id'), ['client_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_delivery_order_lines_client_id_clients'), 'clients', ['client_id'], ['id'])

    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('facility_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('ward_id', sa.Integer(), nullable=True))
        batch_op.alter_column('client_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_unique_constraint('uq_delivery_orders_ward_date', ['ward_id', 'delivery_date'])
        batch_op.create_foreign_key(batch_op.f('fk_delivery_orders_facility_id_organisations'), 'organisations', ['facility_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_delivery_orders_ward_id_wards'), 'wards', ['ward_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('delivery_orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_delivery_orders_ward_id_wards'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_delivery_orders_facility_id_organisations'), type_='foreignkey')
        batch_op.drop_constraint('uq_delivery_orders_ward_date', type_='unique')
        batch_op.alter_column('client_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('ward_id')
        batch_op.drop_column('facility_id')

    with op.batch_alter_table('delivery_order_lines', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_delivery_order_lines_client_id_clients'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_delivery_order_lines_client_id'))
        batch_op.drop_column('served_on')
        batch_op.drop_column('meal_moment')
        batch_op.drop_column('client_id')

    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_clients_room_id_ward_rooms'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_clients_ward_id_wards'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_clients_ward_id'))
        batch_op.drop_column('room_id')
        batch_op.drop_column('ward_id')

    with op.batch_alter_table('care_setting_transfers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_care_setting_transfers_room_id_ward_rooms'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_care_setting_transfers_ward_id_wards'), type_='foreignkey')
        batch_op.drop_column('room_id')
        batch_op.drop_column('ward_id')

    with op.batch_alter_table('kitchen_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kitchen_tasks_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_kitchen_tasks_order_id'))

    op.drop_table('kitchen_tasks')
    with op.batch_alter_table('ward_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ward_staff_ward_id'))
        batch_op.drop_index(batch_op.f('ix_ward_staff_user_id'))

    op.drop_table('ward_staff')
    with op.batch_alter_table('ward_rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ward_rooms_ward_id'))

    op.drop_table('ward_rooms')
    with op.batch_alter_table('wards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wards_site_id'))
        batch_op.drop_index(batch_op.f('ix_wards_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_wards_facility_id'))

    op.drop_table('wards')
    with op.batch_alter_table('service_agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_agreements_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_service_agreements_facility_id'))

    op.drop_table('service_agreements')
    with op.batch_alter_table('facility_sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facility_sites_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_facility_sites_facility_id'))

    op.drop_table('facility_sites')
