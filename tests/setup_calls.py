"""Setup requests that must succeed.

A test arranges its world through the API (a client, a mandate, a measurement) before the
request it is about. ``setup(http.post(...))`` stands for such a setup request: it returns
the response's JSON body and fails at once, naming the request and showing the answer, when
it did not succeed (a status other than 2xx). A broken setup then reads as a broken setup, not as a
confusing failure three requests later. The request a test is about checks its own status."""
from __future__ import annotations

from typing import Any

from werkzeug.test import TestResponse


def setup(response: TestResponse) -> Any:
    """The JSON body of a setup request that succeeded (None when it has no body)."""
    request = response.request
    assert 200 <= response.status_code < 300, (
        f"setup request {request.method} {request.path} answered {response.status}: "
        f"{response.get_data(as_text=True)[:2000]}")
    return response.json if response.is_json else None
