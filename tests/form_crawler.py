"""Forms as a browser sends them: parsed from the rendered HTML, filled with valid values,
posted as served (hidden inputs, CSRF token, the selected options and the default button)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from workflows import clock

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Control:
    tag: str
    name: str
    type: str = "text"
    value: str = ""
    required: bool = False
    checked: bool = False
    attrs: dict = field(default_factory=dict)
    options: list[tuple[str, bool, bool]] = field(default_factory=list)
    """For a select: (value, selected, disabled)."""


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    classes: str
    controls: list[Control] = field(default_factory=list)
    buttons: list[dict] = field(default_factory=list)

    @property
    def signature(self) -> str:
        """What kind of form it is, whatever case or deadline it is for: the path with numbers
        and references replaced, and its field names."""
        path = re.sub(r"/[A-Z]+-\d{4}-\d{6}", "/<ref>", urlsplit(self.action).path)
        path = re.sub(r"/\d+(?=/|$)", "/<id>", path)
        names = sorted({c.name for c in self.controls if c.type != "hidden"})
        return f"{self.method} {path} {','.join(names)}"


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.ids: list[str] = []
        self._select: Control | None = None
        self._option: list | None = None
        self._textarea: Control | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        form = self.forms[-1] if self.forms else None
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), (a.get("method") or "get").lower(),
                                   a.get("enctype", ""), a.get("class", "")))
        elif form is None:
            return
        elif tag == "input" and "name" in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                form.buttons.append(a)
            else:
                form.controls.append(Control("input", a["name"], kind, a.get("value", ""),
                                             "required" in a, "checked" in a, a))
        elif tag == "button":
            if a.get("type", "submit").lower() == "submit":
                form.buttons.append(a)
        elif tag == "select" and "name" in a:
            self._select = Control("select", a["name"], "select", required="required" in a,
                                   attrs=a)
            form.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, "disabled" in a, ""]
        elif tag == "textarea" and "name" in a:
            self._textarea = Control("textarea", a["name"], "textarea",
                                     required="required" in a, attrs=a)
            form.controls.append(self._textarea)

    def handle_data(self, data):
        if self._option is not None:
            self._option[3] += data
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None and self._select is not None:
            value, selected, disabled, text = self._option
            self._select.options.append((text.strip() if value is None else value, selected,
                                         disabled))
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def parse(html: str) -> tuple[list[Form], list[str]]:
    """The page's forms and every id attribute it has."""
    parser = _Parser()
    parser.feed(html)
    return parser.forms, parser.ids


class Filler:
    """Valid values for a form's fields, by the field's type and what its name says."""

    def __init__(self, username: str, password: str, today: date | None = None,
                 overrides: dict[str, str] | None = None):
        self.username, self.password = username, password
        self.today = today or clock.today()
        self.overrides = overrides or {}
        self.counter = 0

    def value(self, control: Control) -> str | None:
        name = control.name.rsplit("-", 1)[-1]
        self.counter += 1
        if name in self.overrides and control.type != "hidden":
            return self.overrides[name]
        if control.type == "hidden":
            return control.value
        if control.type == "select":
            return self._choice(control, name)
        if control.type == "checkbox":
            return (control.value or "y") if control.required or control.checked else None
        if control.type == "radio":
            return control.value if control.required or control.checked else None
        if control.type == "password":
            return self.password
        if name == "username":
            return self.username
        if control.type == "date":
            return self._date(name).isoformat()
        if control.type == "datetime-local":
            return f"{self.today.isoformat()}T09:00"
        if control.type == "time":
            return {"repair_time": "11:00"}.get(name, "09:00")
        if control.type == "number":
            low = control.attrs.get("min")
            return str(int(low) if low not in (None, "", "None") else 1)
        if control.type == "file":
            return None  # files are added by :meth:`files`
        return self._text(name, control)

    def _choice(self, control: Control, name: str) -> str | None:
        wanted = {"identifier_kind": "pcc", "kind": None}.get(name)
        values = [v for v, _, disabled in control.options if not disabled]
        if wanted in values:
            return wanted
        selected = [v for v, chosen, disabled in control.options if chosen and not disabled]
        if selected and (selected[0] or not control.required):
            return selected[0]
        if not control.required and "" in values:
            return ""
        filled = [v for v in values if v]
        return filled[0] if filled else None

    def _date(self, name: str) -> date:
        if name == "until":  # an Art. 10 extension: later than any demo due date
            return self.today + timedelta(days=120)
        if name == "day":  # a closure day to add: a future working day
            day = self.today + timedelta(days=200)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day
        return self.today

    def _text(self, name: str, control: Control) -> str:
        if name == "identifier":
            return "P193456789123"
        if name == "period":
            return "10d"
        maximum = control.attrs.get("maxlength")
        text = f"Demo {name.replace('_', ' ')} {self.counter}"
        return text[: int(maximum)] if maximum and maximum.isdigit() else text

    def files(self, form: Form) -> dict:
        return {c.name: (io.BytesIO(PDF), "evidence.pdf") for c in form.controls
                if c.type == "file" and (c.required or "evidence" in c.name)}


def submission(form: Form, filler: Filler) -> tuple[str, dict, dict]:
    """The URL, the data and the request options a browser would send for ``form`` with its
    default (first) submit button."""
    data: dict[str, list[str]] = {}
    for control in form.controls:
        value = filler.value(control)
        if value is not None:
            data.setdefault(control.name, []).append(value)
    action = form.action
    default = next((b for b in form.buttons if not b.get("formaction")), None)
    if default and default.get("name"):
        data.setdefault(default["name"], []).append(default.get("value", ""))
    files = filler.files(form)
    options = {}
    if files or "multipart" in form.enctype:
        options["content_type"] = "multipart/form-data"
        data.update(files)
    return action, data, options


def absolute(base_path: str, action: str) -> str:
    return urljoin(base_path, action or base_path)
