"""Pages and forms as a browser sees and sends them, read from the HTML the server rendered.

:class:`Page` parses a page's forms (action, method, enctype, classes, each control with its
served value, the hidden ones included, and the submit buttons), its ids and its links;
:meth:`Form.data` is what a browser sends for a form after the user's changes when a button
is pressed, file fields as multipart parts; :func:`submit`, :func:`send` and :func:`visit` do
it with a test client. :class:`Filler` fills any form with valid values, for the crawl."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.factories import pdf_document
from workflows import clock

PDF = pdf_document(note="evidence")

Files = dict[str, list[tuple[bytes, str]]]
"""Files chosen for file fields: the field's name, each file's content and name."""
Data = dict[str, list[str | tuple[io.BytesIO, str]]]
"""What a browser sends: each name with its values, a file as (stream, filename)."""


@dataclass
class Option:
    """An option of a select: the value it sends and the text it shows."""

    value: str
    text: str = ""
    selected: bool = False
    disabled: bool = False


@dataclass
class Control:
    """An input, select or textarea with a name; ``type`` is "select" or "textarea" for those."""

    name: str
    type: str = "text"
    value: str = ""
    required: bool = False
    checked: bool = False
    disabled: bool = False
    attrs: dict[str, str] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)

    def sends(self, change: str | None = None) -> list[str]:
        """The values a browser sends for this control as served, or once the user has typed,
        chosen or ticked (the box whose value is) ``change``."""
        if self.disabled:
            return []
        if self.type in ("checkbox", "radio"):
            on = self.checked if change is None else change == self.value
            return [self.value] if on else []
        if self.type == "select":
            if change is not None:
                return [change] if change in [o.value for o in self.options] else []
            chosen = [o for o in self.options if o.selected] or [
                o for o in self.options if not o.disabled]
            return [o.value for o in chosen[:1] if not o.disabled]
        return [self.value if change is None else change]


@dataclass
class Button:
    """A submit button: its text (an input's value), the name and value it sends, and where
    it sends the form if elsewhere."""

    text: str = ""
    name: str = ""
    value: str = ""
    formaction: str = ""


@dataclass
class Form:
    """A <form> as served, its action resolved on the page's URL."""

    action: str
    method: str = "get"
    enctype: str = ""
    classes: list[str] = field(default_factory=list)
    id: str = ""
    controls: list[Control] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)

    @property
    def signature(self) -> str:
        """What kind of form it is, whatever case or deadline it is for: the path with numbers
        and references replaced, and its field names."""
        path = re.sub(r"/[A-Z]+-\d{4}-\d{6}", "/<ref>", urlsplit(self.action).path)
        path = re.sub(r"/\d+(?=/|$)", "/<id>", path)
        names = sorted({c.name for c in self.controls if c.type != "hidden"})
        return f"{self.method} {path} {','.join(names)}"

    def control(self, name: str) -> Control:
        found = [c for c in self.controls if c.name == name]
        assert found, f"no control {name!r} (the form has {[c.name for c in self.controls]})"
        return found[0]

    def button(self, text: str) -> Button:
        """The first submit button whose text has ``text``."""
        found = [b for b in self.buttons if text in b.text]
        assert found, f"no button {text!r}: {[b.text for b in self.buttons]}"
        return found[0]

    def url(self, button: str | Button | None = None) -> str:
        """Where the form is sent when ``button`` is pressed: its formaction, else the action."""
        pressed = self.button(button) if isinstance(button, str) else button
        return pressed.formaction if pressed and pressed.formaction else self.action

    def value(self, name: str) -> str | None:
        """What the form sends for ``name`` as served (its first value), None if nothing."""
        self.control(name)
        sent = self.data().get(name, [])
        return sent[0] if sent and isinstance(sent[0], str) else None

    def data(self, button: str | Button | None = None, files: Files | None = None,
             **changes: str) -> Data:
        """What a browser sends once the user has made ``changes`` (full field names) and chosen
        ``files``, when ``button`` (a button or its text; None: no button) is pressed. A file
        field without a file chosen is sent as an empty part."""
        names = {c.name for c in self.controls}
        uploads = {c.name for c in self.controls if c.type == "file"}
        unknown = (set(changes) - names) | (set(files or {}) - uploads)
        assert not unknown, f"not fields of this form: {sorted(unknown)} (it has {sorted(names)})"
        sent: Data = {}
        for c in self.controls:
            values = sent.setdefault(c.name, [])
            if c.type != "file":
                values += c.sends(changes.get(c.name))
            elif not c.disabled:
                chosen = (files or {}).get(c.name) or [(b"", "")]
                values += [(io.BytesIO(content), filename) for content, filename in chosen]
        refused = {n: v for n, v in changes.items() if v and v not in sent[n]}
        assert not refused, f"a browser cannot send {refused}"
        pressed = self.button(button) if isinstance(button, str) else button
        if pressed is not None and pressed.name:
            sent.setdefault(pressed.name, []).append(pressed.value)
        return {name: values for name, values in sent.items() if values}


class _Parser(HTMLParser):
    """Reads the forms, the ids and the links (by id) of a page."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.ids: list[str] = []
        self.links: dict[str, str] = {}
        self._form: Form | None = None
        self._select: Control | None = None
        self._text: Control | Option | Button | None = None  # whose text is being read
        self._valueless = False  # an option without a value sends its text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        kind = {"select": "select", "textarea": "textarea"}.get(tag) or a.get(
            "type", "submit" if tag == "button" else "text").lower()
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "id" in a and "href" in a:
            self.links[a["id"]] = a["href"]
        form = self._form
        if tag == "form":
            self._form = Form(urljoin(self.url, a.get("action") or self.url),
                              (a.get("method") or "get").lower(), a.get("enctype", ""),
                              a.get("class", "").split(), a.get("id", ""))
            self.forms.append(self._form)
        elif form is None:
            return
        elif tag in ("button", "input") and kind in ("submit", "image"):
            formaction = urljoin(self.url, a["formaction"]) if a.get("formaction") else ""
            button = Button(a.get("value", ""), a.get("name", ""), a.get("value", ""),
                            formaction)
            form.buttons.append(button)
            if tag == "button":
                button.text, self._text = "", button
        elif tag in ("input", "select", "textarea") and a.get("name") and kind not in (
                "button", "reset"):
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            control = Control(a["name"], kind, value, "required" in a, "checked" in a,
                              "disabled" in a, a)
            form.controls.append(control)
            if tag == "select":
                self._select = control
            elif tag == "textarea":
                control.value, self._text = "", control
        elif tag == "option" and self._select is not None:
            self._text = Option(a.get("value", ""), "", "selected" in a, "disabled" in a)
            self._valueless = "value" not in a
            self._select.options.append(self._text)

    def handle_data(self, data: str) -> None:
        if isinstance(self._text, Control):
            self._text.value += data
        elif self._text is not None:
            self._text.text += data

    def handle_endtag(self, tag: str) -> None:
        text = self._text
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and isinstance(text, Control):
            # A browser normalises the line breaks and drops the one right after <textarea>.
            value = text.value.replace("\r\n", "\n").replace("\r", "\n")
            text.value = value.removeprefix("\n")
        elif tag in ("option", "button") and isinstance(text, Option | Button):
            text.text = " ".join(text.text.split())
            if isinstance(text, Option) and self._valueless:
                text.value = text.text
        if tag in ("textarea", "option", "button"):
            self._text = None


class Page:
    """A page as served: its HTML, its words, its forms, the ids of its elements and the
    hrefs of its links by id. ``url`` is where it was read: form actions are resolved on it."""

    def __init__(self, html: str, url: str = "", status: int = 200):
        self.html, self.url, self.status = html, url, status
        parser = _Parser(url)
        parser.feed(html)
        parser.close()
        self.forms, self.ids, self.links = parser.forms, parser.ids, parser.links
        self.text = " ".join(unescape(html).split())

    @classmethod
    def of(cls, response: TestResponse) -> Page:
        """The page of a response, at the URL last asked for."""
        query = response.request.query_string.decode()
        url = response.request.path + (f"?{query}" if query else "")
        return cls(response.get_data(as_text=True), url, response.status_code)

    def form(self, form_id: str | None = None, *, action: str | None = None,
             css: str | None = None) -> Form:
        """The one form with this id, whose action ends with ``action``, with class ``css``."""
        found = [f for f in self.forms if (form_id is None or f.id == form_id)
                 and (action is None or f.action.endswith(action))
                 and (css is None or css in f.classes)]
        assert len(found) == 1, f"{len(found)} forms #{form_id} {action} .{css} on {self.url}"
        return found[0]

    def link(self, link_id: str) -> str:
        assert link_id in self.links, f"no link #{link_id} on {self.url}"
        return self.links[link_id]

    def duplicate_ids(self) -> list[str]:
        return sorted({i for i in self.ids if self.ids.count(i) > 1})


def submit(client: FlaskClient, form: Form, button: str | Button | None = None, /, *,
           files: Files | None = None, follow_redirects: bool = False,
           **changes: str) -> TestResponse:
    """Send ``form`` as a browser does (see :meth:`Form.data`), to the button's formaction if
    it has one; the response."""
    url, data = form.url(button), form.data(button, files, **changes)
    if form.method == "get":
        return client.get(url, query_string=data, follow_redirects=follow_redirects)
    multipart = "multipart/form-data" if form.enctype == "multipart/form-data" else None
    return client.post(url, data=data, content_type=multipart,
                       follow_redirects=follow_redirects)


def send(client: FlaskClient, form: Form, button: str | Button | None = None, /, *,
         files: Files | None = None, **changes: str) -> Page:
    """Submit ``form`` and follow the redirects, like a browser; the page it lands on."""
    return Page.of(submit(client, form, button, files=files, follow_redirects=True, **changes))


def visit(client: FlaskClient, url: str) -> Page:
    """The page at ``url`` as served (redirects are not followed)."""
    return Page.of(client.get(url))


class Filler:
    """Valid values for a form's fields, by the field's type and what its name says."""

    def __init__(self, username: str, password: str, today: date | None = None,
                 overrides: dict[str, str] | None = None):
        self.username, self.password = username, password
        self.today = today or clock.today()
        self.overrides = overrides or {}
        self.counter = 0

    def fill(self, form: Form) -> dict[str, str]:
        """The changes a user makes to ``form``: a value for each field to fill in."""
        changes = {}
        for control in form.controls:
            value = self.value(control)
            if value is not None and value not in control.sends():
                changes[control.name] = value
        return changes

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
        values = [o.value for o in control.options if not o.disabled]
        if wanted in values:
            return wanted
        selected = [o.value for o in control.options if o.selected and not o.disabled]
        if selected and (selected[0] or not control.required):
            return selected[0]
        if not control.required and "" in values:
            return ""
        filled = [v for v in values if v]
        return filled[0] if filled else None

    def _date(self, name: str) -> date:
        if name == "until":  # an Art. 10 extension: later than any demo due date
            return self.today + timedelta(days=120)
        if name == "ship_out_by":  # an order to ship out early: a later day (Art. 177(2))
            return self.today + timedelta(days=7)
        if name == "day":  # a closure day to add: a future working day
            day = self.today + timedelta(days=200)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day
        if name in ("start_day", "repair_day"):  # an outage (Art. 8(4)): one that has happened
            return self.today - timedelta(days=1)
        return self.today

    def _text(self, name: str, control: Control) -> str:
        if name == "identifier":
            return "P193456789123"
        if name == "period":
            return "10d"
        if name == "licence":  # the kind first offered (134) belongs to no licensed area
            return ""
        maximum = control.attrs.get("maxlength")
        text = f"Demo {name.replace('_', ' ')} {self.counter}"
        return text[: int(maximum)] if maximum and maximum.isdigit() else text

    def files(self, form: Form) -> Files:
        return {c.name: [(PDF, "evidence.pdf")] for c in form.controls
                if c.type == "file" and (c.required or "evidence" in c.name)}
