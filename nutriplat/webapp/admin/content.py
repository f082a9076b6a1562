"""The information platform's library for its admins: the items by topic and language,
a new item and the revision of one (``content.library``; its rules, its audit)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.content import library
from nutriplat.content.models import ContentItem
from nutriplat.content.policy import POLICY
from nutriplat.content.schemas import ContentItemPatchSchema, ContentItemQuerySchema, ContentItemSchema
from nutriplat.content.vocabulary import KINDS, LANGUAGES, TOPICS
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_content", __name__, url_prefix="/admin/content")
FILTERS = ("lang", "topic", "kind")
FIELDS = ("key", "kind", "topic", "lang", "title", "summary", "body", "url", "author", "reviewed_on")


@bp.get("/")
@login_required(*POLICY.roles("add_content_item"))  # the library's keepers
def index() -> ResponseReturnValue:
    form = Form((k, v) for k, v in request.args.items(multi=True) if k in FILTERS)
    items: list[ContentItem] = []
    with form.handling():
        items, _total = library.list_items(uow(), actor(), form.load(ContentItemQuerySchema()), 1, None)
    return render_template("admin/content.html", form=form, items=items, **_choices()), form.status


@bp.route("/new", methods=["GET", "POST"])
@login_required(*POLICY.roles("add_content_item"))
def new() -> ResponseReturnValue:
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            item = library.add_item(uow(), actor(), form.load(ContentItemSchema()))
            flash(_("The item %(title)s is added to the library.", title=item.title), "success")
            return redirect(url_for(".index"))
    return render_template("admin/content_item.html", form=form, item=None, **_choices()), form.status


@bp.route("/<int:item_id>", methods=["GET", "POST"])
@login_required(*POLICY.roles("update_content_item"))
def edit(item_id: int) -> ResponseReturnValue:
    item = library.get_item(uow(), actor(), item_id)  # 404 outside the admin's library
    form = Form(request.form) if request.method == "POST" else Form(
        (name, "" if getattr(item, name) is None else getattr(item, name)) for name in FIELDS)
    if request.method == "POST":
        with form.handling():
            data = form.load(ContentItemPatchSchema(partial=True), _cleared(form))
            item = library.update_item(uow(), actor(), item_id, data)
            flash(_("The item %(title)s is saved.", title=item.title), "success")
            return redirect(url_for(".index"))
    return render_template("admin/content_item.html", form=form, item=item, **_choices()), form.status


def _cleared(form: Form) -> dict[str, Any]:
    """The optional texts left blank: cleared rather than kept."""
    return {name: None for name in ("summary", "body", "url") if not form.value(name).strip()}


def _choices() -> dict[str, Any]:
    return {"kinds": [(k, label("content_kind", k)) for k in KINDS],
            "topics": [(t, label("content_topic", t)) for t in TOPICS],
            "languages": [(lang, lang) for lang in LANGUAGES]}
