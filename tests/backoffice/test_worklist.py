"""The worklist: the office's cases, nearest deadline first, filtered, paged, assigned; and a
new case opened from it."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Office, Party, User
from backoffice.workflow import open_procedure_case
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role


@pytest.fixture
def office_cases(app, make):
    seoul, busan = make.office("SEOUL"), make.office("BUSAN", "Busan Main Customs")
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    make.user("seoul.chief", Role.SUPERVISOR, office=seoul)
    make.user("busan.officer", Role.OFFICER, office=busan)
    company = make.party("HANBIT TRADING", company=True)
    person = make.party("JOHN SMITH")
    refs = {}
    with app.app_context(), clock.frozen(kst(2026, 12, 1, 9)):
        actor = db.session.scalar(select(User).where(User.username == "seoul.officer"))
        # An objection filed Mon 16 Nov: its written opinion was due Mon 23 Nov (7 days,
        # Art. 132(5)) and is 8 days late on 1 Dec. (A permission whose period has passed is
        # deemed granted, never "overdue".)
        late = open_procedure_case(
            "objection", party=db.session.get(Party, company.id),
            office=db.session.get(Office, seoul.id), actor=actor,
            values={"disposition_ref": "SEL-1", "disposition": "Payment notice",
                    "disposition_kind": "assessment", "notice_received_on": "2026-11-16",
                    "filed_on": "2026-11-16", "filing_rule": "at_office", "reasons": "r"})
        refs["late"] = late.reference
        for name, received, party in (("soon", date(2026, 11, 27), person),
                                      ("later", date(2026, 11, 30), company)):
            case = open_procedure_case(
                "deemed_permission", party=db.session.get(Party, party.id),
                office=db.session.get(Office, seoul.id), actor=actor,
                values={"permission_kind": "161", "received_on": received.isoformat(),
                        "application": name})
            refs[name] = case.reference
        busan_case = open_procedure_case(
            "deemed_permission", party=db.session.get(Party, person.id),
            office=db.session.get(Office, busan.id),
            actor=db.session.scalar(select(User).where(User.username == "busan.officer")),
            values={"permission_kind": "161", "received_on": "2026-11-20", "application": "b"})
        refs["busan"] = busan_case.reference
        db.session.commit()
    return refs


def _rows(page: str, refs: dict) -> list[str]:
    positions = {name: page.find(ref) for name, ref in refs.items() if page.find(ref) >= 0}
    return [name for name, _ in sorted(positions.items(), key=lambda item: item[1])]


def test_the_worklist_shows_the_offices_cases_nearest_deadline_first(client, auth,
                                                                     office_cases):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 9)):
        page = client.get("/worklist").get_data(as_text=True)
    assert _rows(page, office_cases) == ["late", "soon", "later"]
    assert "busan" not in _rows(page, office_cases)
    assert 'class="overdue"' in page and "8일 지연" in page and "within 7 days" in page


def test_filters_narrow_the_worklist(client, auth, office_cases):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(kst(2026, 12, 1, 9)):
        by_party = client.get("/worklist?party=hanbit").get_data(as_text=True)
        overdue = client.get("/worklist?due=overdue").get_data(as_text=True)
        by_ref = client.get(f"/worklist?reference={office_cases['soon']}").get_data(as_text=True)
        nothing = client.get("/worklist?procedure=pre_assessment_review").get_data(as_text=True)
    assert _rows(by_party, office_cases) == ["late", "later"]
    assert _rows(overdue, office_cases) == ["late"]
    assert _rows(by_ref, office_cases) == ["soon"]
    assert "No cases match." in nothing


def test_an_unknown_filter_value_is_refused_clearly(client, auth, office_cases):
    auth.login("seoul.officer", PASSWORD)
    response = client.get("/worklist?procedure=rocket")
    assert response.status_code == 400 and "Not a valid choice" in response.get_data(as_text=True)


def test_assign_to_me_and_a_supervisor_reassigns(client, auth, app, office_cases):
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == office_cases["soon"]))
        version = case.version
        chief = db.session.scalar(select(User).where(User.username == "seoul.chief"))
    response = client.post(f"/cases/{office_cases['soon']}/assign", data={
        "csrf_token": csrf_token_from(page), "version": version}, follow_redirects=True)
    assert f"{office_cases['soon']} is assigned to" in response.get_data(as_text=True)
    refused = client.post(f"/cases/{office_cases['soon']}/assign", data={
        "csrf_token": csrf_token_from(page), "version": version + 1, "officer_id": chief.id})
    assert refused.status_code == 403  # an officer may only take a case himself
    auth.logout()
    auth.login("seoul.chief", PASSWORD)
    page = client.get("/worklist?assignee=me").get_data(as_text=True)
    assert "No cases match." in page
    with app.app_context():
        version = db.session.scalar(select(Case.version).where(
            Case.reference == office_cases["soon"]))
    client.post(f"/cases/{office_cases['soon']}/assign", data={
        "csrf_token": csrf_token_from(page), "version": version, "officer_id": chief.id})
    assert office_cases["soon"] in client.get("/worklist?assignee=me").get_data(as_text=True)


def test_an_officer_opens_a_case_for_a_registered_party_from_the_worklist(client, auth, app,
                                                                         office_cases):
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    assert "/cases/new/pre_assessment_review" in page
    form = client.get("/cases/new/pre_assessment_review").get_data(as_text=True)
    with app.app_context():
        party = db.session.scalar(select(Party).where(Party.name == "JOHN SMITH"))
        identifier = party.identifier
    unknown = client.post("/cases/new/pre_assessment_review", data={
        "csrf_token": csrf_token_from(form), "party-identifier_kind": "pcc",
        "party-identifier": "P999999999999", "notify-shortage": "1000",
        "notify-grounds": "x"})
    assert unknown.status_code == 422
    assert "No party is registered" in unknown.get_data(as_text=True)
    opened = client.post("/cases/new/pre_assessment_review", data={
        "csrf_token": csrf_token_from(form), "party-identifier_kind": "pcc",
        "party-identifier": identifier, "notify-shortage": "2500000",
        "notify-grounds": "Undervalued invoice."}, follow_redirects=True)
    text = opened.get_data(as_text=True)
    assert "opened and assigned to you" in text and "Pre-Assessment Notice" in text


def test_odd_query_parameters_never_break_the_page(client, auth, office_cases):
    auth.login("seoul.officer", PASSWORD)
    for query in ("?endpoint=x", "?_method=POST", "?_external=1&_anchor=x", "?page=abc",
                  "?page=-5", "?page=" + "9" * 40):
        response = client.get("/worklist" + query)
        assert response.status_code == 200, query
        # no link made absolute (the print addresses, data-print-url, are the site's own)
        main = response.get_data(as_text=True).split("<main", 1)[1]
        assert not re.search(r'(href|action|src)="https?://', main), query


def test_an_officer_cannot_take_a_colleagues_case_only_a_supervisor_reassigns(client, auth,
                                                                             app, office_cases):
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == office_cases["soon"]))
        chief = db.session.scalar(select(User).where(User.username == "seoul.chief"))
        case.assigned_officer_id = chief.id
        db.session.commit()
        version = case.version
    response = client.post(f"/cases/{office_cases['soon']}/assign", data={
        "csrf_token": csrf_token_from(page), "version": version})
    assert response.status_code == 403


def test_the_assignment_goes_back_only_to_a_page_of_this_site(client, auth, office_cases, app):
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    with app.app_context():
        version = db.session.scalar(select(Case.version).where(
            Case.reference == office_cases["later"]))
    response = client.post(f"/cases/{office_cases['later']}/assign", data={
        "csrf_token": csrf_token_from(page), "version": version, "back": "/\\evil.example"})
    assert response.status_code == 302 and response.location.endswith("/worklist")


def test_a_stopped_clock_does_not_make_a_case_overdue(app, people):
    """While a revision stops the decision period (Art. 128(4)), it is not the case's next
    deadline; the revision period is."""
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=people["payer"],
                                   values={"disposition_ref": "1", "disposition": "d",
                                           "disposition_kind": "assessment",
                                           "notice_received_on": "2026-02-20",
                                           "filed_on": "2026-03-02", "filing_rule": "online",
                                           "reasons": "r"})
        db.session.commit()
    from backoffice.workflow import fire
    with clock.frozen(kst(2026, 3, 3, 10)):
        fire(case, "issue_opinion", actor=people["officer"], values={"opinion": "o"})
        fire(case, "order_revision", actor=people["officer"],
             values={"revision_days": 20, "matters": "m"})
        db.session.commit()
    db.session.refresh(case)
    # the revision period ends 23 March (24:00 KST), the stopped decision period is not counted
    assert case.next_due_at.astimezone(clock.SEOUL).date() == date(2026, 3, 24)
