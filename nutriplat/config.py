"""Configuration from the environment, with defaults a newcomer can run as-is."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(os.environ.get("NUTRIPLAT_INSTANCE_DIR", Path.cwd() / "instance"))


def _default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'nutriplat.sqlite3'}"


DETERMINISTIC_SOLVES = "NUTRIPLAT_DETERMINISTIC_SOLVES"


def deterministic_solves() -> bool:
    """NUTRIPLAT_DETERMINISTIC_SOLVES=1 (the demo, the tests): the route and meal-plan
    solvers budget their search in deterministic steps instead of wall-clock seconds, so
    the same data gives the same plans however busy the machine is. Read at each solve,
    not at app creation: solves run in background threads, jobs and worker processes."""
    return os.environ.get(DETERMINISTIC_SOLVES, "") == "1"


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _instance_secret_key() -> str:
    """A key generated once into instance/: web sessions survive a restart of the
    demo without anyone having to set NUTRIPLAT_SECRET_KEY."""
    path = INSTANCE_DIR / "secret_key"
    try:
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if key:
            return key
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC)  # an empty file left by a crash
    except OSError:
        return secrets.token_hex(32)  # read-only instance dir: a per-process key
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


class Config:
    """Every setting can be overridden by an environment variable of the same name
    prefixed with ``NUTRIPLAT_``; ``from_env`` reads them at app creation time."""

    def __init__(self, **overrides: object) -> None:
        env = os.environ
        self.DATABASE_URL = env.get("NUTRIPLAT_DATABASE_URL") or _default_database_url()
        # Signs the web application's session cookie; stable across restarts.
        self.SECRET_KEY = env.get("NUTRIPLAT_SECRET_KEY") or _instance_secret_key()
        self.TOKEN_TTL_MINUTES = _int("NUTRIPLAT_TOKEN_TTL_MINUTES", 8 * 60)
        # Login throttle: failures per (username, client address), and per address.
        self.LOGIN_MAX_FAILURES = _int("NUTRIPLAT_LOGIN_MAX_FAILURES", 5)
        self.LOGIN_MAX_FAILURES_PER_ADDRESS = _int("NUTRIPLAT_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)
        self.LOGIN_WINDOW_MINUTES = _int("NUTRIPLAT_LOGIN_WINDOW_MINUTES", 15)
        # Argon2id cost; tests lower it, production keeps the library's defaults.
        self.PASSWORD_TIME_COST = _int("NUTRIPLAT_PASSWORD_TIME_COST", 3)
        self.PASSWORD_MEMORY_COST_KIB = _int("NUTRIPLAT_PASSWORD_MEMORY_COST_KIB", 65536)
        # Reverse proxies in front of the service whose X-Forwarded-For/-Proto/-Host are
        # believed (werkzeug ProxyFix); 0: none, the client address is the socket's.
        self.TRUSTED_PROXIES = _int("NUTRIPLAT_TRUSTED_PROXIES", 0)
        self.TIMEZONE = env.get("NUTRIPLAT_TIMEZONE", "Europe/Brussels")
        self.SQL_ECHO = env.get("NUTRIPLAT_SQL_ECHO", "") == "1"

        # Web application sessions. The cookie is Secure unless turned off for plain
        # http on 127.0.0.1 (NUTRIPLAT_SESSION_COOKIE_SECURE=0: `make demo`, tests).
        self.SESSION_COOKIE_SECURE = env.get("NUTRIPLAT_SESSION_COOKIE_SECURE", "1") != "0"
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_NAME = "nutriplat_session"
        self.WEB_IDLE_MINUTES = _int("NUTRIPLAT_WEB_IDLE_MINUTES", 30)
        # CSRF: checked only by the web blueprint (the bearer-token API is exempt);
        # the token lives as long as the session, which the idle timeout bounds.
        self.WTF_CSRF_CHECK_DEFAULT = False
        self.WTF_CSRF_TIME_LIMIT = None
        self.BABEL_DEFAULT_LOCALE = "nl_BE"
        self.BABEL_DEFAULT_TIMEZONE = self.TIMEZONE

        # flask-smorest / OpenAPI
        self.API_TITLE = "NutriPlat"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/api"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "/docs"
        # Served from the installed swagger-ui-bundle so the docs work offline.
        self.OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/"
        self.API_SPEC_OPTIONS = {
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer"}
                }
            },
            "security": [{"bearerAuth": []}],
        }
        self.JSON_SORT_KEYS = False
        for key, value in overrides.items():
            setattr(self, key, value)
