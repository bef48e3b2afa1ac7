"""The receipt and service dates typed on the case page are checked against the case (issue 13,
item 3): a date a case cannot have, a date before the event it follows and a date after today
are refused on the field with the reason, and nothing changes; today is accepted, and tomorrow
too when a tolerance of a day is configured. A refused date cannot close a remedy window."""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Deadline, Notice, Office, User
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.factories import PASSWORD
from tests.form_crawler import Page, send, submit
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

ISSUED = kst(2026, 12, 1, 10)
"""The decision (and its notice), the pre-assessment notice and the reinvestigation: Tue 1 Dec."""
NOW = kst(2026, 12, 8, 10)
"""The officer types the dates on Tue 8 December 2026 (Asia/Seoul)."""
TODAY, TOMORROW = "2026-12-08", "2026-12-09"

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301",
          "disposition_kind": "assessment", "notice_received_on": "2026-10-20",
          "filed_on": "2026-11-02", "filing_rule": "online", "reasons": "Personal effects."}


def _open(app, procedure: str, values: dict, *then: tuple[str, dict]) -> str:
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "seoul.officer"))
        payer = db.session.scalar(select(User).where(User.username == "john"))
        with clock.frozen(kst(2026, 11, 2, 10)):
            case = open_procedure_case(procedure, party=payer.party,
                                       office=db.session.get(Office, officer.office_id),
                                       actor=officer, assigned_officer=officer, values=values)
        with clock.frozen(ISSUED):
            for trigger, more in then:
                fire(case, trigger, actor=officer, values=more)
        db.session.commit()
        return case.reference


@pytest.fixture
def cases(app, make):
    seoul = make.office("SEOUL")
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    return {
        "record_decision_served": _open(
            app, "objection", FILING, ("refer_to_committee", {}),
            ("decide_reject", {"reasons": "Classified correctly."})),
        "record_service": _open(
            app, "pre_assessment_review", {"shortage": 1_200_000, "grounds": "Undervalued."}),
        "notify_result": _open(
            app, "reinvestigation", {"scope": "Verify invoice 77", "decided_on": "2026-11-02",
                                     "ordered_by": "examination",
                                     "parent_reference": "X-2026-000001"}),
    }


FIELD = {"record_decision_served": "decision_served_on",
         "record_service": "notice_received_on",
         "notify_result": "result_served_on"}
EVENT = {"record_decision_served": "the decision was made on 2026-12-01",
         "record_service": "the notice was issued on 2026-11-02",
         "notify_result": "the reinvestigation was decided on 2026-11-02"}
BEFORE = {"record_decision_served": "2026-11-30", "record_service": "2026-11-01",
          "notify_result": "2026-11-01"}
"""A day before the event each date follows: the decision (1 Dec), the pre-assessment notice
and the reinvestigation decision (both 2 Nov, when their cases opened)."""
OTHER_FIELDS = {"notify_result": {"notify_result-result": "rectified",
                                  "notify_result-findings": "Value reduced to the invoice"}}


@pytest.fixture
def officer(client, auth, cases):
    with clock.frozen(NOW):
        auth.login("seoul.officer", PASSWORD)
        yield client


def snapshot(app, reference: str):
    """What a refused date must leave as it was: state, version, events, deadlines, data."""
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        events = db.session.scalars(select(CaseEvent.trigger).where(
            CaseEvent.case_id == case.id).order_by(CaseEvent.seq)).all()
        deadlines = db.session.execute(select(
            Deadline.kind, Deadline.status, Deadline.due_date).where(
            Deadline.case_id == case.id).order_by(Deadline.id)).all()
        return case.state, case.version, events, [tuple(d) for d in deadlines], dict(case.data)


def type_date(client, reference: str, trigger: str, day: str) -> Page:
    """Type ``day`` into the action's form as the case page serves it, and send it (and
    confirm it when the action asks for a confirmation first)."""
    page = Page(client.get(f"/cases/{reference}").get_data(as_text=True))
    form = page.form(action=f"/actions/{trigger}")
    response = submit(client, form, **{f"{trigger}-{FIELD[trigger]}": day},
                      **OTHER_FIELDS.get(trigger, {}))
    shown = Page.of(response)
    if shown.status == 200 and any("confirm-form" in f.classes for f in shown.forms):
        response = submit(client, shown.form(css="confirm-form"), "Confirm")
    return Page.of(response)


ACTIONS = ["record_decision_served", "record_service", "notify_result"]


@pytest.mark.parametrize("trigger", ACTIONS)
@pytest.mark.parametrize("day, says", [
    ("0001-01-01", "0001-01-01 is not a date of a case: give a date from 1900 to 2199"),
    ("2199-12-31", "2199-12-31 is after today (2026-12-08)"),
    (TOMORROW, "2026-12-09 is after today (2026-12-08): the date records something that has "
               "happened; give the day it happened"),
    ("before", "is before {event}: give a date on or after it"),
])
def test_an_implausible_date_is_refused_on_its_field_and_changes_nothing(
        app, officer, cases, trigger, day, says):
    reference = cases[trigger]
    day = BEFORE[trigger] if day == "before" else day
    before = snapshot(app, reference)
    with clock.frozen(NOW):
        page = type_date(officer, reference, trigger, day)
    assert page.status == 422
    assert says.format(event=EVENT[trigger]) in page.text
    assert snapshot(app, reference) == before


@pytest.mark.parametrize("trigger", ACTIONS)
def test_today_is_accepted(app, officer, cases, trigger):
    with clock.frozen(NOW):
        page = type_date(officer, cases[trigger], trigger, TODAY)
    assert page.status == 302
    assert snapshot(app, cases[trigger])[4][FIELD[trigger]] == TODAY


@pytest.mark.parametrize("trigger", ACTIONS)
def test_tomorrow_is_accepted_with_a_tolerance_of_one_day(app, officer, cases, trigger,
                                                          monkeypatch):
    monkeypatch.setitem(app.config, "LEGAL_DATE_FUTURE_TOLERANCE_DAYS", 1)
    with clock.frozen(NOW):
        page = type_date(officer, cases[trigger], trigger, TOMORROW)
    assert page.status == 302
    assert snapshot(app, cases[trigger])[4][FIELD[trigger]] == TOMORROW


def test_the_day_after_tomorrow_is_beyond_a_tolerance_of_one_day(app, officer, cases,
                                                                  monkeypatch):
    monkeypatch.setitem(app.config, "LEGAL_DATE_FUTURE_TOLERANCE_DAYS", 1)
    with clock.frozen(NOW):
        page = type_date(officer, cases["record_decision_served"], "record_decision_served",
                         "2026-12-10")
    assert page.status == 422
    assert "2026-12-10 is more than 1 day after today (2026-12-08)" in page.text


# --- the notice service form ------------------------------------------------------------------

def _decision_notice(app, reference: str) -> str:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        return db.session.scalar(select(Notice.number).where(Notice.case_id == case.id))


def serve(client, reference: str, number: str, day: str) -> Page:
    page = Page(client.get(f"/cases/{reference}").get_data(as_text=True))
    form = page.form(action=f"/notices/{number}/service")
    return send(client, form, method="mail", served_on=day)


@pytest.mark.parametrize("day, says", [
    ("0001-01-01", "0001-01-01 is not a date of a case"),
    ("2026-11-30", "2026-11-30 is before the notice was issued on 2026-12-01: give a date on "
                   "or after it"),
    (TOMORROW, "2026-12-09 is after today (2026-12-08)"),
])
def test_the_notice_service_form_refuses_an_implausible_date_and_records_nothing(
        app, officer, cases, day, says):
    reference = cases["record_decision_served"]
    number = _decision_notice(app, reference)
    before = snapshot(app, reference)
    with clock.frozen(NOW):
        page = serve(officer, reference, number, day)
    assert says in page.text
    assert snapshot(app, reference) == before
    with app.app_context():
        assert db.session.scalar(select(Notice.served_on).where(Notice.number == number)) is None


def test_the_notice_service_form_records_a_service_today(app, officer, cases):
    reference = cases["record_decision_served"]
    with clock.frozen(NOW):
        page = serve(officer, reference, _decision_notice(app, reference), TODAY)
    assert "received on 2026-12-08" in page.text
    assert snapshot(app, reference)[4]["decision_served_on"] == TODAY


def test_the_notice_service_form_accepts_tomorrow_with_a_tolerance_of_one_day(
        app, officer, cases, monkeypatch):
    monkeypatch.setitem(app.config, "LEGAL_DATE_FUTURE_TOLERANCE_DAYS", 1)
    reference = cases["record_decision_served"]
    with clock.frozen(NOW):
        page = serve(officer, reference, _decision_notice(app, reference), TOMORROW)
    assert "received on 2026-12-09" in page.text


# --- the scenario of the issue: a sweep after a refused date --------------------------------

def sweep(app) -> None:
    with app.app_context():
        enforce_due_deadlines()
        db.session.commit()


def test_a_sweep_after_a_refused_date_leaves_the_remedy_window_open(app, officer, cases):
    """Typed as 1 August, a receipt of the decision would have started the 90 days to request
    an examination on 2 August (they ended on 30 October): the next sweep would have closed the
    case and the payer's remedy with it (Art. 129(1)1). The date is refused instead."""
    reference = cases["record_decision_served"]
    with clock.frozen(NOW):
        refused = type_date(officer, reference, "record_decision_served", "2026-08-01")
        assert refused.status == 422
        sweep(app)
    state, _, events, deadlines, _ = snapshot(app, reference)
    assert state == "decided" and "close" not in events
    assert not [d for d in deadlines if d[0] == "next_step"]
    with clock.frozen(NOW):
        assert type_date(officer, reference, "record_decision_served", TODAY).status == 302
        sweep(app)
    state, _, events, deadlines, _ = snapshot(app, reference)
    # 90 days from 9 December: 23 in December, 31 in January (54), 28 in February (82),
    # 8 in March (90): Monday 8 March 2027.
    assert state == "decided" and "close" not in events
    assert ("next_step", "open", date(2027, 3, 8)) in deadlines


# --- case opening: the officer's form ---------------------------------------------------------

def _identifier(app) -> str:
    with app.app_context():
        payer = db.session.scalar(select(User).where(User.username == "john"))
        return payer.party.identifier


def _count(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Case.id)).all())


@pytest.mark.parametrize("changes, says", [
    ({"file-notice_received_on": TOMORROW},
     "2026-12-09 is after today (2026-12-08): the date records something that has happened"),
    ({"file-notice_received_on": "2026-12-03", "file-filed_on": "2026-12-02"},
     "2026-12-02 is before the disposition notice was received on 2026-12-03: give a date on "
     "or after it"),
])
def test_a_case_is_not_opened_with_an_implausible_date(app, officer, cases, changes, says):
    opened = _count(app)
    with clock.frozen(NOW):
        form = Page(officer.get("/cases/new/objection").get_data(as_text=True)).form(
            action="/cases/new/objection")
        page = Page.of(submit(officer, form, **{
            "party-identifier_kind": "pcc", "party-identifier": _identifier(app),
            **{f"file-{name}": value for name, value in FILING.items()}, **changes}))
    assert page.status == 422
    assert says in page.text
    assert _count(app) == opened
