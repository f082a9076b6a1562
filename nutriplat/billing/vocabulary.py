"""Billing's vocabulary."""
from typing import Final

# Facts about a client that cofinancing segments are defined on. They live in billing,
# with validity periods, because the client record does not hold them.
CLIENT_ATTRIBUTES: Final = ("increased_reimbursement", "living_alone", "low_income")

SHARE_KINDS: Final = ("percentage", "fixed")
COMMISSION_KINDS: Final = ("fixed", "percentage")
TARIFF_KINDS: Final = ("rental", "addon")
CHARGE_KINDS: Final = ("extra_meal", "addon", "package_meal")
BILLED_CHARGE_KINDS: Final = ("extra_meal", "addon")  # package meals count for royalties only
INVOICE_STATUSES: Final = ("issued", "sent", "paid", "credited")
# Who may move an invoice where by hand; "credited" only comes from a credit note.
INVOICE_TRANSITIONS: Final = {"issued": ("sent", "paid"), "sent": ("paid",), "paid": (), "credited": ()}
