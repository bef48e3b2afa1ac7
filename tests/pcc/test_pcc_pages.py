"""The public PCC service as a foreigner uses it: each form as the page serves it, filled and
sent; what the page then shows. The residents are the demo file's
(``backoffice/pcc/demo_residents.json``)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import select, text

from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder
from tests.form_crawler import send, visit
from tests.pcc.conftest import last_sms_code
from workflows import clock
from workflows.pcc.codes import PATTERN

COI = {"name": "coi zhuna", "registration_number": "900131-6123456"}
COI_MOBILE = {"carrier": "SKT", "name": "COIZHUNA", "birth_date": "19900131",
              "mobile": "010-1234-5678"}
START = datetime(2026, 12, 4, 10, 0, tzinfo=clock.SEOUL)
DETAILS = {"address": "35208 대전광역시 서구 청사로 189", "telephone": "010-1234-5678",
           "email": "coi@example.com"}


def words(page) -> str:
    """What the page reads, its markup left out."""
    return " ".join(re.sub(r"<[^>]+>", " ", page.text).split())


def verified(pcc, pcc_app, path: str, who=COI, mobile=COI_MOBILE):
    """Through the real-name check and the mobile check; the page after the code."""
    page = send(pcc, visit(pcc, path).form(), **who)
    assert "휴대폰 본인확인" in page.text, page.text[:400]
    page = send(pcc, page.form(), **mobile)
    assert "인증번호 입력" in page.text
    code = last_sms_code(pcc_app, mobile["mobile"].replace("-", ""))
    return send(pcc, page.form(action="/verify/code"), code=code)


def issue_coi(pcc, pcc_app) -> str:
    page = verified(pcc, pcc_app, "/issue")
    assert "발급신청" in page.text and "900131-*******" in page.text
    page = send(pcc, page.form(), consents_to_viewing="y", **DETAILS)
    assert "발급되었습니다" in page.text
    return PATTERN.search(page.text).group(0)


def test_a_foreigner_gets_a_code_at_once_and_looks_it_up(pcc, pcc_app):
    code = issue_coi(pcc, pcc_app)
    page = verified(pcc, pcc_app, "/lookup")
    assert f"COI ZHUNA 님의 개인통관고유부호는 {code} 입니다" in words(page)
    assert "900131-*******" in page.text
    assert "6123456" not in page.html  # the back of the number is never shown
    assert "(35208) 대전광역시 서구" in page.text and "청사로 189" not in page.text  # §9
    assert "사용 in use" in words(page)


def test_the_name_is_retried_without_spaces(pcc, pcc_app):
    # The card reads NGUYENVANAN; the applicant types "Nguyen Van An" (FAQ Q3).
    page = send(pcc, visit(pcc, "/issue").form(), name="Nguyen Van An",
                registration_number="9505055234567")
    assert "휴대폰 본인확인" in page.text and "NGUYENVANAN" in page.text


def test_a_failed_real_name_check_gives_the_faqs_remedy_then_the_helpline(pcc):
    form = visit(pcc, "/issue").form()
    page = send(pcc, form, name="COI ZHUNAA", registration_number="900131-6123456")
    assert page.status == 422
    assert "영문 대문자" in page.text and "COIZHUNA" in page.text
    assert "02-708-1000" not in page.text
    for _ in range(2):
        page = send(pcc, page.form(), name="COI ZHUNAA", registration_number="900131-6123456")
    assert "02-708-1000" in page.text and "4 → 3 → 0" in page.text
    assert "passport number" in page.text  # the way round it (Q2)


def test_a_number_that_is_no_number_is_refused_on_its_field(pcc):
    page = send(pcc, visit(pcc, "/issue").form(), name="COI ZHUNA",
                registration_number="900131-61234")
    assert page.status == 422 and "13자리" in page.text


def test_a_mobile_that_does_not_match_gives_the_kmc_remedy(pcc):
    page = send(pcc, visit(pcc, "/issue").form(), **COI)
    page = send(pcc, page.form(), **{**COI_MOBILE, "carrier": "KT"})
    assert page.status == 422
    assert "telecom company" in page.text and "without spaces" in page.text


def test_a_second_issuance_for_one_person_is_sent_to_the_look_up(pcc, pcc_app):
    issue_coi(pcc, pcc_app)
    page = send(pcc, visit(pcc, "/issue").form(), **COI)
    assert page.status == 422 and "발급내역 조회" in page.text
    with pcc_app.app_context():
        assert db.session.scalar(select(db.func.count(PccCode.id))) == 1


def test_a_look_up_without_a_code_says_to_choose_new_issuance(pcc):
    page = send(pcc, visit(pcc, "/lookup").form(), **COI)
    assert page.status == 422 and "신규발급" in page.text


def test_a_reissue_puts_the_old_code_out_of_use(pcc, pcc_app):
    old = issue_coi(pcc, pcc_app)
    page = verified(pcc, pcc_app, "/lookup")
    page = send(pcc, page.form(action="/mine/reissue"))
    assert "이전 부호는 사용할 수 없습니다" in page.text
    new = PATTERN.search(page.text).group(0)
    assert new != old
    with pcc_app.app_context():
        statuses = dict(db.session.execute(select(PccCode.code, PccCode.status)).all())
    assert statuses == {old: "not_in_use", new: "in_use"}


def test_the_reissues_of_a_year_are_limited(pcc, pcc_app):
    pcc_app.config["PCC_REISSUES_PER_YEAR"] = 2
    issue_coi(pcc, pcc_app)
    page = verified(pcc, pcc_app, "/lookup")
    for _ in range(2):
        page = send(pcc, page.form(action="/mine/reissue"))
        assert "이전 부호는 사용할 수 없습니다" in page.text
    page = send(pcc, page.form(action="/mine/reissue"))
    assert page.status == 422 and "재발급 한도" in page.text


def test_details_are_changed_after_verifying_again(pcc, pcc_app):
    issue_coi(pcc, pcc_app)
    page = verified(pcc, pcc_app, "/lookup")
    page = send(pcc, visit(pcc, "/mine/change").form(),
                address="04524 서울특별시 중구 세종대로 110", consents_to_viewing="y")
    assert "변경되었습니다" in page.text and "(04524) 서울특별시 중구" in page.text


def test_the_application_needs_the_consent(pcc, pcc_app):
    page = verified(pcc, pcc_app, "/issue")
    page = send(pcc, page.form(), **DETAILS)
    assert page.status == 422 and "동의가 필요합니다" in page.text


def test_the_database_holds_no_registration_number(pcc, pcc_app):
    issue_coi(pcc, pcc_app)
    with pcc_app.app_context():
        holder = db.session.scalars(select(PccHolder)).one()
        assert holder.number_masked == "900131-*******"
        rows = db.session.execute(text("SELECT * FROM pcc_holders")).all()
    dumped = repr(rows)
    assert "9001316123456" not in dumped and "6123456" not in dumped


def test_a_request_with_no_token_starts_again(pcc):
    page = visit(pcc, "/verify")
    assert page.status == 410 and "처음부터 다시" in page.text


# -- the one-time code through the pages: about three minutes, extended once, used once ------


def code_page(pcc, pcc_app, at):
    """Through the real-name and mobile checks at ``at``; the code page and the code sent."""
    with clock.frozen(at):
        page = send(pcc, visit(pcc, "/issue").form(), **COI)
        page = send(pcc, page.form(), **COI_MOBILE)
    return page, last_sms_code(pcc_app, "01012345678")


def test_the_code_page_counts_down_from_three_minutes(pcc, pcc_app):
    page, _ = code_page(pcc, pcc_app, START)
    assert "3:00" in words(page) and "시간연장" in page.text


def test_a_code_typed_after_three_minutes_has_expired(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    with clock.frozen(START + timedelta(seconds=180)):
        page = send(pcc, page.form(action="/verify/code"), code=code)
    assert page.status == 422 and "유효시간이 지났습니다" in page.text


def test_the_time_is_extended_once(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    with clock.frozen(START + timedelta(seconds=170)):
        page = send(pcc, page.form(action="/verify/extend"))
        assert "3:10" in words(page)  # ten seconds were left, three minutes more
        assert "시간연장" not in page.text  # once only
    with clock.frozen(START + timedelta(seconds=300)):
        page = send(pcc, page.form(action="/verify/code"), code=code)
    assert "발급신청" in page.text


def test_a_code_is_used_once(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    form = page.form(action="/verify/code")
    with clock.frozen(START + timedelta(seconds=10)):
        assert "발급신청" in send(pcc, form, code=code).text
        again = send(pcc, form, code=code)
    assert again.status == 422 and "유효시간이 지났습니다" in again.text


def test_five_wrong_codes_send_the_person_to_the_helpline(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    wrong = "000000" if code != "000000" else "111111"
    with clock.frozen(START + timedelta(seconds=10)):
        for _ in range(4):
            page = send(pcc, page.form(action="/verify/code"), code=wrong)
            assert "다시 확인하여 입력하십시오" in page.text
        page = send(pcc, page.form(action="/verify/code"), code=wrong)
        assert "1644-1863" in page.text
        assert "1644-1863" in send(pcc, page.form(action="/verify/code"), code=code).text


def test_a_request_left_alone_expires(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    with clock.frozen(START + timedelta(minutes=21)):
        page = send(pcc, page.form(action="/verify/code"), code=code)
    assert page.status == 410 and "처음부터 다시" in page.text


# -- Korean first, on every page of the service ----------------------------------------------

TYPED = ["COI ZHUNA", "COIZHUNA", "coi@example.com", "SKT", "KT", "LG U+", "MVNO",
         "010-1234-5678", "01012345678", "900131-6123456"]


def korean_first(page, *data: str) -> list:
    from tests.korean_text import untranslated

    return [str(problem) for problem in untranslated(page.html, [*TYPED, *data])]


def test_every_page_of_the_service_is_korean_first(pcc, pcc_app):
    for path in ("/", "/issue", "/lookup", "/help", "/verify", "/no-such-page"):
        assert korean_first(visit(pcc, path)) == [], path
    refused = send(pcc, visit(pcc, "/issue").form(), name="SOMEONE", registration_number="1")
    assert korean_first(refused) == []
    page = send(pcc, visit(pcc, "/issue").form(), **COI)
    assert korean_first(page) == []
    page = send(pcc, page.form(), **COI_MOBILE)
    assert korean_first(page) == []
    page = send(pcc, page.form(action="/verify/code"),
                code=last_sms_code(pcc_app, "01012345678"))
    assert korean_first(page) == []
    page = send(pcc, page.form(), consents_to_viewing="y", **DETAILS)
    code = PATTERN.search(page.text).group(0)
    assert korean_first(page, code) == []
    page = verified(pcc, pcc_app, "/lookup")
    assert korean_first(page, code, DETAILS["address"]) == []
    assert korean_first(visit(pcc, "/mine/change"), code, DETAILS["address"]) == []


def test_no_url_of_the_flow_carries_personal_data(pcc, pcc_app):
    from flask import request, request_started

    seen: list[str] = []

    def record(sender, **extra):
        seen.append(request.full_path)

    request_started.connect(record, pcc_app)
    try:
        code = issue_coi(pcc, pcc_app)
        verified(pcc, pcc_app, "/lookup")
    finally:
        request_started.disconnect(record, pcc_app)
    assert len(seen) >= 10
    for url in seen:
        for personal in ("900131", "6123456", "COI", "ZHUNA", "01012345678", code):
            assert personal not in url.upper(), url



def test_a_new_code_gives_no_new_tries(pcc, pcc_app):
    page, code = code_page(pcc, pcc_app, START)
    wrong = "000000" if code != "000000" else "111111"
    with clock.frozen(START + timedelta(seconds=10)):
        for _ in range(5):
            page = send(pcc, page.form(action="/verify/code"), code=wrong)
        assert "1644-1863" in page.text
        again = send(pcc, visit(pcc, "/verify").form(), **COI_MOBILE)
    assert again.status == 422 and "1644-1863" in again.text  # no sixth try by a new code


def test_repeated_mobile_mismatches_lead_to_the_helpline_and_the_counter(pcc):
    # GARCIA MARIA has no Korean mobile in her name (the demo file): the FAQ's way round it.
    page = send(pcc, visit(pcc, "/issue").form(), name="GARCIA MARIA",
                registration_number="770707-6567890")
    mobile = {"carrier": "SKT", "name": "GARCIAMARIA", "birth_date": "19770707",
              "mobile": "01099998888"}
    for _ in range(2):
        page = send(pcc, page.form(), **mobile)
        assert "telecom company" in page.text and "1644-1863" not in page.text
    page = send(pcc, page.form(), **mobile)
    assert "1644-1863" in page.text and "visit the nearest customs office" in page.text
    assert "passport number" in page.text


def test_the_token_changes_once_the_code_is_accepted(pcc, pcc_app):
    from backoffice.models import PccRequest

    page, code = code_page(pcc, pcc_app, START)
    with pcc_app.app_context():
        before = db.session.scalars(select(PccRequest.token_hash)).one()
    with clock.frozen(START + timedelta(seconds=10)):
        send(pcc, page.form(action="/verify/code"), code=code)
    with pcc_app.app_context():
        assert db.session.scalars(select(PccRequest.token_hash)).one() != before


def test_a_control_character_is_refused_with_the_services_own_page(pcc):
    response = pcc.get("/?q=%00")
    assert response.status_code == 400
    assert "아무것도 저장되지 않았습니다" in response.get_data(as_text=True)
    page = visit(pcc, "/issue")
    refused = send(pcc, page.form(), name="COI\x00ZHUNA", registration_number="900131-6123456")
    assert refused.status == 400


def test_the_service_has_its_own_session_cookie(pcc):
    send(pcc, visit(pcc, "/issue").form(), **COI)
    assert pcc.get_cookie("pcc_session") is not None and pcc.get_cookie("session") is None


# -- the other ways to verify: a certificate, a simple certification (Q5 ⑥, Q6 ②) ----------

GARCIA = {"name": "GARCIA MARIA", "registration_number": "770707-6567890"}


def test_a_resident_without_a_mobile_gets_a_code_with_a_certificate(pcc, pcc_app):
    # GARCIA MARIA has no Korean mobile in her name but a certificate (the demo file).
    page = send(pcc, visit(pcc, "/issue").form(), **GARCIA)
    page = visit(pcc, "/verify/certificate")
    assert korean_first(page, "GARCIA MARIA") == []
    refused = send(pcc, page.form(), certificate="CERT-GARCIA-MARIA-01", password="wrong")
    assert refused.status == 422 and "move the certificate from your PC" in refused.text
    page = send(pcc, refused.form(), certificate="CERT-GARCIA-MARIA-01",
                password="garcia-cert-2026")
    assert "발급신청" in page.text
    page = send(pcc, page.form(), consents_to_viewing="y", mobile_owner="none", **DETAILS)
    assert "발급되었습니다" in page.text and PATTERN.search(page.text)


def test_five_wrong_certificate_passwords_end_the_tries(pcc):
    send(pcc, visit(pcc, "/issue").form(), **GARCIA)
    page = visit(pcc, "/verify/certificate")
    for _ in range(5):
        page = send(pcc, page.form(), certificate="CERT-GARCIA-MARIA-01", password="wrong")
    final = send(pcc, page.form(), certificate="CERT-GARCIA-MARIA-01",
                 password="garcia-cert-2026")
    assert final.status == 422 and "1644-1863" in final.text


def test_another_residents_certificate_does_not_verify(pcc):
    send(pcc, visit(pcc, "/issue").form(), **COI)
    page = send(pcc, visit(pcc, "/verify/certificate").form(),
                certificate="CERT-GARCIA-MARIA-01", password="garcia-cert-2026")
    assert page.status == 422 and "인증서와 비밀번호를 확인하십시오" in page.text


def test_a_simple_certification_sends_the_code_to_the_mobile_in_ones_name(pcc, pcc_app):
    issue_coi(pcc, pcc_app)
    send(pcc, visit(pcc, "/lookup").form(), **COI)
    page = visit(pcc, "/verify/simple")
    assert korean_first(page) == []
    refused = send(pcc, page.form(), provider="kakao", mobile="01099998888", terms="y")
    assert refused.status == 422 and "simple-certification provider" in refused.text
    page = send(pcc, refused.form(), provider="kakao", mobile="010-1234-5678", terms="y")
    assert "인증번호 입력" in page.text
    page = send(pcc, page.form(action="/verify/code"),
                code=last_sms_code(pcc_app, "01012345678"))
    assert "님의 개인통관고유부호는" in page.text
