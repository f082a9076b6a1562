"""A new message in the portal's thread is told through the notification inbox: the
client's side writing tells their dietitian, the dietitian writing tells the client and
their caregivers — never the writer, and never the message's text."""
from tests.setup_calls import setup


def _told(http, headers):
    return [(n["kind"], n["client_id"]) for n in http.get("/api/v1/notifications", headers=headers).json]


def test_the_clients_message_tells_their_dietitian(http, home, client_account):
    setup(http.post(f"/api/v1/clients/{home['client']}/messages", headers=client_account,
                    json={"body": "Mag ik soep in plaats van pap?"}))

    dietitian = home["people"]["dietitian"].headers
    assert _told(http, dietitian) == [("portal_message", home["client"])]
    assert "soep" not in http.get("/api/v1/notifications", headers=dietitian).json[0]["body"]
    assert _told(http, client_account) == []


def test_the_dietitians_answer_tells_the_client_and_their_caregivers(http, home, client_account, caregiver):
    an = caregiver("an", "view")
    setup(http.post(f"/api/v1/clients/{home['client']}/messages", headers=home["people"]["dietitian"].headers,
                    json={"body": "Ik bel je morgen."}))

    assert _told(http, client_account) == [("portal_message", home["client"])]
    assert _told(http, an.headers) == [("portal_message", home["client"])]
    assert _told(http, home["people"]["dietitian"].headers) == []
