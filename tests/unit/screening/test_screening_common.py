"""Spec, "Common rules": BMI and weight-loss rounding, earlier weight, age, calendar months."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from nutriplat.screening.domain import (
    Measurement,
    add_months,
    age_at,
    bmi,
    business_date,
    earlier_weight,
    weight_loss_kg,
    weight_loss_percent,
)


class TestBmi:
    @pytest.mark.parametrize("weight, height, expected", [
        (70, 175, 22.9),
        (53.4, 170, 18.5),   # 18.477 rounds ONTO the MUST/NRS edge 18.5
        (57.9, 170, 20.0),   # 20.035 rounds onto 20.0 (MUST: 1 point, not 0)
        (73.8, 200, 18.5),   # exactly 18.45: half-up
        (74.6, 200, 18.7),   # exactly 18.65: half-up (round() would say 18.6)
        (81.8, 200, 20.5),   # exactly 20.45 → 20.5
        (80.2, 200, 20.1),   # exactly 20.05 → 20.1
        (Decimal("61.6"), Decimal("165.0"), 22.6),
    ])
    def test_is_rounded_half_up_to_one_decimal(self, weight, height, expected):
        assert bmi(weight, height) == expected

    def test_half_up_differs_from_python_round(self):
        assert round(74.6 / 4, 1) == 18.6  # banker's/binary rounding: the trap we avoid
        assert bmi(74.6, 200) == 18.7

    @pytest.mark.parametrize("weight, height", [(0, 170), (-70, 170), (70, 0), (70, -1)])
    def test_rejects_non_positive_measurements(self, weight, height):
        with pytest.raises(ValueError):
            bmi(weight, height)

    def test_rejects_booleans(self):
        with pytest.raises(TypeError):
            bmi(True, 170)


class TestWeightLossPercent:
    @pytest.mark.parametrize("earlier, current, expected", [
        (70.0, 61.6, 12.0),    # the spec's example
        (80, 76.04, 5.0),      # exactly 4.95 → 5.0 (half-up), MUST 1 point
        (80, 76.0, 5.0),
        (80, 76.08, 4.9),      # 4.9
        (100, 90.0, 10.0),
        (100, 89.95, 10.1),    # exactly 10.05 → 10.1
        (70, 72, 0.0),         # a gain counts as 0 % loss
        (70, 70, 0.0),
    ])
    def test_is_rounded_half_up_and_a_gain_is_zero(self, earlier, current, expected):
        assert weight_loss_percent(earlier, current) == expected

    def test_rejects_non_positive_weights(self):
        with pytest.raises(ValueError):
            weight_loss_percent(0, 60)


class TestWeightLossKg:
    def test_is_exact_decimal_arithmetic(self):
        assert 64.1 - 61.1 != 3.0  # float subtraction would cross the MNA-SF 3.0 kg edge
        assert weight_loss_kg(64.1, 61.1) == 3.0

    def test_a_gain_is_zero(self):
        assert weight_loss_kg(60, 62.5) == 0.0


class TestAddMonths:
    @pytest.mark.parametrize("start, months, expected", [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),   # clamp to month end
        (date(2028, 1, 31), 1, date(2028, 2, 29)),   # leap year
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2026, 10, 31), -3, date(2026, 7, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),  # year roll-over
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 5, 31), 12, date(2027, 5, 31)),
        (date(2026, 4, 30), 0, date(2026, 4, 30)),
    ])
    def test_calendar_months_clamped_to_month_end(self, start, months, expected):
        assert add_months(start, months) == expected


class TestAgeAt:
    @pytest.mark.parametrize("born, on, expected", [
        (date(1956, 10, 1), date(2026, 10, 1), 70),   # birthday: year completed
        (date(1956, 10, 2), date(2026, 10, 1), 69),   # the day before
        (date(1956, 1, 1), date(2026, 12, 31), 70),
        (date(1952, 2, 29), date(2026, 2, 28), 73),   # leap-day birthday not yet reached
        (date(1952, 2, 29), date(2026, 3, 1), 74),
        (date(2026, 10, 1), date(2026, 10, 1), 0),
    ])
    def test_completed_years(self, born, on, expected):
        assert age_at(born, on) == expected

    def test_birth_after_date_is_an_error(self):
        with pytest.raises(ValueError):
            age_at(date(2027, 1, 1), date(2026, 1, 1))


class TestBusinessDate:
    @pytest.mark.parametrize("value, expected", [
        (datetime(2026, 3, 31, 22, 30, tzinfo=UTC), date(2026, 4, 1)),  # CEST +2
        (datetime(2026, 1, 31, 23, 30, tzinfo=UTC), date(2026, 2, 1)),  # CET +1
        (datetime(2026, 1, 31, 22, 59, tzinfo=UTC), date(2026, 1, 31)),
        (datetime(2026, 1, 31, 23, 30), date(2026, 1, 31)),   # naive: already local
        (date(2026, 1, 31), date(2026, 1, 31)),
    ])
    def test_is_the_brussels_calendar_date(self, value, expected):
        assert business_date(value) == expected

    def test_rejects_strings(self):
        with pytest.raises(TypeError):
            business_date("2026-01-31")


class TestEarlierWeight:
    ON = date(2026, 10, 1)

    def test_latest_weight_on_or_before_the_cutoff(self):
        history = [(date(2026, 3, 1), 72.0), (date(2026, 4, 1), 70.0), (date(2026, 4, 2), 69.0)]
        assert earlier_weight(history, self.ON, 6).value == 70.0  # cut-off 2026-04-01 inclusive

    def test_a_weight_the_day_after_the_cutoff_does_not_count(self):
        assert earlier_weight([(date(2026, 4, 2), 69.0)], self.ON, 6) is None

    def test_none_without_history(self):
        assert earlier_weight([], self.ON, 3) is None

    def test_cutoff_is_clamped_at_month_end(self):
        # 31 August − 6 months = 28 February
        history = [(date(2026, 2, 28), 70.0), (date(2026, 3, 1), 68.0)]
        assert earlier_weight(history, date(2026, 8, 31), 6).value == 70.0

    def test_order_of_history_does_not_matter_and_timestamps_are_compared(self):
        history = [
            Measurement(datetime(2026, 4, 1, 18, 0, tzinfo=UTC), 69.5, "b"),
            Measurement(datetime(2026, 4, 1, 8, 0, tzinfo=UTC), 70.0, "a"),
            Measurement(date(2026, 1, 5), 71.0, "c"),
        ]
        found = earlier_weight(history, self.ON, 6)
        assert (found.value, found.id) == (69.5, "b")

    def test_a_late_evening_utc_timestamp_belongs_to_the_next_brussels_day(self):
        late = Measurement(datetime(2026, 4, 1, 22, 30, tzinfo=UTC), 70.0)  # 2 April
        assert earlier_weight([late], self.ON, 6) is None

    def test_same_day_entries_the_last_listed_wins(self):
        history = [(date(2026, 4, 1), 70.0, 1), (date(2026, 4, 1), 70.4, 2)]
        assert earlier_weight(history, self.ON, 6).id == 2
