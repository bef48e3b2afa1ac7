"""The case page's action forms: one per transition, validated, CSRF-protected, and refused
without any change when the values are wrong, the role may not, or someone acted first.

The tests post the forms as the page serves them (:class:`ServedPage` parses every control
with its value, hidden ones included), filled as a user would fill them."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Notice, Office, Party, User
from backoffice.workflow import open_procedure_case
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301",
          "disposition_kind": "assessment", "notice_received_on": "2026-11-20",
          "filed_on": "2026-11-30", "filing_rule": "online", "reasons": "Personal effects."}


@pytest.fixture
def objection(app, make) -> str:
    office = make.office("SEOUL")
    make.user("seoul.officer", Role.OFFICER, office=office)
    make.user("other.officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    make.user("john", Role.DUTY_PAYER, party=party)
    with app.app_context(), clock.frozen(kst(2026, 11, 30, 10)):
        case = open_procedure_case("objection", party=db.session.get(Party, party.id),
                                   office=db.session.get(Office, office.id),
                                   actor=db.session.scalar(select(User).where(
                                       User.username == "john")), values=FILING)
        db.session.commit()
        return case.reference


class ServedForm:
    """A <form> as the page served it: its attributes, its controls with their values, its
    buttons; :meth:`submit` gives what a browser sends when one of its buttons is pressed."""

    def __init__(self, attrs: dict[str, str]):
        self.attrs = attrs
        self.controls: list[dict] = []
        self.buttons: list[dict] = []

    @property
    def action(self) -> str:
        return self.attrs.get("action", "")

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def value(self, name: str) -> str | None:
        return self.values().get(name)

    def values(self) -> dict[str, str]:
        """The successful controls, as a browser collects them (no button pressed)."""
        values = {}
        for control in self.controls:
            name = control.get("name")
            if not name or "disabled" in control:
                continue
            if control["tag"] == "select":
                options = control["options"]
                chosen = [o for o in options if "selected" in o] or options[:1]
                if chosen:
                    values[name] = chosen[0].get("value", chosen[0]["text"].strip())
            elif control["tag"] == "textarea":
                values[name] = control["text"]
            elif control.get("type") in ("checkbox", "radio"):
                if "checked" in control:
                    values[name] = control.get("value", "on")
            elif control.get("type") not in ("submit", "button", "reset", "file", "image"):
                values[name] = control.get("value", "")
        return values

    def submit(self, button: str | None = None, **filled: str) -> tuple[str, dict[str, str]]:
        """The URL and data a browser posts after filling ``filled`` (full field names; each
        must be a control of the form) and pressing the button whose text has ``button``."""
        names = {c.get("name") for c in self.controls}
        unknown = set(filled) - names
        assert not unknown, f"not fields of this form: {sorted(unknown)} (it has {sorted(names)})"
        data = {**self.values(), **filled}
        url = self.action
        if button is not None:
            pressed = [b for b in self.buttons if button in b["text"]]
            assert pressed, f"no button {button!r}: {[b['text'] for b in self.buttons]}"
            if pressed[0].get("name"):
                data[pressed[0]["name"]] = pressed[0].get("value", "")
            url = pressed[0].get("formaction") or url
        return url, data


class ServedPage(HTMLParser):
    """A page as served: every form, and every element's id."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[ServedForm] = []
        self.ids: list[str] = []
        self._form = self._text = self._select = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value if value is not None else "" for name, value in attrs}
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "form":
            self._form = ServedForm(attributes)
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag in ("input", "select", "textarea"):
            control = {"tag": tag, **attributes}
            if tag == "input" and attributes.get("type") in ("submit", "image"):
                self._form.buttons.append({**attributes, "text": attributes.get("value", "")})
                return
            self._form.controls.append(control)
            if tag == "select":
                control["options"], self._select = [], control
            elif tag == "textarea":
                control["text"], self._text = "", control
        elif tag == "option" and self._select is not None:
            self._text = {**attributes, "text": ""}
            self._select["options"].append(self._text)
        elif tag == "button" and attributes.get("type", "submit") == "submit":
            self._text = {**attributes, "text": ""}
            self._form.buttons.append(self._text)

    def handle_data(self, data):
        if self._text is not None:
            self._text["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag in ("textarea", "option", "button"):
            if tag == "textarea" and self._text is not None:
                # A browser drops the one line break right after <textarea>.
                self._text["text"] = re.sub(r"^\r?\n", "", self._text["text"])
            self._text = None

    def form(self, *, action_ends: str | None = None, css: str | None = None) -> ServedForm:
        found = [f for f in self.forms
                 if (action_ends is None or f.action.endswith(action_ends))
                 and (css is None or css in f.classes)]
        assert len(found) == 1, f"{len(found)} forms for {action_ends or css}"
        return found[0]

    def duplicate_ids(self) -> list[str]:
        return sorted(name for name, count in Counter(self.ids).items() if count > 1)


def action_form_of(html: str, trigger: str) -> ServedForm:
    """The action form for ``trigger`` as the case page served it."""
    form = ServedPage(html).form(action_ends=f"/actions/{trigger}")
    assert form.value(f"{trigger}-csrf_token") and form.value(f"{trigger}-version"), form.values()
    return form


def post_form(client, form: ServedForm, button: str | None = None, **filled: str):
    url, data = form.submit(button, **filled)
    return client.post(url, data=data)


def _state(app, reference: str) -> str:
    with app.app_context():
        return db.session.scalar(select(Case.state).where(Case.reference == reference))


def test_the_officer_issues_the_written_opinion_from_its_form_and_gets_the_notice(
    client, auth, app, objection
):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert "Send the written opinion" in page and "issues a notice" in page
    form = action_form_of(page, "issue_opinion")
    checking = post_form(client, form, "Send the written opinion", **{
        "issue_opinion-opinion": "Heading 8471 applies; the invoice shows 40 units."})
    assert checking.status_code == 200 and _state(app, objection) == "filed"  # not yet
    confirm = ServedPage(checking.get_data(as_text=True)).form(css="confirm-form")
    response = post_form(client, confirm, "Confirm")
    assert response.status_code == 302
    text = client.get(response.location).get_data(as_text=True)
    assert "Send the written opinion: done (Art. 132(5))" in text
    assert _state(app, objection) == "opinion_issued"
    with app.app_context():
        notice = db.session.scalars(select(Notice)).one()
        assert notice.kind == "written_opinion" and notice.file_sha256  # rendered in the request
        assert notice.number in text


def test_a_missing_value_is_shown_on_its_field_and_in_a_summary_and_nothing_changes(
    client, auth, app, objection
):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    response = post_form(client, action_form_of(page, "order_revision"), "Order a revision", **{
        "order_revision-revision_days": "45", "order_revision-matters": ""})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    # On its field...
    fields = re.search(r'<form[^>]*actions/order_revision".*?</form>', text, re.S).group(0)
    for field, message in (("revision_days", "Number must be between 1 and 20."),
                           ("matters", "This field is required.")):
        block = re.search(rf'<div class="field has-error">(?:(?!</div>).)*'
                          rf'id="order_revision-{field}".*?</div>', fields, re.S)
        assert block and message in block.group(0), field
    # ...and in a summary at the top of that form, linking to it.
    summary = re.search(r'<div class="error-summary".*?</div>', fields, re.S).group(0)
    assert fields.index("error-summary") < fields.index('id="order_revision-revision_days"')
    assert 'href="#order_revision-revision_days"' in summary and "between 1 and 20" in summary
    assert 'href="#order_revision-matters"' in summary
    served = ServedPage(text)
    assert not served.duplicate_ids()
    assert "order_revision-revision_days" in served.ids and "order_revision-matters" in served.ids
    assert re.search(r'<details class="action" id="action-order_revision" open>', text)
    assert action_form_of(text, "order_revision").value("order_revision-revision_days") == "45"
    assert re.search(r'id="order_revision-revision_days"[^>]*autofocus|'
                     r'autofocus[^>]*id="order_revision-revision_days"', text)
    assert _state(app, objection) == "filed"
    with app.app_context():
        assert db.session.scalar(select(CaseEvent.id).where(
            CaseEvent.trigger == "order_revision")) is None


def test_someone_who_acted_first_wins_and_the_other_sees_the_case_as_it_is(client, auth, app,
                                                                         objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    first = action_form_of(page, "refer_to_committee")
    stale = action_form_of(page, "issue_opinion")
    assert post_form(client, first, "Refer").status_code == 302
    response = post_form(client, stale, "Send the written opinion",
                         **{"issue_opinion-opinion": "too late"})
    assert response.status_code == 409
    assert "Someone else acted on this case" in response.get_data(as_text=True)
    assert _state(app, objection) == "under_deliberation"


def test_an_action_without_its_csrf_token_is_refused(client, auth, objection):
    auth.login("seoul.officer", PASSWORD)
    response = client.post(f"/cases/{objection}/actions/refer_to_committee",
                           data={"refer_to_committee-version": "1"})
    assert response.status_code == 400


def test_a_duty_payer_cannot_fire_the_offices_actions(client, auth, app, objection):
    auth.login("john", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert "Send the written opinion" not in page
    assert "Withdraw the objection" in page
    token = csrf_token_from(page)
    response = client.post(f"/cases/{objection}/actions/refer_to_committee",
                           data={"refer_to_committee-csrf_token": token,
                                 "refer_to_committee-version": "1"})
    assert response.status_code in (400, 403)
    assert _state(app, objection) == "filed"


def test_an_unknown_action_is_not_found(client, auth, objection):
    auth.login("seoul.officer", PASSWORD)
    token = csrf_token_from(client.get(f"/cases/{objection}").get_data(as_text=True))
    assert client.post(f"/cases/{objection}/actions/launch_rocket",
                       data={"csrf_token": token}).status_code == 404


def test_a_duty_payer_cannot_choose_the_date_of_their_own_submission(client, auth, app,
                                                                   objection):
    """Online, the submission date is the day of transmission (Art. 129-2(2))."""
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = post_form(client, action_form_of(page, "issue_opinion"), "Send",
                         **{"issue_opinion-opinion": "grounds"})
    confirm = ServedPage(checking.get_data(as_text=True)).form(css="confirm-form")
    assert post_form(client, confirm, "Confirm").status_code == 302
    auth.logout()
    auth.login("john", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert 'name="submit_counter_evidence-counter_evidence_on"' not in page
    url, data = action_form_of(page, "submit_counter_evidence").submit(
        "Submit evidence", **{"submit_counter_evidence-evidence": "Purchase receipts"})
    data["submit_counter_evidence-counter_evidence_on"] = "2026-11-01"  # not served: forged
    with clock.frozen(kst(2026, 12, 3, 23, 30)):
        response = client.post(url, data=data)
    assert response.status_code == 302  # no confirmation: nothing issued, nothing ended
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == objection))
        assert case.data["counter_evidence_on"] == "2026-12-03"
