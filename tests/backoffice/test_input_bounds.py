"""No input costs a 500 (issue 13, item 2): ids larger than a database id, JSON bodies with
non-string values, dates outside the years a case can have. Each is a clear 4xx, with the
message on the field where there is a field, and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent
from tests.factories import PASSWORD
from tests.form_crawler import submit, visit
from workflows.roles import Role

HUGE = str(2**64)


@pytest.fixture
def officer(make, auth):
    office = make.office("SEOUL")
    make.user("officer", Role.OFFICER, office=office)
    auth.login("officer", PASSWORD)
    return office


@pytest.mark.parametrize("path", [
    f"/cases/OBJ-2026-000001/deadlines/{HUGE}/extend",
    f"/cases/OBJ-2026-000001/deadlines/{HUGE}/waive",
    f"/admin/calendar/outages/{HUGE}/delete",
])
def test_an_id_larger_than_any_database_id_is_not_found(client, officer, path):
    assert client.post(path, data={}).status_code == 404


@pytest.mark.parametrize("body", [{"username": 1, "password": "x"},
                                  {"username": None, "password": "x"},
                                  {"username": ["a", 2]}, [1, 2], "text"])
def test_a_json_body_with_values_a_form_cannot_hold_is_refused(client, body):
    response = client.post("/login", json=body)
    assert response.status_code == 400


@pytest.mark.parametrize(("start", "period", "says"), [
    ("9999-12-01", "90d", "is not a date of a case"),
    ("0001-01-01", "30d", "is not a date of a case"),
])
def test_the_calculator_refuses_a_date_no_case_can_have(client, officer, start, period, says):
    form = visit(client, "/calendar").form(action="/calendar")
    response = submit(client, form, start=start, period=period)
    assert response.status_code == 422
    assert says in response.get_data(as_text=True)


def test_a_case_opened_with_a_date_no_case_can_have_is_refused_on_the_field(
    app, client, officer
):
    form = visit(client, "/cases/new/objection").forms[-1]
    response = submit(client, form, **{"file-notice_received_on": "9999-12-31",
                                       "file-filed_on": "9999-12-31",
                                       "file-disposition": "Payment notice",
                                       "file-disposition_ref": "SEL-1", "file-reasons": "r",
                                       "party-identifier": "P123456789012"})
    assert response.status_code in (400, 422)
    assert "is not a date of a case" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Case.id))) == 0
        assert db.session.scalar(select(func.count(CaseEvent.id))) == 0


def test_a_worklist_page_beyond_any_count_is_the_first_page(client, officer):
    assert client.get(f"/worklist?page={HUGE}").status_code == 200
    assert client.get("/worklist?page=²").status_code == 200
