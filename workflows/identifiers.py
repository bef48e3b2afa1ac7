"""Identifiers of duty payers: validation, normalisation and masking.

A party is identified by one of:

* a Personal Customs Code (PCC): ``P`` followed by 12 digits (KCS PCC FAQ, section 8 of the
  digest);
* an alien registration number or resident registration number: 13 digits, ``YYMMDD-GNNNNNN``
  (PCC FAQ Q1: the alien registration number is entered where a resident registration number is
  asked for);
* a passport number (PCC FAQ Q2: usable instead of a PCC for customs clearance);
* a business registration number for companies: 10 digits ``NNN-NN-NNNNN`` with a check digit.

Identifiers are read after NFKC normalisation (:func:`workflows.text.compact_digits`): the
full-width letters, digits and hyphens of a Korean input method are the ASCII ones, and only
ASCII digits and letters are kept, so what is stored is ASCII (``\\d`` alone would let the
digits of any script through).

Identifiers are stored whole and shown masked everywhere (the FAQ's screens show only the first
six digits of a registration number; we mask the whole back part).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workflows.labels import LabelledEnum
from workflows.text import compact_digits


class IdentifierKind(LabelledEnum):
    PCC = ("pcc", "개인통관고유부호", "Personal Customs Code")
    REGISTRATION_NUMBER = (
        "registration_number", "외국인등록번호/주민등록번호", "Alien/resident registration no."
    )
    PASSPORT = ("passport", "여권번호", "Passport no.")
    BUSINESS_REGISTRATION = ("business_registration", "사업자등록번호", "Business registration no.")


INDIVIDUAL_KINDS = frozenset(
    {IdentifierKind.PCC, IdentifierKind.REGISTRATION_NUMBER, IdentifierKind.PASSPORT}
)
COMPANY_KINDS = frozenset({IdentifierKind.BUSINESS_REGISTRATION})


class InvalidIdentifier(ValueError):
    """An identifier that does not have the shape its kind requires."""


@dataclass(frozen=True)
class Identifier:
    kind: IdentifierKind
    value: str

    @property
    def masked(self) -> str:
        return mask(self.kind, self.value)


_PCC = re.compile(r"^P[0-9]{12}$")
_REGISTRATION = re.compile(r"^([0-9]{6})([0-9]{7})$")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,12}$")
_BUSINESS = re.compile(r"^[0-9]{10}$")
_BUSINESS_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
# Seventh digit of a registration number: century and sex; 5-8 are used for foreigners.
_REGISTRATION_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900,
                         "3": 2000, "4": 2000, "7": 2000, "8": 2000,
                         "9": 1800, "0": 1800}


def parse(kind: IdentifierKind | str, raw: str) -> Identifier:
    """Validate ``raw`` as an identifier of ``kind`` and return it normalised.

    :raise InvalidIdentifier: with a message a person can act on.
    """
    kind = IdentifierKind(kind)
    text = compact_digits(raw or "").upper()
    if not text:
        raise InvalidIdentifier("The identifier is empty.")
    return Identifier(kind, _VALIDATORS[kind](text))


def _validate_pcc(text: str) -> str:
    if not _PCC.match(text):
        raise InvalidIdentifier("A Personal Customs Code is P followed by 12 digits.")
    return text


def _validate_registration(text: str) -> str:
    match = _REGISTRATION.match(text)
    if not match:
        raise InvalidIdentifier("A registration number has 13 digits (YYMMDD-NNNNNNN).")
    front, back = match.groups()
    century = _REGISTRATION_CENTURY[back[0]]
    try:
        date(century + int(front[:2]), int(front[2:4]), int(front[4:6]))
    except ValueError:
        raise InvalidIdentifier(
            "The first six digits of a registration number must be a date of birth."
        ) from None
    return text


def _validate_passport(text: str) -> str:
    if not _PASSPORT.match(text):
        raise InvalidIdentifier("A passport number has 6 to 12 letters and digits.")
    return text


def _validate_business(text: str) -> str:
    if not _BUSINESS.match(text):
        raise InvalidIdentifier("A business registration number has 10 digits (NNN-NN-NNNNN).")
    if business_check_digit(text[:9]) != int(text[9]):
        raise InvalidIdentifier("The business registration number's check digit is wrong.")
    return text


def business_check_digit(first_nine: str) -> int:
    """Return the check digit of a Korean business registration number."""
    digits = [int(c) for c in first_nine]
    total = sum(d * w for d, w in zip(digits, _BUSINESS_WEIGHTS, strict=True))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10


_VALIDATORS = {
    IdentifierKind.PCC: _validate_pcc,
    IdentifierKind.REGISTRATION_NUMBER: _validate_registration,
    IdentifierKind.PASSPORT: _validate_passport,
    IdentifierKind.BUSINESS_REGISTRATION: _validate_business,
}


def mask(kind: IdentifierKind | str, value: str) -> str:
    """Return the form of an identifier that may be shown on any page or document."""
    kind = IdentifierKind(kind)
    if kind is IdentifierKind.REGISTRATION_NUMBER:
        return f"{value[:6]}-*******"
    if kind is IdentifierKind.BUSINESS_REGISTRATION:
        return f"{value[:3]}-{value[3:5]}-*****"
    if kind is IdentifierKind.PCC:
        return f"{value[:5]}{'*' * (len(value) - 5)}"
    return f"{value[:2]}{'*' * (len(value) - 2)}"
