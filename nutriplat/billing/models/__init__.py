"""Billing's tables, one module per part; imported together so the mappers know each
other (``from nutriplat.billing.models import Invoice``)."""
from .cofinancing import ClientBillingAttribute, CofinancingAgreement, Segment, Voucher, VoucherProgramme
from .coins import CoinAccount, CoinEntry
from .invoices import CofinancingAllocation, Invoice, InvoiceLine
from .ledger import LedgerEntry, LicensedProduct, ReferralScheme
from .prices import BillingRate, Plan, PlanVersion, Tariff, TariffPrice
from .subscriptions import Charge, Subscription, SubscriptionChange

__all__ = [
    "BillingRate", "Charge", "ClientBillingAttribute", "CofinancingAgreement",
    "CofinancingAllocation", "CoinAccount", "CoinEntry", "Invoice", "InvoiceLine",
    "LedgerEntry", "LicensedProduct", "Plan", "PlanVersion", "ReferralScheme", "Segment",
    "Subscription", "SubscriptionChange", "Tariff", "TariffPrice", "Voucher", "VoucherProgramme",
]
