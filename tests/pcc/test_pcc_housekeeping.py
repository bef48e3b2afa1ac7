"""What the PCC service keeps, and for how long (jobs/pcc.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder, PccRequest, SmsMessage
from backoffice.pcc import service
from jobs.pcc import housekeeping
from workflows import clock

START = datetime(2026, 12, 4, 10, 0, tzinfo=clock.SEOUL)
DETAILS = service.Details(address="35208 대전광역시 서구 청사로 189", telephone="010-1234-5678",
                          email=None, mobile_owner="self", mobile="01012345678",
                          consents_to_viewing=True, sms_alerts=False)


def counter_holder(pcc_app, officer_id=None):
    with pcc_app.app_context(), clock.frozen(START):
        code = service.counter_issue("COI ZHUNA", "900131-6123456", DETAILS, officer_id)
        db.session.commit()
        return code.holder_id


def test_expired_requests_and_old_messages_are_deleted(pcc_app):
    with pcc_app.app_context():
        with clock.frozen(START):
            service.begin(service.ISSUE, "COI ZHUNA", "900131-6123456")
            db.session.add(SmsMessage(key="k", to="01012345678", text="123456"))
            db.session.commit()
        with clock.frozen(START + timedelta(minutes=19)):
            assert housekeeping() == 0
        with clock.frozen(START + timedelta(days=31)):
            assert housekeeping() == 2
        assert db.session.scalar(select(func.count(PccRequest.id))) == 0
        assert db.session.scalar(select(func.count(SmsMessage.id))) == 0


def test_a_holder_out_of_use_for_five_years_is_erased_but_its_code_never_comes_back(pcc_app,
                                                                                      people):
    holder_id = counter_holder(pcc_app, people["officer"].id)
    with pcc_app.app_context():
        holder = db.session.get(PccHolder, holder_id)
        with clock.frozen(START):
            service.counter_retire(holder, people["officer"].id)
            db.session.commit()
        code = db.session.scalars(select(PccCode.code)).one()
        with clock.frozen(START + timedelta(days=365 * 5 - 1)):
            assert housekeeping() == 0
        with clock.frozen(START + timedelta(days=365 * 5 + 1)):
            assert housekeeping() == 1
        holder = db.session.get(PccHolder, holder_id)
        assert (holder.name, holder.address, holder.number_sealed) == ("", "", "erased")
        assert db.session.scalars(select(PccCode.code)).one() == code  # kept: never reused
        # the person may come back: a new holder, a new code
        with clock.frozen(START + timedelta(days=365 * 6)):
            again = service.counter_issue("COI ZHUNA", "900131-6123456", DETAILS,
                                          people["officer"].id)
            db.session.commit()
        assert again.code != code and again.holder_id != holder_id


def test_a_holder_with_a_code_in_use_is_kept(pcc_app):
    counter_holder(pcc_app)
    with pcc_app.app_context(), clock.frozen(START + timedelta(days=365 * 10)):
        assert housekeeping() == 0


def test_two_requests_racing_for_one_person_get_one_code(pcc_app):
    """Two browsers of one person reach the form at once: one code is issued, the other
    request is told to look it up (the partial unique index decides, not the check before)."""
    import threading

    with pcc_app.app_context():
        requests = []
        for _ in range(2):
            _, request = service.begin(service.ISSUE, "COI ZHUNA", "900131-6123456")
            request.verified_at = clock.now()
            requests.append(request.id)
        db.session.commit()
    outcomes, barrier = [], threading.Barrier(2)

    def apply(request_id: int) -> None:
        with pcc_app.app_context():
            request = db.session.get(PccRequest, request_id)
            barrier.wait()
            try:
                service.issue(request, DETAILS)
                db.session.commit()
                outcomes.append("issued")
            except service.Refused as refused:
                db.session.rollback()
                outcomes.append(refused.failure.value)
            except Exception as error:  # the loser's commit on a busy database
                db.session.rollback()
                outcomes.append(type(error).__name__)

    threads = [threading.Thread(target=apply, args=(rid,)) for rid in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with pcc_app.app_context():
        assert db.session.scalar(select(func.count(PccCode.id))) == 1
        assert db.session.scalar(select(func.count(PccHolder.id))) == 1
    assert sorted(outcomes) == ["already_issued", "issued"], outcomes
