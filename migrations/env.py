"""Alembic environment: the URL comes from nutriplat.migrate.alembic_config."""
from alembic import context
from sqlalchemy import pool

from nutriplat.auth.audit_partitions import not_a_partition
from nutriplat.db import make_engine
from nutriplat.models import metadata

config = context.config


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # NullPool: no connection outlives the migration run.
    engine = make_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as connection:
        # Batch mode lets ALTERs work on SQLite, which cannot alter most things in place.
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                          compare_type=True, include_name=not_a_partition)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
