"""login throttles per client address, web sessions behind a server-side id

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_throttles',
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.Column('touched_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_login_throttles'))
    )
    op.create_table('web_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_hash', sa.String(length=64), nullable=False),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['token_id'], ['auth_tokens.id'], name=op.f('fk_web_sessions_token_id_auth_tokens')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_sessions')),
    sa.UniqueConstraint('session_hash', name=op.f('uq_web_sessions_session_hash'))
    )
    with op.batch_alter_table('web_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_web_sessions_token_id'), ['token_id'], unique=False)
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempts_ip_at', ['ip', 'attempted_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_ip_at')
    with op.batch_alter_table('web_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_web_sessions_token_id'))
    op.drop_table('web_sessions')
    op.drop_table('login_throttles')
