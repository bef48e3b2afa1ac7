"""Service of notices under Art. 11, and the numbers and codes printed on them (pure rules)."""

from datetime import date

import pytest

from workflows.notices.codes import new_verification_code, normalise_code, notice_number
from workflows.notices.service import ServiceError, check_service, deemed_service_date

ISSUED, TODAY = date(2023, 3, 1), date(2023, 3, 20)


def test_a_public_notice_is_served_when_14_days_after_publication_have_elapsed():
    # Digest 00 §3.2: published 2 March 2023 → served 17 March 2023 (Civil-Act reading).
    assert deemed_service_date(date(2023, 3, 2)) == date(2023, 3, 17)
    assert deemed_service_date(date(2023, 3, 2), effect_days=14) == date(2023, 3, 16)


def test_the_deemed_service_day_is_not_rolled_over_to_a_working_day():
    # Published Fri 2023-04-14 → +15 = Sat 2023-04-29, kept: a fiction, not a deadline.
    assert deemed_service_date(date(2023, 4, 14)) == date(2023, 4, 29)


def test_only_14_or_15_days_are_a_reading_of_art_11_2():
    with pytest.raises(ServiceError):
        deemed_service_date(date(2023, 3, 2), effect_days=10)


def test_public_notice_checks_ground_channels_and_dates():
    service = check_service("public_notice", issued_on=ISSUED, today=TODAY,
                            published_on=date(2023, 3, 2), ground="returned",
                            channels=("customs_board", "unipass", "customs_board"))
    assert service.served_on == date(2023, 3, 17)
    assert service.channels == ("customs_board", "unipass")
    for bad, message in (
        (dict(ground="moved"), "grounds"),
        (dict(ground="abroad", channels=()), "where the notice was published"),
        (dict(ground="abroad", channels=("billboard",)), "where the notice was published"),
        (dict(ground="abroad", channels=("unipass",)), "another channel"),
        (dict(ground="abroad", channels=("gazette",), published_on=date(2023, 2, 28)),
         "before it was issued"),
        (dict(ground="abroad", channels=("gazette",), published_on=date(2023, 3, 21)),
         "in advance"),
    ):
        arguments = {"published_on": date(2023, 3, 2), "channels": ("gazette",), **bad}
        with pytest.raises(ServiceError, match=message):
            check_service("public_notice", issued_on=ISSUED, today=TODAY, **arguments)


def test_a_document_other_than_a_duty_payment_notice_is_never_served_by_public_notice():
    """Art. 11 is the service of duty payment notices: only they may be publicly notified."""
    with pytest.raises(ServiceError, match=r"only for a duty payment notice \(Art\. 11\(2\)\)"):
        check_service("public_notice", issued_on=ISSUED, today=TODAY,
                      published_on=date(2023, 3, 2), ground="unknown", channels=("gazette",),
                      public_notice_allowed=False)


def test_personal_mail_and_electronic_service_take_effect_on_the_day_of_receipt():
    for method in ("direct", "in_person", "mail", "electronic"):
        assert check_service(method, issued_on=ISSUED, today=TODAY,
                             served_on=date(2023, 3, 3)).served_on == date(2023, 3, 3)
    with pytest.raises(ServiceError, match="day the notice was received"):
        check_service("mail", issued_on=ISSUED, today=TODAY)
    with pytest.raises(ServiceError, match="unknown method"):
        check_service("pigeon", issued_on=ISSUED, today=TODAY, served_on=TODAY)


def test_notice_numbers_and_verification_codes():
    assert notice_number("SEOUL", 2026, 42) == "SEOUL-2026-000042"
    code = new_verification_code()
    assert len(code) == 14 and code.count("-") == 2
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code("7kq4 m2xa p9dt") == "7KQ4-M2XA-P9DT"
    assert normalise_code("OIL0-0000-0000") == "0110-0000-0000"
    assert normalise_code("too short") == ""
    assert len({new_verification_code() for _ in range(1000)}) == 1000
