"""From a decided or overdue objection, the objector files the next step (Arts. 121(2), 129)."""

from datetime import datetime

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, User
from backoffice.workflow import fire, open_procedure_case
from tests.backoffice.test_objection import FILING
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from workflows import clock
from workflows.clock import SEOUL
from workflows.roles import Role


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def decided_objection(app, make, served=True) -> str:
    office = make.office()
    make.user("officer", Role.OFFICER, office=office)
    make.user("supervisor", Role.SUPERVISOR, office=office)
    payer = make.user("payer", Role.DUTY_PAYER)
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        with clock.frozen(kst(2026, 3, 2, 10)):
            case = open_procedure_case("objection", party=users["payer"].party,
                                       office=users["officer"].office, actor=users["payer"],
                                       values=FILING)
        with clock.frozen(kst(2026, 3, 20, 10)):
            fire(case, "refer_to_committee", actor=users["officer"])
            fire(case, "decide_reject", actor=users["supervisor"], values={"reasons": "r"})
        if served:
            with clock.frozen(kst(2026, 3, 26, 10)):
                fire(case, "record_decision_served", actor=users["officer"],
                     values={"decision_served_on": "2026-03-26"})
        db.session.commit()
        assert payer.party_id == case.party_id
        return case.reference


def test_the_objector_files_a_request_for_examination_from_the_decided_case(
    app, make, client, auth
):
    reference = decided_objection(app, make)
    auth.login("payer", PASSWORD)
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    assert "within 90 days of receiving the decision" in page
    response = client.post(f"/cases/{reference}/next-step/examination",
                           data={"csrf_token": csrf_token_from(page),
                                 "reasons": "The Committee ignored the receipts"})
    assert response.status_code == 302
    assert response.location.startswith("/cases/EXM-")
    with app.app_context():
        old = db.session.scalar(select(Case).where(Case.reference == reference))
        new = db.session.scalar(select(Case).where(Case.procedure == "examination"))
        assert old.state == "closed"
        assert new.data["route"] == "after_objection"
        assert new.data["period_starts_on"] == "2026-03-26"
        assert new.data["after_objection"] == reference


def test_the_next_step_waits_for_the_receipt_of_the_decision_or_the_end_of_its_period(
    app, make, client, auth
):
    """Filed Mon 2 Mar: the 30 days (Art. 132(4) → 128(2)) from 3 Mar end on Wed 1 Apr. Decided
    on 20 Mar but not served: within the period the request waits for the receipt (121(2));
    after it, no decision was received within the period, and the request may be filed from
    Thu 2 Apr with no end (121(2) proviso, 129(2)1)."""
    reference = decided_objection(app, make, served=False)
    auth.login("payer", PASSWORD)
    with clock.frozen(kst(2026, 3, 25, 10)):
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        assert 'action="/cases/' + reference + '/next-step/examination"' not in page
        client.post(f"/cases/{reference}/next-step/examination",
                    data={"csrf_token": csrf_token_from(page), "reasons": "r"})
        follow = client.get(f"/cases/{reference}").get_data(as_text=True)
    assert "record when its decision was received first, or wait until its decision period " \
           "ends (2026-04-01)" in follow
    with app.app_context():
        assert db.session.scalar(select(Case).where(Case.procedure == "examination")) is None
    with clock.frozen(kst(2026, 4, 2, 10)):
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        response = client.post(f"/cases/{reference}/next-step/examination",
                               data={"csrf_token": csrf_token_from(page), "reasons": "r"})
    assert response.status_code == 302
    with app.app_context():
        examination = db.session.scalar(select(Case).where(Case.procedure == "examination"))
        assert examination.data["route"] == "objection_overdue"
        assert examination.data["period_starts_on"] == "2026-04-02"
        assert examination.data["filed_in_time"] is True


