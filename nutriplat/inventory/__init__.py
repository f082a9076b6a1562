"""Stock: locations, lots, stock moves, home reordering and central replenishment."""
