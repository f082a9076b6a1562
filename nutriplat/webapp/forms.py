"""Forms: the posted fields are parsed by the API's own marshmallow schema and the
use case is the API's own service, so every rule lives once. Any field error
(marshmallow's, or a service's ``InvalidInput``/``ErrorCollector``) is shown next
to its field; the template macros in ``macros/forms.html`` do the rendering.

Field names are the API's JSON keys; nested keys are dotted (``answers.bmi``).

    form = Form(request.form)
    with form.handling():
        data = form.load(SomeSchema())
        result = services.do_it(uow(), actor(), data)
    if form.ok:
        return redirect(...)
    return render_template("page.html", form=form), form.status
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale
from marshmallow import Schema, ValidationError
from werkzeug.datastructures import MultiDict

from nutriplat.clock import BRUSSELS
from nutriplat.errors import Conflict, DomainError, InvalidInput
from nutriplat.webapp.coded_texts import CodedTexts

NON_FIELD = "_form"


class Form:
    def __init__(self, values: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
                 lists: tuple[str, ...] = (), numbers: tuple[str, ...] = ()) -> None:
        """``values``: request.form (or defaults to show, as pairs where a list field
        repeats); ``lists``: the fields
        that carry several values (checkbox groups, multi-selects); ``numbers``: the
        fields the API takes as JSON numbers (its schemas refuse "61.5" as a string)."""
        self.values: MultiDict[str, Any] = MultiDict(values or {})
        self.lists, self.numbers = lists, numbers
        self.errors: dict[str, list[str]] = {}
        self.message: str | None = None
        self.status = 200

    @property
    def ok(self) -> bool:
        return not self.errors and self.message is None

    def value(self, name: str, default: Any = "") -> Any:
        return self.values.get(name, default)

    def chosen(self, name: str) -> list[str]:
        return self.values.getlist(name)

    def data(self) -> dict[str, Any]:
        """The filled-in fields as nested JSON-like data (blank fields left out, so
        the schema's required/optional rules decide)."""
        data: dict[str, Any] = {}
        for name in self.values:
            if name == "csrf_token":
                continue
            value: Any = [v for v in self.values.getlist(name) if v != ""] \
                if name in self.lists else self.values.get(name, "").strip()
            if value == "":
                continue
            if name in self.numbers:
                value = as_number(value)
            *parents, leaf = name.split(".")
            target = data
            for part in parents:
                target = target.setdefault(part, {})
            target[leaf] = value
        for name in self.lists:  # an unticked group is an empty list, not a missing field
            if name not in self.values and "." not in name:
                data.setdefault(name, [])
        return data

    def load(self, schema: Schema, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        try:
            return schema.load({**self.data(), **(extra or {})})
        except ValidationError as error:
            raise InvalidInput("The form has invalid values.",
                               flatten(error.normalized_messages())) from error

    @contextmanager
    def handling(self, *also: type[DomainError], texts: CodedTexts | None = None) -> Iterator[Form]:
        """Collect the field errors of the block instead of failing the request:
        invalid input and conflicts, and the other domain errors named in ``also``;
        ``texts`` translates a refusal that carries stable codes."""
        handled: tuple[type[DomainError], ...] = (InvalidInput, Conflict, *also)
        try:
            yield self
        except handled as error:
            self.message = texts.message(error) if texts else error.message
            self.status = error.status
            for name, reasons in (texts.fields(error) if texts else error.errors).items():
                # The API's whole-body errors ("body") belong to no one field.
                field = NON_FIELD if name in ("body", "_schema") else name
                self.errors.setdefault(field, []).extend(reasons)

    def errors_for(self, name: str) -> list[str]:
        return self.errors.get(name, [])


def as_number(text: str) -> Any:
    """A typed number as written in the user's language ("1.900,5" in Dutch,
    "1,900.5" in English), or plainly ("61.5"); the text itself when it is not a
    number, so the schema's or domain's own message names the field."""
    try:
        number = parse_decimal(text.strip(), locale=get_locale(), strict=True)
    except NumberFormatError:
        try:
            number = Decimal(text.strip().replace(",", "."))
        except InvalidOperation:
            return text
    if not number.is_finite():
        return text
    return int(number) if number == number.to_integral_value() and "," not in text \
        and "." not in text else float(number)


def brussels_moment(text: str) -> str:
    """A ``datetime-local`` input (the user's Brussels wall time, no offset) as the API's
    ISO 8601 with offset; the text itself when it is no time, so the schema names the field."""
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=BRUSSELS).isoformat()
    except ValueError:
        return text


def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as dotted field names: {"answers": {"bmi": [..]}}
    -> {"answers.bmi": [..]}; list positions become part of the name."""
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or NON_FIELD: list(messages)}
    if isinstance(messages, str):
        return {prefix or NON_FIELD: [messages]}
    flat: dict[str, list[str]] = {}
    items = messages.items() if isinstance(messages, dict) else enumerate(messages)
    for key, value in items:
        name = NON_FIELD if key == "_schema" and not prefix else \
            (f"{prefix}.{key}" if prefix else str(key))
        for field, reasons in flatten(value, name).items():
            flat.setdefault(field, []).extend(reasons)
    return flat
