"""The case page's action forms: one per transition, validated, CSRF-protected, and refused
without any change when the values are wrong, the role may not, or someone acted first."""

import re

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


def _form(page: str, trigger: str) -> dict:
    """The hidden fields of the action form for ``trigger`` as the page rendered them."""
    action = re.search(rf'action="/cases/[^"]+/actions/{trigger}".*?</form>', page, re.S)
    assert action, f"no form for {trigger} on the page"
    hidden = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"',
                             action.group(0)))
    hidden.update(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"',
                             action.group(0)))
    assert f"{trigger}-csrf_token" in hidden and f"{trigger}-version" in hidden, hidden
    return hidden


def _state(app, reference: str) -> str:
    with app.app_context():
        return db.session.scalar(select(Case.state).where(Case.reference == reference))


def test_the_officer_issues_the_written_opinion_from_its_form_and_gets_the_notice(
    client, auth, app, objection
):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert "Send the written opinion" in page and "issues a notice" in page
    data = {**_form(page, "issue_opinion"),
            "issue_opinion-opinion": "Heading 8471 applies; the invoice shows 40 units."}
    response = client.post(f"/cases/{objection}/actions/issue_opinion", data=data,
                           follow_redirects=True)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Send the written opinion: done (Art. 132(5))" in text
    assert _state(app, objection) == "opinion_issued"
    with app.app_context():
        notice = db.session.scalars(select(Notice)).one()
        assert notice.kind == "written_opinion" and notice.file_sha256  # rendered in the request
        assert notice.number in text


def test_a_missing_value_is_shown_on_its_field_and_nothing_changes(client, auth, app,
                                                                    objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    response = client.post(f"/cases/{objection}/actions/order_revision",
                           data={**_form(page, "order_revision"),
                                 "order_revision-revision_days": "45",
                                 "order_revision-matters": ""})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "Number must be between 1 and 20." in text and "This field is required." in text
    assert _state(app, objection) == "filed"
    with app.app_context():
        assert db.session.scalar(select(CaseEvent.id).where(
            CaseEvent.trigger == "order_revision")) is None


def test_someone_who_acted_first_wins_and_the_other_sees_the_case_as_it_is(client, auth, app,
                                                                         objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    first = {**_form(page, "refer_to_committee")}
    stale = {**_form(page, "issue_opinion"), "issue_opinion-opinion": "too late"}
    assert client.post(f"/cases/{objection}/actions/refer_to_committee",
                       data=first).status_code == 302
    response = client.post(f"/cases/{objection}/actions/issue_opinion", data=stale)
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
    client.post(f"/cases/{objection}/actions/issue_opinion",
                data={**_form(page, "issue_opinion"), "issue_opinion-opinion": "grounds"})
    auth.logout()
    auth.login("john", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert 'name="submit_counter_evidence-counter_evidence_on"' not in page
    with clock.frozen(kst(2026, 12, 3, 23, 30)):
        response = client.post(f"/cases/{objection}/actions/submit_counter_evidence", data={
            **_form(page, "submit_counter_evidence"),
            "submit_counter_evidence-counter_evidence_on": "2026-11-01",
            "submit_counter_evidence-evidence": "Purchase receipts"})
    assert response.status_code == 302
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == objection))
        assert case.data["counter_evidence_on"] == "2026-12-03"
