"""Correcting a screening in the web app: the instrument's form comes filled in with what
was answered, the correction is saved with its reason as a new result naming the original
(which never changes), audited as a correction; a correction without a reason is refused
next to the field; another organisation's dietitian gets 404."""
from __future__ import annotations

from nutriplat.auth.models import AuditEntry
from nutriplat.screening.models import Screening
from tests.setup_calls import setup


def _screen(http, lien, client_id: int) -> dict:
    return setup(http.post(f"/api/v1/clients/{client_id}/screenings", headers=lien.headers, json={
        "instrument": "must", "answers": {"acute_disease_no_intake_5_days": True, "bmi": 19.5}}))


def test_a_screening_is_corrected_with_a_reason_and_the_original_kept(web, http, lien, measured_client, uow):
    original = _screen(http, lien, measured_client)
    browser = web(lien, lang="en-GB")
    client_page = browser.get(f"/app/dietitian/clients/{measured_client}").text
    url = f"/app/dietitian/clients/{measured_client}/screenings/{original['id']}/correct"
    assert url in client_page
    form = browser.get(url).text
    assert 'id="f-answers-acute_disease_no_intake_5_days-1" name="answers.acute_disease_no_intake_5_days" ' \
           'value="true" checked' in form
    assert 'value="19.5"' in form and "Reason for the correction" in form
    saved = browser.post(url, {"answers.acute_disease_no_intake_5_days": "false", "answers.bmi": "19,5",
                               "correction_reason": "The client was not acutely ill: misread the referral."})
    assert saved.status_code == 302, saved.text[:3000]
    with uow:
        fixed = uow.session.query(Screening).filter_by(corrects_id=original["id"]).one()
        kept = uow.session.get(Screening, original["id"])
        entry = uow.session.query(AuditEntry).filter_by(resource="screening", action="correct").one()
        assert fixed.answers == {"acute_disease_no_intake_5_days": False, "bmi": 19.5}
        assert fixed.performed_at == kept.performed_at  # the same screening, answered right
        assert kept.total_score == original["total_score"] and kept.answers["acute_disease_no_intake_5_days"]
        assert entry.detail == {"corrects": original["id"],
                                "reason": "The client was not acutely ill: misread the referral."}
    page = browser.get(f"/app/dietitian/clients/{measured_client}").text
    assert "correction: The client was not acutely ill" in page and ">corrected<" in page
    assert browser.post(url, {"answers.acute_disease_no_intake_5_days": "false",
                              "correction_reason": "again"}).status_code == 409  # correct the correction


def test_a_correction_without_a_reason_is_refused_next_to_the_field(web, http, lien, measured_client, uow):
    original = _screen(http, lien, measured_client)
    browser = web(lien)  # Dutch
    url = f"/app/dietitian/clients/{measured_client}/screenings/{original['id']}/correct"
    refused = browser.post(url, {"answers.acute_disease_no_intake_5_days": "false", "correction_reason": " "})
    assert refused.status_code == 422 and 'id="f-correction_reason-error-1"' in refused.text
    bad_answer = browser.post(url, {"answers.bmi": "veel", "correction_reason": "typo"})
    assert bad_answer.status_code == 422 and 'id="f-answers-bmi-error-1"' in bad_answer.text
    with uow:
        assert uow.session.query(Screening).count() == 1  # nothing half-written


def test_another_organisations_dietitian_gets_404(web, world, http, lien, measured_client, uow):
    original = _screen(http, lien, measured_client)
    other = web(world.person("otto", "dietitian", "Provider B"))
    url = f"/app/dietitian/clients/{measured_client}/screenings/{original['id']}/correct"
    assert other.get(url).status_code == 404
    assert other.post(url, {"answers.acute_disease_no_intake_5_days": "false",
                            "correction_reason": "x"}).status_code == 404
    with uow:
        assert uow.session.query(Screening).count() == 1


GLIM_ANSWERS = {"reduced_muscle_mass": "mild_moderate", "reduced_intake": True, "inflammation": False}


def test_a_glim_assessment_is_corrected_from_the_client_page(web, http, lien, measured_client, uow):
    from nutriplat.screening.models import Assessment

    original = setup(http.post(f"/api/v1/clients/{measured_client}/assessments", headers=lien.headers,
                               json={"method": "glim", "answers": GLIM_ANSWERS}))
    browser = web(lien)  # Dutch
    url = f"/app/dietitian/clients/{measured_client}/assessments/{original['id']}/correct"
    assert url in browser.get(f"/app/dietitian/clients/{measured_client}").text
    form = browser.get(url).text
    assert "Je corrigeert de GLIM-diagnose van" in form and "(ondervoed)" in form
    assert 'name="answers.reduced_intake" value="true" checked' in form
    unexplained = browser.post(url, {"answers.reduced_muscle_mass": "mild_moderate",
                                     "answers.reduced_intake": "false", "answers.inflammation": "false"})
    assert unexplained.status_code == 422 and 'id="f-correction_reason-error-1"' in unexplained.text
    assert "Zeg waarom de GLIM-diagnose gecorrigeerd wordt." in unexplained.text
    saved = browser.post(url, {"answers.reduced_muscle_mass": "mild_moderate", "answers.reduced_intake": "false",
                               "answers.inflammation": "false", "correction_reason": "Eet normaal volgens de dochter."})
    assert saved.status_code == 302, saved.text[:3000]
    with uow:
        fixed = uow.session.query(Assessment).filter_by(corrects_id=original["id"]).one()
        kept = uow.session.get(Assessment, original["id"])
        entry = uow.session.query(AuditEntry).filter_by(resource="assessment", action="correct").one()
        assert fixed.malnourished is False and kept.malnourished is True
        assert fixed.assessed_at == kept.assessed_at and fixed.correction_reason == "Eet normaal volgens de dochter."
        assert entry.detail == {"corrects": original["id"], "reason": "Eet normaal volgens de dochter."}
        assert saved.headers["Location"].endswith(f"#assessment-{fixed.id}")
    page = browser.get(f"/app/dietitian/clients/{measured_client}").text
    assert "correctie: Eet normaal volgens de dochter." in page and ">gecorrigeerd<" in page
    assert browser.post(url, {"answers.reduced_intake": "false", "correction_reason": "nog eens"}).status_code == 409


def test_another_organisations_dietitian_cannot_correct_a_glim_assessment(web, world, http, lien,
                                                                         measured_client, uow):
    from nutriplat.screening.models import Assessment

    original = setup(http.post(f"/api/v1/clients/{measured_client}/assessments", headers=lien.headers,
                               json={"method": "glim", "answers": GLIM_ANSWERS}))
    other = web(world.person("otto", "dietitian", "Provider B"))
    url = f"/app/dietitian/clients/{measured_client}/assessments/{original['id']}/correct"
    assert other.get(url).status_code == 404
    assert other.post(url, {"answers.reduced_intake": "false", "correction_reason": "x"}).status_code == 404
    with uow:
        assert uow.session.query(Assessment).count() == 1
