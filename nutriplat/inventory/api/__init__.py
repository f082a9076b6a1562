"""The inventory's HTTP API: one flask-smorest Blueprint (``blp``) per module; who may
call what is the area's policy table (``nutriplat.inventory.policy``)."""
