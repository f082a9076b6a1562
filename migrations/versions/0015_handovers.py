"""handovers: the handover document of each care-setting transfer

One table: a snapshot per transfer (unique), the document and its FHIR R4 Bundle as JSON,
frozen when the transfer is recorded.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 12:30:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handovers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('transfer_id', sa.Integer(), nullable=False),
    sa.Column('transferred_on', sa.Date(), nullable=False),
    sa.Column('from_setting', sa.String(length=20), nullable=True),
    sa.Column('to_setting', sa.String(length=20), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('fhir_bundle', sa.JSON(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_handovers_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_handovers_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['transfer_id'], ['care_setting_transfers.id'], name=op.f('fk_handovers_transfer_id_care_setting_transfers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handovers')),
    sa.UniqueConstraint('transfer_id', name=op.f('uq_handovers_transfer_id'))
    )
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handovers_client_id'), ['client_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handovers_client_id'))

    op.drop_table('handovers')
