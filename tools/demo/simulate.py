"""``python -m tools.demo --simulate-days N``: the whole cycle, day by day, from the demo's
reference date — the scheduler's jobs at their scheduled hours (through the same runner,
recorded in the job runs) between what people do: screen, plan, buy, deliver, weigh and eat.

A simulated day is itself recorded as a job run (``demo-day``), so a second simulation
skips the days already simulated; and every step is idempotent for its day, so a day
cut off half-way is completed, not doubled, when it runs again."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from nutriplat.clock import BRUSSELS, simulated_day
from nutriplat.jobs import runs
from nutriplat.jobs.runner import RetryPolicy, run_job
from scheduler.schedule import SCHEDULE, Entry, after, scheduled
from tools.demo import population as pop
from tools.demo.simulate_steps import Day

DAY_JOB = "demo-day"
STEPS = ("screen", "plan", "reorder", "buy", "route", "deliver", "consume", "observe", "alert", "invoice", "report",
         "care", "hospital", "wards")
STEP_OF_JOB = {"rescreening-worklist": "screen", "reorder": "reorder", "route-plans": "route",
               "early-warning": "alert", "invoicing": "invoice", "indicator-snapshot": "report",
               "ward-orders": "wards"}
CONSUMPTION = {"consumption_days", "stock_moves", "stock_outs", "units_expired_at_home"}
# When people act, between the scheduler's firings (the jobs' hours come from its schedule).
PEOPLE = ((time(7), "kitchen"), (time(9), "screen"), (time(10), "plan"), (time(11), "deliver"),
          (time(12), "care_network"), (time(19), "observe"), (time(8), "hospital"), (time(6), "wards"),
          (time(8, 30), "buy"))


class Simulation:
    def __init__(self, factory: sessionmaker[Session], population: pop.Population) -> None:
        self.factory, self.population = factory, population
        self.entries, self.unscheduled = scheduled(SCHEDULE)
        self.counts: Counter[tuple[str, str]] = Counter()

    def run(self, days: int, progress: Callable[[Iterable[date]], Iterator[date]] = iter) -> Counter[tuple[str, str]]:
        first = self.population.reference_date
        for entry in self.unscheduled:
            self.counts[STEP_OF_JOB.get(entry.job, entry.job), f"{entry.job}: not registered, not run"] += 1
        for day in progress([first + timedelta(days=n) for n in range(days)]):
            self.simulate_day(day)
        return self.counts

    def simulate_day(self, day: date) -> None:
        key = day.isoformat()
        if runs.succeeded_run(self.factory, DAY_JOB, key):
            self.counts["days", "already simulated, skipped"] += 1
            return
        record = runs.start_attempt(self.factory, DAY_JOB, key, "simulation")
        if record is None:
            raise RuntimeError(f"Day {key} is being simulated by another process.")
        people = Day(self.factory, self.population, day)
        try:
            with simulated_day(day):  # the services' "today" is the simulated day
                for _at, what in self._timetable(day):
                    if isinstance(what, Entry):
                        self._job(what, day)
                    else:
                        getattr(people, what)()
        except Exception as error:
            runs.finish(self.factory, record, None, f"{type(error).__name__}: {error}")
            raise
        self.counts.update(people.counts)
        runs.finish(self.factory, record, {f"{step}: {what}": n for (step, what), n in people.counts.items()})
        self.counts["days", "simulated"] += 1

    def _timetable(self, day: date) -> list[tuple[time, Entry | str]]:
        start = datetime.combine(day, time(), BRUSSELS)
        events: list[tuple[time, Entry | str]] = list(PEOPLE)
        for entry in self.entries:
            trigger, fire = entry.trigger(), entry.trigger().get_next_fire_time(None, start)
            while fire is not None and fire.astimezone(BRUSSELS).date() == day:
                events.append((fire.astimezone(BRUSSELS).time(), entry))
                fire = trigger.get_next_fire_time(fire, after(fire))
        return sorted(events, key=lambda event: event[0])

    def _job(self, entry: Entry, day: date) -> None:
        period = entry.period_of(day)
        step = STEP_OF_JOB.get(entry.job, entry.job)
        result = run_job(self.factory, entry.job, period, trigger="simulation", policy=RetryPolicy(retries=0))
        if result.outcome == "failed":
            self.counts[step, f"{entry.job} failed: {result.reason}"] += 1
        for what, n in result.counts.items():
            self.counts["consume" if what in CONSUMPTION else step, what.replace("_", " ")] += n


def summary_rows(counts: Counter[tuple[str, str]]) -> list[tuple[str, str, int]]:
    order = {step: n for n, step in enumerate(("days", *STEPS))}
    return sorted(((step, what, n) for (step, what), n in counts.items() if n),
                  key=lambda row: (order.get(row[0], len(order)), row[1]))
