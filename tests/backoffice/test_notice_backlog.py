"""Notices issued by the scheduler's sweep: numbered in the sweep's transaction, rendered later
by the ``render_notices`` job or ``flask notices render``, never twice."""

import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from backoffice.extensions import db
from backoffice.models import CaseEvent, Notice, User
from backoffice.notices import issue
from backoffice.notices.issue import document_bytes, render_backlog, render_notice
from backoffice.notices.rendering import renderer
from backoffice.notices.service import record_service
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import kst
from workflows import clock
from workflows.notices.service import ServiceError


def _applications(people, count: int) -> list:
    cases = []
    with clock.frozen(kst(2026, 3, 2, 10)):
        for n in range(count):
            cases.append(open_procedure_case(
                "deemed_permission", party=people["payer"].party, office=people["office"],
                actor=people["officer"],
                values={"permission_kind": "161", "received_on": "2026-03-02",
                        "application": f"sample lot {n}"}))
        db.session.commit()
    return cases


def test_deemed_grants_in_bulk_issue_their_confirmations_with_consecutive_numbers(people):
    cases = _applications(people, 12)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        assert enforce_due_deadlines().fired == 12
    notices = list(db.session.scalars(select(Notice).order_by(Notice.number)))
    assert [n.number for n in notices] == [f"SEOUL-2026-{k:06d}" for k in range(1, 13)]
    assert {n.kind for n in notices} == {"deemed_grant_confirmation"}
    assert {n.case_id for n in notices} == {c.id for c in cases}
    for notice in notices:
        event = db.session.scalars(select(CaseEvent).where(
            CaseEvent.case_id == notice.case_id, CaseEvent.trigger == "deem_grant")).one()
        assert event.payload["notice_numbers"] == [notice.number]
        assert notice.event_seq == event.seq and notice.file_sha256 is None


def test_the_render_job_renders_the_backlog_and_the_pdf_says_when_permission_took_effect(people):
    _applications(people, 3)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    assert render_backlog(limit=2) == 2
    assert render_backlog(limit=50) == 1
    assert render_backlog(limit=50) == 0
    notice = db.session.scalars(select(Notice).order_by(Notice.id)).first()
    says(pdf_text(document_bytes(notice)), "허가 간주 확인서", notice.number,
         "2026년 3월 13일에 허가를 받은 것으로 봅니다", "제161조제3항")


def test_a_notice_already_rendered_elsewhere_is_not_rendered_again(people):
    _applications(people, 1)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    with Session(db.engine) as other_worker:
        stale = other_worker.scalars(select(Notice)).one()  # read before the first one renders
        stale.replaces, stale.content  # noqa: B018 (loaded as that worker would have them)
        fresh = db.session.scalars(select(Notice)).one()
        assert render_notice(fresh) is True
        db.session.commit()
        first = fresh.file_sha256
        assert stale.file_sha256 is None
        assert render_notice(stale) is False
        db.session.commit()
    assert db.session.scalars(select(Notice)).one().file_sha256 == first
    assert db.session.scalar(select(func.count()).select_from(Notice)) == 1


def test_flask_notices_render_shows_progress_and_check_verifies_every_pdf(people, runner):
    _applications(people, 2)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    result = runner.invoke(args=["notices", "render"])
    assert result.exit_code == 0, result.output
    assert "Rendering notices" in result.output and "2 notice(s) rendered." in result.output
    listed = runner.invoke(args=["notices", "list", "--unserved"])
    assert listed.output.count("NOT SERVED") == 2
    checked = runner.invoke(args=["notices", "check"])
    assert checked.exit_code == 0 and "All 2 stored notice PDFs match" in checked.output


def test_flask_notices_render_refuses_an_unknown_kind_or_case(runner, app_ctx):
    assert runner.invoke(args=["notices", "render", "--kind", "nope"]).exit_code == 2
    assert runner.invoke(args=["notices", "render", "--case", "OBJ-2026-9"]).exit_code == 2


def test_bulk_corrections_issue_new_numbers_and_leave_the_originals(people, runner):
    _applications(people, 2)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    runner.invoke(args=["notices", "render"])
    result = runner.invoke(args=["notices", "render", "--correct", "Template wording fixed",
                                 "--as", "officer"])
    assert result.exit_code == 0, result.output
    assert "2 correction(s) issued." in result.output
    corrections = list(db.session.scalars(select(Notice).where(Notice.replaces_id.is_not(None))))
    assert len(corrections) == 2 and all(c.file_sha256 for c in corrections)


def _at_once(app, work, count: int = 2) -> list:
    """Run ``work`` in ``count`` threads, each with its own app context, released together."""
    results, start = [], threading.Barrier(count)

    def run():
        with app.app_context():
            start.wait()
            try:
                results.append(work())
            except Exception as failure:  # reported, not swallowed: the test asserts on it
                db.session.rollback()
                results.append(failure)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_renderers_of_one_notice_at_once_give_it_one_pdf(app, people):
    _applications(people, 1)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    notice_id = db.session.scalars(select(Notice.id)).one()
    renderer()  # warm, so both threads race on the database, not on the import

    def render():
        done = render_notice(db.session.get(Notice, notice_id))
        db.session.commit()
        return done

    assert sorted(_at_once(app, render), key=str) == [False, True]
    db.session.expire_all()
    assert db.session.get(Notice, notice_id).file_sha256 is not None


def test_of_two_officers_recording_one_service_at_once_one_wins(app, people):
    _applications(people, 1)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    notice_id = db.session.scalars(select(Notice.id)).one()
    officer_id = people["officer"].id

    def serve():
        with clock.frozen(kst(2026, 3, 16, 9)):
            record_service(db.session.get(Notice, notice_id),
                           actor=db.session.get(User, officer_id), method="mail",
                           served_on=date(2026, 3, 14))
            db.session.commit()
        return "recorded"

    results = _at_once(app, serve)
    assert results.count("recorded") == 1
    [refused] = [r for r in results if r != "recorded"]
    assert isinstance(refused, ServiceError | OperationalError)
    events = db.session.scalars(select(CaseEvent).where(
        CaseEvent.trigger == "record_notice_service")).all()
    assert len(events) == 1


def test_a_notice_that_cannot_be_rendered_does_not_hold_up_the_others(people, monkeypatch):
    _applications(people, 3)
    with clock.frozen(kst(2026, 3, 13, 0, 0, 30)):
        enforce_due_deadlines()
    first = db.session.scalars(select(Notice).order_by(Notice.id)).first().number
    real_html = issue.notice_html

    def broken_for_the_first(notice, **kwargs):
        if notice.number == first:
            raise RuntimeError("template error")
        return real_html(notice, **kwargs)

    monkeypatch.setattr(issue, "notice_html", broken_for_the_first)
    with pytest.raises(issue.RenderFailures, match="2 rendered, 1 failed"):
        render_backlog(limit=10)
    rendered = db.session.scalars(select(Notice.number).where(Notice.file_sha256.is_not(None)))
    assert first not in set(rendered)
