"""A cofinancer's file layout and the keyed-hash pseudonym, without a database."""
from __future__ import annotations

from decimal import Decimal

from nutriplat.indicators import external_csv, pseudonyms
from nutriplat.indicators.domain.import_problems import texts

HASH = "0f" * 32


def test_a_pseudonym_needs_the_key_and_ignores_how_the_number_is_written():
    key = pseudonyms.agreement_key(b"secret", 1)
    assert pseudonyms.pseudonym(key, "40.01.01-001.40") == pseudonyms.pseudonym(key, "40010100140")
    assert pseudonyms.pseudonym(key, "40010100140") != pseudonyms.pseudonym(pseudonyms.agreement_key(b"secret", 2),
                                                                            "40010100140")
    assert pseudonyms.PSEUDONYM.match(pseudonyms.pseudonym(key, "40010100140"))


def test_national_numbers_are_checked_also_for_people_born_from_2000():
    assert pseudonyms.national_number_error("40.01.01-001.40") is None  # 97 − 400101001 mod 97
    assert pseudonyms.national_number_error("01.02.03-004.67") is None  # with a 2 in front: 2010203004
    assert pseudonyms.national_number_error("40.01.01-001.41") == "The check digits do not match."
    assert pseudonyms.national_number_error("4001") == "Must be 11 digits (YY.MM.DD-NNN.CC)."


def every_month(measures):
    """The same measures accepted in every month (no renegotiation)."""
    return lambda _month: measures


def parse(text, accepted):
    """The rows, and each field's problems as the API's English texts."""
    rows, problems = external_csv.parse(text, every_month(accepted))
    return rows, texts(problems)


def test_each_problem_has_a_stable_code_that_the_web_pages_translate_by():
    text = f"pseudonym,month,measure,value\n{HASH},2026-7,ed_visits,1.5\n"
    _, problems = external_csv.parse(text, every_month({"admissions"}))
    assert {name: [(p.code, dict(p.params)) for p in found] for name, found in problems.items()} == {
        "rows.2.month": [("month_format", {})], "rows.2.measure": [("measure_not_counted", {"measures": "admissions"})],
        "rows.2.value": [("value_whole", {})]}
    assert external_csv.parse("client\n", every_month(set()))[1]["file"][0].code == "header"


def test_a_measure_is_judged_by_the_measures_accepted_in_its_month():
    """A renegotiation from July adds ed_visits; a malformed month is judged against any month's."""
    by_month = {"2026-06": {"admissions"}, "2026-07": {"admissions", "ed_visits"}}
    text = (f"pseudonym,month,measure,value\n{HASH},2026-06,ed_visits,1\n{HASH},2026-07,ed_visits,1\n"
            f"{HASH},2026-7,nursing_home_admissions,1\n")
    rows, problems = external_csv.parse(text, lambda month: by_month.get(month, {"admissions", "ed_visits"}))
    assert [(row.line, row.month) for row in rows] == [(3, "2026-07")]
    assert {name: [(p.code, dict(p.params)) for p in found] for name, found in problems.items()} == {
        "rows.2.measure": [("measure_not_counted", {"measures": "admissions"})],
        "rows.4.month": [("month_format", {})],
        "rows.4.measure": [("measure_not_counted", {"measures": "admissions, ed_visits"})]}


def test_a_semicolon_file_with_decimal_commas_is_read():
    text = f"pseudonym;month;measure;value\n{HASH.upper()};2026-07;service_cost_cents;1200,00"
    rows, errors = parse(text, {"service_cost_cents"})
    assert errors == {}
    assert rows == [external_csv.SourceRow(2, HASH, "2026-07", "service_cost_cents", Decimal(1200))]


def test_every_problem_of_every_row_is_named_before_anything_is_read_further():
    text = (f"pseudonym,month,measure,value\n{HASH},2026-7,admissions,-1\n{HASH},2026-08,admissions\n"
            f"{HASH},2026-09,admissions,2\n{HASH},2026-09,admissions,3\n")
    rows, errors = parse(text, {"admissions"})
    assert errors == {"rows.2.month": ["Must be a month, YYYY-MM."], "rows.2.value": ["Must be a number, 0 or more."],
                      "rows.3.line": ["Must have 4 columns, not 3."],
                      "rows.5.pseudonym": ["Repeats line 4 (same pseudonym, month and measure)."]}
    assert [row.line for row in rows] == [4]
    header = ["The header must be pseudonym,month,measure,value."]
    assert parse("client,month\n", {"admissions"})[1] == {"file": header}
    assert parse("", {"admissions"})[1] == {"file": ["The file is empty."]}


def test_a_file_carries_the_measures_the_agreements_indicators_read_from_its_source():
    text = (f"pseudonym,month,measure,value\n{HASH},2026-07,ed_visits,2\n{HASH},2026-07,days_at_home,30\n"
            f"{HASH},2026-07,admissions,1\n{HASH},2026-07,ed_visits,1.5\n")
    rows, errors = parse(text, {"ed_visits", "days_at_home"})
    assert errors == {"rows.4.measure": ["Must be a measure the agreement counts from this source: days_at_home, "
                                         "ed_visits."],
                      "rows.5.value": ["Must be a whole number."]}
    assert [(row.measure, row.value) for row in rows] == [("ed_visits", 2), ("days_at_home", 30)]
    assert parse(text, set())[1]["rows.2.measure"] == ["The agreement counts no measure from this source."]


def test_the_cli_prints_the_agreements_key_for_the_cofinancer(monkeypatch):
    from click.testing import CliRunner

    from nutriplat.indicators.cli import pseudonym_key

    monkeypatch.delenv(pseudonyms.KEY_ENV, raising=False)
    assert CliRunner().invoke(pseudonym_key, ["3"]).exit_code == 1
    monkeypatch.setenv(pseudonyms.KEY_ENV, "secret")
    printed = CliRunner().invoke(pseudonym_key, ["3"]).output.strip()
    assert bytes.fromhex(printed) == pseudonyms.agreement_key(b"secret", 3)
