"""The nightly reorder run: consumption posting, home reordering, central replenishment."""
