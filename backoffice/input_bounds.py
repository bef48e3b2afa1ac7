"""What the back office refuses before any view runs, and the one date check of its forms.

- An id in a URL larger than a database id can be (2^63 - 1) is no page: 404, not an overflow
  in the database driver.
- Form data sent as JSON must be text (or lists of text), as a browser sends it: a number, an
  object or ``null`` where a form expects text is refused with 400, never passed to a form.
- A date typed into a form is a date of a case only within the years
  :func:`workflows.clock.legal_date_problem` allows; the message goes on the field.
"""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter
from wtforms.validators import ValidationError

from workflows.clock import legal_date_problem

LARGEST_ID = 2**63 - 1


class BoundedIntegerConverter(IntegerConverter):
    """``<int:…>`` that matches only what a BIGINT column can hold."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


def record_id(value) -> int:
    """An id typed or posted by a browser: ASCII digits, at most :data:`LARGEST_ID`.

    :raise ValueError: anything else (Flask's ``request.form.get(..., type=record_id)`` then
        gives None).
    """
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19 or int(text) > LARGEST_ID:
        raise ValueError(f"{text[:20]!r} is not an id")
    return int(text)


def install(app: Flask) -> None:
    """Install the bounds; before the blueprints, so their routes use the bounded converter."""
    app.url_map.converters["int"] = BoundedIntegerConverter
    app.before_request(_refuse_non_text_json)


def _is_text(value) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _refuse_non_text_json():
    if request.method in ("GET", "HEAD", "OPTIONS") or not request.is_json:
        return None
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not all(_is_text(v) for v in body.values()):
        abort(400, "send the form's fields as text (a JSON object of strings)")
    return None


class LegalDate:
    """A WTForms validator: the date is one a case can have (see ``legal_date_problem``)."""

    def __call__(self, form, field) -> None:
        if field.data is not None and (problem := legal_date_problem(field.data)):
            raise ValidationError(problem)
