"""the reason a GLIM assessment was corrected (issue 18 follow-up)

``assessments.correction_reason``: why a correction replaces the answers of the GLIM
assessment it names (``corrects_id``), as ``screenings.correction_reason`` (0034) does
for screenings; an original assessment has none.

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-07 22:05:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0034'
down_revision = '0033'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('correction_reason', sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_column('correction_reason')
