"""Identifiers typed with a Korean input method's full-width characters are read as ASCII, and
digits of other scripts are refused (issue 13, item 8): what is stored is always ASCII."""

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case
from tests.factories import PASSWORD
from tests.form_crawler import submit, visit
from workflows.identifiers import InvalidIdentifier, business_check_digit, parse
from workflows.roles import Role


def test_a_full_width_personal_customs_code_is_stored_in_ascii():
    identifier = parse("pcc", "Ｐ１９３４５６７８９１２３")
    assert identifier.value == "P193456789123"
    assert identifier.value.isascii()


def test_a_full_width_business_registration_number_with_full_width_hyphens():
    first_nine = "123456789"
    typed = "１２３－４５－６７８９" + chr(ord("０") + business_check_digit(first_nine))
    assert parse("business_registration", typed).value == first_nine + str(
        business_check_digit(first_nine))


def test_the_check_digit_is_verified_after_normalisation():
    first_nine = "123456789"
    wrong = (business_check_digit(first_nine) + 1) % 10
    with pytest.raises(InvalidIdentifier, match="check digit"):
        parse("business_registration", "１２３-４５-６７８９" + chr(ord("０") + wrong))


def test_a_registration_number_with_full_width_digits_and_a_unicode_hyphen():
    assert parse("registration_number", "９００１０１‐５１２３４５６").value == "9001015123456"


@pytest.mark.parametrize(("typed", "stored"), [("ｍ１２３４５６７８", "M12345678"),
                                               ("ＰＡＲＴ１２３４", "PART1234")])
def test_a_full_width_passport_number_is_upper_case_ascii(typed, stored):
    assert parse("passport", typed).value == stored


@pytest.mark.parametrize(("kind", "typed"), [
    ("pcc", "P١٩٣٤٥٦٧٨٩١٢٣"),                   # Arabic-Indic digits
    ("registration_number", "९००१०१५१२३४५६"),  # Devanagari digits
    ("business_registration", "١٢٠٨١٤٧٥٢١"),
])
def test_digits_of_another_script_are_refused(kind, typed):
    with pytest.raises(InvalidIdentifier):
        parse(kind, typed)


def test_a_case_is_opened_for_the_party_whose_code_was_typed_full_width(app, make, client,
                                                                          auth):
    """Through the case opening form as served: the party is found by its ASCII code."""
    office = make.office("SEOUL")
    make.user("officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    auth.login("officer", PASSWORD)
    typed = party.identifier.translate({ord(c): ord(c) + 0xFEE0 for c in "P0123456789"})
    assert not typed.isascii()
    form = visit(client, "/cases/new/objection").forms[-1]
    response = submit(client, form, **{"file-notice_received_on": "2026-11-20",
                                       "file-filed_on": "2026-11-30",
                                       "file-disposition": "Payment notice",
                                       "file-disposition_ref": "SEL-1",
                                       "file-reasons": "Personal effects",
                                       "party-identifier": typed})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    with app.app_context():
        assert db.session.scalar(select(Case.party_id)) == party.id
