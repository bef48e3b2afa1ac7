"""The counter of a customs office (FAQ Q2 ①): an officer issues, looks up and puts out of use
a code for a foreigner who shows the card; every view of the whole number is recorded."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import PccCode, PccView
from tests.conftest import Auth
from tests.form_crawler import send, visit
from tests.pcc.test_pcc_pages import COI, issue_coi, words
from workflows.roles import Role

CARD = {"issue-name": "GARCIA MARIA", "issue-registration_number": "770707-6567890",
        "issue-address": "04524 서울특별시 중구 세종대로 110", "issue-telephone": "02-123-4567",
        "issue-mobile_owner": "none", "issue-consents_to_viewing": "y"}


def officer_client(app, make, role=Role.OFFICER):
    office = make.office()
    make.user("counter", role, office=office)
    client = app.test_client()
    assert Auth(client).login("counter").status_code == 302
    return client


def counter_form(page, prefix: str):
    return next(form for form in page.forms
                if any(c.name.startswith(f"{prefix}-") for c in form.controls))


def test_an_officer_issues_a_code_at_the_counter_and_finds_it_again(app, make):
    client = officer_client(app, make)
    page = visit(client, "/counter")
    assert "개인통관고유부호 창구" in page.text
    page = send(client, counter_form(page, "issue"), **CARD)
    assert "부호가 발급되었습니다" in page.text and "770707-*******" in page.text
    with app.app_context():
        code = db.session.scalars(select(PccCode)).one()
        assert code.channel == "counter" and code.issued_by_id is not None
    found = send(client, counter_form(visit(client, "/counter"), "find"),
                 **{"find-registration_number": "7707076567890"})
    assert code.code in found.text and "GARCIA MARIA" in found.text
    assert "6567890" not in found.html


def test_a_number_never_issued_is_offered_the_issue_form(app, make):
    client = officer_client(app, make)
    page = send(client, counter_form(visit(client, "/counter"), "find"),
                **{"find-registration_number": "770707-6567890"})
    assert "발급된 부호가 없습니다" in page.text
    assert counter_form(page, "issue").value("issue-registration_number") == "770707-6567890"


def test_the_whole_number_is_shown_for_a_reason_and_the_view_is_recorded(app, make):
    client = officer_client(app, make)
    page = send(client, counter_form(visit(client, "/counter"), "issue"), **CARD)
    refused = send(client, page.form(action="/number"), **{"view-reason": ""})
    assert refused.status == 422 and "770707-6567890" not in refused.text
    page = send(client, refused.form(action="/number"),
                **{"view-reason": "The holder asked to check the card number"})
    assert "770707-6567890" in page.text
    assert "The holder asked to check the card number" in page.text
    with app.app_context():
        assert db.session.scalars(select(PccView.reason).order_by(PccView.id)).all() == [
            "창구 조회 · counter look-up",  # the holder's page after the issue: details shown
            "The holder asked to check the card number"]


def test_a_code_put_out_of_use_at_the_counter_no_longer_shows_online(app, make, pcc,
                                                                       pcc_app):
    code = issue_coi(pcc, pcc_app)
    client = officer_client(app, make)
    page = send(client, counter_form(visit(client, "/counter"), "find"),
                **{"find-registration_number": COI["registration_number"]})
    page = send(client, page.form(action="/retire"))
    assert "미사용" in words(page)
    send(client, page.form(action="/new"))
    with app.app_context():
        statuses = dict(db.session.execute(select(PccCode.code, PccCode.status)).all())
    assert statuses[code] == "not_in_use" and list(statuses.values()).count("in_use") == 1


def test_a_duty_payer_may_not_use_the_counter(app, make):
    make.user("payer", Role.DUTY_PAYER)
    client = app.test_client()
    Auth(client).login("payer")
    assert client.get("/counter").status_code == 403


def test_the_admin_reads_the_local_sms_outbox(app, make, pcc, pcc_app):
    issue_coi(pcc, pcc_app)
    make.user("admin", Role.ADMIN)
    client = app.test_client()
    Auth(client).login("admin")
    page = visit(client, "/admin/messages")
    assert "01012345678" in page.text and "개인통관고유부호 인증번호" in page.text
    assert "보내지 않고 여기에 30일간 보관합니다" in page.text


def test_every_view_of_a_holders_page_is_recorded(app, make):
    client = officer_client(app, make)
    page = send(client, counter_form(visit(client, "/counter"), "issue"), **CARD)
    visit(client, page.url)
    with app.app_context():
        assert db.session.scalars(select(PccView.reason)).all() == [
            "창구 조회 · counter look-up"] * 2


def test_a_counter_mobile_that_is_no_mobile_is_refused_on_its_field(app, make):
    client = officer_client(app, make)
    page = send(client, counter_form(visit(client, "/counter"), "issue"),
                **{**CARD, "issue-mobile": "abc de fgh ijkl"})
    assert page.status == 422 and "국내 휴대전화번호를 입력하십시오" in page.text
    with app.app_context():
        assert db.session.scalars(select(PccCode)).first() is None
