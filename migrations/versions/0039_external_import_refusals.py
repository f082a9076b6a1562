"""refused imports of a cofinancer's figures (issue 21 follow-up)

``external_import_refusals``: each file the import refused — by whom, for which agreement
and source, the file's checksum and row count, the refusal's stable code and how many of
each problem — never a row or a pseudonym. The provider's admin sees them in the import
list; the audit log records each refusal too.

Revision ID: 0039
Revises: 0036
Create Date: 2026-12-08 00:00:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0039'
down_revision = '0036'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('external_import_refusals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('refused_by', sa.Integer(), nullable=True),
    sa.Column('refused_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'],
                            name=op.f('fk_external_import_refusals_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['refused_by'], ['users.id'], name=op.f('fk_external_import_refusals_refused_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_import_refusals'))
    )
    with op.batch_alter_table('external_import_refusals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_import_refusals_agreement_id'), ['agreement_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('external_import_refusals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_import_refusals_agreement_id'))
    op.drop_table('external_import_refusals')
