"""The case page's action forms: one per transition, validated, CSRF-protected, and refused
without any change when the values are wrong, the role may not, or someone acted first.

The tests post the forms as the page serves them (:class:`tests.form_crawler.Page` parses
every control with its value, hidden ones included), filled as a user would fill them."""

import re

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Notice
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.form_crawler import Form, Page, submit
from tests.procedure_helpers import kst
from workflows import clock


def action_form_of(html: str, trigger: str) -> Form:
    """The action form for ``trigger`` as the case page served it."""
    form = Page(html).form(action=f"/actions/{trigger}")
    assert form.value(f"{trigger}-csrf_token") and form.value(f"{trigger}-version"), form.data()
    return form


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
    checking = submit(client, form, "Send the written opinion", **{
        "issue_opinion-opinion": "Heading 8471 applies; the invoice shows 40 units."})
    assert checking.status_code == 200 and _state(app, objection) == "filed"  # not yet
    confirm = Page(checking.get_data(as_text=True)).form(css="confirm-form")
    response = submit(client, confirm, "Confirm")
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
    response = submit(client, action_form_of(page, "order_revision"), "Order a revision", **{
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
    served = Page(text)
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
    assert submit(client, first, "Refer").status_code == 302
    response = submit(client, stale, "Send the written opinion",
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
    checking = submit(client, action_form_of(page, "issue_opinion"), "Send",
                      **{"issue_opinion-opinion": "grounds"})
    confirm = Page(checking.get_data(as_text=True)).form(css="confirm-form")
    assert submit(client, confirm, "Confirm").status_code == 302
    auth.logout()
    auth.login("john", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert 'name="submit_counter_evidence-counter_evidence_on"' not in page
    form = action_form_of(page, "submit_counter_evidence")
    data = form.data("Submit evidence",
                     **{"submit_counter_evidence-evidence": "Purchase receipts"})
    data["submit_counter_evidence-counter_evidence_on"] = ["2026-11-01"]  # not served: forged
    today = clock.today()
    with clock.frozen(kst(today.year, today.month, today.day, 23, 30)):
        response = client.post(form.url("Submit evidence"), data=data)
    assert response.status_code == 302  # no confirmation: nothing issued, nothing ended
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == objection))
        assert case.data["counter_evidence_on"] == today.isoformat()
