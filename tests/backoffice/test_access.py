"""Object-level access: a duty payer sees only their own cases, an officer only their office's."""

import re

import pytest

from tests.factories import PASSWORD
from workflows.roles import Role


@pytest.fixture
def two_parties_cases(make):
    seoul, busan = make.office("SEOUL"), make.office("BUSAN", "Busan Main Customs")
    mine, theirs = make.party("JOHN SMITH"), make.party("JANE DOE")
    make.user("john", Role.DUTY_PAYER, party=mine)
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    make.user("busan.officer", Role.OFFICER, office=busan)
    make.user("admin", Role.ADMIN)
    return {
        "mine": make.case(party=mine, office=seoul).reference,
        "theirs": make.case(party=theirs, office=seoul).reference,
        "busan": make.case(party=theirs, office=busan).reference,
    }


def test_duty_payer_opens_their_own_case(client, auth, two_parties_cases):
    auth.login("john", PASSWORD)
    response = client.get(f"/cases/{two_parties_cases['mine']}")
    assert response.status_code == 200
    assert two_parties_cases["mine"] in response.get_data(as_text=True)


def test_duty_payer_cannot_open_another_partys_case(client, auth, two_parties_cases):
    auth.login("john", PASSWORD)
    response = client.get(f"/cases/{two_parties_cases['theirs']}")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert two_parties_cases["theirs"] not in page
    assert "JANE DOE" not in page


def test_another_partys_case_looks_exactly_like_a_missing_one(client, auth, two_parties_cases):
    auth.login("john", PASSWORD)
    theirs = client.get(f"/cases/{two_parties_cases['theirs']}")
    missing = client.get("/cases/OBJ-2026-999999")
    assert theirs.status_code == missing.status_code == 404
    # The CSRF token carries a timestamp: two pages a second apart differ in it alone.
    token = re.compile(r'name="csrf_token"[^>]*value="[^"]+"')
    assert token.sub("", theirs.get_data(as_text=True).replace(two_parties_cases["theirs"], "")) \
        == token.sub("", missing.get_data(as_text=True).replace("OBJ-2026-999999", ""))


def test_duty_payer_portal_lists_only_their_cases(client, auth, two_parties_cases):
    auth.login("john", PASSWORD)
    page = client.get("/portal").get_data(as_text=True)
    assert two_parties_cases["mine"] in page
    assert two_parties_cases["theirs"] not in page
    assert two_parties_cases["busan"] not in page


def test_officer_sees_only_the_cases_of_their_office(client, auth, two_parties_cases):
    auth.login("busan.officer", PASSWORD)
    assert client.get(f"/cases/{two_parties_cases['busan']}").status_code == 200
    assert client.get(f"/cases/{two_parties_cases['mine']}").status_code == 404
    worklist = client.get("/worklist").get_data(as_text=True)
    assert two_parties_cases["busan"] in worklist
    assert two_parties_cases["mine"] not in worklist


def test_administrator_does_not_read_cases(client, auth, two_parties_cases):
    auth.login("admin", PASSWORD)
    assert client.get(f"/cases/{two_parties_cases['mine']}").status_code == 404


def test_case_page_shows_the_identifier_masked(client, auth, make, two_parties_cases):
    auth.login("seoul.officer", PASSWORD)
    page = client.get(f"/cases/{two_parties_cases['mine']}").get_data(as_text=True)
    from backoffice.extensions import db
    from backoffice.models import Case

    with client.application.app_context():
        case = db.session.query(Case).filter_by(reference=two_parties_cases["mine"]).one()
        identifier = case.party.identifier
    assert identifier not in page
    assert identifier[:5] + "********" in page
