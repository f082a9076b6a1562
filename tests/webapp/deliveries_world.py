"""A client's delivered day, a fixture module exposed by ``tests/webapp/conftest.py`` and
``tests/browser/conftest.py`` (built on the route tests' ``day``): the first stop of a
published route delivered with a photo, chilled food too warm and one unit refused, and ten
more days of orders after it (``delivered``)."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.api.delivery_world import order_again, published
from tests.setup_calls import setup

PHOTO = "proof-photos/0123456789abcdef.jpg"
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64 + b"\xff\xd9"  # the start and end markers of a JPEG


@pytest.fixture
def delivered(http, day, app):
    """The first stop of a published route delivered with a photo, chilled food too warm and
    one unit refused; ten more days of orders after it; the client's id and refused item."""
    _, _, stop, url = published(http, day)
    item = next(i for i in stop["items"] if i["storage_class"] == "frozen")
    (Path(app.instance_path) / PHOTO).parent.mkdir(parents=True, exist_ok=True)
    (Path(app.instance_path) / PHOTO).write_bytes(JPEG)
    setup(http.post(url, headers=day.h, json={
        "outcome": "delivered", "received_by": "Mevrouw Claes", "photo_ref": PHOTO, "chilled_c": 8.5,
        "frozen_c": -19.0, "refused": [{"order_id": item["order_id"], "variant_id": item["variant_id"],
                                        "units": 1, "reason": "Lust dit niet"}]}))
    for days in range(1, 11):
        order_again(day, day.date + timedelta(days=days))
    yield stop["client_id"], item
    (Path(app.instance_path) / PHOTO).unlink(missing_ok=True)
