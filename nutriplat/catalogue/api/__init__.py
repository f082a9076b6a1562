"""The catalogue HTTP API: one flask-smorest Blueprint (``blp``) per module."""
