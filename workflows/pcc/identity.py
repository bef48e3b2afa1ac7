"""What a foreigner types to be recognised, as the FAQ says to type it, and how it is shown.

- The **name** as on the Alien Registration Card or the Certificate of Foreign Residence, in
  capitals (Q1, Q3); when a correct name fails, without spaces (Q3: ``COI ZHUNA`` →
  ``COIZHUNA``); for the mobile check always without spaces (Q4).
- The **registration number** (the field is labelled 주민등록번호 even for foreigners): the alien
  registration number or the residence (거소) registration number, 13 digits ``YYMMDD-NNNNNNN``.
  Numbers issued since October 2020 carry no check digit, so none is checked; the first six
  digits must be a date of birth (the 7th digit gives the century).
- The **mobile number** without ``-`` (Q4); the **date of birth** in 8 digits (Q4, Q6).

Masking: the first six digits, ``-`` and seven ``*`` (``123456-*******``; the FAQ's screens show
five, the back office shows seven whatever the length [Assumption, digest §9]).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

NAME_MAX = 60
"""Longer than any name on a card [Assumption]; the bound keeps a hostile input cheap."""
_LATIN_NAME = re.compile(r"[A-Z][A-Z .'\-]*")
_HANGUL_NAME = re.compile(r"[가-힣 ]+")
CENTURY_OF = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000,
              "8": 2000, "9": 1800, "0": 1800}
"""The 7th digit of a registration number: the century of the date of birth (5-8: foreigners;
1-4: a residence number of an overseas Korean)."""
MOBILE = re.compile(r"01[016789][0-9]{7,8}")


class Invalid(ValueError):
    """A value that is not what the FAQ asks for; ``field`` names it."""

    def __init__(self, field: str, en: str, ko: str):
        super().__init__(en)
        self.field, self.en, self.ko = field, en, ko


def name_as_on_card(typed: str) -> str:
    """The name in capitals, spaces kept but collapsed (the first form the registry is asked).

    :raise Invalid: empty, too long, or not letters of one script.
    """
    text = unicodedata.normalize("NFKC", typed or "").strip()
    text = re.sub(r"\s+", " ", text).upper()
    if not text:
        raise Invalid("name", "enter your name as on your card", "카드에 적힌 성명을 입력하십시오")
    if len(text) > NAME_MAX:
        raise Invalid("name", f"a name has at most {NAME_MAX} characters",
                      f"성명은 {NAME_MAX}자 이내입니다")
    if not (_LATIN_NAME.fullmatch(text) or _HANGUL_NAME.fullmatch(text)):
        raise Invalid("name", "enter the name as on your card, in capital letters (A-Z)",
                      "카드에 적힌 성명을 영문 대문자로 입력하십시오")
    return text


def without_spaces(name: str) -> str:
    return name.replace(" ", "")


def name_forms(typed: str) -> list[str]:
    """The forms the real-name check tries, in the FAQ's order: as on the card in capitals,
    then without spaces (Q3); one form when the name has no space."""
    first = name_as_on_card(typed)
    return list(dict.fromkeys((first, without_spaces(first))))


@dataclass(frozen=True)
class RegistrationNumber:
    """An alien or residence registration number: 13 digits, never shown whole."""

    digits: str

    @property
    def masked(self) -> str:
        return masked(self.digits)

    @property
    def born_on(self) -> date:
        return _birth_date(self.digits)

    def __str__(self) -> str:  # a number printed by mistake is printed masked
        return self.masked

    __repr__ = __str__


def registration_number(typed: str) -> RegistrationNumber:
    """The number as typed (with or without ``-`` and spaces).

    :raise Invalid: not 13 digits, or the first six are no date of birth.
    """
    digits = re.sub(r"[\s-]", "", typed or "")
    if not re.fullmatch(r"[0-9]{13}", digits):
        raise Invalid("registration_number",
                      "enter the 13 digits of your alien or residence registration number",
                      "외국인등록번호 또는 거소신고번호 13자리를 입력하십시오")
    try:
        _birth_date(digits)
    except ValueError:
        raise Invalid("registration_number",
                      "the first six digits of the number are your date of birth: check them",
                      "번호의 앞 6자리(생년월일)를 확인하십시오") from None
    return RegistrationNumber(digits)


def _birth_date(digits: str) -> date:
    century = CENTURY_OF[digits[6]]
    return date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))


def masked(digits: str) -> str:
    """``123456-*******``: the front six digits, never the back."""
    front = re.sub(r"\D", "", digits or "")[:6]
    return f"{front}-*******"


def mobile_number(typed: str) -> str:
    """A domestic mobile number, digits only (Q4: without '-').

    :raise Invalid: not a Korean mobile number.
    """
    digits = re.sub(r"[\s-]", "", typed or "")
    if not MOBILE.fullmatch(digits):
        raise Invalid("mobile", "enter a Korean mobile number, e.g. 01012345678",
                      "국내 휴대전화번호를 입력하십시오(예: 01012345678)")
    return digits


def birth_date(typed: str) -> date:
    """The date of birth in 8 digits, ``YYYYMMDD`` (Q4, Q6).

    :raise Invalid: not 8 digits of a real date.
    """
    digits = re.sub(r"[\s.-]", "", typed or "")
    try:
        if not re.fullmatch(r"[0-9]{8}", digits):
            raise ValueError
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise Invalid("birth_date", "enter your date of birth in 8 digits, e.g. 19900131",
                      "생년월일 8자리를 입력하십시오(예: 19900131)") from None


def short_address(address: str | None) -> str:
    """The address as the inquiry screen shows it: the postcode, the city and the district
    (``(35208) 대전광역시 서구``, digest §9); the rest only on the change form."""
    words = (address or "").split()
    if words and re.fullmatch(r"\(?[0-9]{5}\)?", words[0]):
        postcode = words[0].strip("()")
        return " ".join([f"({postcode})", *words[1:3]])
    return " ".join(words[:2])
