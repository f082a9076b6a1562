"""Browser tests: the app served on a free localhost port in a thread (against the
test database), driven by Debian's Chromium through Playwright — never a
downloaded browser. Skipped, with the reason, only when no Chromium is installed
(or, for the WCAG checks, no axe-core: ``make install`` puts it in node_modules/)."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from nutriplat.app import create_app
from nutriplat.config import Config
from tests.webapp.deliveries_world import delivered as delivered  # a client's delivered day

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # the version package-lock.json pins
# The project's standard: WCAG 2.1 AA, i.e. the A and AA success criteria of 2.0 and of 2.1.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TEST_PASSWORD = "correct horse battery"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[str]:
    """Base URL of the app on 127.0.0.1 over plain http: its own app object on the
    same database, with the session cookie's Secure flag off (http, not https)."""
    app = create_app(Config(DATABASE_URL=database_url, PASSWORD_TIME_COST=1,
                            PASSWORD_MEMORY_COST_KIB=256, SESSION_COOKIE_SECURE=False))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(10)
    app.extensions["nutriplat"].engine.dispose()


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(chromium, live_server, app):  # type: ignore[no-untyped-def]
    """A fresh browser context (no cookies) per test; ``app`` empties the tables after."""
    context = chromium.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[..., Path]:
    """``screenshot(page, "name")`` saves a full-page PNG under
    test-artifacts/screenshots/<test name>/ (gitignored), and returns its path."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)

    def take(tab, name: str) -> Path:  # type: ignore[no-untyped-def]
        path = folder / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(page) -> Callable[[str], None]:  # type: ignore[no-untyped-def]
    """``sign_in(username)`` through the login form, as a user does."""

    def do(username: str, password: str = TEST_PASSWORD) -> None:
        page.goto("/app/login")
        page.get_by_label(re.compile("Gebruikersnaam|Username")).fill(username)
        page.get_by_label(re.compile("Wachtwoord|Password")).fill(password)
        page.get_by_role("button", name=re.compile("Aanmelden|Sign in")).click()
        page.wait_for_load_state()

    return do


@pytest.fixture
def axe() -> Callable[..., None]:
    """``axe(page)`` checks the page as it is now against WCAG 2.1 AA with axe-core and
    fails listing each violation: the rule, its impact, what to fix, and the elements.
    ``context`` narrows or excludes (axe's context: ``{"exclude": [...]}``)."""
    if not AXE_JS.exists():
        pytest.skip(f"no axe-core at {AXE_JS.relative_to(ROOT)} (make install; it needs npm)")
    source = AXE_JS.read_text(encoding="utf-8")

    def check(tab, context: dict | None = None) -> None:  # type: ignore[no-untyped-def]
        # Evaluated through the DevTools protocol, not add_script_tag: the app's
        # Content-Security-Policy (script-src 'self') rightly refuses an inline script.
        if not tab.evaluate("() => typeof window.axe === 'object'"):
            tab.evaluate(source)
        result = tab.evaluate("([context, options]) => axe.run(context || document, options)",
                              [context, {"runOnly": {"type": "tag", "values": WCAG_21_AA},
                                         "resultTypes": ["violations"]}])
        violations = result["violations"]
        if violations:
            pytest.fail(_described(tab.url, violations))

    return check


def _described(url: str, violations: list[dict]) -> str:
    """One paragraph per rule broken: what to fix, then each failing element's selector
    and axe's summary of why (e.g. the contrast ratio found)."""
    lines = [f"{len(violations)} WCAG 2.1 AA rule(s) broken on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} "
                     f"<{violation['helpUrl']}>")
        for node in violation["nodes"]:
            why = " ".join(line.strip() for line in (node.get("failureSummary") or "").splitlines()[1:])
            lines.append(f"    {' >> '.join(map(str, node['target']))}: {why}")
    return "\n".join(lines)
