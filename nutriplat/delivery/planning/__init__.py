"""Route plans: build a day from the delivery orders, solve it (in the background or
not), edit, publish, confirm stops, print manifests."""
