"""The indicators' HTTP API: one flask-smorest Blueprint (``blp``) per module."""
