"""Texts that reach the pages at run time from elsewhere — marshmallow's messages,
the services' common field errors, HTTP status phrases — listed here so that
``make translations`` puts them in the catalog; templates show them with ``_(text)``,
and a text without a translation is shown as it is."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

KNOWN = (
    _l("Missing data for required field."), _l("Not a valid number."),
    _l("Not a valid integer."), _l("Not a valid date."), _l("Not a valid boolean."),
    _l("Field may not be null."), _l("The form has invalid values."),
    _l("The request has invalid values."), _l("The answers cannot be scored."),
    _l("must be a number"), _l("must be true or false"), _l("required"),
    _l("Use steps of 0.25."), _l("Must not be before valid_from."),
    _l("Must not be in the future."),
    _l("Bad Request"), _l("Unauthorized"), _l("Forbidden"), _l("Not Found"), _l("Conflict"),
    _l("Unprocessable Entity"), _l("Too Many Requests"), _l("Internal Server Error"),
    # issue 18: coaching sessions and the information platform
    _l("Give held_at for a session held, or planned_for for one planned."),
    _l("A session held is not in the future; plan it with planned_for."),
    _l("Due on the session's day or within a year after it."),
    _l("Not a valid datetime."),
    _l("No such item in the library."), _l("Not a caregiver the client has mandated."),
    _l("This item is already assigned to them."), _l("Already assigned."),
    # issue 20: proof of delivery on the driver's page
    _l("Name who received the delivery, or where it was left."),
    _l("A delivery left without a person needs a photo of where it was left."),
    _l("Read the temperature of the chilled food at handover."),
    _l("Read the temperature of the frozen food at handover."),
    _l("Lines are refused only on a delivered stop; refuse the stop instead."),
    _l("Must be between -40 and 40 °C."), _l("Not an image."), _l("Too large."),
    _l("The proof of delivery does not fit the stop."),
    # the library's admin page
    _l("Required for a video."), _l("Required for this kind."), _l("Already used for this lang."),
    # issue 18 follow-up: a GLIM assessment's correction says why
    _l("Say why the assessment is corrected."),
)
