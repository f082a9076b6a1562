"""catalogue owner and changes awaiting approval, exceptional charge prices

Dishes that exist already get no owner: they stay the platform's shared catalogue, which
only platform admins change. A charge's price_reason is set only for an admin's
exceptional price.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 07:17:16.256948
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('catalogue_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dish_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('proposed_by', sa.Integer(), nullable=True),
    sa.Column('proposed_by_name', sa.String(length=80), nullable=False),
    sa.Column('proposed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_by_name', sa.String(length=80), nullable=True),
    sa.Column('decided_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('result_variant_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_catalogue_changes_decided_by_users')),
    sa.ForeignKeyConstraint(['dish_id'], ['dishes.id'], name=op.f('fk_catalogue_changes_dish_id_dishes')),
    sa.ForeignKeyConstraint(['proposed_by'], ['users.id'], name=op.f('fk_catalogue_changes_proposed_by_users')),
    sa.ForeignKeyConstraint(['result_variant_id'], ['dish_variants.id'], name=op.f('fk_catalogue_changes_result_variant_id_dish_variants')),
    sa.ForeignKeyConstraint(['variant_id'], ['dish_variants.id'], name=op.f('fk_catalogue_changes_variant_id_dish_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_changes'))
    )
    with op.batch_alter_table('catalogue_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalogue_changes_dish_id'), ['dish_id'], unique=False)

    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('price_reason', sa.String(length=500), nullable=True))

    with op.batch_alter_table('dishes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_dishes_owner_organisation_id'), ['owner_organisation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_dishes_owner_organisation_id_organisations'), 'organisations', ['owner_organisation_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('dishes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_dishes_owner_organisation_id_organisations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_dishes_owner_organisation_id'))
        batch_op.drop_column('owner_organisation_id')

    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_column('price_reason')

    with op.batch_alter_table('catalogue_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalogue_changes_dish_id'))

    op.drop_table('catalogue_changes')
