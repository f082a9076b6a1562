"""outcome contracts: external sources, measurement audits, staff survey (issue 21 items 3, 4, 7)

``client_pseudonyms`` (a client's keyed-hash pseudonym per agreement; never the national
number), ``external_imports`` (a cofinancer's file with its reconciliation report) and
``external_figures`` (its matched rows); ``measurement_audits`` (the seeded sample of an
indicator's measurements per period and the second person's findings);
``staff_survey_responses`` (the quarterly staff-wellbeing survey).

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 17:16:52
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('staff_group', sa.String(length=20), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('score', sa.Numeric(precision=4, scale=2), nullable=False),
    sa.Column('submitted_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_staff_survey_responses_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_staff_survey_responses_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_survey_responses')),
    sa.UniqueConstraint('organisation_id', 'period', 'user_id', name='uq_staff_survey_responses_once')
    )
    with op.batch_alter_table('staff_survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_survey_responses_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('external_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('months', sa.JSON(), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('imported_by', sa.Integer(), nullable=True),
    sa.Column('imported_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'], name=op.f('fk_external_imports_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['imported_by'], ['users.id'], name=op.f('fk_external_imports_imported_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_imports')),
    sa.UniqueConstraint('agreement_id', 'source', 'checksum', name='uq_external_imports_file')
    )
    with op.batch_alter_table('external_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_imports_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('measurement_audits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=60), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('seed', sa.BigInteger(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('sample', sa.JSON(), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=True),
    sa.Column('agreement_rate', sa.Numeric(precision=5, scale=4), nullable=True),
    sa.Column('drawn_by', sa.Integer(), nullable=True),
    sa.Column('drawn_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('verified_by', sa.Integer(), nullable=True),
    sa.Column('verified_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'], name=op.f('fk_measurement_audits_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['drawn_by'], ['users.id'], name=op.f('fk_measurement_audits_drawn_by_users')),
    sa.ForeignKeyConstraint(['verified_by'], ['users.id'], name=op.f('fk_measurement_audits_verified_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_audits')),
    sa.UniqueConstraint('agreement_id', 'indicator', 'period', name='uq_measurement_audits_period')
    )
    with op.batch_alter_table('measurement_audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_audits_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('client_pseudonyms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('pseudonym', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'], name=op.f('fk_client_pseudonyms_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_pseudonyms_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_client_pseudonyms_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_pseudonyms')),
    sa.UniqueConstraint('agreement_id', 'client_id', name='uq_client_pseudonyms_agreement_client')
    )
    with op.batch_alter_table('client_pseudonyms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_pseudonyms_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_pseudonyms_pseudonym'), ['pseudonym'], unique=False)

    op.create_table('external_figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'], name=op.f('fk_external_figures_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_external_figures_client_id_clients')),
    sa.ForeignKeyConstraint(['import_id'], ['external_imports.id'], name=op.f('fk_external_figures_import_id_external_imports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_figures')),
    sa.UniqueConstraint('agreement_id', 'source', 'client_id', 'month', 'measure', name='uq_external_figures_cell')
    )
    with op.batch_alter_table('external_figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_figures_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_external_figures_import_id'), ['import_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('external_figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_figures_import_id'))
        batch_op.drop_index(batch_op.f('ix_external_figures_agreement_id'))

    op.drop_table('external_figures')
    with op.batch_alter_table('client_pseudonyms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_pseudonyms_pseudonym'))
        batch_op.drop_index(batch_op.f('ix_client_pseudonyms_agreement_id'))

    op.drop_table('client_pseudonyms')
    with op.batch_alter_table('measurement_audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_audits_agreement_id'))

    op.drop_table('measurement_audits')
    with op.batch_alter_table('external_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_imports_agreement_id'))

    op.drop_table('external_imports')
    with op.batch_alter_table('staff_survey_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_survey_responses_organisation_id'))

    op.drop_table('staff_survey_responses')
