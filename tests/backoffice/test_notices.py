"""Notices: issued with their transitions, rendered to PDF and read back, served, corrected."""

import hashlib
from datetime import date

import pytest
from sqlalchemy import select, text

from backoffice.extensions import db
from backoffice.models import CaseEvent, Notice, NoticeDocument
from backoffice.notices.issue import document_bytes, render_unrendered
from backoffice.notices.service import correct_notice, record_service
from backoffice.workflow import fire, open_procedure_case
from tests.notice_helpers import pdf_pages, pdf_text, says
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.notices.service import ServiceError

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301 (KRW 1,200,000)",
          "disposition_kind": "assessment", "notice_received_on": "2026-10-20",
          "filed_on": "2026-11-02", "filing_rule": "online",
          "reasons": "The goods are personal effects."}
REASONS = "품목분류는 정당하다. The classification under heading 8471 is correct."


@pytest.fixture
def objection(people):
    with clock.frozen(kst(2026, 11, 2, 10)):
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   assigned_officer=people["officer"], values=FILING)
        db.session.commit()
    act(case, "refer_to_committee", people["officer"], kst(2026, 11, 20, 9))
    return case


def decide(case, people):
    act(case, "decide_reject", people["officer"], kst(2026, 12, 1, 10), reasons=REASONS)
    return db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()


def rendered(notice: Notice) -> str:
    render_unrendered(notice.case)
    db.session.commit()
    return pdf_text(document_bytes(notice))


def test_a_decision_issues_its_written_decision_numbered_per_office_and_year(objection, people):
    notice = decide(objection, people)
    assert notice.kind == "objection_decision"
    assert notice.number == "SEOUL-2026-000001"
    event = db.session.scalars(select(CaseEvent).where(
        CaseEvent.case_id == objection.id, CaseEvent.trigger == "decide_reject")).one()
    assert event.payload["notice_numbers"] == [notice.number]


def test_written_decision_states_reasons_and_the_90_days_of_art_129_1_computed_by_calendar(
    objection, people
):
    text_ = rendered(decide(objection, people))
    says(text_, "이의신청 결정서", "Decision on the Objection", "SEOUL-2026-000001",
         objection.reference, "제128조제1항제2호", "Art. 128(1)2 via 132(4)", REASONS,
         "이 결정서를 받은 날부터 90일 이내", "within 90 days from the date you receive",
         # 1 Dec 2026 + 90 days = Mon 1 Mar 2027, Independence Movement Day → Tue 2 Mar
         "2027년 3월 2일", "2 March 2027", "1 / 1")


def test_the_addressee_identifier_is_masked_on_the_notice(objection, people):
    text_ = rendered(decide(objection, people))
    party = people["payer"].party
    assert party.identifier not in text_.replace(" ", "")
    says(text_, party.masked_identifier, party.name)


def test_a_rendered_notice_is_stored_once_with_its_sha256(objection, people):
    notice = decide(objection, people)
    rendered(notice)
    document = db.session.get(NoticeDocument, notice.file_sha256)
    assert hashlib.sha256(document.content).hexdigest() == notice.file_sha256
    assert notice.page_count == pdf_pages(document.content) == 1


def test_the_database_refuses_to_overwrite_a_stored_pdf_or_an_issued_notice(objection, people):
    notice = decide(objection, people)
    rendered(notice)
    for statement in (
        "UPDATE notice_documents SET content = :blob",
        "DELETE FROM notice_documents",
        "UPDATE notices SET content = NULL",
        "UPDATE notices SET number = 'SEOUL-2026-999999'",
        "UPDATE notices SET file_sha256 = NULL",
        "UPDATE notices SET page_count = 7",
        "UPDATE notices SET issued_at = served_at",
        "UPDATE notices SET replaces_id = id",
        "DELETE FROM notices",
    ):
        with pytest.raises(Exception, match=r"never|write-once"):
            db.session.execute(text(statement), {"blob": b"%PDF-forged"})
        db.session.rollback()
    assert document_bytes(db.session.get(Notice, notice.id)).startswith(b"%PDF")


def test_service_can_be_recorded_while_the_notice_stays_frozen(objection, people):
    notice = decide(objection, people)
    rendered(notice)
    with clock.frozen(kst(2026, 12, 3, 15)):
        record_service(notice, actor=people["officer"], method="mail",
                       served_on=date(2026, 12, 3), reference="RR123456789KR")
        db.session.commit()
    assert notice.served_on == date(2026, 12, 3)
    with pytest.raises(Exception, match=r"never changes"):
        db.session.execute(text("UPDATE notices SET served_on = '2026-12-09'"))
    db.session.rollback()


def test_a_decision_made_in_a_web_request_has_its_pdf_at_once(objection, people, app):
    with app.test_request_context("/cases"):
        notice = decide(objection, people)
        app.process_response(app.response_class())  # the request ends
    assert notice.file_sha256 is not None and notice.page_count == 1


def test_the_pdf_of_a_web_action_is_rendered_after_its_commit_not_under_the_case_lock(
        objection, people, app):
    """Rendering takes a while: the case's row stays locked (PostgreSQL) only for the writes;
    the one notice of the action is rendered once they are committed, as the request ends. An
    action rolled back renders nothing."""
    with app.test_request_context("/cases"):
        with clock.frozen(kst(2026, 12, 1, 10)):
            fire(objection, "decide_reject", actor=people["officer"],
                 values={"reasons": REASONS})
            db.session.rollback()
        app.process_response(app.response_class())
        assert db.session.scalars(select(Notice)).all() == []
        notice = decide(objection, people)
        assert notice.file_sha256 is None  # committed, not yet rendered
        app.process_response(app.response_class())
    assert notice.file_sha256 is not None and notice.page_count == 1


def test_service_of_the_decision_starts_the_next_step_from_the_day_of_receipt(objection, people):
    notice = decide(objection, people)
    with clock.frozen(kst(2026, 12, 4, 9)):
        record_service(notice, actor=people["officer"], method="electronic",
                       served_on=date(2026, 12, 3))
        db.session.commit()
    next_step = deadline(objection, "next_step")
    assert objection.data["decision_served_on"] == "2026-12-03"
    assert next_step.starts_on == date(2026, 12, 3)
    assert next_step.due_date == date(2027, 3, 3)


@pytest.fixture
def publicly_served(monkeypatch):
    """The decision treated as a document the Act lets be served by public notice, as a duty
    payment notice is (Art. 11(2)): the mechanics of a public notice, on a real case."""
    from dataclasses import replace

    from workflows.notices import kinds

    decision = kinds.KINDS["objection_decision"]
    monkeypatch.setitem(kinds.KINDS, "objection_decision",
                        replace(decision, public_notice="Art. 11(2)"))


def test_a_decision_is_not_served_by_public_notice_art_11_is_for_payment_notices(
    objection, people
):
    notice = decide(objection, people)
    with clock.frozen(kst(2026, 12, 8, 9)), pytest.raises(ServiceError,
                                                         match=r"duty payment notice"):
        record_service(notice, actor=people["officer"], method="public_notice",
                       published_on=date(2026, 12, 7), ground="unknown",
                       channels=("unipass", "customs_board"))
    db.session.rollback()
    assert notice.served_on is None


def test_public_notice_is_served_15_days_after_publication_and_the_period_runs_from_then(
    objection, people, publicly_served
):
    notice = decide(objection, people)
    with clock.frozen(kst(2026, 12, 8, 9)):
        service = record_service(notice, actor=people["officer"], method="public_notice",
                                 published_on=date(2026, 12, 7), ground="unknown",
                                 channels=("unipass", "customs_board"))
        db.session.commit()
        assert notice.service_status().value == "published"
    assert service.served_on == notice.served_on == date(2026, 12, 22)  # 7 Dec + 15 (Art. 11(2))
    next_step = deadline(objection, "next_step")
    assert next_step.starts_on == date(2026, 12, 22)
    # 22 Dec + 90 days = Mon 22 Mar 2027, a working day
    assert next_step.due_date == date(2027, 3, 22)
    with clock.frozen(kst(2026, 12, 22, 0, 1)):
        assert notice.service_status().value == "served"


def test_a_public_notice_needs_a_ground_and_unipass_needs_a_second_channel(objection, people,
                                                                          publicly_served):
    notice = decide(objection, people)
    with clock.frozen(kst(2026, 12, 8, 9)):
        with pytest.raises(ServiceError, match="another channel"):
            record_service(notice, actor=people["officer"], method="public_notice",
                           published_on=date(2026, 12, 7), ground="abroad",
                           channels=("unipass",))
        with pytest.raises(ServiceError, match=r"grounds of Art\. 11"):
            record_service(notice, actor=people["officer"], method="public_notice",
                           published_on=date(2026, 12, 7), channels=("gazette",))
    db.session.rollback()
    assert notice.served_on is None and "decision_served_on" not in objection.data


def test_service_before_issue_or_in_the_future_or_twice_is_refused(objection, people):
    notice = decide(objection, people)
    with clock.frozen(kst(2026, 12, 5, 9)):
        # The rule of every legal date (workflows.legal_dates), then the Act's own (Art. 11).
        with pytest.raises(ServiceError, match="before the notice was issued"):
            record_service(notice, actor=people["officer"], method="mail",
                           served_on=date(2026, 11, 30))
        with pytest.raises(ServiceError, match=r"after today \(2026-12-05\)"):
            record_service(notice, actor=people["officer"], method="mail",
                           served_on=date(2026, 12, 6))
        record_service(notice, actor=people["officer"], method="in_person",
                       served_on=date(2026, 12, 2))
        db.session.commit()
        with pytest.raises(ServiceError, match="already recorded"):
            record_service(notice, actor=people["officer"], method="mail",
                           served_on=date(2026, 12, 4))


def test_a_correction_is_a_new_notice_that_names_the_one_it_replaces(objection, people):
    original = decide(objection, people)
    rendered(original)
    with clock.frozen(kst(2026, 12, 2, 9)):
        correction = correct_notice(original, actor=people["officer"],
                                    reason="The addressee's address was wrong.")
        db.session.commit()
    text_ = rendered(correction)
    assert correction.number == "SEOUL-2026-000002"
    assert correction.replaces_id == original.id
    says(text_, "SEOUL-2026-000001", "정정", "This notice corrects and replaces notice No.",
         "The addressee's address was wrong.", REASONS)
    with pytest.raises(ServiceError, match="replaced"):
        record_service(original, actor=people["officer"], method="mail",
                       served_on=date(2026, 12, 2))


def test_a_rolled_back_transition_gives_its_notice_number_back(objection, people):
    with clock.frozen(kst(2026, 12, 1, 10)):
        fire(objection, "decide_reject", actor=people["officer"], values={"reasons": "x"})
        db.session.rollback()
    assert decide(objection, people).number == "SEOUL-2026-000001"


def test_pre_assessment_notice_states_the_shortage_and_the_30_days_of_art_118_2(people):
    with clock.frozen(kst(2026, 12, 1, 9)):
        case = open_procedure_case(
            "pre_assessment_review", party=people["payer"].party, office=people["office"],
            actor=people["officer"], values={"shortage": 4_560_000,
                                             "grounds": "Undervalued invoice (Art. 30)."})
        db.session.commit()
    notice = db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()
    text_ = rendered(notice)
    says(text_, "과세전통지서", "Pre-Assessment Notice", "제118조제1항", "4,560,000",
         "이 통지서를 받은 날부터 30일 이내", "within 30 days from the date you receive",
         "2026년 12월 31일", "Undervalued invoice (Art. 30).")
    with clock.frozen(kst(2026, 12, 4, 9)):
        record_service(notice, actor=people["officer"], method="mail",
                       served_on=date(2026, 12, 3))
        db.session.commit()
    assert case.state == "notice_served"
    assert deadline(case, "review_window").due_date == date(2027, 1, 4)  # 2 Jan is a Saturday


def test_revision_order_states_the_revision_deadline(objection, people):
    with clock.frozen(kst(2026, 11, 3, 10)):
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   values=FILING)
        db.session.commit()
    act(case, "order_revision", people["officer"], kst(2026, 11, 4, 10), revision_days=10,
        matters="Attach the disposition notice.")
    notice = db.session.scalars(select(Notice).where(
        Notice.case_id == case.id, Notice.kind == "revision_order")).one()
    says(rendered(notice), "보정요구서", "Order to Revise", "Attach the disposition notice.",
         "2026년 11월 16일", "16 November 2026", "제128조제1항제1호다목")
