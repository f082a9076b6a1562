"""The admin page of the information library: an admin adds an item and revises it,
bad input is shown next to each field in both languages, the other roles are refused
and another organisation's item is not found."""
from __future__ import annotations

import pytest

from nutriplat.auth.models import AuditEntry
from nutriplat.content.models import ContentItem

LEAFLET = {"key": "slikken-thuis", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "Veilig slikken thuis", "body": "Zit rechtop bij het eten.", "author": "Lien Declercq",
           "reviewed_on": "2026-11-02"}


@pytest.fixture
def ada(world):
    return world.person("ada", "admin")


@pytest.mark.parametrize("lang, heading", [(None, "Informatiebibliotheek"), ("en-GB", "Information library")])
def test_an_admin_adds_an_item_then_revises_it(web, ada, uow, lang, heading):
    browser = web(ada, lang=lang)
    assert heading in browser.get("/app/admin/content/").text
    assert browser.post("/app/admin/content/new", LEAFLET).status_code == 302
    with uow:
        item = uow.session.query(ContentItem).one()
        item_id = item.id
    listed = browser.get("/app/admin/content/?topic=texture_and_swallowing&lang=nl-BE").text
    assert "Veilig slikken thuis" in listed
    assert "Veilig slikken thuis" not in browser.get("/app/admin/content/?lang=en").text
    form = browser.get(f"/app/admin/content/{item_id}").text
    assert 'value="Veilig slikken thuis"' in form and "Zit rechtop" in form
    saved = browser.post(f"/app/admin/content/{item_id}", LEAFLET | {"title": "Veilig slikken", "url": ""})
    assert saved.status_code == 302
    with uow:
        assert uow.session.get(ContentItem, item_id).title == "Veilig slikken"
        assert uow.session.query(AuditEntry).filter_by(resource="content_item").count() == 2


@pytest.mark.parametrize("lang, words", [(None, "Verplicht voor een video"), ("en-GB", "Required for a video")])
def test_bad_input_is_shown_next_to_each_field(web, ada, uow, lang, words):
    browser = web(ada, lang=lang)
    bad = browser.post("/app/admin/content/new", LEAFLET | {"key": "Niet Goed", "topic": "cooking"})
    assert bad.status_code == 422
    assert 'id="f-key-error-1"' in bad.text and 'id="f-topic-error-1"' in bad.text
    video = browser.post("/app/admin/content/new", LEAFLET | {"kind": "video"})
    assert video.status_code == 422 and 'id="f-url-error-1"' in video.text and words in video.text
    wrong_filter = browser.get("/app/admin/content/?lang=fr")
    assert wrong_filter.status_code == 422 and 'id="f-lang-error-1"' in wrong_filter.text
    with uow:
        assert uow.session.query(ContentItem).count() == 0


def test_other_roles_and_organisations_are_refused(web, world, ada, uow):
    web(ada).post("/app/admin/content/new", LEAFLET)
    with uow:
        item_id = uow.session.query(ContentItem).one().id
    for role in ("dietitian", "caregiver", "logistics"):
        person = world.person(f"x_{role}", role, None if role == "caregiver" else "Provider A")
        assert web(person).get("/app/admin/content/").status_code == 403, role
    other = web(world.person("abe", "admin", "Provider B"))
    assert "Veilig slikken" not in other.get("/app/admin/content/").text
    assert other.get(f"/app/admin/content/{item_id}").status_code == 404
