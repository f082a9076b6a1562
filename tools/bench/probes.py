"""What a benchmark of one job step reads off it besides the time: the SQL statements it sent
and, when asked, where the time went (cProfile's costliest functions)."""
from __future__ import annotations

import cProfile
import io
import pstats

from sqlalchemy import event
from sqlalchemy.engine import Engine


class StatementCount:
    """Counts the statements an engine sends from the last ``reset()`` on."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        self.count += 1

    def reset(self) -> None:
        self.count = 0


def costliest(profiler: cProfile.Profile, functions: int) -> list[str]:
    """The profile's ``functions`` costliest calls by cumulative time, as printed lines."""
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(functions)
    return out.getvalue().splitlines()
