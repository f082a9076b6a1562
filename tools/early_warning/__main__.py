"""``python -m tools.early_warning --days 90 [--json]`` (also ``python -m
nutriplat.monitoring.evaluate``): replay the demo population over N days through the
nightly early-warning job and print the figures, as a table or as one JSON object."""
from __future__ import annotations

import argparse
import json
import tempfile
from datetime import date
from pathlib import Path

from tools.demo import population as pop
from tools.early_warning import knobs
from tools.early_warning.replay import replay
from tools.early_warning.report import WINDOW_DAYS, figures, table

REFERENCE_DAY = date(2026, 12, 7)  # a fixed first day: the same figures on every run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m nutriplat.monitoring.evaluate", description=__doc__)
    parser.add_argument("--days", type=int, default=90, help="simulated days (default 90)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    parser.add_argument("--seed", type=int, default=pop.DEFAULT_SEED)
    parser.add_argument("--first-day", type=date.fromisoformat, default=REFERENCE_DAY)
    parser.add_argument("--lead-window", type=int, default=WINDOW_DAYS, metavar="DAYS",
                        help=f"days before an event a case counts in (default {WINDOW_DAYS}): a longer one "
                             "measures lead times beyond 14 days")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help=f"vary a parameter for this run ({', '.join(knobs.KNOBS)})")
    args = parser.parse_args(argv)
    if args.days < 1 or args.lead_window < 1:
        parser.error("--days and --lead-window must be at least 1")
    try:
        settings = knobs.apply(args.set)
    except ValueError as error:
        parser.error(str(error))
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="nutriplat-early-warning-", dir=shm if shm.is_dir() else None) as workdir:
        run = replay(Path(workdir), args.seed, args.first_day, args.days)
    window = args.lead_window
    result = figures(run, warm_up=min(window, args.days // 2), window=window) | {"settings": settings}
    print(json.dumps(result, sort_keys=True) if args.json else table(result))


if __name__ == "__main__":
    main()
