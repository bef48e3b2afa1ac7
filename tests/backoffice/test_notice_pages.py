"""Notices on the web: downloads by who may see the case, service and correction forms,
previews before issue, and the public verification page that shows no personal data."""

import hashlib

import pytest
from sqlalchemy import select, text

from backoffice.extensions import db
from backoffice.models import Case, Notice, Office, Party, User
from backoffice.notices.issue import render_unrendered
from backoffice.workflow import fire, open_procedure_case
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

FILING = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301",
          "disposition_kind": "assessment", "notice_received_on": "2026-10-20",
          "filed_on": "2026-11-02", "filing_rule": "online", "reasons": "Personal effects."}


def _decided_objection(party, office, officer) -> tuple[str, str]:
    with clock.frozen(kst(2026, 11, 2, 10)):
        case = open_procedure_case("objection", party=party, office=office, actor=officer,
                                   values=FILING)
        fire(case, "refer_to_committee", actor=officer)
    with clock.frozen(kst(2026, 12, 1, 10)):
        fire(case, "decide_reject", actor=officer, values={"reasons": "Classified correctly."})
        render_unrendered(case)
    db.session.commit()
    notice = db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()
    return case.reference, notice.number


@pytest.fixture
def site(app, make):
    seoul, busan = make.office("SEOUL"), make.office("BUSAN", "Busan Main Customs")
    mine, theirs = make.party("JOHN SMITH"), make.party("JANE DOE")
    make.user("john", Role.DUTY_PAYER, party=mine)
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    make.user("busan.officer", Role.OFFICER, office=busan)
    with app.app_context():
        office = db.session.get(Office, seoul.id)
        actor = db.session.scalar(select(User).where(User.username == "seoul.officer"))
        my_case, my_notice = _decided_objection(db.session.get(Party, mine.id), office, actor)
        their_case, their_notice = _decided_objection(db.session.get(Party, theirs.id), office,
                                                      actor)
        code = db.session.scalar(select(Notice.verification_code)
                                 .where(Notice.number == my_notice))
    return {"my_case": my_case, "my_notice": my_notice, "their_notice": their_notice,
            "their_case": their_case, "code": code}


def test_officer_downloads_the_stored_pdf_of_a_notice_of_their_office(client, auth, site):
    auth.login("seoul.officer", PASSWORD)
    response = client.get(f"/notices/{site['my_notice']}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"  # personal data (backoffice.headers)
    body = response.get_data()
    assert hashlib.sha256(body).hexdigest() == response.headers["X-Content-SHA256"]
    says(pdf_text(body), "이의신청 결정서", site["my_notice"], "Classified correctly.")


def test_duty_payer_downloads_only_the_notices_of_their_own_cases(client, auth, site):
    auth.login("john", PASSWORD)
    assert client.get(f"/notices/{site['my_notice']}.pdf").status_code == 200
    other = client.get(f"/notices/{site['their_notice']}.pdf")
    assert other.status_code == 404
    assert site["their_notice"] not in other.get_data(as_text=True)
    portal = client.get("/portal").get_data(as_text=True)
    assert site["my_notice"] in portal and site["their_notice"] not in portal
    assert "<title>나의 사건" in portal and portal.count('id="notices-heading"') == 1


def test_an_officer_of_another_office_cannot_download(client, auth, site):
    auth.login("busan.officer", PASSWORD)
    assert client.get(f"/notices/{site['my_notice']}.pdf").status_code == 404


def test_downloads_need_a_sign_in(client, site):
    response = client.get(f"/notices/{site['my_notice']}.pdf")
    assert response.status_code == 302 and "/login" in response.location


def test_verification_page_confirms_a_notice_without_personal_data(client, site):
    typed = site["code"].replace("-", " ").lower()
    response = client.get("/verify", query_string={"number": site["my_notice"], "code": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Valid." in page and site["my_notice"] in page
    for personal in ("JOHN SMITH", site["my_case"], "Classified correctly", "Payment notice"):
        assert personal not in page


def test_verification_page_says_unknown_for_a_wrong_code_or_number(client, site):
    wrong = client.get("/verify", query_string={"number": site["my_notice"],
                                                "code": "0000-0000-0000"})
    assert wrong.status_code == 404 and "Unknown." in wrong.get_data(as_text=True)
    missing = client.get("/verify", query_string={"number": "SEOUL-2026-999999",
                                                  "code": site["code"]})
    assert missing.status_code == 404


def _case_page_token(client, reference: str) -> str:
    return csrf_token_from(client.get(f"/cases/{reference}").get_data(as_text=True))


@pytest.fixture
def publicly_served(monkeypatch):
    """The decision as a document the Act lets be served publicly (a duty payment notice is,
    Art. 11(2)): the page's public-notice form, on a real case."""
    from dataclasses import replace

    from workflows.notices import kinds

    decision = kinds.KINDS["objection_decision"]
    monkeypatch.setitem(kinds.KINDS, "objection_decision",
                        replace(decision, public_notice="Art. 11(2)"))


def test_the_page_offers_no_public_notice_for_a_document_the_act_does_not_allow(client, auth,
                                                                               site):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{site['my_case']}").get_data(as_text=True)
    assert "Record service of" in page
    assert "Public notice (Art. 11(2)-(3))" not in page
    assert 'value="public_notice"' not in page


def test_case_page_shows_an_unserved_notice_and_records_its_public_notice(client, auth, site,
                                                                        app, publicly_served):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{site['my_case']}").get_data(as_text=True)
    assert "not yet served" in page
    with clock.frozen(kst(2026, 12, 8, 9)):
        response = client.post(f"/notices/{site['my_notice']}/service", data={
            "csrf_token": _case_page_token(client, site["my_case"]),
            "method": "public_notice", "published_on": "2026-12-07", "ground": "abroad",
            "channels": ["unipass", "gazette"]}, follow_redirects=True)
        page = response.get_data(as_text=True)
    assert "deemed served on 2026-12-22" in page
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == site["my_case"]))
        assert case.data["decision_served_on"] == "2026-12-22"


def test_an_invalid_service_is_explained_and_changes_nothing(client, auth, site, app,
                                                            publicly_served):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(kst(2026, 12, 8, 9)):
        response = client.post(f"/notices/{site['my_notice']}/service", data={
            "csrf_token": _case_page_token(client, site["my_case"]),
            "method": "public_notice", "published_on": "2026-12-07", "ground": "abroad",
            "channels": ["unipass"]}, follow_redirects=True)
    assert "must be combined with another channel" in response.get_data(as_text=True)
    with app.app_context():
        notice = db.session.scalar(select(Notice).where(Notice.number == site["my_notice"]))
        assert notice.served_on is None


def test_recording_service_without_the_csrf_token_is_refused(client, auth, site):
    auth.login("seoul.officer", PASSWORD)
    response = client.post(f"/notices/{site['my_notice']}/service",
                           data={"method": "mail", "served_on": "2026-12-02"})
    assert response.status_code == 400


def test_a_duty_payer_cannot_record_service_or_correct(client, auth, site):
    auth.login("john", PASSWORD)
    token = _case_page_token(client, site["my_case"])
    for action in ("service", "correct"):
        response = client.post(f"/notices/{site['my_notice']}/{action}",
                               data={"csrf_token": token, "method": "mail",
                                     "served_on": "2026-12-02", "reason": "x"})
        assert response.status_code == 403


def test_a_correction_replaces_the_notice_and_the_verification_page_says_so(client, auth,
                                                                            site):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(kst(2026, 12, 2, 9)):
        client.post(f"/notices/{site['my_notice']}/correct", data={
            "csrf_token": _case_page_token(client, site["my_case"]),
            "reason": "Wrong address."})
    page = client.get(f"/cases/{site['my_case']}").get_data(as_text=True)
    assert "replaced" in page and f"corrects {site['my_notice']}" in page
    auth.logout()
    response = client.get("/verify", query_string={"number": site["my_notice"],
                                                   "code": site["code"]})
    assert "Replaced." in response.get_data(as_text=True)


def test_preview_shows_the_notice_a_decision_would_issue_and_issues_nothing(client, auth, app,
                                                                          make):
    office = make.office("SEOUL")
    officer = make.user("seoul.officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    with app.app_context():
        actor = db.session.get(User, officer.id)
        with clock.frozen(kst(2026, 11, 2, 10)):
            case = open_procedure_case("objection", party=db.session.get(Party, party.id),
                                       office=db.session.get(Office, office.id), actor=actor,
                                       values=FILING)
            fire(case, "refer_to_committee", actor=actor)
        db.session.commit()
        reference = case.reference
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{reference}").get_data(as_text=True)
    assert "Preview the notice (PDF, not issued)" in page
    response = client.post(f"/cases/{reference}/notices/preview", data={
        "csrf_token": csrf_token_from(page), "trigger": "decide_reject",
        "kind": "objection_decision", "decide_reject-reasons": "Draft reasons for review."})
    assert response.mimetype == "application/pdf"
    says(pdf_text(response.get_data()), "미리보기 PREVIEW", "이의신청 결정서",
         "Draft reasons for review.", "Preview — this document has not been issued.")
    with app.app_context():
        assert db.session.scalar(select(Notice.id)) is None
        assert db.session.scalar(text("SELECT count(*) FROM counters "
                                      "WHERE name LIKE 'notice:%'")) == 0


def test_a_pdf_altered_in_the_store_is_not_served(client, auth, site, app):
    with app.app_context():
        if db.engine.dialect.name == "sqlite":  # someone with the database file bypasses the app
            db.session.execute(text("DROP TRIGGER notice_documents_no_update"))
        else:
            db.session.execute(text("ALTER TABLE notice_documents "
                                    "DISABLE TRIGGER notice_documents_immutable"))
        db.session.execute(text("UPDATE notice_documents SET content = :forged"),
                           {"forged": b"%PDF-1.7 forged"})
        db.session.commit()
    auth.login("seoul.officer", PASSWORD)
    assert client.get(f"/notices/{site['my_notice']}.pdf").status_code == 500
    with app.app_context():
        if db.engine.dialect.name != "sqlite":  # the schema outlives the test on PostgreSQL
            db.session.execute(text("ALTER TABLE notice_documents "
                                    "ENABLE TRIGGER notice_documents_immutable"))
            db.session.commit()


def test_supervisor_dashboard_lists_unserved_notices(client, auth, site, make):
    make.user("seoul.supervisor", Role.SUPERVISOR, office=make.office("SEOUL"))
    auth.login("seoul.supervisor", PASSWORD)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "<title>감독자 현황" in page and page.count('id="unserved-heading"') == 1
    assert site["my_notice"] in page and site["their_notice"] in page


def test_the_preview_of_a_revision_order_states_the_revision_deadline_it_would_open(
    client, auth, app, make
):
    office = make.office("SEOUL")
    officer = make.user("seoul.officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    with app.app_context(), clock.frozen(kst(2026, 11, 3, 10)):
        case = open_procedure_case("objection", party=db.session.get(Party, party.id),
                                   office=db.session.get(Office, office.id),
                                   actor=db.session.get(User, officer.id), values=FILING)
        db.session.commit()
        reference = case.reference
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(kst(2026, 11, 4, 10)):
        page = client.get(f"/cases/{reference}").get_data(as_text=True)
        response = client.post(f"/cases/{reference}/notices/preview", data={
            "csrf_token": csrf_token_from(page), "trigger": "order_revision",
            "kind": "revision_order", "revision_days": "10", "matters": "Attach the notice."})
    # 4 Nov + 10 days = Sat 14 Nov → Mon 16 Nov (Art. 8(3))
    says(pdf_text(response.get_data()), "보정요구서", "2026년 11월 16일", "16 November 2026",
         "Attach the notice.")
