"""What the back office refuses before any view runs, and the one date check of its forms.

- An id in a URL larger than a database id can be (2^63 - 1) is no page: 404, not an overflow
  in the database driver.
- Form data sent as JSON must be text (or lists of text), as a browser sends it: a number, an
  object or ``null`` where a form expects text is refused with 400, never passed to a form.
- A date typed into a form is a date of a case only within the years
  :func:`workflows.clock.legal_date_problem` allows; the message goes on the field.
- No text sent in a form, a JSON body or a query string holds NUL or another control
  character, a lone surrogate or a noncharacter (:func:`workflows.text.text_problem`; tab and
  line breaks pass, a textarea has them): 400 naming the field, before any view runs. A form's
  single-line field refuses tab and line breaks too, on the field (:class:`PlainText`).
"""

from __future__ import annotations

from flask import Flask, abort, current_app, request
from werkzeug.routing import IntegerConverter
from wtforms import IntegerField
from wtforms.validators import ValidationError

from backoffice.errors import error_page
from workflows.clock import legal_date_problem
from workflows.text import text_problem, whole_number

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
    app.before_request(_refuse_control_characters)


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


# --- Control characters and digits as ASCII (issue 13, item 8) -------------------------------


def _refuse_control_characters():
    """Answer 400 naming the first field (or query parameter) whose name or value holds a
    character no person types; nothing has run yet, so nothing changed. A path value with one
    (``/cases/AB%00C``) names no page: 404, before PostgreSQL, which cannot hold a NUL in text,
    is asked for it."""
    for value in (request.view_args or {}).values():
        if isinstance(value, str) and text_problem(value, multiline=False):
            abort(404)
    for name, value in _sent_text():
        problem = text_problem(name, multiline=False) or text_problem(value, multiline=True)
        if problem:
            shown = name.encode("unicode_escape").decode("ascii")[:60]
            page = current_app.extensions.get("error_page", error_page)  # the PCC app's own
            return page(400, f"입력란 '{shown}' (field '{shown}'): {problem}. "
                                   "아무것도 저장되지 않았습니다 · Nothing was saved.")
    return None


def _sent_text():
    """Every (name, text) the request carries: the query string, the form, a JSON object."""
    for values in (request.args, request.form):
        for name, items in values.lists():
            for item in items:
                yield name, item
    if request.is_json:
        body = request.get_json(silent=True)
        if isinstance(body, dict):
            for name, value in body.items():
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        yield name, item


class PlainText:
    """A WTForms validator: the text holds no control character (:func:`text_problem`); a
    single-line field no tab or line break either. Its message goes on the field."""

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, form, field) -> None:
        if isinstance(field.data, str) and (problem := text_problem(field.data, self.multiline)):
            raise ValidationError(problem)


class WholeNumberField(IntegerField):
    """An amount or count as typed: full-width digits and thousands separators are read
    (``３０，０００，０００`` is 30000000, :func:`workflows.text.whole_number`)."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = whole_number(valuelist[0])
        except ValueError:
            self.data = None
            raise
