"""Who may do what in billing (``nutriplat.policy``). Cofinancers never reach a client's
billing (it touches a person); they see their own statements and voucher budgets."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, COFINANCER, DIETITIAN, FUND, LOGISTICS, REFERRER
from nutriplat.policy import Policy

# A caregiver: the client's subscriptions, invoices and coins under an ``order`` mandate
# (``clients.access`` checks the mandate).
POLICY = Policy("billing", {
    # A client's subscription (subscriptions.py)
    "list_subscriptions": (ADMIN, DIETITIAN, CAREGIVER),
    "create_subscription": (ADMIN, DIETITIAN),
    "change_subscription": (ADMIN, DIETITIAN),
    "withdraw_change": (ADMIN, DIETITIAN),
    # A client's billing attributes (segments.py)
    "list_attributes": (ADMIN, DIETITIAN),
    "add_attribute": (ADMIN, DIETITIAN),
    "end_attribute": (ADMIN, DIETITIAN),
    # Usage beyond the bundle: logistics bills what it delivers, at the price list (charges.py)
    "list_charges": (ADMIN, LOGISTICS),
    "record_charge": (ADMIN, LOGISTICS),
    # Healthcoins: a dietitian rewards a goal; the client or a mandated caregiver redeems
    "coin_ledger": (ADMIN, DIETITIAN, CAREGIVER, CLIENT),
    "award_coins": (DIETITIAN,),
    "redeem_coins": (ADMIN, DIETITIAN, CAREGIVER, CLIENT),
    # Invoices and credit notes (invoices.py)
    "list_invoices": (ADMIN, CAREGIVER),
    "get_invoice": (ADMIN, CAREGIVER),
    "credit_invoice": (ADMIN,),
    "change_invoice_status": (ADMIN,),
    # Ledger statements per organisation (statements.py, as CSV statement_sheets.py): a
    # cofinancer its own; a referrer its own organisation's commissions (issue 19 item 3)
    "statements": (ADMIN, COFINANCER, REFERRER, FUND),
    # The development fund's month and balance to date, on its page and in the API (fund.py)
    "fund_position": (FUND,),
    # Voucher programmes: a cofinancer sees its own budgets (cofinancing.py)
    "list_programmes": (ADMIN, COFINANCER),
    "get_programme": (ADMIN, COFINANCER),
    "create_programme": (ADMIN,),
    "issue_voucher": (ADMIN,),
    # The price list: dietitians read plans and tariffs to subscribe clients (plans.py, rates.py)
    "list_plans": (ADMIN, DIETITIAN),
    "create_plan": (ADMIN,),
    "add_plan_version": (ADMIN,),
    "list_tariffs": (ADMIN, DIETITIAN),
    "create_tariff": (ADMIN,),
    "add_tariff_price": (ADMIN,),
    "list_rates": (ADMIN,),
    "set_rate": (ADMIN,),
    # The rules billing applies: admins only
    "list_segments": (ADMIN,),
    "create_segment": (ADMIN,),
    "list_agreements": (ADMIN,),
    "create_agreement": (ADMIN,),
    "list_schemes": (ADMIN,),
    "create_scheme": (ADMIN,),
    "list_products": (ADMIN,),
    "license_product": (ADMIN,),
})
