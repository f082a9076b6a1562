"""Chart geometry for inline SVG (no JS, no library): pure functions from values to
coordinates; the templates draw them (``macros/charts.html``)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from nutriplat.clock import BRUSSELS, business_date

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 32


class Point(Protocol):
    measured_at: datetime
    value: float


class Mark(Protocol):
    performed_at: datetime
    instrument: str
    risk: str
    total_score: int | None


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    on: date
    value: float


@dataclass(frozen=True)
class Marker:
    x: float
    on: date
    instrument: str
    risk: str
    score: int | None


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    line: str  # SVG polyline points
    dots: tuple[Dot, ...]
    markers: tuple[Marker, ...]
    y_ticks: tuple[tuple[float, float], ...]  # (y, value)
    x_ticks: tuple[tuple[float, date], ...]   # (x, date)
    plot: tuple[int, int, int, int]           # left, top, right, bottom

    @property
    def empty(self) -> bool:
        return not self.dots


def weight_chart(weights: Sequence[Point], screenings: Sequence[Mark]) -> Chart:
    """Weight (kg) over time, with a vertical marker at each screening."""
    times = [w.measured_at.timestamp() for w in weights] + \
            [s.performed_at.timestamp() for s in screenings]
    if not weights:
        return Chart(WIDTH, HEIGHT, "", (), (), (), (), (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM))
    t0, t1 = min(times), max(times)
    low, high = _nice_range([w.value for w in weights])
    x = _scale(t0, t1, LEFT, WIDTH - RIGHT)
    y = _scale(low, high, HEIGHT - BOTTOM, TOP)
    dots = tuple(Dot(x(w.measured_at.timestamp()), y(w.value), business_date(w.measured_at), w.value)
                 for w in weights)
    markers = tuple(Marker(x(s.performed_at.timestamp()), business_date(s.performed_at), s.instrument,
                           s.risk, s.total_score) for s in screenings)
    step = _tick_step(high - low)
    y_ticks = tuple((y(v), v) for v in _frange(low, high, step))
    x_ticks = tuple((x(t), datetime.fromtimestamp(t, BRUSSELS).date())
                    for t in _spread(t0, t1, 4))
    return Chart(WIDTH, HEIGHT, " ".join(f"{d.x:.1f},{d.y:.1f}" for d in dots), dots, markers,
                 y_ticks, x_ticks, (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM))


def _scale(lo: float, hi: float, out_lo: float, out_hi: float) -> Any:
    span = hi - lo
    if span == 0:
        return lambda v: (out_lo + out_hi) / 2
    return lambda v: round(out_lo + (v - lo) / span * (out_hi - out_lo), 1)


def _nice_range(values: Sequence[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    pad = max((hi - lo) * 0.1, 1.0)
    step = _tick_step(hi - lo + 2 * pad)
    return math.floor((lo - pad) / step) * step, math.ceil((hi + pad) / step) * step


def _tick_step(span: float) -> float:
    for step in (1, 2, 5, 10, 20, 50):
        if span / step <= 6:
            return float(step)
    return 100.0


def _frange(lo: float, hi: float, step: float) -> list[float]:
    count = round((hi - lo) / step)
    return [lo + i * step for i in range(count + 1)]


def _spread(t0: float, t1: float, n: int) -> list[float]:
    if t1 == t0:
        return [t0]
    return [t0 + (t1 - t0) * i / (n - 1) for i in range(n)]
