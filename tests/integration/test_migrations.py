"""The schema is made only by migrations, and the models agree with them."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from nutriplat import migrate
from nutriplat.auth.audit_partitions import not_a_partition
from nutriplat.db import make_engine
from nutriplat.models import metadata


@pytest.fixture
def scratch_url(database_url, tmp_path):
    """An empty database of the same kind as the test database."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
        return
    url = make_url(database_url)
    name = f"{url.database}_scratch"
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False),
                        isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def head_revision() -> str:
    return ScriptDirectory.from_config(migrate.alembic_config("sqlite://")).get_current_head()


def test_an_empty_database_migrates_to_head_and_back(scratch_url):
    migrate.upgrade(scratch_url)
    engine = make_engine(scratch_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
        assert {"clients", "users", "audit_log"} <= set(inspect(connection).get_table_names())
    migrate.downgrade(scratch_url, "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(scratch_url)
    engine.dispose()


def test_the_models_agree_with_the_migrated_schema(app):
    engine = app.extensions["nutriplat"].engine
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "include_name": not_a_partition})
        assert compare_metadata(context, metadata) == []
