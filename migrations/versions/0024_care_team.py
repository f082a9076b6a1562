"""notifications and care teams (issue 19 item 4)

``notification_topics`` (a matter told to several people, acknowledged once for all),
``notifications`` (one per recipient: the in-app inbox), ``notification_deliveries``
(one per external channel that reaches the recipient); ``care_team_members`` (a client's
GP, home nurse, facility, caregivers, each with the client's consent), ``alert_routes``
(a provider's choice of who is told of each early-warning rule), ``care_alerts`` and
``care_alert_recipients`` (each alert as told to the care team, and to whom).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 13:41:43
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alert_routes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_alert_routes_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_alert_routes_updated_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_routes')),
    sa.UniqueConstraint('organisation_id', 'rule', name=op.f('uq_alert_routes_organisation_id'))
    )
    op.create_table('care_team_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('consent_given_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('consent_recorded_by', sa.Integer(), nullable=True),
    sa.Column('consent_withdrawn_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('consent_withdrawn_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_care_team_members_client_id_clients')),
    sa.ForeignKeyConstraint(['consent_recorded_by'], ['users.id'], name=op.f('fk_care_team_members_consent_recorded_by_users')),
    sa.ForeignKeyConstraint(['consent_withdrawn_by'], ['users.id'], name=op.f('fk_care_team_members_consent_withdrawn_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_care_team_members_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_care_team_members_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_team_members'))
    )
    with op.batch_alter_table('care_team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_team_members_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_care_team_members_user', ['user_id'], unique=False)

    op.create_table('notification_topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.Integer(), nullable=True),
    sa.Column('acknowledged_by_name', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['users.id'], name=op.f('fk_notification_topics_acknowledged_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_topics')),
    sa.UniqueConstraint('key', name=op.f('uq_notification_topics_key'))
    )
    op.create_table('care_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_care_alerts_alert_id_alerts')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_care_alerts_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_care_alerts_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['topic_id'], ['notification_topics.id'], name=op.f('fk_care_alerts_topic_id_notification_topics')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_alerts')),
    sa.UniqueConstraint('alert_id', name=op.f('uq_care_alerts_alert_id'))
    )
    with op.batch_alter_table('care_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_alerts_client_id'), ['client_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=300), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_notifications_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_notifications_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['topic_id'], ['notification_topics.id'], name=op.f('fk_notifications_topic_id_notification_topics')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_topic_id'), ['topic_id'], unique=False)
        batch_op.create_index('ix_notifications_user_created', ['user_id', 'created_at'], unique=False)

    op.create_table('care_alert_recipients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('care_alert_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('told_as', sa.String(length=20), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['care_alert_id'], ['care_alerts.id'], name=op.f('fk_care_alert_recipients_care_alert_id_care_alerts')),
    sa.ForeignKeyConstraint(['member_id'], ['care_team_members.id'], name=op.f('fk_care_alert_recipients_member_id_care_team_members')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_care_alert_recipients_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_alert_recipients')),
    sa.UniqueConstraint('care_alert_id', 'user_id', name=op.f('uq_care_alert_recipients_care_alert_id'))
    )
    with op.batch_alter_table('care_alert_recipients', schema=None) as batch_op:
        batch_op.create_index('ix_care_alert_recipients_user', ['user_id'], unique=False)

    op.create_table('notification_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notification_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('sent_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('error', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['notification_id'], ['notifications.id'], name=op.f('fk_notification_deliveries_notification_id_notifications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_deliveries'))
    )
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_deliveries_notification_id'), ['notification_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('notification_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_deliveries_notification_id'))

    op.drop_table('notification_deliveries')
    with op.batch_alter_table('care_alert_recipients', schema=None) as batch_op:
        batch_op.drop_index('ix_care_alert_recipients_user')

    op.drop_table('care_alert_recipients')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_created')
        batch_op.drop_index(batch_op.f('ix_notifications_topic_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('care_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_alerts_client_id'))

    op.drop_table('care_alerts')
    op.drop_table('notification_topics')
    with op.batch_alter_table('care_team_members', schema=None) as batch_op:
        batch_op.drop_index('ix_care_team_members_user')
        batch_op.drop_index(batch_op.f('ix_care_team_members_client_id'))

    op.drop_table('care_team_members')
    op.drop_table('alert_routes')
