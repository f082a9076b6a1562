"""The clients HTTP API: one flask-smorest Blueprint (``blp``) per module."""
