"""What a reorder run did, for the job log and the command line."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ReorderReport:
    run_date: str
    counts: Counter[str] = field(default_factory=Counter)
    attention: list[str] = field(default_factory=list)  # what logistics should look at

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def summary(self) -> str:
        done = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in sorted(self.counts.items()) if n)
        return f"Reorder {self.run_date}: {done or 'nothing to do'}."
