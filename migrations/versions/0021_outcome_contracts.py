"""outcome contracts: indicator definitions per provider, the agreement's method and lifecycle

``indicator_definitions`` get the provider that added one (none: built in) and who did;
``agreement_indicators`` the measurement method (instrument, who measures, data source,
frequency, audit rule); ``outcome_agreements`` a status and the outcomes → objectives
tree; ``agreement_versions`` the versions of an agreement's terms, proposed and accepted;
``settlements`` the version they settle under and the invoice to the cofinancer.

Agreements made before this revision were agreed outside the platform: each gets version 1,
accepted, with the terms it has.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 14:00:00
"""
import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_definitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('created_by', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_indicator_definitions_organisation_id'), ['organisation_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_indicator_definitions_organisation_id_organisations'),
                                    'organisations', ['organisation_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_indicator_definitions_created_by_users'),
                                    'users', ['created_by'], ['id'])
    with op.batch_alter_table('agreement_indicators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instrument', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('measured_by', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('data_source', sa.String(length=60), nullable=False,
                                      server_default='nutriplat'))
        batch_op.add_column(sa.Column('frequency', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('audit_rule', sa.JSON(), nullable=True))
    with op.batch_alter_table('outcome_agreements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), nullable=False, server_default='accepted'))
        batch_op.add_column(sa.Column('outcomes', sa.JSON(), nullable=True))
    op.create_table('agreement_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('proposed_by', sa.Integer(), nullable=True),
    sa.Column('proposed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('accepted_by', sa.Integer(), nullable=True),
    sa.Column('accepted_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['outcome_agreements.id'],
                            name=op.f('fk_agreement_versions_agreement_id_outcome_agreements')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_agreement_versions_created_by_users')),
    sa.ForeignKeyConstraint(['proposed_by'], ['users.id'], name=op.f('fk_agreement_versions_proposed_by_users')),
    sa.ForeignKeyConstraint(['accepted_by'], ['users.id'], name=op.f('fk_agreement_versions_accepted_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_versions')),
    sa.UniqueConstraint('agreement_id', 'version', name='uq_agreement_versions_agreement_version')
    )
    with op.batch_alter_table('agreement_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_versions_agreement_id'), ['agreement_id'], unique=False)
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('invoice_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_settlements_invoice_id_invoices'), 'invoices',
                                    ['invoice_id'], ['id'])
    _accepted_outside_the_platform()


def _accepted_outside_the_platform() -> None:
    """Version 1, accepted, for every agreement already made: the terms it has."""
    bind = op.get_bind()
    agreements = bind.execute(sa.text(
        "SELECT id, baseline_period, starts_on, settlement_period FROM outcome_agreements")).all()
    versions = sa.table('agreement_versions', sa.column('agreement_id', sa.Integer()),
                        sa.column('version', sa.Integer()), sa.column('effective_from', sa.String()),
                        sa.column('status', sa.String()), sa.column('terms', sa.JSON()),
                        sa.column('checksum', sa.String()),
                        sa.column('created_at', nutriplat.db.UTCDateTime(timezone=True)))
    now = datetime.now(UTC)
    for agreement_id, _baseline, starts_on, kind in agreements:
        targets = {code: None if target is None else format(Decimal(str(target)).normalize(), "f")
                   for code, target in bind.execute(sa.text(
                       "SELECT d.code, i.target FROM agreement_indicators i JOIN indicator_definitions d "
                       "ON d.id = i.definition_id WHERE i.agreement_id = :a ORDER BY i.position"),
                       {"a": agreement_id})}
        rules = [{"position": position, "kind": kind, "params": params if isinstance(params, dict)
                  else json.loads(params)} for position, kind, params in bind.execute(sa.text(
                      "SELECT position, kind, params FROM payment_rules WHERE agreement_id = :a ORDER BY position"),
                      {"a": agreement_id})]
        terms = {"targets": targets, "payment_rules": rules}
        checksum = hashlib.sha256(json.dumps(terms, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        start = date.fromisoformat(str(starts_on)[:10])
        first = {"month": f"{start:%Y-%m}", "quarter": f"{start.year}Q{(start.month + 2) // 3}"}.get(
            kind, str(start.year))
        bind.execute(versions.insert().values(
            agreement_id=agreement_id, version=1, effective_from=first, status="accepted", terms=terms,
            checksum=checksum, created_at=now))


def downgrade() -> None:
    with op.batch_alter_table('settlements', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_settlements_invoice_id_invoices'), type_='foreignkey')
        batch_op.drop_column('invoice_id')
        batch_op.drop_column('version')
    with op.batch_alter_table('agreement_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_versions_agreement_id'))
    op.drop_table('agreement_versions')
    with op.batch_alter_table('outcome_agreements', schema=None) as batch_op:
        batch_op.drop_column('outcomes')
        batch_op.drop_column('status')
    with op.batch_alter_table('agreement_indicators', schema=None) as batch_op:
        batch_op.drop_column('audit_rule')
        batch_op.drop_column('frequency')
        batch_op.drop_column('data_source')
        batch_op.drop_column('measured_by')
        batch_op.drop_column('instrument')
    with op.batch_alter_table('indicator_definitions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_indicator_definitions_created_by_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_indicator_definitions_organisation_id_organisations'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_indicator_definitions_organisation_id'))
        batch_op.drop_column('created_by')
        batch_op.drop_column('organisation_id')
