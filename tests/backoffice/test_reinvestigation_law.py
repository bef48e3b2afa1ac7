"""Reinvestigation (Arts. 118(4)2, 119(3)-(4), 120(2), 120(4)1, 128(5)) read against the Act,
on the engine and a real database.

Days are counted as Art. 8 says: a period in days leaves out its first day and ends at 24:00 of
its last day; a last day on a Saturday, Sunday, Korean holiday or 1 May moves to the next
working day. 2026: 9 August is a Sunday; 3 June is the local election day; 24-25 September
are Chuseok.
"""

import logging
import re
from datetime import date
from html import unescape
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from backoffice.deadlines import standing
from backoffice.deadlines.operations import extension_refused, waiver_refused
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, DeadlineStatus
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.backoffice.test_objection import FILING
from tests.factories import PASSWORD
from tests.procedure_helpers import act, deadline, kst, refused
from workflows import clock
from workflows.engine import Refusal
from workflows.procedures import REGISTRY

DECIDED = kst(2026, 6, 10, 10)
"""A Wednesday. The 60 days leave out 10 June: 11-30 June are 20, July 31 more (51), 1-9 August
9 more (60): the last day is Sunday 9 August, which moves to Monday 10 August."""


def reinvestigation(people, ordered_by: str, at=DECIDED) -> Case:
    """The case a decision opens (as ``backoffice.workflow._spawn`` does)."""
    with clock.frozen(at):
        case = open_procedure_case(
            "reinvestigation", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"], effective_at=at,
            values={"scope": "Verify the transaction value of invoice 77",
                    "decided_on": at.date(), "ordered_by": ordered_by,
                    "parent_reference": "X-2026-000001"})
        db.session.commit()
    return case




def events(case, trigger) -> list[CaseEvent]:
    return list(db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == case.id, CaseEvent.trigger == trigger).order_by(CaseEvent.seq)))


def notify(case, people, at, served_on):
    return act(case, "notify_result", people["officer"], at, result="rectified",
               result_served_on=served_on, findings="Value reduced to the invoice")


# --- Art. 128(5): the period, its start, its postponement and extension ----------------------

def test_the_60_days_run_from_the_day_after_the_decision_and_a_sunday_end_moves_on(people):
    case = reinvestigation(people, "examination")
    period = deadline(case, "reinvestigation")
    assert period.due_date == date(2026, 8, 10)
    assert period.article == "Art. 128(5)"
    assert period.on_expiry == "transition:note_result_overdue"


@pytest.mark.parametrize(("ordered_by", "article"), [
    ("examination", "Art. 128(5)"),
    ("objection", "Art. 132(4) → 128(5)"),
    ("adjudication", "Art. 131 (Framework Act on National Taxes, as 128(5))"),
    ("pre_assessment_review", "Art. 118(6) → 128(5)"),
])
def test_the_60_days_of_128_5_bind_every_procedure_that_orders_a_reinvestigation(
    people, ordered_by, article
):
    period = deadline(reinvestigation(people, ordered_by), "reinvestigation")
    assert (period.due_date, period.article) == (date(2026, 8, 10), article)


def test_postponed_days_and_the_extension_belong_to_the_period_120_4_1_proviso(people):
    case = reinvestigation(people, "examination")
    act(case, "suspend", people["officer"], kst(2026, 6, 15, 10), reason="seller abroad")
    act(case, "resume", people["officer"], kst(2026, 6, 25, 10))
    # Suspended on 15 June, resumed on 25 June: 16-25 June (10 days) are not counted (from the
    # day after the suspension to the day it ends). Sunday 9 August + 10 = Wednesday 19 August.
    assert deadline(case, "reinvestigation").due_date == date(2026, 8, 19)
    act(case, "extend", people["officer"], kst(2026, 7, 1, 10), extended_days=20,
        reason="overseas inquiry")
    # 80 days + the 10 stopped: 19 August + 20 = Tuesday 8 September.
    assert deadline(case, "reinvestigation").due_date == date(2026, 9, 8)
    enforce_due_deadlines(kst(2026, 9, 8, 23, 59))
    assert events(case, "note_result_overdue") == []
    enforce_due_deadlines(kst(2026, 9, 9, 0, 0))
    assert len(events(case, "note_result_overdue")) == 1


def test_the_reinvestigation_period_is_the_acts_and_cannot_be_waived_or_extended_under_art_10(
    people
):
    case = reinvestigation(people, "examination")
    period = deadline(case, "reinvestigation")
    spec = REGISTRY["reinvestigation"].deadline_spec("reinvestigation")
    assert (spec.extension, spec.waiver) == ("", "")
    with clock.frozen(kst(2026, 6, 20, 10)):
        assert "cannot be waived" in waiver_refused(period, people["supervisor"])
        assert "cannot extend" in extension_refused(period)


# --- Art. 120(4)1 proviso: no result within the period ---------------------------------------

def test_no_result_within_the_period_opens_the_lawsuit_from_the_next_day_and_the_result_stays_owed(
    people
):
    case = reinvestigation(people, "examination")
    enforce_due_deadlines(kst(2026, 8, 10, 23, 59))
    assert events(case, "note_result_overdue") == []
    # The period ends at 24:00 on Monday 10 August; the lawsuit may be brought from 11 August.
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    [lapse] = events(case, "note_result_overdue")
    assert lapse.article == "Art. 120(4)1 proviso"
    assert clock.seoul_date(lapse.effective_at) == date(2026, 8, 11)
    assert (lapse.from_state, lapse.to_state) == ("investigating", "investigating")
    # The lapse does not settle the duty: the result is still owed, and overdue.
    period = deadline(case, "reinvestigation")
    assert "transition:note_result_overdue" not in standing.LAPSE_ENDS_DUTY
    assert period.status == DeadlineStatus.MISSED and period.settled_at is None
    assert standing.read(period, kst(2026, 8, 12, 10)).standing is standing.Standing.OVERDUE
    assert case.state == "investigating"


def test_a_lawsuit_brought_after_the_lapse_and_before_the_result_is_recorded(people):
    """120(4)1 proviso: the period ended at 24:00 on Mon 10 Aug; from Tue 11 Aug a lawsuit may
    be brought without waiting for the result, only after an examination or adjudication."""
    case = reinvestigation(people, "examination")
    early = refused(case, "lawsuit_before_result", people["officer"], kst(2026, 8, 10, 10),
                    lawsuit_filed_on="2026-08-10")
    assert "Art. 120(4)1 proviso" in early.message
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    act(case, "lawsuit_before_result", people["officer"], kst(2026, 8, 12, 10),
        lawsuit_filed_on="2026-08-12")
    assert case.state == "closed"
    assert deadline(case, "reinvestigation").settlement == "moot"


def test_no_lawsuit_before_the_result_of_an_objection_ordered_reinvestigation(people):
    case = reinvestigation(people, "objection")
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    refusal = refused(case, "lawsuit_before_result", people["officer"], kst(2026, 8, 12, 10),
                      lawsuit_filed_on="2026-08-12")
    assert "Art. 120(2) proviso" in refusal.message


def test_a_result_notified_after_the_lapse_meets_the_duty_late_and_opens_the_90_days(people):
    case = reinvestigation(people, "examination")
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    notify(case, people, kst(2026, 8, 21, 10), "2026-08-21")
    period = deadline(case, "reinvestigation")
    assert period.settlement == "met"
    assert standing.read(period, kst(2026, 8, 21, 10)).standing is standing.Standing.MET_LATE
    # 90 days from receipt on 21 August: 22-31 August 10, September 30 (40), October 31 (71),
    # 1-19 November 19 (90): Thursday 19 November.
    next_step = deadline(case, "next_step")
    assert next_step.due_date == date(2026, 11, 19)
    assert next_step.article == "Art. 120(4)1 (lawsuit); 119(3) proviso, 121(1) (examination)"


def test_after_the_period_passed_it_can_no_longer_be_postponed_or_extended(people):
    case = reinvestigation(people, "examination")
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    late = kst(2026, 8, 12, 10)
    for trigger, values in (("extend", {"extended_days": 30, "reason": "more time"}),
                            ("suspend", {"reason": "seller abroad"})):
        refusal = refused(case, trigger, people["officer"], late, **values)
        assert refusal.reason is Refusal.GUARD_FAILED
        assert "120(4)1 proviso" in refusal.message


def test_a_result_notified_in_time_meets_the_period_and_no_lapse_is_recorded(people):
    case = reinvestigation(people, "examination")
    notify(case, people, kst(2026, 8, 10, 16), "2026-08-10")
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    assert deadline(case, "reinvestigation").status == DeadlineStatus.MET
    assert events(case, "note_result_overdue") == []
    # 90 days from 10 August: 11-31 August 21, September 30 (51), October 31 (82), 1-8 November
    # (90): Sunday 8 November moves to Monday 9 November.
    assert deadline(case, "next_step").due_date == date(2026, 11, 9)


# --- Arts. 119(3)-(4), 120(2): the routes depend on the procedure that ordered it ------------

def test_an_objection_ordered_result_goes_to_examination_or_adjudication_never_to_court(people):
    case = reinvestigation(people, "objection")
    notify(case, people, kst(2026, 7, 2, 10), "2026-07-02")
    # 121(1): 90 days from receipt on 2 July: 3-31 July 29, August 31 (60), September 30 (90):
    # Wednesday 30 September.
    next_step = deadline(case, "next_step")
    assert next_step.due_date == date(2026, 9, 30)
    assert next_step.article == "Art. 121(1) (examination); 131 (adjudication)"
    refusal = refused(case, "contested", people["officer"], kst(2026, 7, 10, 10),
                      route="lawsuit")
    assert refusal.reason is Refusal.GUARD_FAILED
    assert "Art. 120(2)" in refusal.message and "119(4)" in refusal.message
    event = act(case, "contested", people["officer"], kst(2026, 7, 10, 10),
                route="examination")
    assert case.state == "closed"
    assert event.article == "Art. 119(4); 120(2); 121(1); 131"


def test_an_examination_ordered_result_goes_back_to_the_commissioner_or_to_court(people):
    case = reinvestigation(people, "examination")
    notify(case, people, kst(2026, 7, 2, 10), "2026-07-02")
    refusal = refused(case, "contested", people["officer"], kst(2026, 7, 10, 10),
                      route="adjudication")
    assert "119(3) proviso" in refusal.message and "Commissioner" in refusal.message
    event = act(case, "contested", people["officer"], kst(2026, 7, 10, 10), route="lawsuit")
    assert event.article == "Art. 119(3) proviso; 120(2) proviso; 120(4)1"


def test_an_adjudication_ordered_result_goes_back_to_the_tax_tribunal_or_to_court(people):
    case = reinvestigation(people, "adjudication")
    notify(case, people, kst(2026, 7, 2, 10), "2026-07-02")
    refusal = refused(case, "contested", people["officer"], kst(2026, 7, 10, 10),
                      route="examination")
    assert "Tax Tribunal" in refusal.message
    act(case, "contested", people["officer"], kst(2026, 7, 10, 10), route="adjudication")
    assert (case.state, case.data["route"]) == ("closed", "adjudication")


def test_the_result_not_contested_within_90_days_closes_the_case(people):
    case = reinvestigation(people, "examination")
    notify(case, people, kst(2026, 7, 2, 10), "2026-07-02")
    enforce_due_deadlines(kst(2026, 9, 30, 23, 59))
    assert case.state == "result_notified"
    enforce_due_deadlines(kst(2026, 10, 1, 0, 5))
    db.session.refresh(case)
    assert case.state == "closed"
    assert events(case, "close")[0].article == "Art. 120(4)1, 120(6)"


def test_the_lawsuit_period_runs_only_once_the_receipt_of_the_result_is_recorded(people):
    case = reinvestigation(people, "examination")
    act(case, "notify_result", people["officer"], kst(2026, 7, 1, 10), result="maintained",
        findings="The value stands")
    assert deadline(case, "next_step") is None
    act(case, "record_result_served", people["officer"], kst(2026, 7, 6, 10),
        result_served_on="2026-07-03")
    # 90 days from 3 July: 4-31 July 28, August 31 (59), September 30 (89), 1 October (90).
    assert deadline(case, "next_step").due_date == date(2026, 10, 1)


# --- Art. 118(4)2: a reinvestigation ordered by a pre-assessment review ----------------------

def test_a_review_ordered_reinvestigation_ends_in_an_amended_notice_without_a_lawsuit_period(
    people
):
    case = reinvestigation(people, "pre_assessment_review")
    refusal = refused(case, "notify_result", people["officer"], kst(2026, 7, 1, 10),
                      result="rectified", findings="f")
    assert "118(4)2" in refusal.message
    event = act(case, "notify_amended_notice", people["officer"], kst(2026, 7, 2, 10),
                amendment="amended", amended_shortage=300_000, amended_notice_on="2026-07-02",
                findings="Freight was double counted")
    assert event.article == "Art. 118(4)2"
    assert case.state == "notice_amended" and case.closed_at is not None
    assert deadline(case, "reinvestigation").status == DeadlineStatus.MET
    assert deadline(case, "next_step") is None
    assert case.data["amended_shortage"] == 300_000


def test_an_appeal_ordered_reinvestigation_ends_in_a_disposition_not_an_amended_notice(people):
    case = reinvestigation(people, "objection")
    refusal = refused(case, "notify_amended_notice", people["officer"], kst(2026, 7, 1, 10),
                      amendment="amended", amended_shortage=1, findings="f")
    assert refusal.reason is Refusal.GUARD_FAILED and "118(4)2" in refusal.message


def test_the_lapse_of_a_review_ordered_reinvestigation_names_the_borrowed_article(people):
    case = reinvestigation(people, "pre_assessment_review")
    enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    [lapse] = events(case, "note_result_overdue")
    assert lapse.article == "Art. 118(6) → 128(5)"
    assert deadline(case, "reinvestigation").settled_at is None


# --- Opened by the decision of the parent case -----------------------------------------------

def test_an_objection_decision_opens_a_reinvestigation_that_cannot_go_to_court(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        objection = open_procedure_case("objection", party=people["payer"].party,
                                        office=people["office"], actor=people["payer"],
                                        assigned_officer=people["officer"], values=FILING)
        db.session.commit()
    act(objection, "refer_to_committee", people["officer"], kst(2026, 3, 20, 10))
    event = act(objection, "decide_reinvestigate", people["supervisor"], kst(2026, 3, 25, 10),
                scope="invoice 77", reasons="Facts need verification")
    child = db.session.scalar(select(Case).where(Case.reference == event.payload["opened"]))
    assert child.data["ordered_by"] == "objection"
    # 60 days from 25 March: 26-31 March 6, April 30 (36), 1-24 May (60): Sunday 24 May, and
    # 25 May is the substitute holiday for Buddha's Birthday: Tuesday 26 May.
    period = deadline(child, "reinvestigation")
    assert (period.due_date, period.article) == (date(2026, 5, 26), "Art. 132(4) → 128(5)")
    notify(child, people, kst(2026, 5, 21, 10), "2026-05-21")
    refusal = refused(child, "contested", people["officer"], kst(2026, 5, 28, 10),
                      route="lawsuit")
    assert "Art. 120(2)" in refusal.message


def test_the_sweep_records_the_lapse_without_failing_its_batch(people, caplog):
    reinvestigation(people, "examination")
    with caplog.at_level(logging.ERROR, logger="jobs.enforce"):
        result = enforce_due_deadlines(kst(2026, 8, 11, 0, 5))
    assert (result.fired, result.failed) == (1, [])
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_party_is_told_that_the_lawsuit_is_open_while_the_result_is_still_owed(
    app, client, auth, john_at_seoul
):
    with app.app_context():
        office, party, officer = john_at_seoul()
        case = reinvestigation({"payer": SimpleNamespace(party=party), "office": office,
                                "officer": officer}, "examination")
        reference = case.reference
        with clock.frozen(kst(2026, 8, 11, 0, 5)):
            enforce_due_deadlines()
            db.session.commit()
    auth.login("john", PASSWORD)
    with clock.frozen(kst(2026, 8, 12, 10)):
        html = client.get("/portal").get_data(as_text=True)
    waiting = re.search(r'<section[^>]*\bid="waiting"[^>]*>(.*?)</section>', html, re.S).group(1)
    assert reference in waiting
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", waiting)))
    assert "2026" in text and "Art. 128(5)" in text
    assert "you may bring an administrative lawsuit from the day after the period ended" in text
    assert "제120조제4항제1호 단서" in text
