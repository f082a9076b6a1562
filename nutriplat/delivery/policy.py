"""Who may do what with deliveries (``nutriplat.policy``): delivery orders, a client's
home stock on its way, the fleet, delivery windows and route plans."""
from nutriplat.auth.roles import ADMIN, CAREGIVER, CLIENT, DIETITIAN, LOGISTICS
from nutriplat.inventory.policy import HOME_READERS, STOCK_KEEPERS
from nutriplat.policy import Policy

PLANNERS = (ADMIN, LOGISTICS)  # the fleet, the plans, manifests, confirmations

POLICY = Policy("delivery", {
    # delivery orders (orders.py, fulfil.py): the stock keepers make, pick and cancel them;
    # the driver's confirmation comes through a planned stop (planning/confirm.py)
    "list_orders": STOCK_KEEPERS,
    "get_order": STOCK_KEEPERS,
    "create_order": STOCK_KEEPERS,
    "cancel_order": STOCK_KEEPERS,
    "pick_order": STOCK_KEEPERS,
    "confirm_delivery": STOCK_KEEPERS,
    # the client's side orders (extra_orders.py): the client, a caregiver with an 'order'
    # mandate (clients.access), logistics for them; before the cut-off of the day
    "create_extra_order": (*STOCK_KEEPERS, CAREGIVER, CLIENT),
    "skip_delivery": (*STOCK_KEEPERS, CAREGIVER, CLIENT),
    "list_skips": (*STOCK_KEEPERS, CAREGIVER, CLIENT),
    # a client's home stock and what is on its way (home_stock.py)
    "client_stock": HOME_READERS,
    # a client's deliveries with their proof of delivery (deliveries.py)
    "client_deliveries": HOME_READERS,
    # the fleet (depots.py, vans.py, drivers.py) and clients' delivery windows (windows.py)
    "list_depots": PLANNERS,
    "get_depot": PLANNERS,
    "put_depot": PLANNERS,
    "list_vans": PLANNERS,
    "get_van": PLANNERS,
    "create_van": PLANNERS,
    "update_van": PLANNERS,
    "retire_van": PLANNERS,
    "list_drivers": PLANNERS,
    "get_driver": PLANNERS,
    "create_driver": PLANNERS,
    "update_driver": PLANNERS,
    "retire_driver": PLANNERS,
    "get_window": PLANNERS,
    "put_window": PLANNERS,
    # route plans (planning/): plan, edit, publish, print, confirm at the door
    "list_plans": PLANNERS,
    "get_plan": PLANNERS,
    "start_plan": PLANNERS,
    "restart_plan": PLANNERS,
    "request_cancel": PLANNERS,
    "lock_route": PLANNERS,
    "move_stop": PLANNERS,
    "publish_plan": PLANNERS,
    "manifest": PLANNERS,
    "confirm_stop": PLANNERS,
    # the photo of a stop's proof of delivery (proof_photos.py): the planners, the client's dietitian
    "proof_photo": (*PLANNERS, DIETITIAN),
    # the central kitchen's production plan (production_plan.py): counts, no person
    "production_plan": PLANNERS,
    # a batch the kitchen made becomes a lot in a warehouse (production_batches.py)
    "record_production_batch": PLANNERS,
})
