"""The inventory's steps of the nightly reorder run: what a group of clients holds and
plans (``snapshot``), consumption posting, central replenishment. The run itself and the
home delivery orders it makes are the delivery area's (``delivery.nightly_reorder``)."""
