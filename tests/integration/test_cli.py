"""The console script: db upgrade, create-organisation, create-user."""
import pytest
from flask.cli import ScriptInfo

from nutriplat.cli import main as cli


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()

    def invoke(*args, input=None):  # noqa: A002 - the name of CliRunner.invoke's argument it passes on
        return runner.invoke(cli, list(args), input=input, obj=ScriptInfo(create_app=lambda: app))

    return invoke


def test_db_upgrade_is_repeatable(run):
    result = run("db", "upgrade")
    assert result.exit_code == 0 and "head" in result.output


def test_organisation_and_user_are_created_and_can_log_in(run, http):
    assert run("create-organisation", "NutriPlat Roeselare", "--type", "provider").exit_code == 0
    result = run("create-user", "lien", "--role", "dietitian", "--organisation",
                 "NutriPlat Roeselare", "--password-stdin", input="a long secret pass\n")
    assert result.exit_code == 0, result.output
    token = http.post("/api/v1/auth/token", json={"username": "lien", "password": "a long secret pass"})
    assert token.status_code == 200


def test_the_password_is_prompted_for_twice_without_stdin(run):
    result = run("create-user", "root", "--role", "admin", input="a long secret pass\na long secret pass\n")
    assert result.exit_code == 0, result.output
    assert "a long secret pass" not in result.output


def test_cli_errors_are_one_clear_line(run):
    bad_type = run("create-organisation", "X", "--type", "bakery")
    assert bad_type.exit_code == 2 and "bakery" in bad_type.output
    short = run("create-user", "kim", "--role", "caregiver", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "password" in short.output and "Traceback" not in short.output
    no_org = run("create-user", "kim", "--role", "dietitian", "--organisation", "Nowhere",
                 "--password-stdin", input="a long secret pass\n")
    assert no_org.exit_code == 1 and "organisation" in no_org.output
    run("create-organisation", "Dup", "--type", "fund")
    duplicate = run("create-organisation", "Dup", "--type", "fund")
    assert duplicate.exit_code == 1 and "exists" in duplicate.output
