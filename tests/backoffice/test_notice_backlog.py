"""Notices issued by the scheduler's sweep: numbered in the sweep's transaction, rendered later
by the ``render_notices`` job or ``flask notices render``, never twice."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.extensions import db
from backoffice.models import CaseEvent, Notice
from backoffice.notices.issue import document_bytes, render_backlog, render_notice
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import kst
from workflows import clock


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
