import pytest

from workflows.identifiers import (
    IdentifierKind,
    InvalidIdentifier,
    business_check_digit,
    mask,
    parse,
)


def test_pcc_is_p_followed_by_twelve_digits():
    assert parse("pcc", "p193456789123").value == "P193456789123"


@pytest.mark.parametrize("raw", ["193456789123", "P19345678912", "P1934567891234", "PX93456789123"])
def test_pcc_of_another_shape_is_refused(raw):
    with pytest.raises(InvalidIdentifier, match="P followed by 12 digits"):
        parse(IdentifierKind.PCC, raw)


def test_registration_number_accepts_the_dashed_form():
    assert parse("registration_number", "900101-5123456").value == "9001015123456"


def test_registration_number_must_start_with_a_date_of_birth():
    with pytest.raises(InvalidIdentifier, match="date of birth"):
        parse("registration_number", "901301-5123456")


def test_registration_number_of_twelve_digits_is_refused():
    with pytest.raises(InvalidIdentifier, match="13 digits"):
        parse("registration_number", "900101-512345")


def test_business_registration_number_check_digit_is_verified():
    first_nine = "120814752"
    good = first_nine + str(business_check_digit(first_nine))
    assert parse("business_registration", good).value == good
    bad = first_nine + str((business_check_digit(first_nine) + 1) % 10)
    with pytest.raises(InvalidIdentifier, match="check digit"):
        parse("business_registration", bad)


def test_known_business_registration_number_is_valid():
    # 220-81-62517 is a published company number; its check digit is 7.
    assert business_check_digit("220816251") == 7


def test_empty_identifier_is_refused():
    with pytest.raises(InvalidIdentifier, match="empty"):
        parse("passport", "  ")


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        ("registration_number", "9001015123456", "900101-*******"),
        ("business_registration", "1208147521", "120-81-*****"),
        ("pcc", "P193456789123", "P1934********"),
        ("passport", "M12345678", "M1*******"),
    ],
)
def test_identifiers_are_masked_for_display(kind, value, shown):
    assert mask(kind, value) == shown
    assert value[-4:] not in shown
