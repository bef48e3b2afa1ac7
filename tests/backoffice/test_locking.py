"""Optimistic locking: of two writers who loaded the same version, the second is refused."""

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from backoffice.cases.operations import assign_case
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent
from workflows.roles import Role


def test_a_stale_update_of_a_case_is_rejected(app_ctx, make):
    case = make.case(party=make.party())
    with Session(db.engine) as first, Session(db.engine) as second:
        mine = first.get(Case, case.id)
        theirs = second.get(Case, case.id)
        assert mine.version == theirs.version == 1
        theirs.state = "under_review"
        second.commit()
        mine.state = "decided"
        with pytest.raises(StaleDataError):
            first.commit()
    db.session.expire_all()
    assert db.session.get(Case, case.id).state == "under_review"
    assert db.session.get(Case, case.id).version == 2


def test_a_new_case_and_its_first_event_are_written_as_version_1(app_ctx, make):
    assert make.case(party=make.party()).version == 1


def test_two_officers_assigning_one_case_at_once_one_wins(app, make):
    office = make.office()
    officers = [make.user(f"officer{i}", Role.OFFICER, office=office) for i in (1, 2)]
    supervisor = make.user("super", Role.SUPERVISOR, office=office)
    case_id = make.case(party=make.party(), office=office).id
    loaded = threading.Barrier(2)
    outcomes = []

    def assign(officer_id):
        with app.app_context():
            case = db.session.get(Case, case_id)
            loaded.wait()
            try:
                assign_case(case, db.session.get(type(supervisor), officer_id),
                            actor=db.session.get(type(supervisor), supervisor.id))
                db.session.commit()
                outcomes.append("won")
            except StaleDataError:
                db.session.rollback()
                outcomes.append("conflict")

    threads = [threading.Thread(target=assign, args=(o.id,)) for o in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "won"]
    with app.app_context():
        events = db.session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()
        assert [e.trigger for e in events] == ["open", "assign"]
        assert db.session.get(Case, case_id).version == 2


def test_a_conflict_in_a_request_answers_409_and_saves_nothing(app, client):
    @app.get("/_test/conflict")
    def conflict():
        raise StaleDataError("version mismatch")

    response = client.get("/_test/conflict")
    assert response.status_code == 409
    assert "changed by someone else" in response.get_data(as_text=True)
