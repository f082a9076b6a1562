"""Parts of a nightly job (shared kernel): the fixed slices of the client ids a job is split
into, so its work can run in several worker processes. A part's key names its id range
(``c2000`` is ids 2000–2999) and does not depend on which clients exist today, so a run
retried later the same day finds the parts it already did under the same keys."""
from __future__ import annotations

from collections.abc import Iterable

CLIENTS_PER_PART = 1_000


def client_parts(client_ids: Iterable[int], prefix: str = "") -> list[str]:
    """The keys of the id ranges holding ``client_ids``, in order."""
    return [f"{prefix}c{lo}" for lo in sorted({i // CLIENTS_PER_PART * CLIENTS_PER_PART for i in client_ids})]


def client_range(key: str) -> tuple[int, int]:
    """``"c2000"`` (or ``"p3:c2000"``) → (2000, 3000): the half-open id range of a part."""
    lo = int(key.rpartition("c")[2])
    if lo % CLIENTS_PER_PART or lo < 0:
        raise ValueError(f"Not a part of the client ids: {key!r}.")
    return lo, lo + CLIENTS_PER_PART


def prefix_id(key: str) -> int:
    """``"p3:c2000"`` → 3: the id a part's key starts with (a provider, a depot)."""
    return int(key.partition(":")[0][1:])
