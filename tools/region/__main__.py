"""``python -m tools.region --clients 20000 --depots 5 [--database-url URL]``: load West
Flanders into a PostgreSQL database (emptied first), then print each step's time and the
rows written as JSON."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from nutriplat.clock import business_today
from tools.region.load import load
from tools.region.places import DEPOTS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--depots", type=int, default=len(DEPOTS), choices=[len(DEPOTS)],
                        help="the region's depots (Brugge, Oostende, Roeselare, Kortrijk, Ieper)")
    parser.add_argument("--database-url", default=os.environ.get("NUTRIPLAT_DATABASE_URL"),
                        help="PostgreSQL URL (default: NUTRIPLAT_DATABASE_URL); the database is emptied first")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set NUTRIPLAT_DATABASE_URL")
    if args.clients < 1:
        parser.error("--clients must be at least 1")
    started = time.perf_counter()
    figures = load(args.database_url, args.clients, business_today())
    figures["total_s"] = round(time.perf_counter() - started, 1)
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(figures, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
