"""The demo simulation's calendar: inside ``simulated_day`` every service's "today" is the
simulated day; outside it, the clock's."""
from datetime import date

from nutriplat.clock import business_today, local_now, simulated_day


def test_today_is_the_simulated_day_inside_the_block_and_the_clock_s_day_after():
    with simulated_day(date(2027, 3, 28)):
        assert business_today() == date(2027, 3, 28)
        with simulated_day(date(2027, 3, 29)):
            assert business_today() == date(2027, 3, 29)
        assert business_today() == date(2027, 3, 28)
    assert business_today() == local_now().date()
