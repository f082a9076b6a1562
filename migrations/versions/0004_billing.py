"""billing: plans and prices, subscriptions, charges, invoices, cofinancing, ledger, healthcoins

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 18:25:43.565294
"""
import sqlalchemy as sa
from alembic import op

import nutriplat.db

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_plans_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('organisation_id', 'code', name='uq_plans_organisation_code')
    )
    op.create_table('segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_segments_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments')),
    sa.UniqueConstraint('organisation_id', 'code', name='uq_segments_organisation_code')
    )
    op.create_table('tariffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_tariffs_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariffs')),
    sa.UniqueConstraint('organisation_id', 'code', name='uq_tariffs_organisation_code')
    )
    op.create_table('billing_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('value', sa.Numeric(precision=12, scale=4), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('value >= 0', name=op.f('ck_billing_rates_rate_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_billing_rates_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_billing_rates_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_rates')),
    sa.UniqueConstraint('organisation_id', 'key', 'effective_from', name='uq_billing_rates_org_key_from')
    )
    op.create_table('client_billing_attributes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('attribute', sa.String(length=40), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_billing_attributes_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_client_billing_attributes_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_billing_attributes'))
    )
    with op.batch_alter_table('client_billing_attributes', schema=None) as batch_op:
        batch_op.create_index('ix_client_billing_attributes_client_attribute', ['client_id', 'attribute'], unique=False)

    op.create_table('cofinancing_agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('cofinancer_id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('share_kind', sa.String(length=20), nullable=False),
    sa.Column('share_value', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('share_value >= 0', name=op.f('ck_cofinancing_agreements_share_not_negative')),
    sa.ForeignKeyConstraint(['cofinancer_id'], ['organisations.id'], name=op.f('fk_cofinancing_agreements_cofinancer_id_organisations')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_cofinancing_agreements_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_cofinancing_agreements_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_cofinancing_agreements_segment_id_segments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cofinancing_agreements'))
    )
    with op.batch_alter_table('cofinancing_agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cofinancing_agreements_cofinancer_id'), ['cofinancer_id'], unique=False)

    op.create_table('coin_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('holder_key', sa.String(length=60), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('caregiver_id', sa.Integer(), nullable=True),
    sa.Column('balance', sa.Integer(), nullable=False),
    sa.CheckConstraint('balance >= 0', name=op.f('ck_coin_accounts_balance_not_negative')),
    sa.ForeignKeyConstraint(['caregiver_id'], ['users.id'], name=op.f('fk_coin_accounts_caregiver_id_users')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_coin_accounts_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_coin_accounts_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coin_accounts')),
    sa.UniqueConstraint('holder_key', name=op.f('uq_coin_accounts_holder_key'))
    )
    op.create_table('invoices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('document_type', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('natural_key', sa.String(length=80), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('payer_type', sa.String(length=20), nullable=False),
    sa.Column('payer_client_id', sa.Integer(), nullable=True),
    sa.Column('payer_organisation_id', sa.Integer(), nullable=True),
    sa.Column('payer_name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('vat_total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('gross', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('vat_breakdown', sa.JSON(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status_changed_at', nutriplat.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['corrects_id'], ['invoices.id'], name=op.f('fk_invoices_corrects_id_invoices')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_invoices_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_invoices_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['payer_client_id'], ['clients.id'], name=op.f('fk_invoices_payer_client_id_clients')),
    sa.ForeignKeyConstraint(['payer_organisation_id'], ['organisations.id'], name=op.f('fk_invoices_payer_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('natural_key', name=op.f('uq_invoices_natural_key')),
    sa.UniqueConstraint('organisation_id', 'number', name='uq_invoices_organisation_number')
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index('ix_invoices_organisation_month', ['organisation_id', 'month'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_payer_client_id'), ['payer_client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_payer_organisation_id'), ['payer_organisation_id'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('beneficiary_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('earned_on', sa.Date(), nullable=True),
    sa.Column('source_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['organisations.id'], name=op.f('fk_ledger_entries_beneficiary_id_organisations')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_ledger_entries_client_id_clients')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_ledger_entries_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('source_key', name=op.f('uq_ledger_entries_source_key'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_beneficiary_month', ['beneficiary_id', 'month'], unique=False)

    op.create_table('plan_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('meals_per_week', sa.Integer(), nullable=False),
    sa.Column('package_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('information_platform_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('coaching_tool_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('package_price >= 0 AND information_platform_price >= 0 AND coaching_tool_price >= 0', name=op.f('ck_plan_versions_prices_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_plan_versions_created_by_users')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_versions_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_versions')),
    sa.UniqueConstraint('plan_id', 'effective_from', name='uq_plan_versions_plan_effective_from')
    )
    op.create_table('referral_schemes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('referrer_id', sa.Integer(), nullable=True),
    sa.Column('commission_kind', sa.String(length=20), nullable=False),
    sa.Column('commission_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('commission_percentage', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('commission_months', sa.Integer(), nullable=True),
    sa.Column('qualifying_days', sa.Integer(), nullable=False),
    sa.Column('fund_id', sa.Integer(), nullable=True),
    sa.Column('fund_contribution', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('commission_amount IS NULL OR commission_amount >= 0', name=op.f('ck_referral_schemes_amount_not_negative')),
    sa.CheckConstraint('fund_contribution >= 0', name=op.f('ck_referral_schemes_contribution_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_referral_schemes_created_by_users')),
    sa.ForeignKeyConstraint(['fund_id'], ['organisations.id'], name=op.f('fk_referral_schemes_fund_id_organisations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_referral_schemes_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['referrer_id'], ['organisations.id'], name=op.f('fk_referral_schemes_referrer_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_schemes'))
    )
    op.create_table('subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_subscriptions_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_subscriptions_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_subscriptions_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_subscriptions_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscriptions'))
    )
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subscriptions_client_id'), ['client_id'], unique=False)

    op.create_table('tariff_prices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tariff_id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('unit_price >= 0', name=op.f('ck_tariff_prices_price_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_tariff_prices_created_by_users')),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_tariff_prices_tariff_id_tariffs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariff_prices')),
    sa.UniqueConstraint('tariff_id', 'effective_from', name='uq_tariff_prices_tariff_effective_from')
    )
    op.create_table('voucher_programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('cofinancer_id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('voucher_value', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('budget_cap', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('committed', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('redeemed', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('committed >= 0 AND committed <= budget_cap', name=op.f('ck_voucher_programmes_within_budget')),
    sa.CheckConstraint('redeemed >= 0 AND redeemed <= committed', name=op.f('ck_voucher_programmes_redeemed_within_committed')),
    sa.CheckConstraint('voucher_value > 0', name=op.f('ck_voucher_programmes_value_positive')),
    sa.ForeignKeyConstraint(['cofinancer_id'], ['organisations.id'], name=op.f('fk_voucher_programmes_cofinancer_id_organisations')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_voucher_programmes_created_by_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_voucher_programmes_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_voucher_programmes_segment_id_segments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voucher_programmes'))
    )
    with op.batch_alter_table('voucher_programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voucher_programmes_cofinancer_id'), ['cofinancer_id'], unique=False)

    op.create_table('coin_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('coins', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('entered_on', sa.Date(), nullable=False),
    sa.Column('source_key', sa.String(length=120), nullable=True),
    sa.Column('value', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('applied', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('applied IS NULL OR (applied >= 0 AND applied <= value)', name=op.f('ck_coin_entries_applied_within_value')),
    sa.ForeignKeyConstraint(['account_id'], ['coin_accounts.id'], name=op.f('fk_coin_entries_account_id_coin_accounts')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_coin_entries_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_coin_entries_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coin_entries')),
    sa.UniqueConstraint('source_key', name=op.f('uq_coin_entries_source_key'))
    )
    with op.batch_alter_table('coin_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coin_entries_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coin_entries_client_id'), ['client_id'], unique=False)

    op.create_table('invoice_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=12, scale=4), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('vat_rate', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('source', sa.JSON(), nullable=False),
    sa.Column('credits_line_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['credits_line_id'], ['invoice_lines.id'], name=op.f('fk_invoice_lines_credits_line_id_invoice_lines')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_lines_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_lines_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('licensed_products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('dish_id', sa.Integer(), nullable=False),
    sa.Column('fund_id', sa.Integer(), nullable=False),
    sa.Column('royalty_per_unit', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('royalty_per_unit >= 0', name=op.f('ck_licensed_products_royalty_not_negative')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_licensed_products_created_by_users')),
    sa.ForeignKeyConstraint(['dish_id'], ['dishes.id'], name=op.f('fk_licensed_products_dish_id_dishes')),
    sa.ForeignKeyConstraint(['fund_id'], ['organisations.id'], name=op.f('fk_licensed_products_fund_id_organisations')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_licensed_products_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_licensed_products'))
    )
    op.create_table('subscription_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('appliance', sa.String(length=40), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_subscription_changes_plan_id_plans')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_subscription_changes_recorded_by_users')),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscriptions.id'], name=op.f('fk_subscription_changes_subscription_id_subscriptions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription_changes'))
    )
    with op.batch_alter_table('subscription_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subscription_changes_subscription_id'), ['subscription_id'], unique=False)

    op.create_table('vouchers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=True),
    sa.Column('redeemed_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('redeemed_amount IS NULL OR (redeemed_amount > 0 AND redeemed_amount <= value)', name=op.f('ck_vouchers_redeemed_within_value')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_vouchers_client_id_clients')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_vouchers_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['issued_by'], ['users.id'], name=op.f('fk_vouchers_issued_by_users')),
    sa.ForeignKeyConstraint(['programme_id'], ['voucher_programmes.id'], name=op.f('fk_vouchers_programme_id_voucher_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vouchers'))
    )
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vouchers_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vouchers_programme_id'), ['programme_id'], unique=False)

    op.create_table('charges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('charged_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('dish_id', sa.Integer(), nullable=True),
    sa.Column('variant_id', sa.Integer(), nullable=True),
    sa.Column('tariff_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('source_ref', sa.String(length=100), nullable=True),
    sa.Column('idempotency_key', sa.String(length=100), nullable=True),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('royalty_entry_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', nutriplat.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_charges_quantity_positive')),
    sa.CheckConstraint('unit_price >= 0', name=op.f('ck_charges_price_not_negative')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_charges_client_id_clients')),
    sa.ForeignKeyConstraint(['dish_id'], ['dishes.id'], name=op.f('fk_charges_dish_id_dishes')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_charges_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_charges_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_charges_recorded_by_users')),
    sa.ForeignKeyConstraint(['royalty_entry_id'], ['ledger_entries.id'], name=op.f('fk_charges_royalty_entry_id_ledger_entries')),
    sa.ForeignKeyConstraint(['tariff_id'], ['tariffs.id'], name=op.f('fk_charges_tariff_id_tariffs')),
    sa.ForeignKeyConstraint(['variant_id'], ['dish_variants.id'], name=op.f('fk_charges_variant_id_dish_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_charges')),
    sa.UniqueConstraint('organisation_id', 'idempotency_key', name='uq_charges_org_idempotency_key')
    )
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.create_index('ix_charges_client_charged_on', ['client_id', 'charged_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_charges_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('cofinancing_allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('client_invoice_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('cofinancer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('voucher_id', sa.Integer(), nullable=True),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('cofinancer_invoice_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['cofinancing_agreements.id'], name=op.f('fk_cofinancing_allocations_agreement_id_cofinancing_agreements')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_cofinancing_allocations_client_id_clients')),
    sa.ForeignKeyConstraint(['client_invoice_id'], ['invoices.id'], name=op.f('fk_cofinancing_allocations_client_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['cofinancer_id'], ['organisations.id'], name=op.f('fk_cofinancing_allocations_cofinancer_id_organisations')),
    sa.ForeignKeyConstraint(['cofinancer_invoice_id'], ['invoices.id'], name=op.f('fk_cofinancing_allocations_cofinancer_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_cofinancing_allocations_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['programme_id'], ['voucher_programmes.id'], name=op.f('fk_cofinancing_allocations_programme_id_voucher_programmes')),
    sa.ForeignKeyConstraint(['voucher_id'], ['vouchers.id'], name=op.f('fk_cofinancing_allocations_voucher_id_vouchers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cofinancing_allocations'))
    )
    with op.batch_alter_table('cofinancing_allocations', schema=None) as batch_op:
        batch_op.create_index('ix_cofinancing_allocations_cofinancer_billed', ['cofinancer_id', 'cofinancer_invoice_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('cofinancing_allocations', schema=None) as batch_op:
        batch_op.drop_index('ix_cofinancing_allocations_cofinancer_billed')

    op.drop_table('cofinancing_allocations')
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_charges_invoice_id'))
        batch_op.drop_index('ix_charges_client_charged_on')

    op.drop_table('charges')
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vouchers_programme_id'))
        batch_op.drop_index(batch_op.f('ix_vouchers_client_id'))

    op.drop_table('vouchers')
    with op.batch_alter_table('subscription_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subscription_changes_subscription_id'))

    op.drop_table('subscription_changes')
    op.drop_table('licensed_products')
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_lines_invoice_id'))

    op.drop_table('invoice_lines')
    with op.batch_alter_table('coin_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coin_entries_client_id'))
        batch_op.drop_index(batch_op.f('ix_coin_entries_account_id'))

    op.drop_table('coin_entries')
    with op.batch_alter_table('voucher_programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voucher_programmes_cofinancer_id'))

    op.drop_table('voucher_programmes')
    op.drop_table('tariff_prices')
    with op.batch_alter_table('subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subscriptions_client_id'))

    op.drop_table('subscriptions')
    op.drop_table('referral_schemes')
    op.drop_table('plan_versions')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_beneficiary_month')

    op.drop_table('ledger_entries')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_payer_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_invoices_payer_client_id'))
        batch_op.drop_index('ix_invoices_organisation_month')

    op.drop_table('invoices')
    op.drop_table('coin_accounts')
    with op.batch_alter_table('cofinancing_agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cofinancing_agreements_cofinancer_id'))

    op.drop_table('cofinancing_agreements')
    with op.batch_alter_table('client_billing_attributes', schema=None) as batch_op:
        batch_op.drop_index('ix_client_billing_attributes_client_attribute')

    op.drop_table('client_billing_attributes')
    op.drop_table('billing_rates')
    op.drop_table('tariffs')
    op.drop_table('segments')
    op.drop_table('plans')
