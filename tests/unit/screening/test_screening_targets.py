"""Nutrient targets (espen_geriatric), alternative energy methods, and overrides."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from nutriplat.screening.domain import (
    RISKS,
    ClientFacts,
    ScreeningInputError,
    TargetOverride,
    compute_targets,
    diagnose_glim,
    effective_targets,
    effective_value,
    reference_weight,
    score,
)

ON = date(2026, 10, 1)


class TestReferenceWeight:
    @pytest.mark.parametrize("weight, height, expected, basis", [
        (86.5, 170, Decimal("86.5"), "actual_weight"),          # BMI 29.9
        (86.6, 170, Decimal("72.2500"), "weight_at_bmi_25"),    # BMI 29.965 rounds onto 30.0
        (120.0, 180, Decimal("81.0000"), "weight_at_bmi_25"),   # 25 × 1.8²
        (50.0, 170, Decimal("50.0"), "actual_weight"),
    ])
    def test_bmi_30_or_more_uses_the_weight_at_bmi_25(self, weight, height, expected, basis):
        assert reference_weight(weight, height) == (expected, basis)

    def test_energy_and_protein_use_the_exact_reference_weight(self):
        t = compute_targets(86.6, 170, "female")
        assert (t.reference_weight_kg, t.reference_weight_basis) == (72.3, "weight_at_bmi_25")
        assert t.energy_kcal == 2170      # 30 × 72.25 = 2167.5
        assert t.protein_g == 72          # 72.25, not 72.3 rounded again
        assert t.bmi == 30.0


class TestEnergyAndProtein:
    @pytest.mark.parametrize("weight, energy", [
        (61.5, 1850),   # 1845 → half-up to 1850
        (61.4, 1840),   # 1842
        (61.45, 1840),  # 1843.5
        (61.75, 1850),  # 1852.5
        (61.8, 1850),   # 1854
        (61.85, 1860),  # 1855.5
    ])
    def test_energy_is_30_kcal_per_kg_to_the_nearest_10(self, weight, energy):
        assert compute_targets(weight, 180, "male").energy_kcal == energy

    @pytest.mark.parametrize("weight, result, protein", [
        (62.5, None, 63),                 # 62.5 → half-up 63
        (62.4, None, 62),
        (62.5, ("must", "high"), 75),     # 1.2 × 62.5 = 75.0
        (61.25, ("must", "high"), 74),    # 73.5 → 74
        (61.2, ("must", "high"), 73),     # 73.44
    ])
    def test_protein_rounded_half_up_to_1_g(self, weight, result, protein):
        assert compute_targets(weight, 180, "male", result).protein_g == protein

    ELEVATED = frozenset({("must", "medium"), ("must", "high"), ("mna_sf", "at_risk"),
                ("mna_sf", "malnourished"), ("nrs_2002", "at_risk"),
                ("snaq", "moderately_malnourished"), ("snaq", "severely_malnourished"),
                ("snaq65", "orange"), ("snaq65", "red"), ("glim", "malnourished")})

    @pytest.mark.parametrize("pair", sorted((c, r) for c, risks in RISKS.items() for r in risks))
    def test_protein_1_2_after_the_listed_results_only(self, pair):
        t = compute_targets(70.0, 175, "female", pair)
        assert t.protein_g_per_kg == (1.2 if pair in self.ELEVATED else 1.0)
        assert t.protein_g == (84 if pair in self.ELEVATED else 70)

    def test_result_objects_and_stored_rows_are_understood(self):
        must = score("must", {"bmi": 19.0, "weight_loss_percent": 0,
                              "acute_disease_no_intake_5_days": False},
                     ClientFacts(care_setting="home"), ON)
        glim = diagnose_glim({"weight_loss_percent": 0.0, "weight_loss_period": "within_6_months",
                              "bmi": 18.0, "age": 60, "reduced_muscle_mass": "none",
                              "reduced_intake": True, "inflammation": False}, ON)
        for result in (must, glim, {"instrument": "must", "risk": "medium"},
                       {"method": "glim", "malnourished": True}):
            assert compute_targets(70.0, 175, None, result).protein_g == 84
        assert compute_targets(70.0, 175).protein_basis == "no screening or GLIM result"
        assert compute_targets(70.0, 175, None, must).protein_basis == "latest result MUST medium"

    @pytest.mark.parametrize("sex, fluid", [
        ("female", 1600), ("male", 2000), ("other", 1800), ("unknown", 1800), (None, 1800)])
    def test_fluid_by_sex(self, sex, fluid):
        assert compute_targets(70.0, 175, sex).fluid_ml == fluid

    def test_default_method_and_json_shape(self):
        t = compute_targets(70.0, 175, "female")
        assert t.as_dict() == {
            "method": "espen_geriatric", "energy_kcal": 2100, "protein_g": 70, "fluid_ml": 1600,
            "reference_weight_kg": 70.0, "reference_weight_basis": "actual_weight", "bmi": 22.9,
            "protein_g_per_kg": 1.0, "protein_basis": "no screening or GLIM result"}


class TestAlternativeMethods:
    @pytest.mark.parametrize("method, sex, weight, height, age, factor, energy", [
        # 10×60 + 6.25×165 − 5×70 − 161 = 1120.25; × 1.3 = 1456.3
        ("mifflin_st_jeor", "female", 60, 165, 70, 1.3, 1460),
        # 10×80 + 6.25×175 − 5×70 + 5 = 1548.75; × 1.5 = 2323.1
        ("mifflin_st_jeor", "male", 80, 175, 70, 1.5, 2320),
        # 66.4730 + 13.7516×80 + 5.0033×175 − 6.7550×70 = 1569.33; × 1.2 = 1883.2
        ("harris_benedict", "male", 80, 175, 70, 1.2, 1880),
        # 655.0955 + 9.5634×60 + 1.8496×165 − 4.6756×70 = 1206.79; × 1.3 = 1568.8
        ("harris_benedict", "female", 60, 165, 70, 1.3, 1570),
    ])
    def test_ree_times_activity_factor(self, method, sex, weight, height, age, factor, energy):
        t = compute_targets(weight, height, sex, method=method, age=age, activity_factor=factor)
        assert (t.method, t.energy_kcal) == (method, energy)
        assert t.protein_g == weight  # protein and fluid follow the default rules
        assert t.fluid_ml == (1600 if sex == "female" else 2000)

    def test_they_need_age_activity_factor_and_a_binary_sex(self):
        with pytest.raises(ScreeningInputError) as exc:
            compute_targets(70, 175, "other", method="mifflin_st_jeor")
        assert set(exc.value.errors) == {"sex", "age", "activity_factor"}

    @pytest.mark.parametrize("factor", [0.9, 2.6, True, "1.3"])
    def test_activity_factor_range_and_type(self, factor):
        with pytest.raises(ScreeningInputError) as exc:
            compute_targets(70, 175, "male", method="harris_benedict", age=70,
                            activity_factor=factor)
        assert list(exc.value.errors) == ["activity_factor"]


@pytest.mark.parametrize("kwargs, keys", [
    ({"weight_kg": 0}, {"weight_kg"}), ({"weight_kg": True}, {"weight_kg"}),
    ({"height_cm": -170}, {"height_cm"}), ({"height_cm": None}, {"height_cm"}),
    ({"sex": "F"}, {"sex"}), ({"method": "rule_of_thumb"}, {"method"}),
    ({"latest_result": ("must", "severe")}, {"latest_result"}),
    ({"weight_kg": "70", "height_cm": 0, "sex": "x"}, {"weight_kg", "height_cm", "sex"}),
])
def test_bad_target_inputs_name_every_key(kwargs, keys):
    args = {"weight_kg": 70.0, "height_cm": 175, "sex": "male"} | kwargs
    with pytest.raises(ScreeningInputError) as exc:
        compute_targets(**args)
    assert set(exc.value.errors) == keys


class TestOverrides:
    MAY = TargetOverride(1500, "renal diet", date(2026, 5, 1), date(2026, 5, 31))

    @pytest.mark.parametrize("on, effective, method", [
        (date(2026, 4, 30), 1800, "espen_geriatric"),
        (date(2026, 5, 1), 1500, "override"),       # valid_from inclusive
        (date(2026, 5, 31), 1500, "override"),      # valid_until inclusive
        (date(2026, 6, 1), 1800, "espen_geriatric"),
        (datetime(2026, 5, 31, 22, 30, tzinfo=UTC), 1800, "espen_geriatric"),  # 1 June
    ])
    def test_the_override_wins_while_valid(self, on, effective, method):
        result = effective_value(1800, self.MAY, on)
        assert (result.computed, result.effective) == (1800, effective)
        assert result.effective_method == method
        assert result.computed_method == "espen_geriatric"

    def test_open_ended_and_the_latest_start_wins(self):
        overrides = [TargetOverride(1500, "a", date(2026, 1, 1)),
                     TargetOverride(1700, "b", date(2026, 3, 1), date(2026, 3, 31)),
                     TargetOverride(1600, "c", date(2026, 3, 1), date(2026, 4, 30))]
        assert effective_value(1800, overrides, date(2026, 2, 1)).effective == 1500
        assert effective_value(1800, overrides, date(2026, 3, 15)).effective == 1600  # listed last
        assert effective_value(1800, overrides, date(2026, 4, 15)).effective == 1600
        assert effective_value(1800, overrides, date(2027, 1, 1)).effective == 1500
        assert effective_value(1800, None, date(2027, 1, 1)).effective == 1800

    @pytest.mark.parametrize("kwargs, keys", [
        ({"reason": " "}, {"reason"}), ({"reason": None}, {"reason"}),
        ({"value": 0}, {"value"}), ({"value": True}, {"value"}), ({"value": "1500"}, {"value"}),
        ({"valid_until": date(2026, 4, 30)}, {"valid_until"}),
        ({"valid_from": "2026-05-01"}, {"valid_from"}), ({"target": "salt_g"}, {"target"}),
        ({"value": -1, "reason": "", "valid_until": date(2026, 1, 1)},
         {"value", "reason", "valid_until"}),
    ])
    def test_invalid_overrides(self, kwargs, keys):
        args = {"value": 1500, "reason": "r", "valid_from": date(2026, 5, 1)} | kwargs
        with pytest.raises(ScreeningInputError) as exc:
            TargetOverride(**args)
        assert set(exc.value.errors) == keys

    def test_effective_targets_returns_computed_and_effective_for_each(self):
        targets = compute_targets(70.0, 175, "female")
        overrides = [TargetOverride(1400, "thickened fluids", date(2026, 9, 1), target="fluid_ml")]
        result = effective_targets(targets, overrides, ON)
        assert {k: (v.computed, v.effective, v.effective_method) for k, v in result.items()} == {
            "energy_kcal": (2100, 2100, "espen_geriatric"),
            "protein_g": (70, 70, "espen_geriatric"),
            "fluid_ml": (1600, 1400, "override")}
        assert result["fluid_ml"].as_dict()["override"] == {
            "value": 1400, "reason": "thickened fluids", "valid_from": "2026-09-01",
            "valid_until": None}

    def test_effective_targets_needs_the_target_of_each_override(self):
        with pytest.raises(ValueError):
            effective_targets(compute_targets(70.0, 175), [self.MAY], ON)


def test_an_equation_without_positive_energy_is_refused():
    with pytest.raises(ScreeningInputError) as exc:
        compute_targets(20, 100, "female", method="mifflin_st_jeor", age=150, activity_factor=1.0)
    assert list(exc.value.errors) == ["method"]


def test_override_timestamps_become_business_dates():
    o = TargetOverride(1500, "r", datetime(2026, 4, 30, 23, 0, tzinfo=UTC))
    assert o.valid_from == date(2026, 5, 1)
