def test_an_unknown_page_under_app_is_an_html_page(web, world):
    browser = web(world.person("lien", "dietitian"))
    response = browser.get("/app/no-such-page")
    assert response.status_code == 404
    assert "text/html" in response.content_type
    assert "<h1" in response.text


def test_an_unknown_api_url_stays_json(http):
    response = http.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["code"] == 404
