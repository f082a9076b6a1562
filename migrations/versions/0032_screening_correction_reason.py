"""the reason a screening was corrected (issue 18 item 1)

``screenings.correction_reason``: why a correction replaces the answers of the screening
it names (``corrects_id``), kept with the result and shown in the client's history; an
original screening has none.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-07 20:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('correction_reason', sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.drop_column('correction_reason')
