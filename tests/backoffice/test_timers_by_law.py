"""Timers that arise by law: who may extend or waive them is declared with each one.

Art. 10 lets the head of a customs office extend the time limit of a filing, an application, a
request or a submission for a natural disaster or a similar ground. It does not let an officer
move a period the law itself fixes: a permission deemed granted when the office stays silent
arises by operation of law, and only the civil-petition extension notified within the period
prevents it (e.g. Art. 134(4), 250(5)); the lawsuit periods are peremptory (119(7), 120(6)). A
supervisor may release the office from an internal time limit whose lapse has no legal effect,
never from a duty the Act imposes. The case page offers each form only where it applies; the
operations refuse the rest with the reason.

Dates are counted by hand under Art. 8 (Civil Act Art. 157: the first day is not counted; a
last day on a Saturday, Sunday or public holiday moves to the next working day).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from backoffice.deadlines.operations import (
    extend_deadline,
    extension_refused,
    waive_deadline,
    waiver_refused,
)
from backoffice.extensions import db
from backoffice.models import CaseEvent, Deadline, DeadlineStatus, Office, Party, User
from backoffice.workflow import open_procedure_case
from tests.factories import PASSWORD
from tests.form_crawler import visit
from tests.procedure_helpers import deadline, kst
from workflows import clock
from workflows.calendar import CalendarError
from workflows.procedures import REGISTRY
from workflows.roles import Role

APPLICATION = {"permission_kind": "250", "received_on": "2026-11-02",
               "application": "withdrawal of an import declaration"}


@pytest.fixture
def application(app, make) -> str:
    """An application for approval of the withdrawal of a declaration (Art. 250(1)) received
    on Monday 2 November 2026: the 10 days of 250(4) run from 3 November and end on Thursday
    12 November; permission is deemed granted at 00:00 on 13 November (250(5))."""
    office = make.office("SEOUL")
    make.user("officer", Role.OFFICER, office=office)
    make.user("chief", Role.SUPERVISOR, office=office)
    party = make.party("JOHN SMITH")
    with app.app_context(), clock.frozen(kst(2026, 11, 2, 9)):
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        case = open_procedure_case("deemed_permission", party=db.session.get(Party, party.id),
                                   office=db.session.get(Office, office.id), actor=officer,
                                   assigned_officer=officer, values=APPLICATION)
        db.session.commit()
        assert deadline(case, "processing").due_date == date(2026, 11, 12)
        return case.reference


def _forms(client, reference: str) -> set[str]:
    return {form.action for form in visit(client, f"/cases/{reference}").forms}


def test_an_extension_names_its_article_and_only_the_offices_own_time_limits_are_waived():
    """A declared extension cites the provision allowing it; a waiver is declared only on a
    time limit of the office (a party's period, or another body's, is never the office's to
    release). Where neither is declared, neither is offered (the tests below)."""
    for procedure in REGISTRY.values():
        for specs in procedure.deadlines.values():
            for spec in specs:
                if spec.extension:
                    assert "Art." in spec.extension, (procedure.code, spec.kind)
                if spec.waiver:
                    assert spec.owed_by == "office", (procedure.code, spec.kind)


def test_a_processing_period_that_grants_by_law_is_neither_extended_nor_waived_on_the_page(
    app, client, auth, application
):
    with app.app_context():
        period_id = db.session.scalar(select(Deadline.id).where(Deadline.kind == "processing"))
    with clock.frozen(kst(2026, 11, 5, 10)):
        for user in ("officer", "chief"):
            auth.login(user, PASSWORD)
            actions = _forms(client, application)
            assert not any(a.endswith(f"/deadlines/{period_id}/extend") for a in actions)
            assert not any(a.endswith(f"/deadlines/{period_id}/waive") for a in actions)
            auth.logout()


def test_extending_or_waiving_a_processing_period_is_refused_with_the_reason(
    app, application
):
    with app.app_context(), clock.frozen(kst(2026, 11, 5, 10)):
        period = db.session.scalar(select(Deadline).where(Deadline.kind == "processing"))
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        chief = db.session.scalar(select(User).where(User.username == "chief"))
        assert "the law fixes this period" in extension_refused(period)
        assert "cannot be waived" in waiver_refused(period, chief)
        with pytest.raises(CalendarError, match="the law fixes this period"):
            extend_deadline(period, until=date(2026, 11, 30), ground="typhoon", actor=officer)
        with pytest.raises(CalendarError, match="cannot be waived"):
            waive_deadline(period, reason="no longer needed", actor=chief)
        db.session.rollback()
        period = db.session.get(Deadline, period.id)
        assert (period.status, period.due_date) == (DeadlineStatus.OPEN, date(2026, 11, 12))
        assert db.session.scalar(select(CaseEvent.trigger).order_by(CaseEvent.id.desc())) \
            == "receive"


def test_a_posted_extension_form_for_a_period_fixed_by_law_changes_nothing(
    app, client, auth, application
):
    """A hand-made POST (the page offers no such form) gets the reason, not a change."""
    from tests.conftest import csrf_token_from

    with app.app_context():
        period_id = db.session.scalar(select(Deadline.id).where(Deadline.kind == "processing"))
    auth.login("officer", PASSWORD)
    with clock.frozen(kst(2026, 11, 5, 10)):
        page = client.get(f"/cases/{application}").get_data(as_text=True)
        response = client.post(f"/cases/{application}/deadlines/{period_id}/extend",
                               data={"csrf_token": csrf_token_from(page), "version": "1",
                                     "until": "2026-11-30", "ground": "typhoon"})
    assert response.status_code == 422
    assert "the law fixes this period" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Deadline, period_id).due_date == date(2026, 11, 12)
