"""Documents on a case: PDF, JPEG or PNG by their content, within the size limit, recorded in
the history; only those who may see the case may add or read them. (What the content may be
and how much a case holds: test_upload_content.py.)"""

import io

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Attachment, CaseEvent
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD, pdf_document
from workflows.roles import Role

PDF = pdf_document(note="receipts")


@pytest.fixture
def case_ref(make):
    office = make.office("SEOUL")
    make.user("seoul.officer", Role.OFFICER, office=office)
    mine, theirs = make.party("JOHN SMITH"), make.party("JANE DOE")
    make.user("john", Role.DUTY_PAYER, party=mine)
    make.user("jane", Role.DUTY_PAYER, party=theirs)
    return make.case(party=mine, office=office).reference


def _upload(client, reference, content: bytes, name: str, description="receipts"):
    token = csrf_token_from(client.get(f"/cases/{reference}").get_data(as_text=True))
    return client.post(f"/cases/{reference}/attachments", data={
        "csrf_token": token, "description": description,
        "file": (io.BytesIO(content), name)}, content_type="multipart/form-data",
        follow_redirects=True)


def test_a_duty_payer_adds_evidence_to_their_case_and_it_is_in_the_history(client, auth, app,
                                                                          case_ref):
    auth.login("john", PASSWORD)
    page = _upload(client, case_ref, PDF, "영수증 receipts.pdf").get_data(as_text=True)
    assert "영수증 receipts.pdf added" in page
    with app.app_context():
        attachment = db.session.scalars(select(Attachment)).one()
        assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
        event = db.session.scalars(select(CaseEvent).where(
            CaseEvent.trigger == "attach_document")).one()
        assert event.payload["sha256"] == attachment.sha256
        attachment_id = attachment.id
    download = client.get(f"/cases/{case_ref}/attachments/{attachment_id}")
    assert download.data == PDF and download.mimetype == "application/pdf"
    assert "filename*=UTF-8''" in download.headers["Content-Disposition"]


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"MZ\x90\x00 not a document", "invoice.pdf", "only PDF, JPEG and PNG"),
    (b"", "empty.pdf", "choose a file"),
])
def test_files_that_are_not_documents_are_refused(client, auth, app, case_ref, content, name,
                                                  message):
    auth.login("seoul.officer", PASSWORD)
    assert message in _upload(client, case_ref, content, name).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Attachment.id)) is None


def test_a_file_over_the_limit_is_refused(client, auth, app, case_ref):
    app.config["ATTACHMENT_MAX_BYTES"] = 1024
    auth.login("seoul.officer", PASSWORD)
    page = _upload(client, case_ref, pdf_document(pages=8), "big.pdf").get_data(as_text=True)
    assert "larger than" in page


def test_another_party_can_neither_add_nor_read_documents(client, auth, app, case_ref):
    auth.login("john", PASSWORD)
    _upload(client, case_ref, PDF, "mine.pdf")
    auth.logout()
    auth.login("jane", PASSWORD)
    with app.app_context():
        attachment_id = db.session.scalar(select(Attachment.id))
    assert client.get(f"/cases/{case_ref}/attachments/{attachment_id}").status_code == 404
    token = csrf_token_from(client.get("/portal").get_data(as_text=True))
    response = client.post(f"/cases/{case_ref}/attachments", data={
        "csrf_token": token, "file": (io.BytesIO(PDF), "x.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 404


def test_a_submission_over_the_request_limit_says_how_much_may_be_sent(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1048576
    response = client.post("/login", data={"username": "x", "password": "y" * (3 * 1048576)})
    text = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "at most 2 MB in one submission" in text and "Nothing was saved" in text
