"""Alembic migrations: the only way NutriPlat's schema is created or changed."""
