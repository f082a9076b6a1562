"""The package's public API as the service layer uses it, and its purity."""
import ast
import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import nutriplat.screening.domain as domain
from nutriplat.screening.domain import INSTRUMENTS, RISKS, ClientFacts, next_due, score

DOMAIN_DIR = Path(domain.__file__).parent
ON = date(2026, 10, 1)
FACTS = ClientFacts(birth_date=date(1948, 6, 1), sex="female", care_setting="home",
                    weights=[(date(2026, 3, 1), 72.0, 1), (date(2026, 4, 1), 70.0, 2),
                             (date(2026, 7, 1), 66.0, 3), (ON, 61.6, 4)],
                    heights=[(date(2025, 3, 2), 165.0, 5)], muac=[(ON, 23.5, 6)],
                    calf=[(ON, 30.0, 7)])
MINIMAL = {   # only what cannot be derived
    "must": {"acute_disease_no_intake_5_days": False},
    "mna_sf": {"food_intake_decline": "moderate", "mobility": "goes_out",
               "acute_stress_or_disease": False, "neuropsychological": "none"},
    "nrs_2002": {"reduced_intake_last_week": True, "severely_ill": False,
                 "weight_loss_5pct_within_months": 2, "intake_percent_of_requirement": 60,
                 "impaired_general_condition": True, "disease_severity": 1},
    "snaq": {"weight_loss": "more_than_6kg_last_6_months", "decreased_appetite_last_month": True,
             "supplements_or_tube_feeding_last_month": False},
    "snaq65": {"poor_appetite_last_week": True, "difficulty_stairs_or_walking": True},
    "eat_10": {"items": [1, 0, 2, 0, 0, 0, 0, 0, 0, 0]},
}
EXPECTED = {"must": (2, "high"), "mna_sf": (9, "at_risk"), "nrs_2002": (4, "at_risk"),
            "snaq": (4, "severely_malnourished"), "snaq65": (None, "red"),
            "eat_10": (3, "swallowing_problem_suspected")}


@pytest.mark.parametrize("instrument", sorted(INSTRUMENTS))
def test_each_instrument_end_to_end_with_derived_inputs(instrument):
    result = score(instrument, MINIMAL[instrument], FACTS, ON)
    assert (result.total_score, result.risk) == EXPECTED[instrument]
    assert result.risk in RISKS[instrument]
    if result.total_score is not None:
        assert sum(result.components.values()) == result.total_score
    data = result.as_dict()
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    assert set(data["derived"]) <= INSTRUMENTS[instrument].derivable
    assert data["next_due"] == next_due(instrument, result.risk, "home", ON).isoformat()


def test_registry_describes_each_instrument():
    assert list(INSTRUMENTS) == ["must", "mna_sf", "nrs_2002", "snaq", "snaq65", "eat_10"]
    for code, spec in INSTRUMENTS.items():
        assert spec.code == code and spec.name and spec.version
        assert spec.derivable <= spec.keys


def test_performed_at_timestamp_becomes_the_brussels_date():
    late = datetime(2026, 9, 30, 22, 30, tzinfo=UTC)  # 00:30 on 1 October in Brussels
    assert score("eat_10", MINIMAL["eat_10"], FACTS, late).performed_on == ON


def test_results_are_immutable():
    result = score("must", MINIMAL["must"], FACTS, ON)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.risk = "low"
    with pytest.raises(TypeError):
        result.components["bmi"] = 0


def test_public_names_exist():
    for name in domain.__all__:
        assert hasattr(domain, name), name


@pytest.mark.parametrize("path", sorted(DOMAIN_DIR.glob("*.py")), ids=lambda p: p.name)
def test_modules_are_pure_and_small(path):
    tree = ast.parse(path.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}
    assert not imported & {"flask", "flask_smorest", "sqlalchemy", "marshmallow", "nutriplat"}
    assert len(path.read_text().splitlines()) < 150


def test_next_due_guards_its_inputs():
    with pytest.raises(ValueError):
        next_due("mystery", "low", "home", ON)
    with pytest.raises(domain.ScreeningInputError) as exc:
        next_due("must", "low", None, ON)
    assert list(exc.value.errors) == ["care_setting"]
