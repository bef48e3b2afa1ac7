"""Check before acting: an action that issues a notice, ends the case or opens another case
is shown on a confirmation page first, and fires only when confirmed.

Every step posts a form as the page served it (see :class:`tests.form_crawler.Page`): the
action's form from the case page, filled in as a user would; then the confirmation page's
``confirm-form``.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from backoffice.cases.confirmation import needs_confirmation
from backoffice.demo import DEMO_PASSWORD, seed_demo
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, Notice, Party
from tests.backoffice.test_case_actions import action_form_of
from tests.conftest import Auth
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit
from tests.korean_text import korean_day
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import kst
from workflows import clock
from workflows.engine import STAYS, Label, Procedure, State, Transition
from workflows.procedures import REGISTRY, procedure_for
from workflows.roles import Role

ORDERED_AT = kst(2026, 12, 1, 10)
"""Tuesday. A revision period of 19 days from this order: the first day is not counted
(Civil Act Art. 157, applied by Art. 8(2)), so it runs from 2 December and its 19th day is
Sunday 20 December 2026; Art. 8(3)1 moves a deadline falling on a Sunday to the next working
day, Monday 21 December 2026."""
REVISION_DUE = "2026-12-21"


def _case(app, reference: str) -> Case:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        db.session.expunge(case)
        return case


def _count(app, model, **where) -> int:
    with app.app_context():
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return db.session.scalar(query)


def _text(html: str) -> str:
    """The page's words, tags dropped and spaces squeezed, to read as a user reads it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _section(html: str, css: str) -> str:
    match = re.search(rf'<(\w+) [^>]*class="[^"]*\b{css}\b[^"]*".*?</\1>', html, re.S)
    assert match, f"no {css} on the page"
    return _text(match.group(0))


def _confirmation_of_revision_order(client, reference: str, days: str = "19",
                                    matters: str = "Attach the invoice and the packing list."):
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    form = action_form_of(page, "order_revision")
    response = submit(client, form, "Order a revision", **{
        "order_revision-revision_days": days, "order_revision-matters": matters})
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


# -- which actions ------------------------------------------------------------------------------

def test_the_rule_reads_the_declarations_only():
    objection = procedure_for("objection")
    assert needs_confirmation(objection, objection.transition("issue_opinion"))  # a notice
    assert needs_confirmation(objection, objection.transition("decide_reject"))  # a decision
    assert needs_confirmation(objection, objection.transition("withdraw"))  # ends the case
    assert not needs_confirmation(objection, objection.transition("refer_to_committee"))
    assert not needs_confirmation(objection, objection.transition("record_decision_served"))
    permission = procedure_for("deemed_permission")
    assert needs_confirmation(permission, permission.transition("grant"))
    assert needs_confirmation(permission, permission.transition("refuse"))
    # Each fact alone is enough: a bare procedure with one action of each kind.
    office = frozenset({Role.OFFICER})
    bare = Procedure("bare", "Art. 0", (State(name="open", label=Label("Open", "진행"),
                                              article="Art. 0"),
                                       State(name="ended", label=Label("Ended", "종결"),
                                             article="Art. 0", terminal=True)),
                     (Transition(trigger="start", source=(), dest="open", roles=office,
                                 article="Art. 0", label=Label("Start")),
                      Transition(trigger="note", source=("open",), dest=STAYS, roles=office,
                                 article="Art. 0", label=Label("Note")),
                      Transition(trigger="tell", source=("open",), dest=STAYS, roles=office,
                                 article="Art. 0", label=Label("Tell"),
                                 notices=("revision_order",)),
                      Transition(trigger="spawn", source=("open",), dest=STAYS, roles=office,
                                 article="Art. 0", label=Label("Spawn"), spawns="reinvestigation"),
                      Transition(trigger="end", source=("open",), dest="ended", roles=office,
                                 article="Art. 0", label=Label("End"))))
    assert [t.trigger for t in bare.transitions if needs_confirmation(bare, t)] == [
        "tell", "spawn", "end"]
    # Every declared action that issues, ends or opens is checked first; no other is.
    for procedure in REGISTRY.values():
        for t in procedure.transitions:
            ends = t.dest is not STAYS and procedure.state(t.dest).terminal
            assert needs_confirmation(procedure, t) == bool(t.notices or ends or t.spawns)


# -- the confirmation page ----------------------------------------------------------------------

def test_the_confirmation_names_the_notice_its_addressee_and_the_period_it_starts(
    client, auth, app, objection
):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(ORDERED_AT):
        html = _confirmation_of_revision_order(client, objection)
    with app.app_context():
        party = db.session.scalar(select(Party).where(Party.name == "JOHN SMITH"))
        masked, whole = party.masked_identifier, party.identifier
    text = _text(html)
    assert "처리 전 확인" in text and "Check before you act" in text
    facts = _section(html, "confirm-facts")
    assert "보정 요구 Order a revision" in facts  # Korean first
    # Art. 123(1) via 132(4), cited the Korean way on a Korean page
    assert "제123조제1항(제132조제4항에 따라 준용)" in _section(html, "confirm-article")
    assert "이의신청 접수 Objection filed → 보정 요구 Revision ordered" in _section(
        html, "confirm-state")
    notices = _section(html, "confirm-notices")
    assert "보정요구서 Order to Revise" in notices
    assert "JOHN SMITH" in notices and masked in notices and whole not in html
    periods = _section(html, "confirm-periods")
    assert "revision period" in periods  # counted in ORDERED_AT, shown the Korean way
    assert korean_day(date.fromisoformat(REVISION_DUE)) == "2026년 12월 21일(월)" in periods
    values = _section(html, "confirm-values")
    assert "19" in values and "Attach the invoice and the packing list." in values
    # Nothing is done until it is confirmed.
    assert _case(app, objection).state == "filed"
    assert _count(app, Notice) == 0 and _count(app, CaseEvent, trigger="order_revision") == 0
    # The confirm form carries the values, the CSRF token and the version the user saw.
    confirm = Page(html).form(css="confirm-form")
    assert confirm.data() == {
        "order_revision-csrf_token": [confirm.value("order_revision-csrf_token")],
        "order_revision-version": [str(_case(app, objection).version)],
        "order_revision-revision_days": ["19"],
        "order_revision-matters": ["Attach the invoice and the packing list."],
        "trigger": ["order_revision"]}
    assert confirm.value("order_revision-csrf_token")

    with clock.frozen(ORDERED_AT):
        response = submit(client, confirm, "Confirm")
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert _case(app, objection).state == "in_revision"
    with app.app_context():
        notice = db.session.scalars(select(Notice)).one()
        due = db.session.scalar(select(Deadline.due_date).where(Deadline.kind == "revision"))
    assert notice.kind == "revision_order"
    assert due.isoformat() == REVISION_DUE  # the date the confirmation announced
    flash = _section(page, "flash-info")
    assert f"Order a revision: done (Art. 123(1) via 132(4)). Notice {notice.number} issued." \
        in flash
    assert "보정 요구" in _text(page) and notice.number in _section(page, "notice-row")


def test_the_notice_can_be_previewed_from_the_confirmation(client, auth, app, objection):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(ORDERED_AT):
        html = _confirmation_of_revision_order(client, objection)
        response = submit(client, Page(html).form(css="confirm-form"), "Preview")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    # The values entered, and the date the confirmation announced (REVISION_DUE).
    says(pdf_text(response.data), "보정요구서", "Attach the invoice and the packing list.",
         "2026년 12월 21일까지 보정하여", "by 21 December 2026")
    assert _count(app, Notice) == 0 and _case(app, objection).state == "filed"


def test_go_back_reopens_the_form_with_the_values_kept(client, auth, app, objection):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(ORDERED_AT):
        html = _confirmation_of_revision_order(client, objection, days="12",
                                               matters="Sign the power of attorney.")
    back = submit(client, Page(html).form(css="confirm-form"), "Go back")
    assert back.status_code == 200
    page = back.get_data(as_text=True)
    assert re.search(r'<details class="action" id="action-order_revision" open>', page)
    reopened = action_form_of(page, "order_revision")
    assert reopened.value("order_revision-revision_days") == "12"
    assert reopened.value("order_revision-matters") == "Sign the power of attorney."
    assert 'class="error-summary"' not in page  # nothing was wrong
    assert not Page(page).duplicate_ids()
    assert _case(app, objection).state == "filed" and _count(app, Notice) == 0
    # Change a value in the reopened form and go on: the confirmation shows the new value.
    with clock.frozen(ORDERED_AT):
        again = submit(client, reopened, "Order a revision",
                       **{"order_revision-revision_days": "19"})
    assert "2026년 12월 21일(월)" in _section(again.get_data(as_text=True), "confirm-periods")
    confirm = Page(again.get_data(as_text=True)).form(css="confirm-form")
    with clock.frozen(ORDERED_AT):
        assert submit(client, confirm, "Confirm").status_code == 302
    assert _case(app, objection).state == "in_revision"
    with app.app_context():
        event = db.session.scalar(select(CaseEvent).where(CaseEvent.trigger == "order_revision"))
        assert event.payload["fields"]["revision_days"] == 19
        assert event.payload["fields"]["matters"] == "Sign the power of attorney."


def test_a_choice_and_a_ticked_box_are_carried_through_the_confirmation(client, auth, app,
                                                                         objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "suspend_execution"), "Suspend", **{
        "suspend_execution-execution_suspended": "y",
        "suspend_execution-reason": "Collection would ruin the business."})
    html = checking.get_data(as_text=True)
    assert "집행정지 결정 통지서 Decision on the Suspension of Execution" in _section(
        html, "confirm-notices")
    assert "Stays" in _section(html, "confirm-state")
    assert "예 Yes" in _section(html, "confirm-values")
    confirm = Page(html).form(css="confirm-form")
    assert confirm.value("suspend_execution-execution_suspended") == "y"
    back = submit(client, confirm, "Go back").get_data(as_text=True)
    assert re.search(r'<input[^>]*checked[^>]*id="suspend_execution-execution_suspended"|'
                     r'<input[^>]*id="suspend_execution-execution_suspended"[^>]*checked', back)

    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    assert submit(client, action_form_of(page, "refer_to_committee"),
                  "Refer").status_code == 302
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "decide_accept"), "Accept", **{
        "decide_accept-extent": "part", "decide_accept-reasons": "Half the goods were gifts."})
    html = checking.get_data(as_text=True)
    assert "in part" in _section(html, "confirm-values")
    assert "→ 결정 Decided" in _section(html, "confirm-state")
    confirm = Page(html).form(css="confirm-form")
    assert confirm.value("decide_accept-extent") == "part"
    assert submit(client, confirm, "Confirm").status_code == 302
    with app.app_context():
        event = db.session.scalar(select(CaseEvent).where(CaseEvent.trigger == "decide_accept"))
        assert event.payload["fields"]["extent"] == "part"
    assert _case(app, objection).state == "decided"


def test_a_stale_confirm_is_refused_and_changes_nothing(client, app, objection):
    mine, theirs = Auth(client), Auth(app.test_client())
    mine.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "issue_opinion"), "Send the written",
                      **{"issue_opinion-opinion": "Heading 8471 applies."})
    confirm = Page(checking.get_data(as_text=True)).form(css="confirm-form")
    # Meanwhile another officer refers the case to the committee (no confirmation needed).
    theirs.login("other.officer", PASSWORD)
    other_page = theirs.client.get(f"/cases/{objection}").get_data(as_text=True)
    assert submit(theirs.client, action_form_of(other_page, "refer_to_committee"),
                  "Refer").status_code == 302
    before = _case(app, objection)

    response = submit(client, confirm, "Confirm")
    assert response.status_code == 409
    assert "Someone else acted on this case while you were working on it" in _section(
        response.get_data(as_text=True), "flash-error")
    after = _case(app, objection)
    assert (after.state, after.version) == (before.state, before.version) == (
        "under_deliberation", before.version)
    assert _count(app, Notice) == 0 and _count(app, CaseEvent, trigger="issue_opinion") == 0


def test_a_stale_action_form_is_refused_before_its_confirmation(client, app, objection):
    mine, theirs = Auth(client), Auth(app.test_client())
    mine.login("seoul.officer", PASSWORD)
    form = action_form_of(client.get(f"/cases/{objection}").get_data(as_text=True),
                          "issue_opinion")
    theirs.login("other.officer", PASSWORD)
    other_page = theirs.client.get(f"/cases/{objection}").get_data(as_text=True)
    assert submit(theirs.client, action_form_of(other_page, "refer_to_committee"),
                  "Refer").status_code == 302
    response = submit(client, form, "Send", **{"issue_opinion-opinion": "late"})
    assert response.status_code == 409 and "confirm-form" not in response.get_data(as_text=True)


def test_confirming_twice_fires_once_and_the_second_gets_the_conflict_message(
    client, auth, app, objection
):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "issue_opinion"), "Send the written",
                      **{"issue_opinion-opinion": "Heading 8471 applies."})
    confirm = Page(checking.get_data(as_text=True)).form(css="confirm-form")
    first, second = submit(client, confirm, "Confirm"), submit(client, confirm, "Confirm")
    assert (first.status_code, second.status_code) == (302, 409)
    assert "Someone else acted on this case" in _section(second.get_data(as_text=True),
                                                         "flash-error")
    assert _count(app, CaseEvent, trigger="issue_opinion") == 1
    assert _count(app, Notice) == 1 and _case(app, objection).state == "opinion_issued"


def test_the_confirm_form_needs_its_csrf_token(client, auth, app, objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "issue_opinion"), "Send the written",
                      **{"issue_opinion-opinion": "Heading 8471 applies."})
    confirm = Page(checking.get_data(as_text=True)).form(css="confirm-form")
    data = confirm.data("Confirm")
    del data["issue_opinion-csrf_token"]
    assert client.post(confirm.url("Confirm"), data=data).status_code == 400
    assert _count(app, CaseEvent, trigger="issue_opinion") == 0


def test_an_action_without_confirmation_fires_at_once(client, auth, app, objection):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    form = action_form_of(page, "refer_to_committee")
    response = submit(client, form, "Refer to the Customs Appeal Committee")
    assert response.status_code == 302
    shown = client.get(response.location).get_data(as_text=True)
    assert "Refer to the Customs Appeal Committee: done (Art. 132(2))." in _section(
        shown, "flash-info")
    assert "관세심사위원회 심의" in _text(shown)
    assert _case(app, objection).state == "under_deliberation"


def test_a_refusal_of_the_guards_is_shown_before_the_confirmation(client, auth, app,
                                                                   objection):
    """A timely objection cannot be dismissed as late (Art. 128(1)1(b)): the officer learns it
    on the form, with the reason in the summary at its top, not after confirming."""
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    response = submit(client, action_form_of(page, "decide_dismiss"), "Dismiss", **{
        "decide_dismiss-ground": "b", "decide_dismiss-reasons": "Late."})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    form = re.search(r'<form[^>]*actions/decide_dismiss".*?</form>', html, re.S).group(0)
    assert "ground (b) does not apply" in _section(form, "error-summary")
    assert action_form_of(html, "decide_dismiss").value("decide_dismiss-reasons") == "Late."
    assert _case(app, objection).state == "filed"


def test_the_duty_payer_confirms_a_withdrawal_that_ends_the_case(client, auth, app, objection):
    auth.login("john", PASSWORD)
    page = client.get(f"/cases/{objection}").get_data(as_text=True)
    checking = submit(client, action_form_of(page, "withdraw"), "Withdraw",
                      **{"withdraw-reason": "Paid after all."})
    html = checking.get_data(as_text=True)
    assert "취하 Withdrawn" in _section(html, "confirm-state")
    assert "사건 종결 The case ends" in _section(html, "confirm-state")
    assert "confirm-notices" not in html and "Preview the notice" not in html
    assert "Paid after all." in _section(html, "confirm-values")
    assert submit(client, Page(html).form(css="confirm-form"),
                  "Confirm").status_code == 302
    assert _case(app, objection).state == "withdrawn"


# -- the pages as served ------------------------------------------------------------------------

@pytest.fixture
def demo(app):
    with app.app_context():
        seed_demo()
        db.session.commit()
        return db.session.scalars(select(Case.reference).order_by(Case.reference)).all()


@pytest.mark.parametrize("username", ["officer", "supervisor", "payer", "company"])
def test_no_element_id_is_used_twice_on_a_case_page(app, demo, username):
    client = app.test_client()
    Auth(client).login(username, DEMO_PASSWORD)
    seen = 0
    for reference in demo:
        response = client.get(f"/cases/{reference}")
        if response.status_code == 404:
            continue  # another party's case, or another office's
        seen += 1
        page = Page(response.get_data(as_text=True))
        assert not page.duplicate_ids(), (reference, page.duplicate_ids())
        for form in page.forms:
            if "action-form" in form.classes:
                assert form.data(), form.action
    assert seen


def test_no_id_is_used_twice_on_a_refused_form_or_a_confirmation(app, demo):
    client = app.test_client()
    Auth(client).login("officer", DEMO_PASSWORD)
    with app.app_context():
        reference = db.session.scalar(select(Case.reference).where(
            Case.procedure == "objection", Case.state == "under_deliberation"))
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    refused = submit(client, action_form_of(page, "decide_reject"), "Reject")
    assert refused.status_code == 422
    assert 'class="error-summary"' in refused.get_data(as_text=True)
    assert not Page(refused.get_data(as_text=True)).duplicate_ids()
    checking = submit(client, action_form_of(page, "decide_reject"), "Reject",
                      **{"decide_reject-reasons": "The allowance is exceeded."})
    html = checking.get_data(as_text=True)
    assert "confirm-form" in html and not Page(html).duplicate_ids()
    assert "이의신청 결정서 Decision on the Objection" in _section(html, "confirm-notices")
