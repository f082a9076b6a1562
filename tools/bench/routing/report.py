"""Human-readable and JSON output of benchmark results."""
from __future__ import annotations

import json
import statistics
from typing import TextIO

from tools.bench.routing.runner import Result


def print_text(results: list[list[Result]], out: TextIO, show_routes: bool = True) -> None:
    """One block per instance (OR-Tools first, then any compared solver), then a summary."""
    for group in results:
        for result in group:
            print(_line(result), file=out)
            if show_routes and result.solver == "ortools":
                for k, route in enumerate(result.routes, start=1):
                    print(f"  route {k}: {' '.join(map(str, route))}", file=out)
    if len(results) > 1 or len(results[0]) > 1:
        print(file=out)
        for solver in dict.fromkeys(r.solver for group in results for r in group):
            print(_summary(solver, [r for group in results for r in group if r.solver == solver]), file=out)


def _line(r: Result) -> str:
    gap = f"gap {r.gap_percent:+.2f}%" if r.gap_percent is not None else "gap n/a (no bks.csv entry)"
    health = "" if not (r.violations or r.dropped) else \
        f"  INFEASIBLE: {len(r.violations)} violations, {len(r.dropped)} unserved"
    return f"{r.instance:<10} {r.solver:<7} cost {r.cost:>10.1f}  {gap:<12} routes {len(r.routes):>3}  " \
           f"time {r.seconds:6.1f} s{health}"


def _summary(solver: str, rows: list[Result]) -> str:
    gaps = [r.gap_percent for r in rows if r.gap_percent is not None]
    bad = sum(1 for r in rows if r.violations or r.dropped)
    figures = f"mean gap {statistics.mean(gaps):.2f}%, max gap {max(gaps):.2f}%" if gaps else "no gaps"
    return f"{solver:<7} {len(rows)} instances: {figures}, mean time {statistics.mean(r.seconds for r in rows):.1f} s" \
           + (f", {bad} infeasible" if bad else "")


def print_json(results: list[list[Result]], out: TextIO) -> None:
    """A list with one object per instance; compared solvers nested under ``compare``."""
    rows = []
    for ours, *others in results:
        row = ours.as_json()
        if others:
            row["compare"] = {r.solver: r.as_json() for r in others}
        rows.append(row)
    json.dump(rows, out, indent=1)
    out.write("\n")
