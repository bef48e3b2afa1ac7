"""The duty payer's portal: my cases in plain words with what comes next, and an objection
filed online that counts as submitted when transmitted (Art. 129-2(2)).

Forms are sent as the browser sends them: taken from the page as served, filled, submitted
(see tests/form_crawler.py, and tests/backoffice/test_online_filing.py for the whole online
filing)."""

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Attachment, Case
from tests.factories import PASSWORD, pdf_document
from tests.form_crawler import send, visit
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
    page = visit(client, "/cases/new/objection")
    assert "counts as submitted at the moment it is transmitted" in page.text
    form = page.form("filing-form")
    # the filing date is the transmission
    assert "file-filed_on" not in [c.name for c in form.controls]
    with clock.frozen(kst(2026, 12, 1, 23, 50)):
        check = send(client, form, files={"evidence": [(pdf_document(note="gift card"),
                                                         "gift-card.pdf")]},
                     office_id=str(office.id), **FIELDS)
    assert "Check your answers" in check.text and "gift-card.pdf" in check.text
    with app.app_context():
        assert db.session.scalar(select(Case.id)) is None  # not filed until "File now"
    with clock.frozen(kst(2026, 12, 1, 23, 58)):
        receipt = send(client, check.form("file-now-form"))
    text = receipt.text
    assert "Receipt" in text and "2026-12-01 23:58:00 KST" in text
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
    form = visit(client, "/cases/new/objection").form("filing-form")
    refused = send(client, form, files={"evidence": [(b"MZ executable", "setup.exe")]},
                   office_id=str(office.id), **FIELDS)
    assert refused.status == 422
    assert "only PDF, JPEG and PNG" in refused.text and 'href="#evidence"' in refused.html
    with app.app_context():
        assert db.session.scalar(select(Case.id)) is None
