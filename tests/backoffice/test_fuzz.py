"""No input costs a 500, and an input refused with a 4xx changes nothing (issue 13).

For every role (and a visitor), on the demo data after a sweep:

* every route of the application is asked for with hostile path values (ids past 2^63,
  negative, zero, unicode, NUL, very long references) and hostile query strings;
* every form served on the role's pages is sent back with hostile values in its fields (dates
  past 9999 or before year 1, huge numbers, periods like ``9999999pd``, NUL and control
  characters, full-width digits, wrong types), both as the browser's form encoding and as a
  JSON body with values of every JSON type, and file fields with hostile bytes;
* hypothesis then mixes served and hostile values field by field, derandomised so a run is
  repeatable.

After each request: the status is not 5xx, and when it is 4xx no write to the database was
committed. What a refused request may legitimately write is left out, each for its reason:
a failed sign-in is counted (``sign_in_failures``, the user's failure counters), a signed-in
request marks its session seen (``sign_in_sessions.last_seen_at``), and an online filing keeps
the evidence files that passed their check for an hour when the rest of the form is refused
(``staged_filings``), so the applicant need not upload them again.
"""

from __future__ import annotations

import io
import json
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from backoffice.demo import DEMO_PASSWORD
from backoffice.extensions import csrf, db
from backoffice.models import Attachment, Case, Deadline, NetworkOutage, Notice
from tests.backoffice.test_forms_as_served import _client, _pages
from tests.conftest import csrf_token_from
from tests.form_crawler import PDF, Filler, Form, Page

ROLES = ["officer", "supervisor", "payer", "admin", None]

HOSTILE_TEXT = [
    "", " ", "\x00", "a\x00b", "\x1b[31m", "\r\n\r\n", "\u202e", "\ufeff", "𝕏" * 30,
    "-1", "0", "2" * 30, str(2**63), str(2**64), "-" + str(2**63), "1e309", "NaN", "inf",
    "9999999pd", "99999999d", "10000000w", "0d", "-5d", "１０ｄ", "３０，０００，０００",
    "0001-01-01", "9999-12-31", "10000-01-01", "99999-01-01", "0000-00-00", "2026-02-30",
    "2026-13-01", "+002026-01-01", "2026-01-01T25:61", "9999-12-31T23:59", "１９９０-０１-０１",
    "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "{{7*7}}",
    "x" * 6000,
]
_DATES = ["0001-01-01", "9999-12-31", "10000-01-01", "0000-00-00", "2026-02-30", "2200-01-01",
          "１９９０-０１-０１", str(2**64)]
_NUMBERS = ["-1", str(2**63), str(2**64), "1e309", "NaN", "１２", "３０，０００，０００", "\x00"]
_TEXTS = ["", "\x00", "\x1b[31m", "x" * 6000, "9999999pd", "１０ｄ", "<script>alert(1)</script>",
          "' OR 1=1 --"]
# Put in every field of a form at once.
ALL_AT_ONCE = ["", "\x00", str(2**64), "9999-12-31", "10000-01-01", "x" * 6000, "-1",
               "9999999pd"]
# The hostile values for each kind of control, the other fields of the form being valid.
HOSTILE_BY_TYPE = {
    "date": _DATES, "datetime-local": [d + "T09:00" for d in _DATES] + ["2026-01-01T25:61"],
    "time": ["25:00", "-1:00", "99:99:99", "\x00", ""], "number": _NUMBERS,
    "select": ["", "no-such-choice", "\x00", str(2**64)], "radio": ["", "no-such-choice"],
    "checkbox": ["", "\x00"], "hidden": [*_NUMBERS[:6], "\x00", "x" * 500],
    "password": ["", "\x00", "x" * 6000], "text": [*_TEXTS, str(2**64)], "textarea": _TEXTS,
}
HOSTILE_PATH = ["0", "-1", str(2**63), str(2**64), "9" * 40, "%00", "%C0%AF", "..", "x" * 400,
                "%ED%95%9C", "OBJ-9999-999999", "1.5", " ", "%0A"]
HOSTILE_QUERY_NAMES = ["page", "next", "state", "inline", "lang", "number", "code", "q",
                       "office_id", "officer_id", "procedure", "include_closed", "sort"]
HOSTILE_FILES = [b"", b"%PDF-", b"%PDF-1.4\n<html><script>alert(1)</script></html>",
                 b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"\xff\xd8\xff" + b"\xff" * 64]
# What a refused request may change, and why: see the module's docstring.
MAY_CHANGE = {"sign_in_failures": None, "sign_in_sessions": {"last_seen_at"},
              "users": {"failed_logins", "locked_until"}, "staged_filings": None,
              "staged_filing_files": None}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(HOSTILE_TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6)
form_text = st.sampled_from(HOSTILE_TEXT) | st.text(max_size=40).filter(
    lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s))


class CommittedWrites:
    """The writes committed to the database while it listens, by table: every INSERT, UPDATE and
    DELETE of a transaction that was committed (a rolled-back one wrote nothing), leaving out
    what a refused request may change. Cheaper than comparing the tables, and stricter: a write
    of the same value counts too."""

    _WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)\"?(.*)$",
                        re.IGNORECASE | re.DOTALL)

    def __init__(self):
        self.tables: list[str] = []

    def __enter__(self) -> CommittedWrites:
        event.listen(Engine, "before_cursor_execute", self._executed)
        event.listen(Engine, "commit", self._committed)
        event.listen(Engine, "rollback", self._rolled_back)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(Engine, "before_cursor_execute", self._executed)
        event.remove(Engine, "commit", self._committed)
        event.remove(Engine, "rollback", self._rolled_back)

    def take(self) -> list[str]:
        tables, self.tables = sorted(set(self.tables)), []
        return tables

    def _executed(self, conn, cursor, statement, parameters, context, executemany) -> None:
        match = self._WRITE.match(statement)
        if match and not self._may_change(match.group(1), match.group(2)):
            conn.info.setdefault("fuzz_writes", []).append(match.group(1))

    @staticmethod
    def _may_change(table: str, rest: str) -> bool:
        if table not in MAY_CHANGE:
            return False
        columns = MAY_CHANGE[table]
        if columns is None:
            return True
        assigned = re.match(r"\s+SET\s+(.*?)\s+(?:WHERE|RETURNING|$)", rest, re.S | re.I)
        names = {a.split("=")[0].strip().strip('"') for a in assigned.group(1).split(",")} \
            if assigned else {"?"}
        return names <= columns

    def _committed(self, conn) -> None:
        self.tables += conn.info.pop("fuzz_writes", [])

    def _rolled_back(self, conn) -> None:
        conn.info.pop("fuzz_writes", None)


class Probe:
    """Sends requests as one role and checks each answer against the database."""

    def __init__(self, app, username: str | None):
        self.app, self.username = app, username
        self._sign_in()
        self.sent = 0
        self.failures: list[str] = []

    def send(self, method: str, url: str, **kwargs) -> None:
        with CommittedWrites() as writes:
            response = self.client.open(url, method=method, **kwargs)
        status = response.status_code
        self.sent += 1
        if status >= 500:
            self.failures.append(f"{status} {method} {url[:120]} {_brief(kwargs)}")
        elif status >= 400 and (changed := writes.take()):
            self.failures.append(f"{status} changed {changed}: {method} {url[:120]} "
                                 f"{_brief(kwargs)}")
        if self.username and response.status_code == 302 and "/login" in (
                response.location or ""):
            self._sign_in()  # signed out by what was sent

    def _sign_in(self) -> None:
        """A client signed in as the role, and the CSRF token of its session: a hostile form
        carries a valid token, so that it reaches the form's own checks."""
        self.client = _client(self.app, self.username)
        landing = "/login" if self.username is None else "/calendar"
        self.token = csrf_token_from(self.client.get(landing).get_data(as_text=True))

    def form(self, form: Form, values: dict[str, object], *, as_json: bool = False,
             files: dict[str, bytes] | None = None) -> None:
        if "csrf_token" in values:
            values = {**values, "csrf_token": self.token}
        if form.method == "get":
            self.send("GET", form.action, query_string={k: str(v) for k, v in values.items()})
        elif as_json:
            self.send("POST", form.action, data=json.dumps(values),
                      content_type="application/json", headers={"X-CSRFToken": self.token})
        elif files:
            data = {k: str(v) for k, v in values.items()}
            data.update({k: (io.BytesIO(v), "upload.pdf") for k, v in files.items()})
            self.send("POST", form.action, data=data, content_type="multipart/form-data")
        else:
            self.send("POST", form.action, data={k: str(v) for k, v in values.items()})


def _brief(kwargs) -> str:
    body = kwargs.get("data") or kwargs.get("query_string")
    return re.sub(r"\s+", " ", repr(body))[:300] if body else ""


def served_forms(probe: Probe) -> list[Form]:
    """One form of each kind the role is served, logout apart (it ends the probe's session)."""
    client, forms, seen = probe.client, [], set()
    for path in _pages(probe.app, probe.username):
        for form in Page(client.get(path).get_data(as_text=True), path).forms:
            if form.action.endswith("/logout") or form.signature in seen:
                continue
            seen.add(form.signature)
            forms.append(form)
    return forms


def served_values(form: Form) -> dict[str, str]:
    return {name: values[0] for name, values in form.data().items()
            if values and isinstance(values[0], str)}


def route_urls(app) -> list[tuple[str, str]]:
    """Every route with each of its path values replaced by each hostile value."""
    urls = []
    with app.app_context():
        known = {"reference": db.session.scalar(select(Case.reference).order_by(Case.id)),
                 "number": db.session.scalar(select(Notice.number).order_by(Notice.id)),
                 "attachment_id": db.session.scalar(select(func.max(Attachment.id))),
                 "deadline_id": db.session.scalar(select(func.max(Deadline.id))),
                 "outage_id": db.session.scalar(select(func.max(NetworkOutage.id)))}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = sorted((rule.methods or set()) & {"GET", "POST"})
        names = list(rule.arguments)
        for hostile in HOSTILE_PATH:
            for target in names or [None]:
                path = rule.rule
                for name in names:
                    value = hostile if name == target else str(known.get(name) or "1")
                    path = re.sub(rf"<(?:[a-z]+(?:\([^)]*\))?:)?{name}>", value, path)
                urls += [(method, path) for method in methods]
    return sorted(set(urls))


@pytest.fixture
def demo_site(app):
    from backoffice.demo import seed_demo
    from jobs.enforce import enforce_due_deadlines

    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        db.session.commit()
    # An exception is answered 500, as in production, so that every one is reported.
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


@pytest.mark.parametrize("username", ROLES, ids=[r or "visitor" for r in ROLES])
def test_no_route_answers_500_to_hostile_paths_and_queries(demo_site, username):
    probe = Probe(demo_site, username)
    for method, path in route_urls(demo_site):
        if path.endswith("/logout"):
            continue
        query = {name: HOSTILE_TEXT[(probe.sent + i) % len(HOSTILE_TEXT)]
                 for i, name in enumerate(HOSTILE_QUERY_NAMES)}
        probe.send(method, path, query_string=query)
    assert probe.sent > 100
    assert not probe.failures, "\n".join(probe.failures)


@pytest.mark.parametrize("username", ROLES, ids=[r or "visitor" for r in ROLES])
def test_no_form_answers_500_to_hostile_fields_and_a_refusal_changes_nothing(
        demo_site, username):
    probe = Probe(demo_site, username)
    forms = served_forms(probe)
    assert forms, f"no forms served to {username}"
    filler = Filler(username or "officer", DEMO_PASSWORD)
    for form in forms:
        served = served_values(form)
        # The form as a user would fill it, so that a hostile value in one field is what the
        # form's checks meet, the other fields being valid.
        valid = {**served, **filler.fill(form)}
        uploads = [c.name for c in form.controls if c.type == "file"]
        for control in form.controls:
            if control.type == "file" or control.name == "csrf_token":
                continue
            for hostile in HOSTILE_BY_TYPE.get(control.type, HOSTILE_BY_TYPE["text"]):
                probe.form(form, {**valid, control.name: hostile},
                           files={n: PDF for n in uploads})
        for index, hostile in enumerate(ALL_AT_ONCE):
            # Each hostile value in every field at once, with a hostile file in each file field.
            fields = [n for n in valid if n != "csrf_token"]
            probe.form(form, {**valid, **{n: hostile for n in fields}},
                       files={n: HOSTILE_FILES[index % len(HOSTILE_FILES)] for n in uploads})
        fields = [n for n in valid if n != "csrf_token"]
        probe.form(form, {**valid, **{n: 2**64 for n in fields}}, as_json=True)
        probe.form(form, {**valid, **{n: None for n in fields}}, as_json=True)
        probe.form(form, {**valid, **{n: ["a", {"b": 1}] for n in fields}}, as_json=True)
        probe.form(form, {n: v for n, v in valid.items() if n != "csrf_token"})

    @settings(max_examples=60, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def mixed(data):
        form = data.draw(st.sampled_from(forms))
        served = served_values(form)
        values = {name: data.draw(st.just(value) | form_text, label=name)
                  for name, value in served.items() if name != "csrf_token"}
        values["csrf_token"] = served.get("csrf_token", "")
        if data.draw(st.booleans(), label="as JSON") and form.method == "post":
            probe.form(form, {**values, **{n: data.draw(json_values, label=f"{n} (JSON)")
                                            for n in values if n != "csrf_token"}},
                       as_json=True)
        else:
            probe.form(form, values)

    mixed()
    print(f"{username}: {probe.sent} requests on {len(forms)} forms")
    assert probe.sent > len(forms) * len(ALL_AT_ONCE)
    assert not probe.failures, "\n".join(probe.failures)


def test_the_probe_would_see_a_500_and_a_change(demo_site):
    """The checks themselves work: a route that fails, and one that changes a case and then
    refuses, are both reported."""

    @csrf.exempt
    @demo_site.post("/__fuzz_probe/<int:n>")
    def probe_route(n: int):
        if n == 1:
            raise RuntimeError("boom")
        case = db.session.scalars(select(Case).order_by(Case.id)).first()
        case.data = {**case.data, "touched": True}
        db.session.commit()
        return "refused", 409

    probe = Probe(demo_site, None)
    probe.send("POST", "/__fuzz_probe/1")
    probe.send("POST", "/__fuzz_probe/2")
    assert probe.failures[0].startswith("500 POST /__fuzz_probe/1")
    assert probe.failures[1].startswith("409 changed ['cases']")


def test_every_hostile_path_value_reaches_every_route(demo_site):
    urls = route_urls(demo_site)
    rules = {r.rule for r in demo_site.url_map.iter_rules() if r.endpoint != "static"}
    for rule in rules:
        if "<" in rule:
            prefix = rule.split("<", 1)[0]
            assert any(path.startswith(prefix) and quote(str(2**64)) in path
                       for _, path in urls), rule
