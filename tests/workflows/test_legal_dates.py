"""Every legal date typed is checked against the case: not before the event it follows, not
after today (a configured tolerance more), a date by nature ahead within the horizon (issue 13,
item 3). One rule, :mod:`workflows.legal_dates`; the fields declare what they follow."""

from datetime import date, timedelta

import pytest

from tests.procedure_helpers import kst
from workflows.engine import Context, FieldKind
from workflows.engine.firing import date_problems
from workflows.legal_dates import HORIZON_DAYS, Earlier, latest, problem
from workflows.procedures import REGISTRY, procedure_for

TODAY = date(2026, 12, 8)
NOW = kst(2026, 12, 8, 10)
DECIDED = Earlier(date(2026, 12, 1), "the decision was made")


def test_a_date_of_something_that_happened_may_be_today_or_any_day_since_the_event():
    assert problem(TODAY, today=TODAY, earlier=DECIDED) is None
    assert problem(date(2026, 12, 1), today=TODAY, earlier=DECIDED) is None  # the same day


def test_a_date_before_the_event_it_follows_names_the_event_and_its_day():
    assert problem(date(2026, 11, 30), today=TODAY, earlier=DECIDED) == (
        "2026-11-30 is before the decision was made on 2026-12-01: give a date on or after it")


def test_tomorrow_is_refused_without_a_tolerance_and_accepted_with_one_day():
    tomorrow = date(2026, 12, 9)
    assert problem(tomorrow, today=TODAY) == (
        "2026-12-09 is after today (2026-12-08): the date records something that has "
        "happened; give the day it happened")
    assert problem(tomorrow, today=TODAY, tolerance_days=1) is None
    # 8 December + 1 day of tolerance = 9 December: the 10th is still refused.
    assert "more than 1 day after today" in problem(date(2026, 12, 10), today=TODAY,
                                                    tolerance_days=1)


@pytest.mark.parametrize("day", [date(1, 1, 1), date(2199, 12, 31) + timedelta(days=1),
                                 date(1899, 12, 31)])
def test_a_date_no_case_can_have_is_refused_before_anything_else(day):
    assert "is not a date of a case" in problem(day, today=TODAY, earlier=DECIDED)


def test_year_2199_is_a_date_of_the_calendar_but_not_one_that_has_happened():
    assert "is after today" in problem(date(2199, 1, 1), today=TODAY)


def test_a_date_by_nature_ahead_is_bounded_by_the_longest_period_of_the_calendar():
    # 3660 days after 8 December 2026: ten years of 365 days and the three leap days between
    # (29 February 2028, 2032, 2036) are 3653 days to 8 December 2036; 7 more: 15 December.
    assert TODAY + timedelta(days=HORIZON_DAYS) == date(2036, 12, 15)
    assert problem(date(2036, 12, 15), today=TODAY, future=True) is None
    assert "more than 3660 days after today" in problem(date(2036, 12, 16), today=TODAY,
                                                        future=True)
    assert "is before" in problem(date(2026, 11, 1), today=TODAY, future=True, earlier=DECIDED)


def test_the_latest_known_event_bounds_the_date():
    filed = Earlier(date(2026, 10, 2), "the request was filed")
    assert latest([filed, None, DECIDED]) == DECIDED
    assert latest([None]) is None


# --- the declarations: every date field of every procedure says what it follows --------------

DATE_FIELDS = [(code, t.trigger, f) for code, p in sorted(REGISTRY.items())
               for t in p.transitions for f in t.fields
               if f.kind in (FieldKind.DATE, FieldKind.DATETIME)]


@pytest.mark.parametrize("code, trigger, spec", DATE_FIELDS,
                         ids=[f"{c}.{t}.{f.name}" for c, t, f in DATE_FIELDS])
def test_every_legal_date_follows_an_event_or_says_why_none(code, trigger, spec):
    assert spec.follows or spec.future or spec.follows_nothing.strip(), (
        f"{code}.{trigger}.{spec.name}: declare follows=(After...,), future=True, or "
        "follows_nothing='why no event of the case comes before it'")


def test_the_dates_the_issue_names_follow_the_event_they_record():
    served = procedure_for("objection").transition("record_decision_served").fields[0]
    assert [a.event for a in served.follows] == ["the decision was made"]
    received = procedure_for("pre_assessment_review").transition("record_service").fields[0]
    assert [a.event for a in received.follows] == ["the notice was issued"]
    result = {f.name: f for f in procedure_for("reinvestigation").transition(
        "notify_result").fields}["result_served_on"]
    assert [a.event for a in result.follows] == ["the reinvestigation was decided"]


# --- the engine applies the rule with the case -------------------------------------------------

def _context(values, *, entered_on=None, data=None, now=NOW):
    return Context(state="decided", role="officer", now=now, data=data or {}, values=values,
                   entered_on=entered_on)


def test_the_engine_checks_a_service_against_the_day_the_case_entered_its_state():
    transition = procedure_for("objection").transition("record_decision_served")
    context = _context({"decision_served_on": date(2026, 11, 30)}, entered_on=date(2026, 12, 1))
    assert date_problems(transition, context) == {"decision_served_on": (
        "2026-11-30 is before the decision was made on 2026-12-01: give a date on or after it")}
    assert date_problems(transition, _context({"decision_served_on": date(2026, 12, 8)},
                                              entered_on=date(2026, 12, 1))) == {}


def test_today_is_the_legal_day_in_seoul_not_in_utc():
    # 8 December 00:30 KST is still 7 December in UTC: a service on the 8th is today.
    transition = procedure_for("objection").transition("record_decision_served")
    context = _context({"decision_served_on": date(2026, 12, 8)}, now=kst(2026, 12, 8, 0, 30))
    assert date_problems(transition, context) == {}


def test_a_date_of_the_same_form_or_of_the_case_data_bounds_the_date():
    filing = procedure_for("objection").transition("file")
    context = Context(
        state="", role="duty_payer", now=NOW,
        values={"notice_received_on": date(2026, 12, 1), "filed_on": date(2026, 11, 28)},
    )
    assert "before the disposition notice was received on 2026-12-01" in \
        date_problems(filing, context)["filed_on"]
    extension = procedure_for("deemed_permission").transition("extend")
    planned = _context({"expected_completion": date(2027, 3, 1)},
                       data={"received_on": "2026-12-01"})
    assert date_problems(extension, planned) == {}  # ahead, by nature


def test_a_deemed_date_may_lie_ahead_a_typed_one_may_not():
    transition = procedure_for("objection").transition("record_decision_served")
    context = _context({"decision_served_on": date(2026, 12, 22)}, entered_on=date(2026, 12, 1))
    assert "after today" in date_problems(transition, context)["decision_served_on"]
    assert date_problems(transition, context, deemed=frozenset({"decision_served_on"})) == {}
