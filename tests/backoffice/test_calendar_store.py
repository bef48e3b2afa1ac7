"""The office's closure days and outage register feed every deadline the system computes."""

from datetime import date, datetime

import pytest

from backoffice.deadlines import store
from backoffice.extensions import db
from workflows import clock
from workflows.calendar import CalendarError
from workflows.clock import SEOUL


@pytest.fixture(autouse=True)
def recorded_in_march():
    """The days below are recorded when they happen, within the retroactive window (a day
    recorded later waits for a second administrator: test_calendar_confirmation.py)."""
    with clock.frozen(datetime(2026, 3, 13, 12, tzinfo=SEOUL)):
        yield


def test_a_recorded_decree_day_moves_deadlines(app_ctx):
    assert store.load_calendar().due(date(2026, 3, 2), "8d").due_date == date(2026, 3, 10)
    store.add_closure_day(date(2026, 3, 10), name="Treasury agent banks closed",
                          kind="decree_day", ground="Enforcement Decree Art. 1-4(1)", actor=None)
    db.session.commit()
    due = store.load_calendar().due(date(2026, 3, 2), "8d")
    assert due.due_date == date(2026, 3, 11)
    assert "Art. 8(3)4" in due.articles


def test_a_closure_day_needs_a_ground_and_is_recorded_once(app_ctx):
    with pytest.raises(CalendarError, match="legal ground"):
        store.add_closure_day(date(2026, 3, 10), name="x", kind="decree_day", ground=" ",
                              actor=None)
    store.add_closure_day(date(2026, 3, 10), name="x", kind="decree_day", ground="y", actor=None)
    with pytest.raises(CalendarError, match="already recorded"):
        store.add_closure_day(date(2026, 3, 10), name="x", kind="decree_day", ground="y",
                              actor=None)


def test_a_recorded_outage_moves_deadlines_past_the_repair(app_ctx):
    store.record_outage(datetime(2026, 3, 12, 9, tzinfo=SEOUL),
                        datetime(2026, 3, 12, 17, tzinfo=SEOUL), ground="UNI-PASS down",
                        actor=None)
    db.session.commit()
    due = store.load_calendar().due(date(2026, 3, 2), "10d")
    assert due.due_date == date(2026, 3, 13)
    assert "Art. 8(4)" in due.articles


def test_an_outage_repaired_before_it_started_is_refused(app_ctx):
    with pytest.raises(CalendarError):
        store.record_outage(datetime(2026, 3, 12, 9, tzinfo=SEOUL),
                            datetime(2026, 3, 12, 8, tzinfo=SEOUL), ground="x", actor=None)


def test_calendar_cli_adds_lists_uses_and_removes_a_closure_day(runner):
    added = runner.invoke(args=["calendar", "add-day", "2026-03-10", "--name", "Bank holiday",
                                "--kind", "decree_day", "--ground", "Decree Art. 1-4(1)"])
    assert added.exit_code == 0, added.output
    assert "2026-03-10" in runner.invoke(args=["calendar", "list"]).output
    due = runner.invoke(args=["calendar", "due", "2026-03-02", "8d"])
    assert due.output.splitlines()[0] == "2026-03-11"
    assert runner.invoke(args=["calendar", "remove-day", "2026-03-10"]).exit_code == 0
    assert runner.invoke(args=["calendar", "due", "2026-03-02", "8d"]).output.startswith(
        "2026-03-10")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", "add-day", "2026-02-30", "--name", "x", "--kind", "decree_day",
          "--ground", "y"], "not a real date"),
        (["calendar", "add-day", "2026-03-10", "--name", "x", "--kind", "holiday",
          "--ground", "y"], "Invalid value for '--kind'"),
        (["calendar", "due", "2026-03-02", "8q"], "unknown unit"),
        (["calendar", "remove-day", "2026-03-10"], "not a recorded closure day"),
        (["calendar", "add-outage", "--start", "2026-03-12T09:00", "--repaired",
          "2026-03-12T08:00", "--ground", "x"], "repaired after it starts"),
    ],
)
def test_calendar_cli_refuses_bad_input_with_exit_code_2(runner, args, message):
    result = runner.invoke(args=args)
    assert result.exit_code == 2
    assert message in result.output


def test_a_new_closure_day_moves_the_open_deadlines_it_falls_on_and_says_so(app_ctx, make):
    from sqlalchemy import select

    from backoffice.deadlines.operations import open_deadline
    from backoffice.models import CaseEvent

    case = make.case(party=make.party())
    deadline = open_deadline(case, kind="decision", article="Art. 132(4)", start_event="filing",
                             start=date(2026, 3, 2), period="8d", on_expiry="flag")
    untouched = open_deadline(case, kind="opinion", article="Art. 132(5)", start_event="filing",
                              start=date(2026, 3, 2), period="3d", on_expiry="flag")
    db.session.commit()
    assert deadline.due_date == date(2026, 3, 10)
    store.add_closure_day(date(2026, 3, 10), name="Banks closed", kind="decree_day",
                          ground="Enforcement Decree Art. 1-4(1)", actor=None)
    db.session.commit()
    assert deadline.due_date == date(2026, 3, 11)
    assert untouched.due_date == date(2026, 3, 5)
    event = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
    assert (event.trigger, event.article) == ("recompute_deadline", "Art. 8(3)4")
    assert event.payload == {"deadline": "decision", "from": "2026-03-10", "to": "2026-03-11"}
    store.remove_closure_day(date(2026, 3, 10))
    db.session.commit()
    assert deadline.due_date == date(2026, 3, 10)
