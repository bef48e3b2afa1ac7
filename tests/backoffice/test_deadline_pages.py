"""The deadline calculator, the admin calendar and Art. 10 extensions in the back office."""

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.deadlines.operations import open_deadline
from backoffice.extensions import db
from backoffice.models import CalendarDay, Case, CaseEvent, Deadline
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.form_crawler import submit, visit
from workflows.roles import Role


def _post(client, page_url, url, data):
    token = csrf_token_from(client.get(page_url).get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})


def test_officer_computes_a_deadline_and_sees_why(make, client, auth):
    make.user("officer", Role.OFFICER)
    auth.login("officer", PASSWORD)
    response = _post(client, "/calendar", "/calendar",
                     {"start": "2026-01-19", "period": "30d", "label": "receipt"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Due 2026-02-19" in page
    assert "설날" in page  # the second day of Seollal, named in Korean
    assert "제8조제3항제2호" in page  # Art. 8(3)2, cited the Korean way


def test_calculator_explains_a_bad_period(make, client, auth):
    make.user("payer", Role.DUTY_PAYER)
    auth.login("payer", PASSWORD)
    response = _post(client, "/calendar", "/calendar", {"start": "2026-01-19", "period": "3x"})
    assert response.status_code == 422
    assert "unknown unit" in response.get_data(as_text=True)


@pytest.mark.parametrize("period", ["9999999pd", "3661d", "11y"])
def test_calculator_refuses_a_period_longer_than_any_of_the_law(make, client, auth, period):
    """Issue 13: such a period once cost seconds of CPU; it is refused before any counting."""
    make.user("payer", Role.DUTY_PAYER)
    auth.login("payer", PASSWORD)
    response = _post(client, "/calendar", "/calendar", {"start": "2026-01-19", "period": period})
    assert response.status_code == 422
    assert "longer than any period of the law" in response.get_data(as_text=True)


def test_admin_adds_a_closure_day_with_its_ground(app, make, client, auth):
    make.user("admin", Role.ADMIN)
    auth.login("admin", PASSWORD)
    response = _post(client, "/admin/calendar", "/admin/calendar/days", {
        "day": "2026-03-10", "name": "Banks closed", "kind": "decree_day",
        "ground": "Enforcement Decree Art. 1-4(1)",
    })
    assert response.status_code == 302
    assert "Banks closed" in client.get("/admin/calendar").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(CalendarDay.ground)) == "Enforcement Decree Art. 1-4(1)"


def test_admin_form_without_ground_is_refused_and_saves_nothing(app, make, client, auth):
    make.user("admin", Role.ADMIN)
    auth.login("admin", PASSWORD)
    response = _post(client, "/admin/calendar", "/admin/calendar/days",
                     {"day": "2026-03-10", "name": "Banks closed", "kind": "decree_day"})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(CalendarDay)) is None


def test_only_the_admin_edits_the_calendar(make, client, auth):
    make.user("officer", Role.OFFICER)
    auth.login("officer", PASSWORD)
    assert client.get("/admin/calendar").status_code == 403


@pytest.fixture
def case_with_deadline(app, make):
    office = make.office()
    make.user("officer", Role.OFFICER, office=office)
    party = make.party()
    make.user("payer", Role.DUTY_PAYER, party=party)
    case = make.case(party=party, office=office)
    with app.app_context():
        case = db.session.get(type(case), case.id)
        # A revision period of an objection: the claimant's submission, which Art. 10 lets
        # the office extend (123(1) via 132(4)).
        deadline = open_deadline(case, kind="revision", article="Art. 123(1) via 132(4)",
                                 start_event="the revision order", start=date(2026, 3, 2),
                                 period="30d", on_expiry="flag")
        db.session.commit()
        return case.reference, deadline.id


def _extend(client, reference, deadline_id, until, ground="typhoon", version=None):
    """Fill the extension form of the deadline as the case page serves it, and post it."""
    form = visit(client, f"/cases/{reference}").form(
        action=f"/cases/{reference}/deadlines/{deadline_id}/extend")
    changes = {"until": until, "ground": ground}
    if version is not None:
        changes["version"] = version
    return submit(client, form, **changes)


def test_officer_extends_a_deadline_under_art_10_and_the_history_records_it(
    app, client, auth, case_with_deadline
):
    reference, deadline_id = case_with_deadline
    auth.login("officer", PASSWORD)
    response = _extend(client, reference, deadline_id, "2026-05-15", "typhoon damage")
    assert response.status_code == 302
    assert "Deadline extended to 2026-05-15" in client.get(f"/cases/{reference}").get_data(
        as_text=True)
    with app.app_context():
        deadline = db.session.get(Deadline, deadline_id)
        assert deadline.due_date == date(2026, 5, 15)
        assert any(step["article"] == "Art. 10" for step in deadline.explanation)
        event = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
        assert (event.trigger, event.article, event.reason) == \
            ("extend_deadline", "Art. 10", "typhoon damage")
        assert event.payload == {"deadline": "revision", "from": "2026-04-01",
                                 "to": "2026-05-15"}


def test_an_extension_beyond_one_year_changes_nothing(app, client, auth, case_with_deadline):
    reference, deadline_id = case_with_deadline
    auth.login("officer", PASSWORD)
    response = _extend(client, reference, deadline_id, "2027-06-01")
    page = response.get_data(as_text=True)
    assert response.status_code == 422  # the form comes back open, the error on its field
    assert "Art. 10 allows an extension of up to one year" in page
    assert 'value="2027-06-01"' in page and 'class="error-summary"' in page
    with app.app_context():
        assert db.session.get(Deadline, deadline_id).due_date == date(2026, 4, 1)


def test_an_extension_from_a_stale_page_is_a_conflict(app, client, auth, case_with_deadline):
    reference, deadline_id = case_with_deadline
    auth.login("officer", PASSWORD)
    response = _extend(client, reference, deadline_id, "2026-05-15", version="0")
    assert response.status_code == 409
    with app.app_context():
        assert db.session.get(Deadline, deadline_id).due_date == date(2026, 4, 1)


def test_a_duty_payer_cannot_extend_a_deadline(client, auth, case_with_deadline):
    reference, deadline_id = case_with_deadline
    auth.login("payer", PASSWORD)
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    assert "Why this date" in page
    assert "Extend for a natural disaster" not in page
    response = client.post(f"/cases/{reference}/deadlines/{deadline_id}/extend",
                           data={"csrf_token": csrf_token_from(page), "until": "2026-05-15",
                                 "ground": "x", "version": "1"})
    assert response.status_code == 403


def test_a_period_in_days_is_shown_to_end_at_24_00_of_its_last_day(make, client, auth):
    make.user("officer", Role.OFFICER)
    auth.login("officer", PASSWORD)
    page = _post(client, "/calendar", "/calendar",
                 {"start": "2026-01-19", "period": "30d"}).get_data(as_text=True)
    assert "2026-02-19 24:00 KST" in page
    assert "2026-02-20 00:00" not in page


def test_a_supervisor_waives_a_deadline_with_a_reason(app, make, client, auth,
                                                     case_with_deadline):
    reference, _ = case_with_deadline
    with app.app_context():
        # The written opinion of an objection (Art. 132(5)): an internal time limit of the
        # office, which a supervisor may release it from.
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        deadline_id = open_deadline(case, kind="opinion", article="Art. 132(5)",
                                    start_event="receipt of the objection",
                                    start=date(2026, 3, 2), period="7d", on_expiry="escalate").id
        db.session.commit()
    make.user("boss", Role.SUPERVISOR, office=make.office())
    auth.login("boss", PASSWORD)
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    version = page.split('name="version" value="')[1].split('"')[0]
    response = client.post(f"/cases/{reference}/deadlines/{deadline_id}/waive",
                           data={"csrf_token": csrf_token_from(page), "version": version,
                                 "reason": "superseded by the Tax Tribunal filing"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Deadline, deadline_id).status == "waived"
        event = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
        assert (event.trigger, event.reason) == ("waive_deadline",
                                                 "superseded by the Tax Tribunal filing")


def test_an_officer_may_not_waive(client, auth, case_with_deadline):
    reference, deadline_id = case_with_deadline
    auth.login("officer", PASSWORD)
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    assert "Waive this deadline" not in page
    response = client.post(f"/cases/{reference}/deadlines/{deadline_id}/waive",
                           data={"csrf_token": csrf_token_from(page), "version": "1",
                                 "reason": "x"})
    assert response.status_code == 403
