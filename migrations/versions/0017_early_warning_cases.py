"""early warning cases: one case per client gathering their open alerts

Three tables: ``cases`` (a client's open signals with their risk score, severity, reason
and suggested action; snooze and outcome; a unique ``open_key`` while open or snoozed),
``case_changes`` (each change of a case, on which day and why), and
``client_thresholds`` (a rule parameter set for one client, with the reason).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 12:10:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('open_key', sa.String(length=40), nullable=True),
    sa.Column('dietitian_id', sa.Integer(), nullable=True),
    sa.Column('risk_score', sa.Integer(), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('suggested_action', sa.String(length=20), nullable=False),
    sa.Column('scoring_version', sa.String(length=20), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('snooze_reason', sa.String(length=500), nullable=True),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('resolved_by', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('outcome_note', sa.String(length=500), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_cases_client_id_clients')),
    sa.ForeignKeyConstraint(['dietitian_id'], ['users.id'], name=op.f('fk_cases_dietitian_id_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_cases_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['resolved_by'], ['users.id'], name=op.f('fk_cases_resolved_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('open_key', name=op.f('uq_cases_open_key'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_dietitian_id'), ['dietitian_id'], unique=False)
        batch_op.create_index('ix_cases_organisation_status', ['organisation_id', 'status'], unique=False)

    op.create_table('case_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('change', sa.String(length=20), nullable=False),
    sa.Column('risk_score', sa.Integer(), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('why', sa.String(length=500), nullable=False),
    sa.Column('changed_by', sa.Integer(), nullable=True),
    sa.Column('changed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_changes_case_id_cases')),
    sa.ForeignKeyConstraint(['changed_by'], ['users.id'], name=op.f('fk_case_changes_changed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_changes'))
    )
    with op.batch_alter_table('case_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_changes_case_id'), ['case_id'], unique=False)


    op.create_table('client_thresholds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('parameter', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('set_by', sa.Integer(), nullable=True),
    sa.Column('set_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_thresholds_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_client_thresholds_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['set_by'], ['users.id'], name=op.f('fk_client_thresholds_set_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_thresholds')),
    sa.UniqueConstraint('client_id', 'parameter', name='uq_client_thresholds_client_parameter')
    )
    with op.batch_alter_table('client_thresholds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_thresholds_client_id'), ['client_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('client_thresholds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_thresholds_client_id'))

    op.drop_table('client_thresholds')
    with op.batch_alter_table('case_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_changes_case_id'))

    op.drop_table('case_changes')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_organisation_status')
        batch_op.drop_index(batch_op.f('ix_cases_dietitian_id'))
        batch_op.drop_index(batch_op.f('ix_cases_client_id'))

    op.drop_table('cases')
