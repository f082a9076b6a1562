"""client portal: client accounts, invitations, messages, regeneration steps

``users.client_id`` ties a client's own account (role client) to their record;
``client_invitations`` hold the one-time codes a dietitian hands a client (only a
SHA-256 digest, with an expiry and the moment it was used); ``portal_messages`` the
thread between a client (or their caregiver) and the dietitian, with read receipts;
``dish_variants.regeneration`` the reheating steps per appliance of a variant.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 14:00:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_users_client_id'), ['client_id'])
        batch_op.create_foreign_key(batch_op.f('fk_users_client_id_clients'), 'clients', ['client_id'], ['id'])

    with op.batch_alter_table('dish_variants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regeneration', sa.JSON(), nullable=True))

    op.create_table('client_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('redeemed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_invitations_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_client_invitations_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_client_invitations_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_client_invitations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_invitations')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_client_invitations_code_hash'))
    )
    with op.batch_alter_table('client_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_invitations_client_id'), ['client_id'], unique=False)

    op.create_table('portal_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=True),
    sa.Column('from_client_side', sa.Boolean(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('sent_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('read_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_portal_messages_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_portal_messages_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['read_by'], ['users.id'], name=op.f('fk_portal_messages_read_by_users')),
    sa.ForeignKeyConstraint(['sender_id'], ['users.id'], name=op.f('fk_portal_messages_sender_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portal_messages'))
    )
    with op.batch_alter_table('portal_messages', schema=None) as batch_op:
        batch_op.create_index('ix_portal_messages_client_sent', ['client_id', 'sent_at'], unique=False)
        batch_op.create_index('ix_portal_messages_org_unread', ['organisation_id', 'read_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('portal_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_portal_messages_org_unread')
        batch_op.drop_index('ix_portal_messages_client_sent')
    op.drop_table('portal_messages')
    with op.batch_alter_table('client_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_invitations_client_id'))
    op.drop_table('client_invitations')
    with op.batch_alter_table('dish_variants', schema=None) as batch_op:
        batch_op.drop_column('regeneration')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_client_id_clients'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_users_client_id'), type_='unique')
        batch_op.drop_column('client_id')
