"""Central replenishment by hand: reorder rules and purchase orders."""
