"""referrals: a person referred to a provider by a GP, hospital or home-nursing service

One table: the referral as sent (through the API or as a FHIR ServiceRequest, with an
optional discharge letter kept as base64), its status through triage and a timestamp for
each step, and the client it became when accepted.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 12:00:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('referred_by', sa.Integer(), nullable=True),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=10), nullable=False),
    sa.Column('screening_instrument', sa.String(length=40), nullable=True),
    sa.Column('screening_result', sa.String(length=100), nullable=True),
    sa.Column('iddsi_food_level', sa.String(length=3), nullable=True),
    sa.Column('iddsi_drink_level', sa.String(length=1), nullable=True),
    sa.Column('allergies', sa.JSON(), nullable=False),
    sa.Column('consent_for_care', sa.Boolean(), nullable=False),
    sa.Column('letter_content_type', sa.String(length=100), nullable=True),
    sa.Column('letter_title', sa.String(length=200), nullable=True),
    sa.Column('letter_size', sa.Integer(), nullable=True),
    sa.Column('letter_data', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decline_reason', sa.String(length=500), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('handled_by', sa.Integer(), nullable=True),
    sa.Column('received_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('triaged_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('accepted_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('declined_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('activated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_referrals_client_id_clients')),
    sa.ForeignKeyConstraint(['handled_by'], ['users.id'], name=op.f('fk_referrals_handled_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_referrals_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['provider_id'], ['organisations.id'], name=op.f('fk_referrals_provider_id_organisations')),
    sa.ForeignKeyConstraint(['referred_by'], ['users.id'], name=op.f('fk_referrals_referred_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('ix_referrals_provider_status', ['provider_id', 'status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index('ix_referrals_provider_status')
        batch_op.drop_index(batch_op.f('ix_referrals_organisation_id'))

    op.drop_table('referrals')
