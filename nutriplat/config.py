"""Configuration from the environment, with defaults a newcomer can run as-is."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(os.environ.get("NUTRIPLAT_INSTANCE_DIR", Path.cwd() / "instance"))


def _default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'nutriplat.sqlite3'}"


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


class Config:
    """Every setting can be overridden by an environment variable of the same name
    prefixed with ``NUTRIPLAT_``; ``from_env`` reads them at app creation time."""

    def __init__(self, **overrides: object) -> None:
        env = os.environ
        self.DATABASE_URL = env.get("NUTRIPLAT_DATABASE_URL") or _default_database_url()
        # A random key per process is safe for bearer tokens (they live in the
        # database), but sessions in a later web UI need a stable key in production.
        self.SECRET_KEY = env.get("NUTRIPLAT_SECRET_KEY") or secrets.token_hex(32)
        self.TOKEN_TTL_MINUTES = _int("NUTRIPLAT_TOKEN_TTL_MINUTES", 8 * 60)
        self.LOGIN_MAX_FAILURES = _int("NUTRIPLAT_LOGIN_MAX_FAILURES", 5)
        self.LOGIN_WINDOW_MINUTES = _int("NUTRIPLAT_LOGIN_WINDOW_MINUTES", 15)
        # Argon2id cost; tests lower it, production keeps the library's defaults.
        self.PASSWORD_TIME_COST = _int("NUTRIPLAT_PASSWORD_TIME_COST", 3)
        self.PASSWORD_MEMORY_COST_KIB = _int("NUTRIPLAT_PASSWORD_MEMORY_COST_KIB", 65536)
        self.TIMEZONE = env.get("NUTRIPLAT_TIMEZONE", "Europe/Brussels")
        self.SQL_ECHO = env.get("NUTRIPLAT_SQL_ECHO", "") == "1"

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
