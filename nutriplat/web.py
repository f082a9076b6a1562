"""What every API blueprint shares: authentication, role guards, the unit of work
for the request, and the one error shape of DESIGN.md."""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue
from flask_smorest import Blueprint
from werkzeug.exceptions import HTTPException

from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.errors import DomainError, Forbidden, InvalidInput, NotAuthenticated, TooManyRequests
from nutriplat.parsing import RequestParser

F = TypeVar("F", bound=Callable[..., Any])


# Every API module imports this one before declaring its views, so each blp.arguments()
# and pagination is built with this parser (flask-smorest's documented hooks).
Blueprint.ARGUMENTS_PARSER = Blueprint.PAGINATION_ARGUMENTS_PARSER = RequestParser()


def uow() -> UnitOfWork:
    return UnitOfWork(current_app.extensions["nutriplat"].session_factory)


def actor() -> Actor:
    return g.actor


def client_ip() -> str | None:
    return request.remote_addr


# The audit log keeps at most this much of the reason a caller gives (audit_log.purpose).
PURPOSE_MAX_LENGTH = 80


def request_purpose() -> str | None:
    """The ``X-Purpose`` header (why the caller accesses the data), checked before it
    reaches the audit log: too long or with control characters is a 422."""
    value = request.headers.get("X-Purpose")
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > PURPOSE_MAX_LENGTH or not value.isprintable():
        raise InvalidInput("The X-Purpose header is invalid.", {
            "X-Purpose": [f"At most {PURPOSE_MAX_LENGTH} printable characters."]})
    return value


def bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("A bearer token is required.")
    return token.strip()


def roles_required(*allowed: str) -> Callable[[F], F]:
    """Authenticate the bearer token and refuse callers whose role is not allowed.
    Organisation checks happen in the services, which know whose data it is."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            caller = auth_services.authenticate(uow(), bearer_token(), client_ip(), None)
            caller = dataclasses.replace(caller, purpose=request_purpose())
            if caller.role not in allowed:
                raise Forbidden(f"The role '{caller.role}' may not do this.")
            g.actor = caller
            return view(*args, **kwargs)

        documented = Blueprint.doc(description=f"Roles: {', '.join(allowed)}.")(wrapper)
        responses = documented._apidoc.setdefault("response", {}).setdefault("responses", {})
        for status in (401, 403):
            # A bare name is a reference to flask-smorest's DEFAULT_ERROR response.
            responses.setdefault(status, []).append("DEFAULT_ERROR")
        documented.allowed_roles = allowed
        return documented

    return decorator


def _flatten(errors: Any) -> Any:
    """webargs nests errors under the request location ({"json": {...}}); the API
    names fields directly."""
    if isinstance(errors, dict) and errors and set(errors) <= {"json", "query", "path", "headers", "form"}:
        flat: dict[str, Any] = {}
        for location, value in errors.items():
            if isinstance(value, dict):
                flat.update(value)
            else:
                flat["body" if location == "json" else location] = value
        return flat
    return errors


def _payload(code: int, status: str, message: str | None, errors: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "status": status}
    if message:
        body["message"] = message
    if errors:
        body["errors"] = errors
    return body


def register_error_handlers(app: Flask) -> None:
    from http import HTTPStatus

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> Response:
        body = _payload(error.status, HTTPStatus(error.status).phrase, error.message, error.errors)
        if error.reason:  # a refusal with stable codes, which the web pages translate
            body |= {"reason": error.reason,
                     "reasons": {name: [code for code, _ in found] for name, found in error.coded.items()}}
        response = jsonify(body)
        response.status_code = error.status
        if isinstance(error, TooManyRequests):
            response.headers["Retry-After"] = str(error.retry_after_s)
        if isinstance(error, NotAuthenticated):
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        # An unknown URL never reaches a blueprint's handlers: pages under a prefix that
        # renders HTML errors (the web application) get their page, the API its JSON.
        for prefix, render in app.extensions.get("html_error_pages", {}).items():
            if request.path == prefix or request.path.startswith(prefix + "/"):
                return render(error.code or 500, error.description)
        data = getattr(error, "data", None) or {}
        errors = _flatten(data.get("errors") or data.get("messages"))
        message = data.get("message") or error.description
        if error.code == 422 and not data.get("message"):
            message = "The request has invalid values."
        response = jsonify(_payload(error.code or 500, error.name, message, errors))
        response.status_code = error.code or 500
        for key, value in (data.get("headers") or {}).items():
            response.headers[key] = value
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        app.logger.exception("unhandled error")
        response = jsonify(_payload(500, "Internal Server Error", "An unexpected error occurred."))
        response.status_code = 500
        return response
