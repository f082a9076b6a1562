"""Small-cell suppression with complementary suppression, on one-way tables.

A report shows, per indicator and period, a total and one-way breakdowns (by sex, by
care setting, …); every breakdown partitions the same clients, so its cells add up to
the total. A cell is *primary* suppressed when fewer than 5 clients make up its
denominator, or 1 to 4 clients its numerator, or — when the numerator counts clients, so
that "n of d" shows who is outside it too — fewer than 5 clients of the denominator are
outside the numerator (5 of 5 at risk, 8 of 10 at risk: the status of everyone in the
cell, or of a small group, is known). Complementary suppression then hides more,
until no hidden cell can be recovered by subtraction:

- with the total shown, a breakdown hides no cell or at least two, and what the hidden
  cells add up to (the total minus the shown cells) must itself pass the primary rule;
- with the total hidden, every breakdown hides at least one cell, or the total would
  follow from that breakdown's sum.

Indicators that share a quantity (a numerator or denominator of the same definition)
form a family and share one pattern, so no shown number in one of them gives away a
hidden one in another. Cells with no clients at all are empty, not small: they stay shown.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

THRESHOLD = 5
TOTAL: tuple[str | None, str | None] = (None, None)
Key = tuple[str | None, str | None]  # (dimension, category); TOTAL for the total


@dataclass(frozen=True)
class Cell:
    indicator: str
    dimension: str | None
    category: str | None
    numerator_clients: int  # clients contributing to the numerator
    denominator_clients: int
    counts_clients: bool = False  # the numerator is a count of the denominator's clients

    @property
    def key(self) -> Key:
        return self.dimension, self.category


def is_small(numerator_clients: int, denominator_clients: int, threshold: int = THRESHOLD,
             complement: bool = False) -> bool:
    """The primary rule; ``complement`` when the numerator's clients are a subset of the
    denominator's, so the rest (denominator − numerator, none included) must not be small."""
    if 0 < denominator_clients < threshold or 0 < numerator_clients < threshold:
        return True
    return complement and denominator_clients > 0 and 0 <= denominator_clients - numerator_clients < threshold


def families(quantities: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Indicators linked by any shared quantity key, as {indicator: family}."""
    parent = {code: code for code in quantities}

    def root(code: str) -> str:
        while parent[code] != code:
            code = parent[code]
        return code

    owner: dict[str, str] = {}
    for code, keys in quantities.items():
        for key in keys:
            if key in owner:
                parent[root(code)] = root(owner[key])
            else:
                owner[key] = code
    return {code: root(code) for code in quantities}


def suppressed(cells: Iterable[Cell], family_of: Mapping[str, str],
               threshold: int = THRESHOLD) -> set[tuple[str, str | None, str | None]]:
    """The (indicator, dimension, category) cells to hide, for the cells of one period."""
    by_family: dict[str, list[Cell]] = defaultdict(list)
    for cell in cells:
        by_family[family_of[cell.indicator]].append(cell)
    hidden: set[tuple[str, str | None, str | None]] = set()
    for members in by_family.values():
        pattern = _pattern(members, threshold)
        hidden |= {(c.indicator, c.dimension, c.category) for c in members if c.key in pattern}
    return hidden


def _pattern(cells: list[Cell], threshold: int) -> set[Key]:
    table: dict[Key, list[Cell]] = defaultdict(list)
    for cell in cells:
        table[cell.key].append(cell)
    hidden = {key for key, group in table.items()
              if any(is_small(c.numerator_clients, c.denominator_clients, threshold, c.counts_clients)
                     for c in group)}
    dimensions = sorted({dimension for dimension, _ in table if dimension is not None})
    changed = True
    while changed:
        changed = False
        for dimension in dimensions:
            keys = sorted(key for key in table if key[0] == dimension)
            hidden_here = [key for key in keys if key in hidden]
            if TOTAL in hidden:
                exposed = not hidden_here
            else:
                exposed = bool(hidden_here) and (
                    len(hidden_here) == 1 or _remainder_small(table, hidden_here, threshold))
            if exposed:
                changed = _hide_one_more(table, keys, hidden) or changed
    return hidden


def _size(group: list[Cell]) -> int:
    return max(cell.denominator_clients for cell in group)


def _remainder_small(table: Mapping[Key, list[Cell]], keys: list[Key], threshold: int) -> bool:
    """Whether the hidden cells together (total minus shown cells) fail the primary rule."""
    numerators: dict[str, int] = defaultdict(int)
    denominators: dict[str, int] = defaultdict(int)
    counted: dict[str, bool] = {}
    for key in keys:
        for cell in table[key]:
            numerators[cell.indicator] += cell.numerator_clients
            denominators[cell.indicator] += cell.denominator_clients
            counted[cell.indicator] = cell.counts_clients
    return any(is_small(numerators[code], denominators[code], threshold, counted[code]) for code in denominators)


def _hide_one_more(table: Mapping[Key, list[Cell]], keys: list[Key], hidden: set[Key]) -> bool:
    """Hide the smallest shown non-empty cell of the breakdown, else the total."""
    candidates = [key for key in keys if key not in hidden and _size(table[key]) > 0]
    if candidates:
        hidden.add(min(candidates, key=lambda key: (_size(table[key]), str(key[1]))))
        return True
    if TOTAL not in hidden:
        hidden.add(TOTAL)
        return True
    return False
