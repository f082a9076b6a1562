"""``python -m nutriplat.monitoring.evaluate --days N [--json]``: the early-warning rules as
configured, measured against what happened on the demo population's simulated days.

The simulation and its report are tools of the repository (``tools/early_warning``), not of
the installed service: from a checkout's root this hands the same options to ``python -m
tools.early_warning`` in a child process (as ``nutriplat demo`` does), so the service's own
code never imports the repository's tools; elsewhere it says where the evaluation lives."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOT_HERE = ("The early-warning evaluation is a tool of the repository (tools/early_warning), not of the "
            "installed service: run it from the root of a checkout.")


def main(argv: list[str] | None = None) -> int:
    if not (Path.cwd() / "tools" / "early_warning" / "__main__.py").is_file():
        print(NOT_HERE, file=sys.stderr)
        return 2
    args = sys.argv[1:] if argv is None else argv
    return subprocess.call([sys.executable, "-m", "tools.early_warning", *args])


if __name__ == "__main__":
    raise SystemExit(main())
