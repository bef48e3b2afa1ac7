"""PCC issuance on a phone (390 × 844 px), in Korean, with JavaScript off: a foreigner gets a
code end to end and looks it up; no page scrolls sideways; each step is photographed."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from backoffice.extensions import db
from backoffice.models import SmsMessage
from backoffice.pcc.app import create_pcc_app
from tests.browser.conftest import PHONE, SCREENSHOTS
from tests.conftest import TEST_SECRET

pytestmark = pytest.mark.browser


@pytest.fixture
def pcc_server(app, database_url, tmp_path):
    pcc = create_pcc_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                          "SQLALCHEMY_DATABASE_URI": database_url,
                          "SESSION_COOKIE_SECURE": False},
                         instance_path=str(tmp_path / "instance"))
    server = make_server("127.0.0.1", 0, pcc, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield pcc, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    with pcc.app_context():
        db.engine.dispose()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="ko-KR", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def sms_code(pcc) -> str:
    with pcc.app_context():
        text = db.session.scalars(select(SmsMessage.text).order_by(SmsMessage.id.desc())).first()
    return re.search(r"\b(\d{6})\b", text).group(1)


def shot(phone, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / f"pcc-{name}-390.png"), full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{phone.url} is {width} px wide"


def through_identity(phone, base: str, pcc, start: str) -> None:
    step = {"신규발급": "issue", "발급내역 조회": "lookup"}[start]
    phone.goto(base + "/")
    shot(phone, "start")
    phone.get_by_role("link", name=re.compile(start)).click()
    phone.get_by_label(re.compile("성명")).fill("coi zhuna")
    phone.get_by_label(re.compile("외국인등록번호")).fill("900131-6123456")
    shot(phone, f"{step}-real-name")
    phone.get_by_role("button", name=re.compile("실명인증")).click()
    phone.get_by_label(re.compile("통신사")).select_option("SKT")
    phone.get_by_label(re.compile("띄어쓰기 없이")).fill("COIZHUNA")
    phone.get_by_label(re.compile("생년월일")).fill("19900131")
    phone.get_by_label(re.compile("휴대전화번호")).fill("01012345678")
    shot(phone, f"{step}-mobile")
    phone.get_by_role("button", name=re.compile("인증번호 받기")).click()
    countdown = phone.locator(".countdown").inner_text()
    assert re.search(r"남은 시간 .*[0-3]:[0-5]\d", countdown)  # about three minutes left
    phone.get_by_label(re.compile("인증번호")).fill(sms_code(pcc))
    shot(phone, f"{step}-code")
    phone.get_by_role("button", name=re.compile("확인")).click()


def test_a_foreigner_gets_a_code_on_a_phone_and_looks_it_up(pcc_server, phone):
    pcc, base = pcc_server
    through_identity(phone, base, pcc, "신규발급")
    assert "900131-*******" in phone.content()
    phone.get_by_label(re.compile("주소")).fill("35208 대전광역시 서구 청사로 189")
    phone.get_by_label(re.compile("전화번호")).first.fill("010-1234-5678")
    phone.get_by_label(re.compile("행정정보 공동이용")).check()
    shot(phone, "application")
    phone.get_by_role("button", name=re.compile("등록")).click()
    issued = phone.locator(".pcc-code").inner_text()
    code = re.search(r"P\d{12}", issued).group(0)
    assert "COI ZHUNA 님의 개인통관고유부호는" in issued
    shot(phone, "issued")

    through_identity(phone, base, pcc, "발급내역 조회")
    shown = phone.locator("main").inner_text()
    assert code in shown and "900131-*******" in shown and "6123456" not in shown
    assert "(35208) 대전광역시 서구" in shown  # the address to its district (digest §9)
    shot(phone, "look-up")


def test_an_officer_issues_a_code_at_the_counter_on_a_phone(live_server, page, signed_in_as):
    page.set_viewport_size(PHONE)
    signed_in_as("officer")
    page.get_by_role("link", name="개인통관고유부호 창구").click()
    issue = page.locator("form", has=page.locator("[name='issue-name']"))
    issue.get_by_label(re.compile("성명")).fill("GARCIA MARIA")
    issue.get_by_label(re.compile("외국인등록번호")).fill("770707-6567890")
    issue.get_by_label(re.compile("주소")).fill("04524 서울특별시 중구 세종대로 110")
    issue.get_by_label(re.compile("^전화번호")).fill("02-123-4567")
    issue.get_by_label(re.compile("없음")).check()
    issue.get_by_label(re.compile("행정정보 공동이용")).check()
    shot(page, "counter")
    issue.get_by_role("button", name=re.compile("발급")).click()
    assert "부호가 발급되었습니다" in page.content()
    assert re.search(r"P\d{12}", page.locator("dl.facts").inner_text())
    assert "770707-*******" in page.content()
    page.get_by_label(re.compile("열람 사유")).fill("The holder asked to check the number")
    page.get_by_role("button", name=re.compile("전체 번호 보기")).click()
    assert "770707-6567890" in page.locator("dl.facts").inner_text()
    shot(page, "counter-holder")


def test_a_resident_without_a_mobile_uses_a_certificate_on_a_phone(pcc_server, phone):
    _, base = pcc_server
    phone.goto(base + "/")
    phone.get_by_role("link", name=re.compile("신규발급")).click()
    phone.get_by_label(re.compile("성명")).fill("GARCIA MARIA")
    phone.get_by_label(re.compile("외국인등록번호")).fill("770707-6567890")
    phone.get_by_role("button", name=re.compile("실명인증")).click()
    phone.get_by_role("link", name=re.compile("공동·금융인증서")).click()
    phone.get_by_role("textbox", name="인증서 Certificate", exact=True).fill("CERT-GARCIA-MARIA-01")
    phone.get_by_label(re.compile("인증서 비밀번호")).fill("garcia-cert-2026")
    shot(phone, "certificate")
    phone.get_by_role("button", name=re.compile("확인")).click()
    assert "발급신청" in phone.content()
