"""The duty payer's portal: my cases in plain words with what comes next, and an objection
filed online that counts as submitted when transmitted (Art. 129-2(2))."""

import io

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Attachment, Case
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

FIELDS = {"file-disposition": "Payment notice on a parcel (KRW 184,000)",
          "file-disposition_ref": "SEL-2026-104411", "file-disposition_kind": "assessment",
          "file-notice_received_on": "2026-11-20", "file-reasons": "A gift for personal use."}


def test_a_duty_payer_files_an_objection_online_and_gets_a_receipt_with_its_deadlines(
    client, auth, app, make
):
    office = make.office("SEOUL")
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    auth.login("john", PASSWORD)
    portal = client.get("/portal").get_data(as_text=True)
    assert "File an objection" in portal
    form = client.get("/cases/new/objection").get_data(as_text=True)
    assert "counts as submitted at the moment it is transmitted" in form
    assert 'name="file-filed_on"' not in form  # the filing date is the transmission
    with clock.frozen(kst(2026, 12, 1, 23, 58)):
        response = client.post("/cases/new/objection", data={
            "csrf_token": csrf_token_from(form), "office_id": office.id, **FIELDS,
            "evidence": [(io.BytesIO(b"%PDF-1.7 gift card"), "gift-card.pdf")]},
            content_type="multipart/form-data", follow_redirects=True)
    text = response.get_data(as_text=True)
    assert "Receipt" in text and "2026-12-01 23:58 KST" in text
    assert "2026-12-01 (Art. 129-2(2): when transmitted)" in text
    # the written opinion within 7 days (Art. 132(5)), the decision within 30 (132(4) → 128(2))
    assert "2026-12-08" in text and "2026-12-31" in text
    with app.app_context():
        case = db.session.scalars(select(Case)).one()
        assert case.data["filing_rule"] == "online" and case.data["filed_in_time"] is True
        assert db.session.scalars(select(Attachment.filename)).all() == ["gift-card.pdf"]
    with clock.frozen(kst(2026, 12, 2, 9)):
        portal = client.get("/portal").get_data(as_text=True)
    assert case.reference in portal and "Objection filed" in portal and "2026-12-31" in portal


def test_a_duty_payer_cannot_open_office_procedures(client, auth, make):
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    auth.login("john", PASSWORD)
    assert client.get("/cases/new/pre_assessment_review").status_code == 404
    assert client.get("/worklist").status_code == 403


def test_a_filing_with_a_file_that_is_not_a_document_is_not_filed_at_all(client, auth, app,
                                                                         make):
    office = make.office("SEOUL")
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    auth.login("john", PASSWORD)
    form = client.get("/cases/new/objection").get_data(as_text=True)
    response = client.post("/cases/new/objection", data={
        "csrf_token": csrf_token_from(form), "office_id": office.id, **FIELDS,
        "evidence": [(io.BytesIO(b"MZ executable"), "setup.exe")]},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "only PDF, JPEG and PNG" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Case.id)) is None
