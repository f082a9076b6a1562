"""an audit rule's verifier is a user id; the staff survey's questions as data (issue 21 items 4, 7)

``agreement_indicators.audit_rule.verified_by`` was free text (a role in words). It is now
the id of the provider's user who verifies; a text value cannot be mapped to a user, so it
moves to ``verifier_note`` and ``verified_by`` becomes null (any other admin than the one who
recorded a measurement verifies such an audit, as before). Downgrade puts the text back.

The staff survey's questions become versioned data per provider
(``staff_survey_questionnaires``); each response keeps the version it answered
(``questionnaire_version``, 1 = the five built-in questions every earlier response answered).

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-07 21:20:00
"""
import sqlalchemy as sa
from alembic import op

from nutriplat.db import UTCDateTime

INDICATORS = sa.table("agreement_indicators", sa.column("id", sa.Integer), sa.column("audit_rule", sa.JSON))
revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None


def _rewrite(change) -> None:  # type: ignore[no-untyped-def]
    bind = op.get_bind()
    for row_id, rule in bind.execute(sa.select(INDICATORS.c.id, INDICATORS.c.audit_rule)).all():
        if rule and (new := change(dict(rule))) != rule:
            bind.execute(INDICATORS.update().where(INDICATORS.c.id == row_id).values(audit_rule=new))


def _to_user(rule: dict) -> dict:
    if isinstance(rule.get("verified_by"), str):
        rule["verifier_note"], rule["verified_by"] = rule["verified_by"], None
    return rule


def _to_text(rule: dict) -> dict:
    if "verifier_note" in rule:
        rule["verified_by"] = rule.pop("verifier_note")
    return rule


def upgrade() -> None:
    _rewrite(_to_user)
    op.create_table(
        'staff_survey_questionnaires',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('effective_from', sa.String(length=6), nullable=False),
        sa.Column('questions', sa.JSON(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                                name=op.f('fk_staff_survey_questionnaires_organisation_id_organisations')),
        sa.ForeignKeyConstraint(['created_by'], ['users.id'],
                                name=op.f('fk_staff_survey_questionnaires_created_by_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_survey_questionnaires')),
        sa.UniqueConstraint('organisation_id', 'version', name='uq_staff_survey_questionnaires_version'))
    op.create_index(op.f('ix_staff_survey_questionnaires_organisation_id'), 'staff_survey_questionnaires',
                    ['organisation_id'])
    with op.batch_alter_table('staff_survey_responses') as batch_op:
        batch_op.add_column(sa.Column('questionnaire_version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('staff_survey_responses') as batch_op:
        batch_op.drop_column('questionnaire_version')
    op.drop_index(op.f('ix_staff_survey_questionnaires_organisation_id'), table_name='staff_survey_questionnaires')
    op.drop_table('staff_survey_questionnaires')
    _rewrite(_to_text)
