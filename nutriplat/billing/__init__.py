"""Billing: plans and prices, subscriptions, invoices and credit notes, cofinancing and
vouchers, referral commissions, the development fund, royalties and healthcoins."""
