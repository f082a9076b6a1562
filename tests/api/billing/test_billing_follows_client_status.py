"""A client's status change reaches billing (clients' ``ClientStatusChanged``, handled
after commit): the subscription pauses, resumes or ends on that date, so an ended client
is no longer invoiced; a subscription that already follows is left alone."""


def _status(http, dietitian, client_id, to, on):
    response = http.post(f"/api/v1/clients/{client_id}/status-changes", headers=dietitian.headers,
                         json={"changed_on": on, "to_status": to, "reason": "hospital stay"})
    assert response.status_code == 201, response.json
    return response


def _changes(http, dietitian, client_id):
    listed, = http.get(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers).json
    return [(c["kind"], c["effective_on"]) for c in listed["changes"]]


def test_the_subscription_pauses_resumes_and_ends_with_the_client(http, dietitian, client_id, subscribe,
                                                                   invoice_month):
    subscribe(client_id, start="2026-07-01")
    _status(http, dietitian, client_id, "active", "2026-07-01")  # not paused: nothing to resume
    _status(http, dietitian, client_id, "paused", "2026-08-11")
    _status(http, dietitian, client_id, "active", "2026-08-21")
    _status(http, dietitian, client_id, "ended", "2026-09-16")
    assert _changes(http, dietitian, client_id) == [
        ("pause", "2026-08-11"), ("resume", "2026-08-21"), ("cancel", "2026-09-16")]
    assert invoice_month("2026-09") == {"client invoices": 1}
    assert invoice_month("2026-10") == {}  # ended: no longer invoiced


def test_a_subscription_changed_by_hand_first_is_left_alone(http, dietitian, client_id, subscribe, change):
    sub = subscribe(client_id, start="2026-09-01")
    assert change(sub["id"], "pause", "2026-10-11", reason="by hand").status_code == 201
    _status(http, dietitian, client_id, "active", "2026-09-01")
    _status(http, dietitian, client_id, "paused", "2026-10-11")
    assert _changes(http, dietitian, client_id) == [("pause", "2026-10-11")]


def test_a_status_change_stands_when_the_subscription_cannot_follow(http, dietitian, client_id, subscribe,
                                                                    invoice_month):
    subscribe(client_id, start="2026-09-01")
    invoice_month("2026-09")
    _status(http, dietitian, client_id, "active", "2026-09-01")
    _status(http, dietitian, client_id, "ended", "2026-09-20")  # September is invoiced already
    assert _changes(http, dietitian, client_id) == []
