"""The slices of the client ids a nightly job is split into (nutriplat.parts)."""
from __future__ import annotations

import pytest

from nutriplat.parts import CLIENTS_PER_PART, client_parts, client_range, prefix_id


def test_parts_are_fixed_id_ranges_whatever_clients_exist():
    assert CLIENTS_PER_PART == 1_000
    assert client_parts([2500, 3, 999, 1000, 2999]) == ["c0", "c1000", "c2000"]
    assert client_parts([2500, 2001]) == ["c2000"]  # the same key with other clients in it
    assert client_parts([]) == []
    assert client_parts([5, 7001], prefix="p3:") == ["p3:c0", "p3:c7000"]


def test_a_key_gives_back_its_half_open_range_and_its_prefix():
    assert client_range("c2000") == (2000, 3000)
    assert client_range("p3:c0") == (0, 1000)
    assert prefix_id("p3:c2000") == 3
    for key in ("c2500", "x", "c-1000"):
        with pytest.raises(ValueError):
            client_range(key)
