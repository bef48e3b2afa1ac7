"""The case history as sentences: real events from the engine, read by staff and by the payer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from backoffice.audit import append_event
from backoffice.cases.history import en_predicate, entries, josa, ko_predicate
from backoffice.cases.operations import assign_case
from backoffice.deadlines.operations import extend_deadline, waive_deadline
from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, Notice, User
from backoffice.notices.service import record_service
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.factories import PASSWORD
from tests.korean_text import korean_day
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.roles import Role

FILED_AT = datetime(2026, 12, 1, 5, 30, tzinfo=UTC)  # 14:30 in Seoul
FILING = {"disposition_ref": "2026-1201", "disposition": "Payment notice 2026-1201 (KRW 184,000)",
          "disposition_kind": "assessment", "notice_received_on": "2026-11-20",
          "filed_on": "2026-12-01", "filing_rule": "online",
          "reasons": "The goods were a gift for personal use."}
WAIVER = "superseded by the Tax Tribunal filing, confirmed by phone"
REASSIGNMENT = "Kim is on leave; workload balancing"


def _named(user: User, name: str) -> User:
    user.display_name = name
    return user


@pytest.fixture
def staff(people):
    """The people of the procedure tests, with the demo's bilingual display names."""
    _named(people["officer"], "Kim Minjun (김민준)")
    _named(people["supervisor"], "Choi Yuna (최유나)")
    _named(people["payer"], "John Smith")
    db.session.commit()
    return people


@pytest.fixture
def objection(staff) -> Case:
    with clock.frozen(FILED_AT):
        case = open_procedure_case("objection", party=staff["payer"].party,
                                   office=staff["office"], actor=staff["payer"], values=FILING)
        db.session.commit()
    return case


def _events(case: Case) -> list[CaseEvent]:
    return list(db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)))


def _read(case: Case, reader: User, locale: str):
    return entries(case, _events(case), reader, locale)


def _by_trigger(read: list) -> dict:
    """Staff entries by the trigger of their raw record."""
    return {e.details["trigger"]: e for e in read}


def test_a_transition_reads_as_a_sentence_in_both_languages_newest_first(objection, staff):
    with clock.frozen(kst(2026, 12, 1, 15)):
        assign_case(objection, staff["officer"], actor=staff["supervisor"])
        db.session.commit()
    opinion = act(objection, "issue_opinion", staff["officer"], kst(2026, 12, 3, 14, 5),
                  opinion="The goods were bought online, not received as a gift.")
    [number] = opinion.payload["notice_numbers"]

    korean = _read(objection, staff["payer"], "ko")
    english = _read(objection, staff["payer"], "en")

    assert [e.seq for e in korean] == [3, 2, 1]
    assert korean[0].text == (
        f"2026년 12월 3일(목) 14:05 · 세관공무원 김민준(Kim Minjun): 의견서를 송부했습니다 "
        f"(제132조제5항). 상태가 '이의신청 접수'에서 '의견서 송부'로 바뀌었습니다. "
        f"통지서 {number} 발급.")
    assert english[0].text == (
        f"2026-12-03 14:05 KST · Customs officer Kim Minjun (김민준) sent the written opinion "
        f"(Art. 132(5)); the case moved from 'Objection filed' to 'Written opinion sent'; "
        f"notice {number} issued.")
    assert korean[1].sentence == ("감독자 최유나(Choi Yuna): 세관공무원 김민준(Kim Minjun)에게 "
                                  "사건을 배정했습니다.")
    assert english[1].sentence == ("Supervisor Choi Yuna (최유나) assigned the case to "
                                   "customs officer Kim Minjun (김민준).")
    assert korean[2].text == ("2026년 12월 1일(화) 14:30 · 납세의무자 John Smith: 이의신청했습니다 "
                              "(제132조제1항). '이의신청 접수' 상태로 사건이 열렸습니다.")
    assert english[2].sentence == ("Duty payer John Smith filed an objection (Art. 132(1)); "
                                   "the case opened as 'Objection filed'.")
    # The opinion went out in a notice and the reasons are the payer's own: both are shown.
    assert (korean[0].note_label, korean[0].note) == (
        "처분의 근거·이유·사실", "The goods were bought online, not received as a gift.")
    assert (english[2].note_label, english[2].note) == (
        "Reasons of the dissatisfaction", FILING["reasons"])


def test_the_system_says_which_time_limit_passed_when_it_was_due_and_what_took_effect(
    objection, staff
):
    with clock.frozen(kst(2027, 1, 15, 9)):
        enforce_due_deadlines()
        db.session.commit()
    decision_due = deadline(objection, "decision").due_date
    opinion_due = deadline(objection, "opinion").due_date
    notice = db.session.scalars(select(Notice).where(Notice.case_id == objection.id)).one()

    # The sweep may write the two events in either order (a transition may be fired in bulk).
    korean = _by_trigger(_read(objection, staff["officer"], "ko"))
    english = _by_trigger(_read(objection, staff["officer"], "en"))

    assert korean["note_overdue"].sentence == (
        f"시스템: '이의신청 결정서 송달' 기한(기한일 {korean_day(decision_due)})이 지나 "
        f"'결정기간 경과 통지'의 효력이 {korean_day(decision_due)} 24:00에 발생했습니다 "
        f"(제129조제2항제1호). 상태가 '이의신청 접수'에서 '결정기간 경과'로 바뀌었습니다. "
        f"통지서 {notice.number} 발급.")
    assert english["note_overdue"].sentence == (
        f"The system recorded that the time limit for the written decision served on the "
        f"objector (due "
        f"{decision_due}) passed: “Decision period passed: notify the objector” took effect at "
        f"{decision_due} 24:00 KST (Art. 129(2)1); the case moved from 'Objection filed' to "
        f"'Decision period passed'; notice {notice.number} issued.")
    assert korean["deadline_passed"].sentence == (
        f"시스템: '이의신청인에게 의견서 송부' 기한(기한일 {korean_day(opinion_due)})이 지났습니다 "
        "(제132조제5항). 소속 세관 감독자에게 알렸습니다.")
    assert english["deadline_passed"].sentence == (
        f"The system recorded that the time limit for the written opinion to the objector (due "
        f"{opinion_due}) passed (Art. 132(5)); the supervisors of the office were alerted.")
    assert korean["note_overdue"].time == "2027년 1월 15일(금) 09:00"
    assert english["note_overdue"].time == "2027-01-15 09:00 KST"


def test_the_lapse_of_the_partys_revision_period_reads_as_a_sentence(objection, staff):
    """Art. 123(1): a revision of 10 days ordered on Wed 2 Dec runs from 3 Dec to Sat 12 Dec,
    moved to Mon 14 Dec (Art. 8(3)); at its end the decision clock runs again (128(4)) and the
    objection may be dismissed under 128(1)1(c)."""
    act(objection, "order_revision", staff["officer"], kst(2026, 12, 2, 10), revision_days=10,
        matters="Attach the payment notice")
    with clock.frozen(kst(2026, 12, 28, 9)):
        enforce_due_deadlines()
        db.session.commit()
    due = deadline(objection, "revision").due_date
    assert due == date(2026, 12, 14)

    [lapsed] = [e for e in _read(objection, staff["officer"], "ko")
                if e.details["trigger"] == "revision_lapsed"]
    assert lapsed.sentence == (
        "시스템: '보정 기간'(기한일 2026년 12월 14일(월))이 지나 '보정기간 경과'의 효력이 "
        "2026년 12월 14일(월) 24:00에 "
        "발생했습니다 (제123조제1항(제132조제4항에 따라 준용); 제128조제1항제1호다목). 상태가 "
        "'보정 요구'에서 '보정기간 경과'로 바뀌었습니다.")
    [english] = [e for e in _read(objection, staff["payer"], "en") if e.seq == lapsed.seq]
    assert english.sentence == (
        f"The system recorded that the revision period (due {due}) passed: “Revision period "
        f"passed without a revision” took effect at {due} 24:00 KST (Art. 123(1) via 132(4); "
        "128(1)1(c)); the case moved from 'Revision ordered' to 'Revision period passed without "
        "a revision'.")


def test_a_waiver_reason_is_an_internal_note(objection, staff):
    with clock.frozen(kst(2026, 12, 2, 11)):
        waive_deadline(deadline(objection, "opinion"), reason=WAIVER, actor=staff["supervisor"])
        db.session.commit()
    due = deadline(objection, "opinion").due_date

    for_supervisor = _read(objection, staff["supervisor"], "en")[0]
    for_payer = _read(objection, staff["payer"], "ko")[0]

    assert for_supervisor.sentence == (f"Supervisor Choi Yuna (최유나) waived the time limit "
                                       f"for the written opinion to the objector (due {due}) "
                                       f"(Art. 132(5)).")
    assert (for_supervisor.note_label, for_supervisor.note) == ("Internal note", WAIVER)
    assert for_supervisor.internal
    assert for_supervisor.details["trigger"] == "waive_deadline"
    assert for_payer.sentence == (f"감독자 최유나(Choi Yuna): '이의신청인에게 의견서 송부' "
                                  f"기한(기한일 {korean_day(due)})을 면제했습니다 (제132조제5항).")
    assert for_payer.note is None
    assert for_payer.details == {}


def test_an_extension_a_service_and_an_unknown_event_read_as_sentences(objection, staff):
    # A revision of 10 days ordered on Wed 2 Dec ends on Mon 14 Dec (12 Dec is a Saturday);
    # Art. 10 lets the office extend the claimant's submission.
    act(objection, "order_revision", staff["officer"], kst(2026, 12, 2, 9), revision_days=10,
        matters="Attach the payment notice")
    with clock.frozen(kst(2026, 12, 2, 10)):
        extend_deadline(deadline(objection, "revision"), until=date(2027, 1, 15),
                        ground="typhoon damage", actor=staff["officer"])
        db.session.commit()
    notice = db.session.scalars(select(Notice).where(Notice.case_id == objection.id)).one()
    with clock.frozen(kst(2026, 12, 4, 10)):
        record_service(notice, actor=staff["officer"], method="mail", served_on=date(2026, 12, 4))
        append_event(objection, actor=None, trigger="seal_archive_box", from_state="in_revision",
                     to_state="archived", reason="box 12, shelf 3", payload={"box": 12})
        db.session.commit()

    korean = _read(objection, staff["officer"], "ko")
    english = _read(objection, staff["payer"], "en")

    assert korean[0].sentence == ("시스템: 'seal archive box' 처리를 기록했습니다. "
                                  "상태가 '보정 요구'에서 'archived'(으)로 바뀌었습니다.")
    assert (korean[0].note, korean[0].details["payload"]) == ("box 12, shelf 3",
                                                              '{\n  "box": 12\n}')
    assert english[0].sentence == ("The system recorded “seal archive box”; the case moved from "
                                   "'Revision ordered' to 'archived'.")
    assert english[0].note is None  # an unknown event's note is for staff only
    assert korean[1].sentence == (f"세관공무원 김민준(Kim Minjun): 통지서 송달을 기록했습니다 "
                                  f"(제11조). 통지서 {notice.number} 우편송달 (2026-12-04 수령).")
    assert english[1].sentence == (f"Customs officer Kim Minjun (김민준) recorded the service of "
                                   f"a notice (Art. 11); notice {notice.number} served by mail "
                                   f"(Art. 11(1)), received on 2026-12-04.")
    extension = english[2]
    assert extension.sentence == ("Customs officer Kim Minjun (김민준) extended the revision "
                                  "period from 2026-12-14 to 2027-01-15 (Art. 10).")
    assert (extension.note_label, extension.note, extension.internal) == (
        "Ground", "typhoon damage", False)
    assert korean[2].sentence == ("세관공무원 김민준(Kim Minjun): '보정 기간'을 "
                                  "2026-12-14에서 2027-01-15까지 연장했습니다 (제10조).")


@pytest.mark.parametrize(("label", "said"), [
    ("Send the written opinion", "sent the written opinion"),
    ("Dismiss", "dismissed the objection"),
    ("Refer to the Customs Appeal Committee",
     "referred the objection to the Customs Appeal Committee"),
    ("Decide and notify", "decided and notified"),
    ("Close: accepted in whole", "closed the case: accepted in whole"),
    ("Revision submitted", "recorded: revision submitted"),
    ("Request for examination or adjudication filed",
     "recorded: request for examination or adjudication filed"),
])
def test_an_english_label_becomes_what_the_actor_did(label, said):
    assert en_predicate(label, "the objection") == said


@pytest.mark.parametrize(("label", "said"), [
    ("의견서 송부", "의견서를 송부했습니다"),
    ("관세심사위원회 회부", "관세심사위원회에 회부했습니다"),
    ("재심의 요청", "재심의를 요청했습니다"),
    ("청구기간 경과", "청구기간이 경과했습니다"),
    ("허가 간주", "허가로 간주했습니다"),
    ("각하", "각하했습니다"),
    ("의견서 첨부 송부", "의견서 첨부 송부했습니다"),
])
def test_a_korean_label_becomes_a_sentence(label, said):
    assert ko_predicate(label) == said


@pytest.mark.parametrize(("word", "pair", "particle"), [
    ("결정", ("으로", "로"), "으로"), ("종결", ("으로", "로"), "로"),
    ("송부", ("으로", "로"), "로"),
    ("SEOUL-2026-000042", ("을", "를"), "를"), ("2027-01-10", ("을", "를"), "을"),
    ("archived", ("으로", "로"), "(으)로"), ("archived", ("을", "를"), "을(를)"),
])
def test_the_particle_follows_the_last_sound(word, pair, particle):
    assert josa(word, *pair) == particle


# --- the case page, read by each role ---------------------------------------------------------


@pytest.fixture
def case_page(app, make):
    """An objection of the demo's shape: filed by the payer, assigned with a reason, one
    deadline waived by the supervisor with an internal reason."""
    office = make.office()
    make.user("kim.minjun", Role.OFFICER, office=office)
    make.user("choi.yuna", Role.SUPERVISOR, office=office)
    make.user("john.smith", Role.DUTY_PAYER)
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        _named(users["kim.minjun"], "Kim Minjun (김민준)")
        _named(users["choi.yuna"], "Choi Yuna (최유나)")
        with clock.frozen(FILED_AT):
            case = open_procedure_case("objection", party=users["john.smith"].party,
                                       office=users["kim.minjun"].office,
                                       actor=users["john.smith"], values=FILING)
            assign_case(case, users["kim.minjun"], actor=users["choi.yuna"],
                        reason=REASSIGNMENT)
            waive_deadline(deadline(case, "opinion"), reason=WAIVER, actor=users["choi.yuna"])
            db.session.commit()
        hashes = [e.hash for e in _events(case)]
        return case.reference, hashes


def _page(client, auth, username: str, reference: str) -> str:
    auth.login(username, PASSWORD)
    response = client.get(f"/cases/{reference}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _history(page: str) -> str:
    return page.split('id="history-heading"')[1].split("</section>")[0]


def test_the_supervisor_sees_the_internal_notes_and_the_raw_record(client, auth, case_page):
    reference, hashes = case_page
    history = _history(_page(client, auth, "choi.yuna", reference))
    assert "처리 이력" in history
    assert "2026년 12월 1일(화) 14:30" in history
    waived = ("감독자 최유나(Choi Yuna): &#39;이의신청인에게 의견서 송부&#39; 기한(기한일 "
              "2026년 12월 8일(화))을 면제했습니다")
    assert waived in history
    assert WAIVER in history and REASSIGNMENT in history
    assert history.count('<details class="history-details">') == 3
    assert all(h in history for h in hashes)
    assert "waive_deadline" in history and "kim.minjun" in history


def test_the_duty_payer_sees_sentences_but_no_internal_note_username_or_raw_record(
    client, auth, case_page
):
    reference, hashes = case_page
    page = _page(client, auth, "john.smith", reference)
    history = _history(page)
    assert "면제했습니다" in history
    assert "세관공무원 김민준(Kim Minjun)에게 사건을 배정했습니다" in history
    assert WAIVER not in page and REASSIGNMENT not in page
    assert "<details" not in history and "payload" not in history
    assert not any(h in page for h in hashes)
    assert "waive_deadline" not in history
    assert "kim.minjun" not in page and "choi.yuna" not in page


def test_any_event_of_an_undeclared_procedure_reads_without_crashing(make, app_ctx, staff):
    """Every kind of event, with an empty payload, on a procedure with no declaration."""
    from backoffice.cases.history import EVENTS

    case = make.case(party=staff["payer"].party, procedure="aeo_certification",
                     state="applied", actor=staff["officer"])
    for trigger in [*EVENTS, "issue_opinion", "brand_new_thing"]:
        append_event(case, actor=staff["officer"], trigger=trigger, from_state="applied",
                     to_state="applied", reason="a note", payload={})
    db.session.commit()

    for reader in (staff["officer"], staff["payer"]):
        for locale in ("ko", "en"):
            read = _read(case, reader, locale)
            assert len(read) == len(EVENTS) + 3
            assert all(e.sentence.endswith(".") for e in read)
    opened = _read(case, staff["payer"], "ko")[-1]
    assert opened.sentence == ("세관공무원 김민준(Kim Minjun): 사건을 개시했습니다 (제132조제1항). "
                               "'applied' 상태로 사건이 열렸습니다.")
    assert opened.note is None  # an opening's reason is not the payer's to read
