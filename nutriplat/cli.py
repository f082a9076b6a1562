"""The ``nutriplat`` console script: a Flask CLI group (run, db, users, jobs, plans, …).
The demo is a tool of the repository, not of the service: ``python -m tools.demo``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from nutriplat import migrate
from nutriplat.app import create_app
from nutriplat.auth import roles, services
from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.errors import DomainError


def _uow() -> UnitOfWork:
    return UnitOfWork(current_app.extensions["nutriplat"].session_factory)


def _fail(error: DomainError) -> None:
    details = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.errors.items())
    raise click.ClickException(f"{error.message} {details}".strip())


@click.group(cls=FlaskGroup, create_app=lambda: create_app(), add_version_option=False)
def main() -> None:
    """NutriPlat operations backend. Reads NUTRIPLAT_DATABASE_URL (default: a SQLite
    file under ./instance)."""


@main.group()
def db() -> None:
    """Database schema (Alembic migrations)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Migrate the database to the latest (or the given) schema."""
    migrate.upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database at {revision}.")


@main.command("create-organisation")
@click.argument("name")
@click.option("--type", "type_", required=True, type=click.Choice(roles.ORGANISATION_TYPES))
@with_appcontext
def create_organisation(name: str, type_: str) -> None:
    """Create an organisation."""
    try:
        organisation = services.create_organisation(_uow(), name, type_, SYSTEM)
    except DomainError as error:
        _fail(error)
    click.echo(f"Organisation {organisation.id}: {organisation.name} ({organisation.type}).")


@main.command("create-user")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(roles.ROLES))
@click.option("--organisation", default=None, help="Name of the user's organisation.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user(username: str, role: str, organisation: str | None, password_stdin: bool) -> None:
    """Create a user with one role; prompts for the password unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = services.create_user(_uow(), current_app.extensions["nutriplat"].passwords, SYSTEM,
                                    username, password, role, organisation)
    except DomainError as error:
        _fail(error)
    click.echo(f"User {user.id}: {user.username} ({user.role}).")


DEMO_NOT_HERE = ("The demo is a tool of the repository (tools/demo), not of the installed service: "
                 "run it from the root of a checkout.")


@main.command("demo", add_help_option=False,
              context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def demo(args: tuple[str, ...]) -> None:
    """The Roeselare pilot: ``python -m tools.demo`` with the same options, from a checkout."""
    if not (Path.cwd() / "tools" / "demo" / "__main__.py").is_file():
        raise click.ClickException(DEMO_NOT_HERE)
    # A child process, so the service's own code never imports the repository's tools.
    raise SystemExit(subprocess.call([sys.executable, "-m", "tools.demo", *args]))


def _register_more() -> None:
    from nutriplat.indicators.cli import pseudonym_key
    from nutriplat.jobs.cli import jobs
    from nutriplat.mealplans.cli import plans

    main.add_command(jobs)
    main.add_command(plans)
    main.add_command(pseudonym_key)


_register_more()
