"""The rules of PCC issuance as the FAQ gives them (``../shared/seeds/000_…``), without Flask."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from workflows.pcc import codes, one_time
from workflows.pcc.adapters import FileRegistry, SubscriptionVerifier
from workflows.pcc.identity import (
    Invalid,
    birth_date,
    masked,
    mobile_number,
    name_forms,
    registration_number,
)
from workflows.pcc.remedies import Failure, remedies_for

SEOUL = ZoneInfo("Asia/Seoul")
SECRET = b"a test secret of the deployment"


# -- the code: P and 12 digits, random, never reused --------------------------------------


def test_a_code_is_p_and_twelve_digits():
    assert all(codes.PATTERN.fullmatch(codes.draw()) for _ in range(200))


def test_codes_are_not_sequential_nor_repeated():
    drawn = [codes.draw() for _ in range(2000)]
    assert len(set(drawn)) == len(drawn)
    numbers = sorted(int(code[1:]) for code in drawn)
    assert not any(b - a == 1 for a, b in itertools.pairwise(numbers))
    # each digit position takes all ten digits: not derived from a date or a counter
    assert all(len({code[i] for code in drawn}) == 10 for i in range(1, 13))


def test_a_code_already_known_is_drawn_again():
    taken = {codes.draw()}
    first = iter([*taken, "P000000000001"])
    original = codes.draw
    try:
        codes.draw = lambda: next(first)
        assert codes.draw_unused(lambda code: code in taken) == "P000000000001"
    finally:
        codes.draw = original


def test_a_store_that_knows_every_code_is_an_error_not_a_loop():
    with pytest.raises(RuntimeError, match="not sound"):
        codes.draw_unused(lambda code: True)


@pytest.mark.parametrize(("typed", "code"), [
    ("P193456789123", "P193456789123"), ("p193456789123", "P193456789123"),
    (" P1934-5678-9123 ", "P193456789123"), ("P19345678912", None), ("Q193456789123", None),
    ("P1934567891234", None), ("", None),
])
def test_a_code_as_typed(typed, code):
    assert codes.normalised(typed) == code


# -- names, numbers, masking (FAQ Q1, Q3, Q4) ----------------------------------------------


def test_the_name_is_tried_in_capitals_then_without_spaces():
    # Q3: "If you entered your name correctly but failed, type it without any space (e.g.
    # COI ZHUNA → COIZHUNA)."
    assert name_forms("  coi   zhuna ") == ["COI ZHUNA", "COIZHUNA"]
    assert name_forms("SMITH") == ["SMITH"]


@pytest.mark.parametrize("typed", ["", "   ", "J0HN", "<script>", "A" * 61])
def test_a_name_not_as_on_a_card_is_refused(typed):
    with pytest.raises(Invalid) as caught:
        name_forms(typed)
    assert caught.value.field == "name" and caught.value.ko


@pytest.mark.parametrize(("typed", "born_on"), [
    ("900131-5123456", date(1990, 1, 31)),  # a foreign man born in the 1900s
    ("0502286123456", date(1905, 2, 28)),  # without the dash; 6: a woman born in the 1900s
    ("050228-7123456", date(2005, 2, 28)),  # born in the 2000s
])
def test_a_registration_number_is_13_digits_starting_with_the_birth_date(typed, born_on):
    assert registration_number(typed).born_on == born_on


@pytest.mark.parametrize("typed", ["900131-512345", "900131-51234567", "901331-5123456",
                                   "900230-5123456", "ABCDEF-5123456", ""])
def test_a_number_that_is_not_one_is_refused(typed):
    with pytest.raises(Invalid) as caught:
        registration_number(typed)
    assert caught.value.field == "registration_number"


def test_a_registration_number_is_never_shown_whole():
    number = registration_number("900131-5123456")
    assert number.masked == "900131-*******" == masked("9001315123456")
    assert "5123456" not in str(number) and "5123456" not in repr(number)
    assert "5123456" not in f"{number}"


@pytest.mark.parametrize(("typed", "digits"), [("010-1234-5678", "01012345678"),
                                                ("011 234 5678", "0112345678")])
def test_a_mobile_number_is_taken_without_dashes(typed, digits):
    assert mobile_number(typed) == digits


@pytest.mark.parametrize("typed", ["02-708-1000", "1644-1863", "0101234", ""])
def test_a_number_that_is_no_korean_mobile_is_refused(typed):
    with pytest.raises(Invalid):
        mobile_number(typed)


def test_the_date_of_birth_is_eight_digits():
    assert birth_date("19900131") == date(1990, 1, 31)
    for typed in ("900131", "19901331", "1990-02-30"):
        with pytest.raises(Invalid):
            birth_date(typed)


# -- the one-time code: about three minutes, extended once, used once ---------------------


def at(seconds: int) -> datetime:
    return datetime(2026, 12, 4, 10, 0, tzinfo=SEOUL) + timedelta(seconds=seconds)


def test_a_code_is_accepted_once_within_its_three_minutes():
    code, challenge = one_time.send(SECRET, at(0))
    assert challenge.seconds_left(at(4)) == 176  # the screen's "2:56"
    assert code not in challenge.digest
    outcome, challenge = one_time.check(SECRET, challenge, code, at(179))
    assert outcome is one_time.Outcome.ACCEPTED
    outcome, _ = one_time.check(SECRET, challenge, code, at(180))
    assert outcome is one_time.Outcome.USED


def test_a_code_expires_after_three_minutes_unless_extended_once():
    code, challenge = one_time.send(SECRET, at(0))
    assert one_time.check(SECRET, challenge, code, at(180))[0] is one_time.Outcome.EXPIRED
    extended = one_time.extend(challenge, at(170))
    assert extended is not None and extended.seconds_left(at(170)) == 190
    assert one_time.extend(extended, at(200)) is None  # once only
    assert one_time.extend(challenge, at(180)) is None  # not after it expired
    assert one_time.check(SECRET, extended, code, at(359))[0] is one_time.Outcome.ACCEPTED


def test_wrong_codes_are_counted_and_give_up_after_five():
    code, challenge = one_time.send(SECRET, at(0))
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(4):
        outcome, challenge = one_time.check(SECRET, challenge, wrong, at(10))
        assert outcome is one_time.Outcome.WRONG
    outcome, challenge = one_time.check(SECRET, challenge, wrong, at(10))
    assert outcome is one_time.Outcome.TOO_MANY
    assert one_time.check(SECRET, challenge, code, at(11))[0] is one_time.Outcome.TOO_MANY


# -- the local adapters: real checks against a file of test residents ----------------------


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "residents.json"
    path.write_text(json.dumps([
        {"name": "COI ZHUNA", "number": "900131-6123456", "mobile": "01012345678",
         "carrier": "SKT"},
        {"name": "NGUYENVANAN", "number": "950505-5234567"},
    ]), encoding="utf-8")
    return FileRegistry.from_file(path)


def test_the_registry_knows_a_resident_by_the_name_on_the_card_and_the_number(registry):
    number = registration_number("900131-6123456")
    assert registry.holder("COI ZHUNA", number).mobile == "01012345678"
    assert registry.holder("COIZHUNA", number) is None  # another name
    assert registry.holder("COI ZHUNA", registration_number("900131-6123457")) is None


def test_a_card_without_spaces_is_found_by_the_second_form(registry):
    number = registration_number("950505-5234567")
    found = [form for form in name_forms("Nguyen Van An") if registry.holder(form, number)]
    assert found == ["NGUYENVANAN"]


def test_the_mobile_check_compares_the_subscription(registry):
    resident = registry.holder("COI ZHUNA", registration_number("900131-6123456"))
    verifier = SubscriptionVerifier()
    typed = {"carrier": "SKT", "name": "COIZHUNA", "mobile": "01012345678"}
    assert verifier.matches(resident, **typed, born_on=None)
    assert verifier.matches(resident, **typed, born_on=date(1990, 1, 31))
    assert not verifier.matches(resident, **typed, born_on=date(1990, 1, 30))
    assert not verifier.matches(resident, **{**typed, "carrier": "KT"}, born_on=None)
    assert not verifier.matches(resident, **{**typed, "mobile": "01012345679"}, born_on=None)


def test_a_resident_without_a_mobile_of_their_own_fails_the_mobile_check(registry):
    resident = registry.holder("NGUYENVANAN", registration_number("950505-5234567"))
    assert not SubscriptionVerifier().matches(resident, carrier="SKT", name="NGUYENVANAN",
                                              mobile="01099998888", born_on=None)


# -- the remedies: every failure of the FAQ, in both languages ------------------------------


def test_the_real_name_remedies_are_the_faqs_in_order():
    first, = remedies_for(Failure.REAL_NAME)[:1]
    assert "capital letters" in first.en and "COIZHUNA" in first.en and "대문자" in first.ko
    repeated = remedies_for(Failure.REAL_NAME_REPEATED)
    assert "02-708-1000" in repeated[0].en and "4 → 3 → 0" in repeated[0].ko
    assert "customs office" in repeated[1].en and "passport number" in repeated[2].en


def test_the_mobile_remedies_name_what_to_check_and_the_kmc_helpline():
    first = remedies_for(Failure.IDENTITY)[0]
    for fragment in ("telecom company", "without spaces", "without '-'", "8 digits",
                     "subscriber's name"):
        assert fragment in first.en
    assert "1644-1863" in remedies_for(Failure.IDENTITY_REPEATED)[0].ko


def test_without_any_means_the_counter_and_the_other_identifiers():
    remedies = remedies_for(Failure.NO_MEANS)
    assert "visit the nearest customs office" in remedies[0].en
    assert "외국인등록번호" in remedies[1].ko and "여권번호" in remedies[1].ko
    assert "PASS app" in remedies[2].en and "certificate" in remedies[3].en


@pytest.mark.parametrize("failure", list(Failure))
def test_every_failure_has_a_remedy_in_both_languages_and_ends_with_the_channel(failure):
    remedies = remedies_for(failure)
    assert all(r.ko and r.en for r in remedies)
    assert "KakaoTalk" in remedies[-1].en and "카카오톡" in remedies[-1].ko


@pytest.mark.parametrize(("address", "shown"), [
    ("35208 대전광역시 서구 청사로 189 (둔산동)", "(35208) 대전광역시 서구"),
    ("(04524) 서울특별시 중구 세종대로 110", "(04524) 서울특별시 중구"),
    ("Busan Haeundae-gu 1", "Busan Haeundae-gu"),
    ("", ""),
])
def test_the_look_up_shows_the_address_to_its_district(address, shown):
    from workflows.pcc.identity import short_address

    assert short_address(address) == shown


def test_the_local_certificate_check_opens_the_residents_certificate_only(tmp_path):
    from werkzeug.security import generate_password_hash

    from workflows.pcc.adapters import FileCertificates

    path = tmp_path / "residents.json"
    path.write_text(json.dumps([
        {"name": "GARCIA MARIA", "number": "770707-6567890", "certificate": "CERT-1",
         "certificate_password_hash": generate_password_hash("secret-1")},
        {"name": "NGUYENVANAN", "number": "950505-5234567"},
    ]), encoding="utf-8")
    registry = FileRegistry.from_file(path)
    garcia = registry.holder("GARCIA MARIA", registration_number("770707-6567890"))
    nguyen = registry.holder("NGUYENVANAN", registration_number("950505-5234567"))
    check = FileCertificates()
    assert check.matches(garcia, certificate=" CERT-1 ", password="secret-1")
    assert not check.matches(garcia, certificate="CERT-1", password="secret-2")
    assert not check.matches(garcia, certificate="CERT-2", password="secret-1")
    assert not check.matches(nguyen, certificate="CERT-1", password="secret-1")


def test_the_local_simple_certification_reaches_the_mobile_in_ones_name(registry):
    from workflows.pcc.adapters import LocalSimpleCertifier

    resident = registry.holder("COI ZHUNA", registration_number("900131-6123456"))
    simple = LocalSimpleCertifier()
    assert simple.reaches(resident, provider="kakao", mobile="01012345678")
    assert not simple.reaches(resident, provider="nobody", mobile="01012345678")
    assert not simple.reaches(resident, provider="kakao", mobile="01012345679")
