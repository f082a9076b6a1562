"""Delivery orders to clients' homes: made, picked, confirmed, billed."""
