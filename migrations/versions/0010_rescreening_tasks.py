"""rescreening tasks: the 06:00 work list (one task per client and due date: unique key)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 21:45:40.157106
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rescreening_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=False),
    sa.Column('dietitian_id', sa.Integer(), nullable=True),
    sa.Column('done_screening_id', sa.Integer(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_rescreening_tasks_client_id_clients')),
    sa.ForeignKeyConstraint(['dietitian_id'], ['users.id'], name=op.f('fk_rescreening_tasks_dietitian_id_users')),
    sa.ForeignKeyConstraint(['done_screening_id'], ['screenings.id'], name=op.f('fk_rescreening_tasks_done_screening_id_screenings')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_rescreening_tasks_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rescreening_tasks')),
    sa.UniqueConstraint('client_id', 'due_on', name='uq_rescreening_tasks_client_due')
    )
    with op.batch_alter_table('rescreening_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rescreening_tasks_dietitian_id'), ['dietitian_id'], unique=False)
        batch_op.create_index('ix_rescreening_tasks_organisation_done', ['organisation_id', 'done_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rescreening_tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_rescreening_tasks_organisation_done')
        batch_op.drop_index(batch_op.f('ix_rescreening_tasks_dietitian_id'))

    op.drop_table('rescreening_tasks')
