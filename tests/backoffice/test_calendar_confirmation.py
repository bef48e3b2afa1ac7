"""An outage or closure day has bounded length and cannot be recorded retroactively beyond the
window without a second administrator's confirmation (issue 13, item 8).

The clock stands at Wed 25 Mar 2026, noon in Seoul: 10 Mar is 15 days back, beyond the default
window of 7 days; 24 Mar is inside it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text

from backoffice.deadlines import store
from backoffice.deadlines.operations import open_deadline
from backoffice.extensions import db
from backoffice.models import CalendarDay, CaseEvent, NetworkOutage
from tests.conftest import Auth
from tests.factories import PASSWORD
from tests.form_crawler import Page, send, submit, visit
from workflows import clock
from workflows.calendar import CalendarError
from workflows.clock import SEOUL
from workflows.roles import Role

NOW = datetime(2026, 3, 25, 12, tzinfo=SEOUL)


@pytest.fixture(autouse=True)
def on_25_march():
    with clock.frozen(NOW):
        yield


@pytest.fixture
def admins(app, make):
    """Two administrators, each signed in with a client of their own."""
    clients = {}
    for name in ("admin", "second.admin"):
        make.user(name, Role.ADMIN)
        clients[name] = app.test_client()
        assert Auth(clients[name]).login(name, PASSWORD).status_code == 302
    return clients


def _calendar(client) -> Page:
    return visit(client, "/admin/calendar")


def _add_day(client, day: str):
    form = _calendar(client).form(action="/admin/calendar/days")
    return submit(client, form, day=day, name="Banks closed", kind="decree_day",
                  ground="Enforcement Decree Art. 1-4(1)")


def _record_outage(client, start: str, repaired: str, ground: str = "UNI-PASS down"):
    (start_day, start_time), (repair_day, repair_time) = start.split(), repaired.split()
    form = _calendar(client).form(action="/admin/calendar/outages")
    return submit(client, form, **{"outage-start_day": start_day, "outage-start_time": start_time,
                                   "outage-repair_day": repair_day,
                                   "outage-repair_time": repair_time, "outage-ground": ground})


def _due(client, start: str, period: str) -> str:
    """The due date the calculator shows, as served."""
    page = send(client, visit(client, "/calendar").form(action="/calendar"), start=start,
                period=period)
    assert page.status == 200, page.text
    return page.text.split("Due ", 1)[1][:10]


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(model.id)))


# --- bounds: refused on the field, nothing recorded ---------------------------------------


def test_an_outage_longer_than_the_bound_is_refused(app, admins):
    response = _record_outage(admins["admin"], "2026-03-20 09:00", "2026-03-23 09:01")
    assert response.status_code == 422
    assert "at most 72 hours" in Page.of(response).text
    assert 'class="field-error"' in response.get_data(as_text=True)
    assert _count(app, NetworkOutage) == 0


def test_an_outage_of_exactly_the_bound_is_recorded(app, admins):
    response = _record_outage(admins["admin"], "2026-03-20 09:00", "2026-03-23 09:00")
    assert response.status_code == 302
    assert _count(app, NetworkOutage) == 1


def test_the_bound_is_configured(app, admins):
    app.config["CALENDAR_OUTAGE_MAX_HOURS"] = 4
    response = _record_outage(admins["admin"], "2026-03-24 09:00", "2026-03-24 14:00")
    assert response.status_code == 422
    assert "at most 4 hours" in Page.of(response).text


def test_an_outage_that_has_not_started_is_refused(app, admins):
    response = _record_outage(admins["admin"], "2026-03-25 13:00", "2026-03-25 15:00")
    assert response.status_code == 422
    assert "the start is in the future" in Page.of(response).text
    assert _count(app, NetworkOutage) == 0


def test_an_outage_not_yet_repaired_is_refused(app, admins):
    # Now is 12:00 on 25 Mar: a repair at 15:00 is a forecast, and an outage a fact.
    response = _record_outage(admins["admin"], "2026-03-25 09:00", "2026-03-25 15:00")
    assert response.status_code == 422
    assert "the repair time is in the future" in Page.of(response).text
    assert _count(app, NetworkOutage) == 0


def test_a_closure_day_too_far_ahead_is_refused(app, admins):
    response = _add_day(admins["admin"], "2027-05-01")  # 402 days ahead
    assert response.status_code == 422
    assert "at most 400 days ahead" in Page.of(response).text
    assert _count(app, CalendarDay) == 0
    assert _add_day(admins["admin"], "2027-04-29").status_code == 302  # 400 days ahead


# --- inside the window: counts at once ----------------------------------------------------


def test_a_closure_day_inside_the_window_counts_at_once(admins):
    client = admins["admin"]
    assert _add_day(client, "2026-03-24").status_code == 302
    assert _due(client, "2026-03-16", "8d") == "2026-03-25"
    assert "확인 대기" not in _calendar(client).text


# --- beyond the window: pending until a second administrator confirms ---------------------


def test_a_closure_day_beyond_the_window_waits_for_a_second_administrator(app, admins):
    recorder, other = admins["admin"], admins["second.admin"]
    page = send(recorder, _calendar(recorder).form(action="/admin/calendar/days"),
                day="2026-03-10", name="Banks closed", kind="decree_day",
                ground="Enforcement Decree Art. 1-4(1)")
    assert "Recorded as pending" in page.text
    assert "another administrator must confirm it" in page.text
    assert not [f for f in page.forms if f.action.endswith("/2026-03-10/confirm")]
    assert _due(recorder, "2026-03-02", "8d") == "2026-03-10"  # not counted

    confirm = _calendar(other).form(action="/admin/calendar/days/2026-03-10/confirm")
    assert "recorded by Admin" in _calendar(other).text
    confirmed = send(other, confirm)
    assert "Closure day 2026-03-10 confirmed" in confirmed.text
    assert _due(other, "2026-03-02", "8d") == "2026-03-11"
    with app.app_context():
        entry = db.session.scalar(select(CalendarDay))
        assert entry.confirmed_by.username == "second.admin"
        assert entry.created_by.username == "admin"


def test_the_recorder_cannot_confirm_their_own_record(app, admins):
    recorder, other = admins["admin"], admins["second.admin"]
    assert _add_day(recorder, "2026-03-10").status_code == 302
    # The recorder is served no button; the one the second administrator is served, sent
    # with the recorder's own session and token:
    served = _calendar(recorder)
    assert not [f for f in served.forms if f.action.endswith("/confirm")]
    form = _calendar(other).form(action="/admin/calendar/days/2026-03-10/confirm")
    token = served.form(action="/admin/calendar/days").value("csrf_token")
    response = submit(recorder, form, csrf_token=token)
    assert response.status_code == 403
    assert "cannot confirm it" in Page.of(response).text
    with app.app_context():
        assert db.session.scalar(select(CalendarDay)).pending
    assert _due(recorder, "2026-03-02", "8d") == "2026-03-10"


def test_a_confirmed_record_is_not_confirmed_twice(app, admins):
    other = admins["second.admin"]
    assert _add_day(admins["admin"], "2026-03-10").status_code == 302
    form = _calendar(other).form(action="/admin/calendar/days/2026-03-10/confirm")
    assert submit(other, form).status_code == 302
    response = submit(other, form)
    assert response.status_code == 403
    assert "already confirmed" in Page.of(response).text


def test_an_outage_beyond_the_window_counts_once_confirmed(app, admins):
    recorder, other = admins["admin"], admins["second.admin"]
    assert _record_outage(recorder, "2026-03-12 09:00", "2026-03-12 17:00").status_code == 302
    assert _due(recorder, "2026-03-02", "10d") == "2026-03-12"  # pending: not counted
    with app.app_context():
        outage_id = db.session.scalar(select(NetworkOutage.id))
    send(other, _calendar(other).form(action=f"/admin/calendar/outages/{outage_id}/confirm"))
    assert _due(other, "2026-03-02", "10d") == "2026-03-13"


def test_a_pending_record_can_be_removed(app, admins):
    client = admins["admin"]
    assert _add_day(client, "2026-03-10").status_code == 302
    send(client, _calendar(client).form(action="/admin/calendar/days/2026-03-10/delete"))
    assert _count(app, CalendarDay) == 0


# --- confirming moves the open deadlines, as recording it today does ----------------------


def test_confirmation_recomputes_the_open_deadlines_and_the_history_says_so(app_ctx, make):
    recorder, confirmer = make.user("admin", Role.ADMIN), make.user("admin2", Role.ADMIN)
    case = make.case(party=make.party())
    deadline = open_deadline(case, kind="decision", article="Art. 132(4)", start_event="filing",
                             start=date(2026, 3, 2), period="8d", on_expiry="flag")
    db.session.commit()
    entry = store.add_closure_day(date(2026, 3, 10), name="Banks closed", kind="decree_day",
                                  ground="Enforcement Decree Art. 1-4(1)", actor=recorder)
    db.session.commit()
    assert entry.pending and deadline.due_date == date(2026, 3, 10)
    with pytest.raises(CalendarError, match="cannot confirm it"):
        store.confirm_closure_day(date(2026, 3, 10), recorder)
    store.confirm_closure_day(date(2026, 3, 10), confirmer)
    db.session.commit()
    assert deadline.due_date == date(2026, 3, 11)
    event = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
    assert (event.trigger, event.article) == ("recompute_deadline", "Art. 8(3)4")
    assert event.payload == {"deadline": "decision", "from": "2026-03-10", "to": "2026-03-11"}


def test_a_closure_day_recorded_from_the_shell_beyond_the_window_is_pending(runner):
    added = runner.invoke(args=["calendar", "add-day", "2026-03-10", "--name", "Bank holiday",
                                "--kind", "decree_day", "--ground", "Decree Art. 1-4(1)"])
    assert added.exit_code == 0, added.output
    assert "pending" in added.output
    assert "(pending confirmation)" in runner.invoke(args=["calendar", "list"]).output
    assert runner.invoke(args=["calendar", "due", "2026-03-02", "8d"]).output.startswith(
        "2026-03-10")


# --- migration 0012: what was recorded before counts as it did ----------------------------


def test_records_from_before_the_migration_stay_confirmed_by_their_recorder(app_ctx, make):
    admin = make.user("admin", Role.ADMIN)
    downgrade(revision="0011_sessions")
    recorded = datetime(2026, 3, 1, 9, tzinfo=SEOUL)
    db.session.execute(text(
        "INSERT INTO calendar_days (day, name, kind, ground, created_by_id, created_at) "
        "VALUES ('2026-03-10', 'Banks closed', 'decree_day', 'Decree', :admin, :at)"),
        {"admin": admin.id, "at": recorded})
    db.session.execute(text(
        "INSERT INTO network_outages (started_at, repaired_at, ground, recorded_by_id, "
        "recorded_at) VALUES (:start, :repaired, 'UNI-PASS down', NULL, :at)"),
        {"start": datetime(2026, 3, 12, 9, tzinfo=SEOUL),
         "repaired": datetime(2026, 3, 12, 17, tzinfo=SEOUL), "at": recorded})
    db.session.commit()
    upgrade()
    db.session.remove()
    day, outage = db.session.scalar(select(CalendarDay)), db.session.scalar(select(NetworkOutage))
    assert not day.pending and day.confirmed_by.username == "admin"
    assert day.confirmed_at == recorded
    assert not outage.pending and outage.confirmed_by is None  # recorded from the shell
    assert store.load_calendar().due(date(2026, 3, 2), "8d").due_date == date(2026, 3, 11)
