"""Overdue means overdue: a duty of the office is late from the moment its deadline passes until
it is met, waived or made moot, whether or not the sweep has escalated it or moved the case.

Every expected date is counted by hand under Art. 8 (Civil Act Arts. 157, 159, 160: the first
day is not counted, the period ends at 24:00 of its last day, a last day on a Saturday, Sunday
or public holiday moves to the next working day) and written next to the assertion.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from backoffice.deadlines.standing import read
from backoffice.extensions import db
from backoffice.main.queries import deadline_counts
from backoffice.models import Case, Deadline, DeadlineStatus, Office, Party, User
from backoffice.workflow import fire, open_procedure_case
from backoffice.worklist.query import Filters, worklist
from jobs.enforce import enforce_due_deadlines
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.roles import Role


def _objection(office, party, actor, filed_on: str, ref: str) -> Case:
    return open_procedure_case(
        "objection", party=party, office=office, actor=actor,
        values={"disposition_ref": ref, "disposition": "Payment notice",
                "disposition_kind": "assessment", "notice_received_on": filed_on,
                "filed_on": filed_on, "filing_rule": "at_office", "reasons": "r"},
        assigned_officer=actor)


def _people(make):
    office = make.office("SEOUL")
    make.user("chief", Role.SUPERVISOR, office=office)
    officer = make.user("officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    return office, officer, party


def _attached(office, officer, party):
    return (db.session.get(Office, office.id), db.session.get(User, officer.id),
            db.session.get(Party, party.id))


def test_a_written_opinion_stays_overdue_after_the_sweep_escalates_it_until_it_is_sent(
    app, make
):
    office, officer, party = _people(make)
    with app.app_context():
        office, officer, party = _attached(office, officer, party)
        with clock.frozen(kst(2026, 11, 6, 10)):
            case = _objection(office, party, officer, "2026-11-06", "2026-0601")
            db.session.commit()
        opinion = deadline(case, "opinion")
        # Filed Fri 6 Nov; 7 days from Sat 7 Nov end on Fri 13 Nov, a working day (Art. 132(5)).
        assert opinion.due_date.isoformat() == "2026-11-13"
        with clock.frozen(kst(2026, 11, 14, 0, 0, 1)):
            assert enforce_due_deadlines().flagged == 1  # escalated to the supervisors
        db.session.refresh(opinion)
        assert opinion.status == DeadlineStatus.MISSED and opinion.settled_at is None
        with clock.frozen(kst(2026, 12, 1, 9)):
            # 18 legal days after its last day, 13 Nov, and still not sent
            assert deadline_counts(office.id)["overdue"] == 1
            assert deadline_counts(office.id)["overdue_duties"] == 1
            listed = worklist(officer, Filters(due="overdue"))
            assert [c.reference for c in listed.cases] == [case.reference]
            assert listed.urgency(case) == "overdue"
            from backoffice.deadlines.standing import read
            assert read(opinion).days_late == 18
        act(case, "issue_opinion", officer, kst(2026, 12, 1, 10), opinion="grounds")
        db.session.refresh(opinion)
        assert opinion.settlement == "met" and opinion.settled_at is not None
        with clock.frozen(kst(2026, 12, 1, 11)):
            from backoffice.deadlines.standing import Standing, read
            reading = read(opinion)
            assert (reading.standing, reading.days_late) == (Standing.MET_LATE, 18)
            assert deadline_counts(office.id)["overdue"] == 0


def test_an_objection_past_its_decision_period_is_overdue_until_decided(app, make):
    office, officer, party = _people(make)
    with app.app_context():
        office, officer, party = _attached(office, officer, party)
        with clock.frozen(kst(2026, 10, 1, 9)):
            case = _objection(office, party, officer, "2026-10-01", "2026-0602")
            fire(case, "issue_opinion", actor=officer, values={"opinion": "o"})
            fire(case, "refer_to_committee", actor=officer)
            db.session.commit()
        decision = deadline(case, "decision")
        # 30 days from 2 Oct end on Sat 31 Oct; the next working day is Mon 2 Nov (Art. 8(3)).
        assert decision.due_date.isoformat() == "2026-11-02"
        with clock.frozen(kst(2026, 11, 3, 0, 1)):
            assert enforce_due_deadlines().fired == 1
        db.session.refresh(case)
        assert case.state == "decision_overdue"  # Art. 129(2): the objector is told
        with clock.frozen(kst(2026, 11, 17, 9)):
            # 15 legal days after 2 Nov
            assert deadline_counts(office.id)["overdue"] == 1
            assert read(deadline(case, "decision")).days_late == 15
        act(case, "decide_reject", officer, kst(2026, 11, 17, 10), reasons="late but reasoned")
        with clock.frozen(kst(2026, 11, 17, 11)):
            # decided, but the written decision is not yet served: still owed (Art. 128(3))
            assert deadline_counts(office.id)["overdue"] == 1
        act(case, "record_decision_served", officer, kst(2026, 11, 19, 10),
            decision_served_on="2026-11-18")
        with clock.frozen(kst(2026, 11, 19, 11)):
            assert deadline_counts(office.id)["overdue"] == 0
            decision = deadline(case, "decision")
            assert decision.settlement == "met"
            # met on the day of service, 16 legal days after 2 Nov
            assert read(decision).days_late == 16


def test_a_deemed_grant_is_the_laws_consequence_not_an_overdue_duty(app, make):
    office, officer, party = _people(make)
    with app.app_context():
        office, officer, party = _attached(office, officer, party)
        with clock.frozen(kst(2026, 11, 2, 9)):
            case = open_procedure_case(
                "deemed_permission", party=party, office=office, actor=officer,
                assigned_officer=officer,
                values={"permission_kind": "250", "received_on": "2026-11-02",
                        "application": "withdrawal of a declaration"})
            db.session.commit()
        period = deadline(case, "processing")
        # 10 days from 3 Nov end on Thu 12 Nov; deemed granted at 24:00 unless decided.
        assert period.due_date.isoformat() == "2026-11-12"
        with clock.frozen(kst(2026, 11, 13, 0, 0, 30)):
            # Deemed granted at 24:00 of 12 Nov by law, before the scheduler records it: the
            # office owes nothing late in the meantime.
            from backoffice.deadlines.standing import Standing, read
            assert read(period).standing is Standing.TOOK_EFFECT
            assert deadline_counts(office.id)["overdue"] == 0
        with clock.frozen(kst(2026, 11, 13, 0, 1)):
            assert enforce_due_deadlines().fired == 1
        db.session.refresh(period)
        assert period.settlement == "took_effect"
        with clock.frozen(kst(2026, 11, 20)):
            assert deadline_counts(office.id)["overdue"] == 0


def test_a_partys_lapsed_revision_period_is_not_the_offices_overdue_duty(app, make):
    office, officer, party = _people(make)
    with app.app_context():
        office, officer, party = _attached(office, officer, party)
        with clock.frozen(kst(2026, 11, 2, 9)):
            case = _objection(office, party, officer, "2026-11-02", "2026-0603")
            fire(case, "issue_opinion", actor=officer, values={"opinion": "o"})
            fire(case, "order_revision", actor=officer,
                 values={"revision_days": 5, "matters": "drawings"})
            db.session.commit()
        revision = deadline(case, "revision")
        # 5 days from Tue 3 Nov end on Sat 7 Nov, moved to Mon 9 Nov (Art. 8(3)).
        assert revision.due_date.isoformat() == "2026-11-09"
        assert revision.owed_by == "party"
        with clock.frozen(kst(2026, 11, 10, 0, 1)):
            enforce_due_deadlines()
        with clock.frozen(kst(2026, 11, 11)):
            from backoffice.deadlines.standing import Standing, read
            assert read(deadline(case, "revision")).standing is Standing.LAPSED
            assert deadline_counts(office.id)["overdue"] == 0
            # Once the scheduler has recorded the lapse, the claimant can no longer revise
            # online (Art. 123(1)); the office may still record a late revision.
            payer = make.user("claimant", Role.DUTY_PAYER, party=party)
            from backoffice.workflow import actions_for
            blocked = {a.transition.trigger: a.blocked_by
                       for a in actions_for(case, db.session.get(User, payer.id))}
            assert "revision period has ended" in blocked["revise"]
            assert {a.transition.trigger: a.blocked_by
                    for a in actions_for(case, officer)}["revise"] is None


def test_the_worklist_puts_the_worst_first_overdue_then_due_today_then_this_week(app, make):
    office, officer, party = _people(make)
    with app.app_context():
        office, officer, party = _attached(office, officer, party)
        cases = {}
        for name, filed in (("later", "2026-11-30"), ("week", "2026-11-26"),
                            ("today", "2026-11-24"), ("late", "2026-11-20"),
                            ("later_late", "2026-11-23")):
            with clock.frozen(kst(2026, 11, 30, 9)):
                cases[name] = _objection(office, party, officer, filed, f"2026-07{len(cases)}")
        db.session.commit()
        with clock.frozen(kst(2026, 12, 1, 9)):
            # Opinion due dates (7 days, first day not counted):
            # 20 Nov → Fri 27 Nov (4 days late on 1 Dec); 23 Nov → Mon 30 Nov (1 day late);
            # 24 Nov → Tue 1 Dec (due today); 26 Nov → Thu 3 Dec (2 days left);
            # 30 Nov → Mon 7 Dec (6 days left).
            page = worklist(officer, Filters())
            order = [c.reference for c in page.cases]
            assert order == [cases[n].reference for n in
                             ("late", "later_late", "today", "week", "later")]
            assert [page.urgency(c) for c in page.cases] == [
                "overdue", "overdue", "due_today", "due_soon", "due_soon"]
            assert deadline_counts(office.id)["overdue"] == 2


def test_a_supervisor_extends_and_waives_with_the_forms_as_served(client, auth, app, make):
    office, officer, party = _people(make)
    with app.app_context():
        o, actor, p = _attached(office, officer, party)
        with clock.frozen(kst(2026, 11, 30, 9)):
            case = _objection(o, p, actor, "2026-11-30", "2026-0801")
            # a revision of 10 days from Tue 1 Dec: the claimant's submission, which Art. 10
            # lets the office extend; the written opinion an internal time limit to release
            fire(case, "order_revision", actor=actor,
                 values={"revision_days": 10, "matters": "Attach the invoice."})
            db.session.commit()
        reference = case.reference
        opinion_id = deadline(case, "opinion").id
        decision_id = deadline(case, "decision").id
        revision_id = deadline(case, "revision").id
    auth.login("chief", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 9)):
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        # the decision period is the law's: neither form is offered for it
        assert f"/deadlines/{decision_id}/extend" not in page
        assert f"/deadlines/{decision_id}/waive" not in page
        extend = Page(page).form(action=f"/deadlines/{revision_id}/extend")
        assert [c.name for c in extend.controls].count("version") == 1
        response = submit(client, extend, follow_redirects=True, until="2027-01-15",
                          ground="typhoon closed the office")
        text = response.get_data(as_text=True)
        assert response.status_code == 200 and "2027-01-15" in text, text[:3000]
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        waive = Page(page).form(action=f"/deadlines/{opinion_id}/waive")
        response = submit(client, waive, follow_redirects=True,
                          reason="opinion given orally at the hearing")
        assert response.status_code == 200
    with app.app_context():
        assert db.session.get(Deadline, opinion_id).status == DeadlineStatus.WAIVED
        assert db.session.get(Deadline, revision_id).due_date.isoformat() == "2027-01-15"


def test_the_demo_dashboard_counts_the_duties_actually_late(app, client, auth):
    from backoffice.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        seoul = db.session.scalar(select(Office).where(Office.code == "SEOUL"))
        late = db.session.scalars(select(Deadline).join(Case).where(
            Case.office_id == seoul.id, Deadline.owed_by == "office",
            Deadline.due_at <= clock.now(), Deadline.status.in_(["open", "missed"]),
            Deadline.settled_at.is_(None))).all()
        # The demo: an objection filed 25 days ago whose opinion (7 days) is 18 days late, and
        # one filed 45 days ago whose decision (30 days) has passed.
        assert {d.kind for d in late} == {"opinion", "decision"}
        late_cases = {d.case.reference for d in late}
    auth.login("supervisor", "gwanse-demo")
    dashboard = client.get("/dashboard").get_data(as_text=True)
    card = re.search(r'id="card-overdue".*?<a href="[^"]*">(\d+)</a>', dashboard, re.S)
    assert int(card.group(1)) == len(late_cases) == 2
    overdue = client.get("/worklist?due=overdue").get_data(as_text=True)
    table = overdue[overdue.index('<table class="data worklist">'):]
    assert set(re.findall(r'href="/cases/([A-Z]+-\d{4}-\d{6})"', table)) == late_cases


def test_a_refused_extension_comes_back_open_with_what_was_typed_and_why(client, auth, app,
                                                                        make):
    office, officer, party = _people(make)
    with app.app_context():
        o, actor, p = _attached(office, officer, party)
        with clock.frozen(kst(2026, 11, 30, 9)):
            case = _objection(o, p, actor, "2026-11-30", "2026-0802")
            fire(case, "order_revision", actor=actor,
                 values={"revision_days": 10, "matters": "Attach the invoice."})
            db.session.commit()
        # 10 days from Tue 1 Dec end on Thu 10 Dec
        reference, revision_id = case.reference, deadline(case, "revision").id
    auth.login("officer", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 9)):
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        extend = Page(page).form(action=f"/deadlines/{revision_id}/extend")
        # Art. 10 extends a period; a day before its end is no extension.
        response = submit(client, extend, until="2026-12-02", ground="typhoon Hinnamnor")
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="error-summary"' in text and 'href="#until-' in text
    assert 'value="typhoon Hinnamnor"' in text and 'value="2026-12-02"' in text
    assert re.search(r"<details open><summary>.{0,200}기한 연장", text, re.S)
    with app.app_context():
        assert db.session.get(Deadline, revision_id).extension is None


@pytest.mark.parametrize("alert_id", ["²", "١٢", "12345678901234567890", "-1", ""])
def test_an_odd_alert_id_is_refused_cleanly(client, auth, make, alert_id):
    office = make.office("SEOUL")
    make.user("officer", Role.OFFICER, office=office)
    auth.login("officer", PASSWORD)
    token = csrf_token_from(client.get("/worklist").get_data(as_text=True))
    response = client.post("/alerts/acknowledge", data={"csrf_token": token,
                                                        "alert_id": alert_id})
    assert response.status_code == 400
