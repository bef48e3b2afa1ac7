"""Online filing as a duty payer's browser does it: every form is taken as the server rendered
it (each input, select and textarea, hidden ones and the selected option included), filled
and sent back. A refused form keeps the office chosen and everything typed, says what is wrong
on the field and at the top; a valid one is shown back ("Check your answers") and filed once,
on "File now", which is the moment of transmission (Art. 129-2(2)); the receipt and its PDF
say what was filed, to the filing party and the office's staff only."""

from __future__ import annotations

import hashlib
import io
import threading
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import Alert, Attachment, Case, Office, Party, User
from backoffice.models.staged_filing import StagedFile, StagedFiling
from backoffice.workflow import open_procedure_case
from tests.conftest import Auth
from tests.factories import PASSWORD, pdf_document, png_image
from tests.form_crawler import Form, Page, send, submit, visit
from tests.notice_helpers import pdf_text, says
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

PDF = pdf_document(note="gift card for personal use")
PNG = png_image(24, 18, "olive")
ANSWERS = {"file-disposition": "Payment notice on a parcel (KRW 184,000)",
           "file-disposition_ref": "SEL-2026-104411", "file-disposition_kind": "assessment",
           "file-notice_received_on": "2026-11-20", "file-reasons": "A gift for personal use."}


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# --- the setting -------------------------------------------------------------------------


@pytest.fixture
def offices(make):
    # Busan comes first in the alphabet: the office a form without a choice would file with.
    busan = make.office("BUSAN", "Busan Main Customs")
    seoul = make.office("SEOUL", "Seoul Main Customs")
    make.user("seoul.supervisor", Role.SUPERVISOR, office=seoul)
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    make.user("busan.supervisor", Role.SUPERVISOR, office=busan)
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    make.user("jane", Role.DUTY_PAYER, party=make.party("JANE DOE"))
    return {"busan": busan, "seoul": seoul}


@pytest.fixture
def john(client, auth, offices):
    auth.login("john", PASSWORD)
    return client


def the_form(client, procedure: str = "objection") -> tuple[Page, Form]:
    page = visit(client, f"/cases/new/{procedure}")
    assert page.status == 200
    return page, page.form("filing-form")


def checked(client, offices, files=None, **changes) -> Page:
    """Fill the form completely with the Seoul office and send it: the check page."""
    _, form = the_form(client)
    page = send(client, form, files=files, office_id=str(offices["seoul"].id),
                **{**ANSWERS, **changes})
    assert page.status == 200 and "/check/" in page.url, page.text[:400]
    return page


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


# --- the form ----------------------------------------------------------------------------


def test_the_office_starts_unchosen_and_a_missing_office_is_a_field_error_not_a_400(
    app, john, offices
):
    page, form = the_form(john)
    assert form.value("office_id") == ""
    assert form.control("office_id").options[0].text == "— 세관을 선택하십시오 —"
    assert "required" in form.control("office_id").attrs
    assert page.duplicate_ids() == []
    # everything but the office
    refused = send(john, form, files={"evidence": [(PDF, "gift-card.pdf")]}, **ANSWERS)
    assert refused.status == 422
    assert 'id="error-summary"' in refused.html
    assert '<a href="#office_id">' in refused.html
    assert "Choose the customs office that took the disposition" in refused.text
    assert 'aria-describedby="office_id-hint office_id-error-1"' in refused.html
    assert refused.duplicate_ids() == []
    again = refused.form("filing-form")
    assert again.value("office_id") == ""  # still not chosen for the payer: no default
    assert {name: again.value(name) for name in ANSWERS} == ANSWERS
    assert "kept: gift-card.pdf" in refused.text
    with app.app_context():
        assert count(Case) == 0


def test_a_refused_filing_keeps_the_office_chosen_and_everything_typed_and_says_why(
    app, john, offices
):
    _, form = the_form(john)
    refused = send(john, form, files={"evidence": [(PDF, "gift-card.pdf"), (PNG, "photo.png")]},
                   office_id=str(offices["seoul"].id), **{**ANSWERS, "file-reasons": ""})
    assert refused.status == 422
    summary = refused.html.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#file-reasons">' in summary and "Reasons of the dissatisfaction" in summary
    assert 'id="file-reasons-error-1"' in refused.html  # and on the field itself
    assert refused.html.index('id="error-summary"') < refused.html.index('id="filing-form"')
    again = refused.form("filing-form")
    assert again.value("office_id") == str(offices["seoul"].id)
    assert {name: again.value(name) for name in ANSWERS if name != "file-reasons"} == \
        {name: value for name, value in ANSWERS.items() if name != "file-reasons"}
    # the files passed their checks: kept on the server, listed, not to be chosen again
    assert "kept: gift-card.pdf" in refused.text and "kept: photo.png" in refused.text
    assert again.value("staged")
    assert refused.duplicate_ids() == []

    # no file chosen this time
    check = send(john, again, **{"file-reasons": "A gift for personal use."})
    assert "/check/" in check.url
    assert sha(PDF) in check.text and sha(PNG) in check.text
    with app.app_context():
        assert count(Case) == 0


def test_a_file_that_is_not_a_document_is_refused_on_the_field_and_not_kept(app, john,
                                                                           offices):
    _, form = the_form(john)
    refused = send(john, form, files={"evidence": [(b"MZ\x90\x00 program", "setup.exe"),
                                                   (PDF, "gift-card.pdf")]},
                   office_id=str(offices["seoul"].id), **ANSWERS)
    assert refused.status == 422
    assert '<a href="#evidence">' in refused.html
    assert "setup.exe: only PDF, JPEG and PNG files are accepted; it was not kept" in \
        refused.text
    assert "kept: gift-card.pdf" in refused.text and "kept: setup.exe" not in refused.text
    assert refused.form("filing-form").value("office_id") == str(offices["seoul"].id)
    with app.app_context():
        assert count(Case) == 0
        assert db.session.scalars(select(StagedFile.filename)).all() == ["gift-card.pdf"]


def test_a_file_over_the_size_limit_is_refused(app, john, offices):
    app.config["ATTACHMENT_MAX_BYTES"] = 1024
    _, form = the_form(john)
    refused = send(john, form, files={"evidence": [(pdf_document(pages=8), "scan.pdf")]},
                   office_id=str(offices["seoul"].id), **ANSWERS)
    assert refused.status == 422
    assert "scan.pdf: the file is larger than" in refused.text


def test_a_disposition_that_cannot_be_appealed_is_refused_before_checking(app, john, offices):
    _, form = the_form(john)
    refused = send(john, form, office_id=str(offices["seoul"].id),
                   **{**ANSWERS, "file-disposition_kind": "notification"})
    assert refused.status == 422 and "/check/" not in refused.url
    assert "this cannot be appealed here" in refused.text and 'id="error-summary"' in \
        refused.html


# --- check your answers, change, file now -----------------------------------------------


def test_check_your_answers_shows_every_answer_the_office_and_each_file_with_its_sha256(
    app, john, offices
):
    page = checked(john, offices, files={"evidence": [(PDF, "gift-card.pdf")]})
    assert "Check your answers" in page.text and "입력 내용을 확인" in page.text
    for label, value in (("The disposition appealed against", ANSWERS["file-disposition"]),
                         ("처분 통지 번호", "SEL-2026-104411"),
                         ("Kind of disposition", "duty assessment or payment notice"),
                         ("Disposition notice received on", "2026-11-20"),
                         ("Reasons of the dissatisfaction", "A gift for personal use."),
                         ("Legal filing date", "the day you press File now"),
                         ("How it was filed", "filed online")):
        assert label in page.text and value in page.text
    assert "Seoul Main Customs (SEOUL 세관)" in page.text
    assert "gift-card.pdf" in page.text and sha(PDF) in page.text
    assert f"{len(PDF)} Bytes" in page.text
    confirm = page.form("file-now-form")
    assert confirm.value("csrf_token") and confirm.value("token") and confirm.value("revision")
    assert page.duplicate_ids() == []
    with app.app_context():
        assert count(Case) == 0  # nothing is filed before "File now"
        staged = db.session.scalars(select(StagedFiling)).one()
        assert staged.user.username == "john" and staged.answers is not None


def test_change_goes_back_to_the_form_with_everything_kept(app, john, offices):
    page = checked(john, offices, files={"evidence": [(PDF, "gift-card.pdf")]})
    stale_confirm = page.form("file-now-form")
    change = visit(john, page.link("change-answers"))
    form = change.form("filing-form")
    assert form.value("office_id") == str(offices["seoul"].id)
    assert {name: form.value(name) for name in ANSWERS} == ANSWERS
    assert "kept: gift-card.pdf" in change.text

    again = send(john, form, files={"evidence": [(PNG, "photo.png")]},
                 remove_file=form.control("remove_file").value,
                 **{"file-disposition_ref": "SEL-2026-104412"})
    assert "SEL-2026-104412" in again.text and "SEL-2026-104411" not in again.text
    assert sha(PNG) in again.text and sha(PDF) not in again.text

    # the page shown before the change no longer files: it is not what was checked
    stale = send(john, stale_confirm)
    assert "/check/" in stale.url and "Your answers changed" in stale.text
    with app.app_context():
        assert count(Case) == 0
    filed = send(john, again.form("file-now-form"))
    assert "/receipt" in filed.url
    with app.app_context():
        case = db.session.scalars(select(Case)).one()
        assert case.data["disposition_ref"] == "SEL-2026-104412"
        assert db.session.scalars(select(Attachment.filename)).all() == ["photo.png"]


def test_file_now_files_once_however_often_it_is_pressed(app, john, offices):
    page = checked(john, offices, files={"evidence": [(PDF, "gift-card.pdf")]})
    confirm = page.form("file-now-form")
    first = submit(john, confirm)
    second = submit(john, confirm)
    assert first.status_code == second.status_code == 303
    assert first.location == second.location and first.location.endswith("/receipt")
    with app.app_context():
        assert count(Case) == 1 and count(Attachment) == 1
        assert count(StagedFiling) == 0 and count(StagedFile) == 0  # deleted when filed


def test_two_file_now_requests_at_the_same_moment_file_one_case(app, client, offices):
    auth = Auth(client)
    auth.login("john", PASSWORD)
    page = checked(client, offices, files={"evidence": [(PDF, "gift-card.pdf")]})
    confirm = page.form("file-now-form")
    clients = [app.test_client() for _ in range(2)]
    for other in clients:
        other.set_cookie("session", client.get_cookie("session").value)
    start, results = threading.Barrier(2), []

    def press(other):
        start.wait()
        results.append(submit(other, confirm))

    threads = [threading.Thread(target=press, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert [r.status_code for r in results] == [303, 303]
    assert {r.location for r in results} == {results[0].location}
    with app.app_context():
        assert count(Case) == 1 and count(Attachment) == 1 and count(StagedFiling) == 0


def test_the_filing_date_is_the_moment_of_file_now_not_of_the_check(app, john, offices):
    with clock.frozen(kst(2026, 12, 1, 23, 50)):
        page = checked(john, offices)
    with clock.frozen(kst(2026, 12, 2, 0, 5, 30)):
        receipt = send(john, page.form("file-now-form"))
    assert "2026-12-02 00:05:30 KST" in receipt.text
    with app.app_context():
        case = db.session.scalars(select(Case)).one()
        assert case.data["filed_on"] == "2026-12-02" and case.data["filing_rule"] == "online"


def test_a_staged_filing_belongs_to_its_user_and_expires_after_an_hour(app, john, offices):
    with clock.frozen(kst(2026, 12, 1, 10)):
        page = checked(john, offices, files={"evidence": [(PDF, "gift-card.pdf")]})
    confirm, check_url = page.form("file-now-form"), page.url
    jane = app.test_client()
    Auth(jane).login("jane", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 10, 5)):
        assert jane.get(check_url).status_code == 410  # john's check page is not hers
        assert "kept for an hour" in jane.get(check_url).get_data(as_text=True)
        own = checked(jane, offices).form("file-now-form")
        # her own form, john's staged filing
        assert send(jane, own, token=confirm.value("token"),
                    revision=confirm.value("revision")).status == 410
    with app.app_context():
        assert count(Case) == 0 and count(StagedFiling) == 2
    with clock.frozen(kst(2026, 12, 1, 11, 1)):
        late = send(john, confirm)
    assert late.status == 410 and "expired" in late.text and "nothing was filed" in late.text
    assert urlsplit(late.form("filing-form").action).path == "/cases/new/objection"
    with app.app_context():
        assert count(Case) == 0


def test_a_request_for_examination_is_filed_online_the_same_way(app, john, offices):
    page, form = the_form(john, "examination")
    assert "File a request for examination" in page.text
    answers = {k: v for k, v in ANSWERS.items() if k != "file-notice_received_on"}
    filled = {**answers, "file-route": "direct", "file-period_starts_on": "2026-11-20"}
    with clock.frozen(kst(2026, 12, 1, 9)):
        check = send(john, form, files={"evidence": [(PNG, "photo.png")]},
                     office_id=str(offices["busan"].id), **filled)
        assert "/cases/new/examination/check/" in check.url
        assert "within 90 days of receiving the disposition notice" in check.text
        assert "Busan Main Customs" in check.text and sha(PNG) in check.text
        receipt = send(john, check.form("file-now-form"))
    assert receipt.url.endswith("/receipt") and "Filing period that applies" in receipt.text
    with app.app_context():
        case = db.session.scalars(select(Case)).one()
        assert case.procedure == "examination" and case.office.code == "BUSAN"
        assert [a.user.username for a in db.session.scalars(select(Alert))] == \
            ["busan.supervisor"]


def test_the_form_sent_again_after_filing_says_its_files_were_filed(app, john, offices):
    _, form = the_form(john)
    refused = send(john, form, files={"evidence": [(PDF, "gift-card.pdf")]},
                   office_id=str(offices["seoul"].id), **{**ANSWERS, "file-reasons": ""})
    stale_form = refused.form("filing-form")  # the page the back button would show
    reasons = {"file-reasons": "A gift for personal use."}
    filed = send(john, send(john, stale_form, **reasons).form("file-now-form"))
    reference = filed.url.split("/")[2]
    again = send(john, stale_form, **reasons)
    assert again.status == 422
    assert f"The files chosen before were filed with {reference}" in again.text
    with app.app_context():
        assert count(Case) == 1


def test_a_filing_the_engine_refuses_at_file_now_comes_back_with_everything_kept(
    app, john, make, offices
):
    _, form = the_form(john, "examination")
    answers = {k: v for k, v in ANSWERS.items() if k != "file-notice_received_on"}
    check = send(john, form, files={"evidence": [(PDF, "gift-card.pdf")]},
                 office_id=str(offices["seoul"].id),
                 **{**answers, "file-route": "direct", "file-period_starts_on": "2026-11-20"})
    with app.app_context():  # meanwhile an adjudication is filed against the same disposition
        party = db.session.scalars(select(User).where(User.username == "john")).one().party
        other = make.case(party=party, office=offices["seoul"], procedure="adjudication")
        other = db.session.get(Case, other.id)
        other.data = {"disposition_ref": ANSWERS["file-disposition_ref"]}
        db.session.commit()
    refused = send(john, check.form("file-now-form"))
    assert refused.status == 422
    assert 'id="error-summary"' in refused.html and "already pursued" in refused.text
    again = refused.form("filing-form")
    assert again.value("office_id") == str(offices["seoul"].id)
    assert {name: again.value(name) for name in answers} == answers
    assert "kept: gift-card.pdf" in refused.text  # the staged filing is back
    assert urlsplit(again.action).path == "/cases/new/examination"
    assert send(john, again).status == 422  # still refused, from the form
    with app.app_context():
        assert [c.procedure for c in db.session.scalars(select(Case))] == ["adjudication"]
        assert count(StagedFile) == 1


# --- the receipt -------------------------------------------------------------------------


@pytest.fixture
def filed(app, john, offices):
    with clock.frozen(kst(2026, 12, 1, 23, 58, 7)):
        page = checked(john, offices, files={"evidence": [(PDF, "gift-card.pdf"),
                                                          (PNG, "photo.png")]})
        receipt = send(john, page.form("file-now-form"))
    assert receipt.status == 200 and receipt.url.endswith("/receipt")
    with app.app_context():
        return db.session.scalars(select(Case.reference)).one()


def test_the_receipt_lists_every_answer_and_each_file_with_its_sha256(john, filed):
    with clock.frozen(kst(2026, 12, 2, 9)):
        receipt = visit(john, f"/cases/{filed}/receipt")
    text = receipt.text
    assert filed in text and "2026-12-01 23:58:07 KST" in text
    assert "Counts as filed on" in text and "2026-12-01 (Art. 129-2(2): when transmitted)" in text
    assert "Seoul Main Customs" in text
    for value in ANSWERS.values():
        if value != "assessment":
            assert value in text
    assert "duty assessment or payment notice" in text and "filed online" in text
    assert "gift-card.pdf" in text and sha(PDF) in text and "photo.png" in text \
        and sha(PNG) in text
    # the written opinion within 7 days (Art. 132(5)), the decision within 30 (132(4) → 128(2))
    assert "2026-12-08" in text and "2026-12-31" in text
    assert f"/cases/{filed}/receipt.pdf" in receipt.html
    assert receipt.duplicate_ids() == []


def test_the_receipt_pdf_says_the_reference_the_transmission_time_and_each_files_sha256(
    john, filed
):
    response = john.get(f"/cases/{filed}/receipt.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    text = pdf_text(response.data)
    says(text, "접수증", "Receipt", filed, "2026-12-01 23:58:07 KST", "2026년 12월 1일",
         "SEOUL 세관", sha(PDF), sha(PNG), "gift-card.pdf",
         "A gift for personal use.", "2026-12-31")
    assert sha(PDF) in text  # on one line, as printed: it can be read back and compared
    fonts = {font["/BaseFont"].split("+")[-1] for p in PdfReader(io.BytesIO(response.data)).pages
             for font in p["/Resources"]["/Font"].values()}
    assert fonts and all(f.startswith("NanumGothic") for f in fonts), fonts  # Hangul embedded


def test_the_office_supervisors_are_alerted_of_the_new_filing(app, filed):
    with app.app_context():
        alerts = db.session.scalars(select(Alert)).all()
        assert [(a.user.username, a.kind, a.key) for a in alerts] == \
            [("seoul.supervisor", "new_filing", filed)]
        assert filed in alerts[0].message and "JOHN SMITH" in alerts[0].message
        assert alerts[0].deadline_id is None


def test_the_receipt_and_its_pdf_are_for_the_filing_party_and_the_offices_staff(
    client, auth, filed
):
    auth.logout()
    for username, status in (("jane", 404), ("busan.supervisor", 404),
                             ("seoul.officer", 200), ("seoul.supervisor", 200)):
        auth.login(username, PASSWORD)
        assert client.get(f"/cases/{filed}/receipt").status_code == status, username
        assert client.get(f"/cases/{filed}/receipt.pdf").status_code == status, username
        auth.logout()


def test_a_case_the_office_opened_of_its_own_motion_has_no_receipt(app, client, auth, make):
    office = make.office("BUSAN", "Busan Main Customs")
    officer = make.user("busan.officer", Role.OFFICER, office=office)
    party = make.party("NGUYEN VAN AN")
    with app.app_context(), clock.frozen(kst(2026, 12, 1, 10)):
        review = open_procedure_case(
            "pre_assessment_review", party=db.session.get(Party, party.id),
            office=db.session.get(Office, office.id), actor=db.session.get(User, officer.id),
            values={"shortage": 1_240_000, "grounds": "Undervalued invoice."})
        db.session.commit()
        reference = review.reference
    auth.login("busan.officer", PASSWORD)
    assert client.get(f"/cases/{reference}/receipt").status_code == 404
    assert client.get(f"/cases/{reference}/receipt.pdf").status_code == 404
    assert 'id="receipt-link"' not in client.get(f"/cases/{reference}").get_data(as_text=True)
