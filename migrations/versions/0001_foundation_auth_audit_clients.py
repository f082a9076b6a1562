"""foundation: auth, audit, clients

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 17:56:51.676354
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=80), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('resource', sa.String(length=40), nullable=False),
    sa.Column('resource_id', sa.String(length=40), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.Column('purpose', sa.String(length=80), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_client_at', ['client_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_user_id'), ['user_id'], unique=False)

    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.Column('attempted_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('succeeded', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempts_username_at', ['username', 'attempted_at'], unique=False)

    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('name', name=op.f('uq_organisations_name'))
    )
    op.create_table('clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('external_ref', sa.String(length=64), nullable=True),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('care_setting', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('conditions', sa.JSON(), nullable=False),
    sa.Column('referral_organisation_id', sa.Integer(), nullable=True),
    sa.Column('referral_care_line', sa.String(length=20), nullable=True),
    sa.Column('referral_date', sa.Date(), nullable=True),
    sa.Column('preparation_mode', sa.String(length=20), nullable=True),
    sa.Column('iddsi_food_level', sa.String(length=3), nullable=False),
    sa.Column('iddsi_drink_level', sa.String(length=1), nullable=False),
    sa.Column('allergies', sa.JSON(), nullable=False),
    sa.Column('dislikes', sa.JSON(), nullable=False),
    sa.Column('delivery_notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_clients_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['referral_organisation_id'], ['organisations.id'], name=op.f('fk_clients_referral_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('organisation_id', 'external_ref', name='uq_clients_org_external_ref')
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index('ix_clients_org_family_name', ['organisation_id', 'family_name'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_users_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('auth_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_auth_tokens_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_auth_tokens_token_hash'))
    )
    with op.batch_alter_table('auth_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('care_setting_transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('transferred_on', sa.Date(), nullable=False),
    sa.Column('from_setting', sa.String(length=20), nullable=True),
    sa.Column('to_setting', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_care_setting_transfers_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_care_setting_transfers_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_setting_transfers'))
    )
    with op.batch_alter_table('care_setting_transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_setting_transfers_client_id'), ['client_id'], unique=False)

    op.create_table('caregiver_mandates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('caregiver_id', sa.Integer(), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('relationship_to_client', sa.String(length=100), nullable=True),
    sa.Column('given_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['caregiver_id'], ['users.id'], name=op.f('fk_caregiver_mandates_caregiver_id_users')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_caregiver_mandates_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_caregiver_mandates_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caregiver_mandates'))
    )
    with op.batch_alter_table('caregiver_mandates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caregiver_mandates_caregiver_id'), ['caregiver_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_caregiver_mandates_client_id'), ['client_id'], unique=False)

    op.create_table('client_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_status_changes_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_client_status_changes_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_status_changes'))
    )
    with op.batch_alter_table('client_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_status_changes_client_id'), ['client_id'], unique=False)

    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('given_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_consents_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_consents_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_client_id'), ['client_id'], unique=False)

    op.create_table('intake_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('meal_slot', sa.String(length=20), nullable=False),
    sa.Column('percent_eaten', sa.Integer(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=True),
    sa.Column('fluid_ml', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_intake_records_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_intake_records_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_records'))
    )
    with op.batch_alter_table('intake_records', schema=None) as batch_op:
        batch_op.create_index('ix_intake_records_client_date', ['client_id', 'date'], unique=False)

    op.create_table('measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('measured_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('measured_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_measurements_client_id_clients')),
    sa.ForeignKeyConstraint(['measured_by'], ['users.id'], name=op.f('fk_measurements_measured_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurements'))
    )
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.create_index('ix_measurements_client_type_at', ['client_id', 'type', 'measured_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.drop_index('ix_measurements_client_type_at')

    op.drop_table('measurements')
    with op.batch_alter_table('intake_records', schema=None) as batch_op:
        batch_op.drop_index('ix_intake_records_client_date')

    op.drop_table('intake_records')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_client_id'))

    op.drop_table('consents')
    with op.batch_alter_table('client_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_status_changes_client_id'))

    op.drop_table('client_status_changes')
    with op.batch_alter_table('caregiver_mandates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caregiver_mandates_client_id'))
        batch_op.drop_index(batch_op.f('ix_caregiver_mandates_caregiver_id'))

    op.drop_table('caregiver_mandates')
    with op.batch_alter_table('care_setting_transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_setting_transfers_client_id'))

    op.drop_table('care_setting_transfers')
    with op.batch_alter_table('auth_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_tokens_user_id'))

    op.drop_table('auth_tokens')
    op.drop_table('users')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index('ix_clients_org_family_name')

    op.drop_table('clients')
    op.drop_table('organisations')
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_username_at')

    op.drop_table('login_attempts')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_organisation_id'))
        batch_op.drop_index('ix_audit_log_client_at')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
