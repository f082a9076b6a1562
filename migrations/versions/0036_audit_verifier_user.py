"""an audit rule's verifier is a user id (issue 21 item 4)

``agreement_indicators.audit_rule.verified_by`` was free text (a role in words). It is now
the id of the provider's user who verifies; a text value cannot be mapped to a user, so it
moves to ``verifier_note`` and ``verified_by`` becomes null (any other admin than the one who
recorded a measurement verifies such an audit, as before). Downgrade puts the text back.

Revision ID: 0036
Revises: 0030
Create Date: 2026-12-07 21:20:00
"""
import sqlalchemy as sa
from alembic import op

INDICATORS = sa.table("agreement_indicators", sa.column("id", sa.Integer), sa.column("audit_rule", sa.JSON))
revision = '0036'
down_revision = '0030'
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


def downgrade() -> None:
    _rewrite(_to_text)
