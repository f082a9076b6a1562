"""Delivery routes: depots, vans and drivers, client delivery windows, route plans solved
with ``routing/`` in the background, locking/reordering/publishing, driver manifests and
stop confirmations (which call inventory's ``confirm_delivery``)."""
