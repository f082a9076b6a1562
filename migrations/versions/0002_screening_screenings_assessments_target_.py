"""screening: screenings, assessments, target overrides, care-plan marks

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:03:30.448112
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('method_version', sa.String(length=40), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('derived', sa.JSON(), nullable=False),
    sa.Column('malnourished', sa.Boolean(), nullable=False),
    sa.Column('stage', sa.Integer(), nullable=True),
    sa.Column('phenotypic', sa.JSON(), nullable=False),
    sa.Column('etiologic', sa.JSON(), nullable=False),
    sa.Column('assessed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('performed_by', sa.Integer(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_assessments_client_id_clients')),
    sa.ForeignKeyConstraint(['corrects_id'], ['assessments.id'], name=op.f('fk_assessments_corrects_id_assessments')),
    sa.ForeignKeyConstraint(['performed_by'], ['users.id'], name=op.f('fk_assessments_performed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index('ix_assessments_client_assessed', ['client_id', 'assessed_at'], unique=False)

    op.create_table('screenings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('instrument', sa.String(length=20), nullable=False),
    sa.Column('instrument_version', sa.String(length=40), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('derived', sa.JSON(), nullable=False),
    sa.Column('components', sa.JSON(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('total_score', sa.Integer(), nullable=True),
    sa.Column('risk', sa.String(length=40), nullable=False),
    sa.Column('care_setting', sa.String(length=20), nullable=True),
    sa.Column('performed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=False),
    sa.Column('performed_by', sa.Integer(), nullable=True),
    sa.Column('next_due', sa.Date(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_screenings_client_id_clients')),
    sa.ForeignKeyConstraint(['corrects_id'], ['screenings.id'], name=op.f('fk_screenings_corrects_id_screenings')),
    sa.ForeignKeyConstraint(['performed_by'], ['users.id'], name=op.f('fk_screenings_performed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screenings'))
    )
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.create_index('ix_screenings_client_performed', ['client_id', 'performed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_screenings_next_due'), ['next_due'], unique=False)

    op.create_table('target_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Numeric(precision=8, scale=1), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('set_by', sa.Integer(), nullable=True),
    sa.Column('set_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_target_overrides_client_id_clients')),
    sa.ForeignKeyConstraint(['set_by'], ['users.id'], name=op.f('fk_target_overrides_set_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_overrides'))
    )
    with op.batch_alter_table('target_overrides', schema=None) as batch_op:
        batch_op.create_index('ix_target_overrides_client_target', ['client_id', 'target'], unique=False)

    op.create_table('care_plan_marks',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('needed', sa.Boolean(), nullable=False),
    sa.Column('cause', sa.String(length=500), nullable=True),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('screening_id', sa.Integer(), nullable=True),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_care_plan_marks_assessment_id_assessments')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_care_plan_marks_client_id_clients')),
    sa.ForeignKeyConstraint(['screening_id'], ['screenings.id'], name=op.f('fk_care_plan_marks_screening_id_screenings')),
    sa.PrimaryKeyConstraint('client_id', name=op.f('pk_care_plan_marks'))
    )


def downgrade() -> None:
    op.drop_table('care_plan_marks')
    with op.batch_alter_table('target_overrides', schema=None) as batch_op:
        batch_op.drop_index('ix_target_overrides_client_target')

    op.drop_table('target_overrides')
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screenings_next_due'))
        batch_op.drop_index('ix_screenings_client_performed')

    op.drop_table('screenings')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index('ix_assessments_client_assessed')

    op.drop_table('assessments')
