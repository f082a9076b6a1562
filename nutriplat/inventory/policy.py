"""Who may do what with the stock (``nutriplat.policy``): the warehouses, vans and home
appliances, lots and their recalls, stock moves and counts, reorder rules and purchase orders."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN, LOGISTICS
from nutriplat.policy import Policy

STOCK_KEEPERS = (ADMIN, LOGISTICS)
# A client's home: logistics, the dietitian, and caregivers with a view mandate (the
# mandate is checked with the client, ``clients.access.load_client``), the client themself.
HOME_READERS = (ADMIN, DIETITIAN, LOGISTICS, CAREGIVER, CLIENT)

POLICY = Policy("inventory", {
    # locations and a client's delivery schedule (locations.py)
    "list_locations": STOCK_KEEPERS,
    "create_location": STOCK_KEEPERS,
    "get_location": STOCK_KEEPERS,
    "update_location": STOCK_KEEPERS,
    "get_schedule": HOME_READERS,
    "put_schedule": STOCK_KEEPERS,
    # lots and their traceability (lots.py)
    "list_lots": STOCK_KEEPERS,
    "create_lot": STOCK_KEEPERS,
    "get_lot": STOCK_KEEPERS,
    "recipients": STOCK_KEEPERS,
    "client_lots": HOME_READERS,
    # recalls: a lot blocked and accounted for place by place (recalls.py)
    "recall_lot": STOCK_KEEPERS,
    "get_recall": STOCK_KEEPERS,
    "account_recall": STOCK_KEEPERS,
    "recall_report": STOCK_KEEPERS,
    # stock on hand, moves and counts (stock.py)
    "stock_at": STOCK_KEEPERS,
    "list_moves": STOCK_KEEPERS,
    "record_move": STOCK_KEEPERS,
    "correct_count": STOCK_KEEPERS,
    # the month's units delivered, eaten, wasted, expired and stock-out days per home (home_report.py)
    "home_report": (ADMIN, DIETITIAN, LOGISTICS),
    # reorder rules and purchase orders (purchasing/)
    "list_rules": STOCK_KEEPERS,
    "create_rule": STOCK_KEEPERS,
    "update_rule": STOCK_KEEPERS,
    "list_purchase_orders": STOCK_KEEPERS,
    "create_purchase_order": STOCK_KEEPERS,
    "get_purchase_order": STOCK_KEEPERS,
    "change_proposal": STOCK_KEEPERS,
    "transition": STOCK_KEEPERS,  # approve, send or cancel a purchase order
    "receive": STOCK_KEEPERS,
})
