"""An appeal against an AEO disposition, filed by the company from the notice on its case
page, every form as the server renders it.

The Act gives the AEO dispositions to the Commissioner of the Korea Customs Service
(Arts. 255-2(1), 255-3(3), 255-5): against a disposition the Commissioner decided no objection
lies, only a request for examination (through the customs office, Art. 122(1)) or adjudication,
within 90 days of receiving the notice (Arts. 119(2), 121(1)). The refusal below is served on
Monday 9 November 2026; the 90 days, counted from the next day (Art. 8; Civil Act Art. 157:
21 days in November, 31, 31, then 7 in February), end on Sunday 7 February 2027, which is
Seollal; the holiday runs 6 to 8 February with the substitute day on Tuesday 9 February, so the
last day rolls to Wednesday 10 February (Art. 8(3)).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Notice, User
from backoffice.workflow import open_procedure_case
from tests.factories import PASSWORD
from tests.form_crawler import send, visit
from tests.procedure_helpers import act, kst
from workflows import clock
from workflows.roles import Role


@pytest.fixture
def refused(app, make) -> dict:
    return refuse(app, make)


def refuse(app, make) -> dict:
    """Hanbit's certification audit, refused on 6 November 2026; the refusal notice issued."""
    office = make.office()
    make.user("officer", Role.OFFICER, office=office)
    make.user("company", Role.DUTY_PAYER, party=make.party("HANBIT TRADING", company=True))
    make.user("other", Role.DUTY_PAYER, party=make.party("JANE DOE"))
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        company = db.session.scalar(select(User).where(User.username == "company"))
        with clock.frozen(kst(2026, 10, 5, 10)):
            case = open_procedure_case(
                "aeo_certification", party=company.party, office=officer.office, actor=company,
                assigned_officer=officer, values={"business_type": "importer"},
                trigger="request_audit")
            db.session.commit()
        act(case, "start_audit", officer, kst(2026, 10, 6, 10))
        act(case, "refuse", officer, kst(2026, 11, 6, 10),
            reasons="Internal control below the minimum")
        notice = db.session.scalars(select(Notice).where(Notice.case_id == case.id)).one()
        return {"reference": case.reference, "notice": notice.number,
                "office_id": str(officer.office_id)}


def test_the_company_requests_examination_of_the_refusal_from_its_notice(
        app, client, auth, refused):
    reference, number = refused["reference"], refused["notice"]
    auth.login("officer", PASSWORD)
    with clock.frozen(kst(2026, 11, 9, 15)):
        page = visit(client, f"/cases/{reference}")
        send(client, page.form(action=f"/notices/{number}/service"), method="in_person",
             served_on="2026-11-09")
    auth.logout()

    auth.login("company", PASSWORD)
    with clock.frozen(kst(2026, 11, 20, 10)):
        page = visit(client, f"/cases/{reference}")
        assert f"appeal-objection-{number}" not in page.links  # Art. 119(2)
        form_page = visit(client, page.link(f"appeal-examination-{number}"))
        form = form_page.form("filing-form")
        sent = form.data()
        assert sent["file-disposition_ref"] == [number]
        assert reference in sent["file-disposition"][0]
        assert sent["file-route"] == ["direct"]
        assert sent["file-period_starts_on"] == ["2026-11-09"]  # the day it was served
        assert sent["office_id"] == [refused["office_id"]]
        check = send(client, form, **{"file-reasons": "The internal control was misread."})
        assert "/check/" in check.url, check.text[:400]
        receipt = send(client, check.form("file-now-form"))
    assert receipt.status == 200

    with app.app_context():
        appeal = db.session.scalars(select(Case).where(Case.procedure == "examination")).one()
        assert appeal.data["filing_period_ends"] == "2027-02-10"
        assert appeal.data["filed_in_time"] is True
        appeal_reference = appeal.reference
    appeal_page = visit(client, f"/cases/{appeal_reference}")
    assert number in appeal_page.text and reference in appeal_page.text
    assert f"/cases/{reference}#notices" in appeal_page.html
    aeo_page = visit(client, f"/cases/{reference}")
    assert appeal_reference in aeo_page.text
    assert f"appeal-examination-{number}" not in aeo_page.links  # filed: no second link


def test_only_the_recipient_gets_the_form_filled_from_the_notice(app, client, auth, refused):
    auth.login("other", PASSWORD)
    form = visit(client, f"/cases/new/examination?against={refused['notice']}"
                 ).form("filing-form")
    assert form.data().get("file-disposition_ref") in (None, [""])
    assert refused["reference"] not in str(form.data().get("file-disposition"))
    auth.logout()
    auth.login("company", PASSWORD)
    objection = visit(client, f"/cases/new/objection?against={refused['notice']}"
                      ).form("filing-form")  # not a remedy of this notice (Art. 119(2))
    assert objection.data().get("file-disposition_ref") in (None, [""])
    too_long = visit(client, "/cases/new/examination?against=" + "9" * 5000)
    assert too_long.status == 200


def test_the_officer_sees_which_appeal_was_filed_against_the_notice(app, client, auth, refused):
    with app.app_context():
        company = db.session.scalar(select(User).where(User.username == "company"))
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        with clock.frozen(kst(2026, 11, 20, 10)):
            appeal = open_procedure_case(
                "examination", party=company.party, office=officer.office, actor=company,
                values={"disposition": "공인 거부", "disposition_ref": refused["notice"],
                        "disposition_kind": "other", "route": "direct",
                        "period_starts_on": "2026-11-09", "filed_on": "2026-11-20",
                        "filing_rule": "online", "reasons": "misread"})
            db.session.commit()
        appeal_reference = appeal.reference
    auth.login("officer", PASSWORD)
    page = visit(client, f"/cases/{refused['reference']}")
    row = page.html[page.html.index('class="detail-row appeal-row"'):]
    assert appeal_reference in row.split("</tr>")[0]


def test_where_the_power_is_delegated_the_objection_is_offered_too(app, client, auth, make):
    """A delegation to the head of a customs office (AEO_DISPOSING_AUTHORITY) makes the
    refusal the office's: the objection of Art. 132 is open (119(2) no longer bars it)."""
    app.config["AEO_DISPOSING_AUTHORITY"] = "customs_office"
    refused = refuse(app, make)
    number = refused["notice"]
    auth.login("company", PASSWORD)
    page = visit(client, f"/cases/{refused['reference']}")
    assert {f"appeal-objection-{number}", f"appeal-examination-{number}"} <= set(page.links)
    form = visit(client, page.link(f"appeal-objection-{number}")).form("filing-form")
    assert form.data()["file-disposition_ref"] == [number]
    assert form.data().get("file-notice_received_on") in (None, [""])  # not served yet
