"""``python -m tools.bench.routing FILE... --time-limit S [--compare] [--json] [--cpu-time]``

Solves each Solomon (.txt) or VRPLIB (.vrp) instance in the DIMACS convention and
prints routes, cost, gap to the bks.csv beside the file, and time. Bad input ends
with a one-line error and exit status 2, never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from tools.bench.routing import compare, runner
from tools.bench.routing.instances import InstanceError, load
from tools.bench.routing.report import print_json, print_text


class CliError(Exception):
    """Bad command-line input: reported in one line, never a traceback."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not usage + error
        raise CliError(message)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = _Parser(prog="python -m tools.bench.routing", description=__doc__.split("\n\n")[1])
    parser.add_argument("files", nargs="+", metavar="FILE", help="Solomon .txt or VRPLIB .vrp instance")
    parser.add_argument("--time-limit", type=float, required=True, metavar="S", help="seconds per instance and solver")
    parser.add_argument("--compare", action="store_true", help="also run PyVRP and VROOM (bench extra)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    parser.add_argument("--cpu-time", action="store_true",
                        help="count the limit in CPU seconds of this process (same effort whatever the machine's load)")
    args = parser.parse_args(argv)
    if not args.time_limit > 0:
        raise CliError(f"--time-limit must be greater than 0, got {args.time_limit:g}")
    if args.cpu_time and args.compare:  # PyVRP and VROOM only take wall-clock limits
        raise CliError("--cpu-time cannot be combined with --compare (PyVRP and VROOM count wall-clock time)")
    return args


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        if args.compare:
            for solver in compare.SOLVERS.values():
                _check_installed(solver)
        instances = [load(path) for path in args.files]  # all parse before any solving
        results = []
        for k, instance in enumerate(instances, start=1):
            if len(instances) > 1:
                print(f"[{k}/{len(instances)}] {instance.name} …", file=sys.stderr, flush=True)
            group = [runner.run(instance, args.time_limit, cpu_time=args.cpu_time)]
            if args.compare:
                group += [runner.run(instance, args.time_limit, name, fn) for name, fn in compare.SOLVERS.items()]
            results.append(group)
    except (CliError, InstanceError, compare.MissingSolver) as exc:
        print(f"tools.bench.routing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tools.bench.routing: interrupted", file=sys.stderr)
        return 130
    (print_json if args.json else print_text)(results, sys.stdout)
    return 0


def _check_installed(solver) -> None:
    """Fail before hours of solving if a compared solver's package is missing."""
    module = {"solve_pyvrp": ("pyvrp", "pyvrp"), "solve_vroom": ("vroom", "pyvroom")}[solver.__name__]
    compare._require(*module)


if __name__ == "__main__":
    sys.exit(main())
