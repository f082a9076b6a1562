"""Error pages of the web application: the same statuses as the API (DESIGN.md),
rendered as HTML. A missing or expired session sends the user to the login page."""
from __future__ import annotations

from http import HTTPStatus

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from nutriplat.errors import DomainError, NotAuthenticated


def register(bp: Blueprint) -> None:
    @bp.errorhandler(DomainError)
    def domain_error(error: DomainError) -> ResponseReturnValue:
        if isinstance(error, NotAuthenticated):
            return redirect(url_for("webapp.auth.login", next=request.full_path.rstrip("?")))
        return page(error.status, error.message, error.errors)

    @bp.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        return page(error.code or 500, error.description)

    @bp.errorhandler(Exception)
    def unexpected(error: Exception) -> ResponseReturnValue:
        current_app.logger.exception("unhandled error in the web application")
        return page(500, None)


def page(status: int, message: str | None, errors: dict | None = None) -> ResponseReturnValue:
    return render_template("errors/error.html", status=status,
                           phrase=HTTPStatus(status).phrase, message=message,
                           errors=errors or {}), status



def unrouted_page(status: int, message: str | None) -> ResponseReturnValue:
    """For a URL under /app that matched no page: the blueprint's request hooks did not
    run, so the signed-in user (for the menu) is loaded here first."""
    from nutriplat.webapp import session  # session imports this module's neighbours
    session.load_actor()
    return render_template("errors/error.html", status=status, phrase=HTTPStatus(status).phrase,
                           message=message, errors={}, **session.template_context()), status
