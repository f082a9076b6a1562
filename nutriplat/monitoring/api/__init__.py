"""The monitoring HTTP API: one flask-smorest Blueprint (``blp``) per module."""
