"""The outside services PCC issuance depends on, as interfaces, each with its local
implementation.

In production the real-name check asks the credit bureau's registry (KCB), the identity check a
mobile identity service (PASS/KMC), a certificate or a simple-certification provider, and SMS
goes out through a messaging provider. None can be reached from here. Each is an interface
(:class:`Registry`, :class:`IdentityVerifier`, :class:`SmsSender`) with one local
implementation that does the real work locally: a registry loaded from a file of test
residents, a verifier that sends its one-time code through the SMS sender, and an outbox an
officer or a test reads. Nothing pretends: a resident not in the file fails the real-name check,
a wrong code fails the identity check. A production provider implements the same interface and
is named in the configuration (``PCC_REGISTRY``, ``PCC_VERIFIER``, ``PCC_SMS``; README).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from workflows.pcc.identity import RegistrationNumber, name_as_on_card, registration_number


@dataclass(frozen=True)
class Resident:
    """A foreign resident as the registry knows them: the name on the card, the number, the
    mobile subscription in their name (none: no Korean mobile of their own) and, for the local
    certificate check, their certificate's serial and its password's hash."""

    name: str
    number: RegistrationNumber
    mobile: str | None = None
    carrier: str | None = None
    certificate: str | None = None
    certificate_password_hash: str | None = None

    @property
    def born_on(self) -> date:
        return self.number.born_on


class Registry(Protocol):
    def holder(self, name: str, number: RegistrationNumber) -> Resident | None:
        """The resident with exactly this name (as on the card) and number, or None."""


class SmsSender(Protocol):
    def send(self, to: str, text: str, *, key: str) -> None:
        """Send ``text`` to the mobile ``to``; ``key`` makes a retried send one message."""


class IdentityVerifier(Protocol):
    def matches(self, resident: Resident, *, carrier: str, name: str, mobile: str,
                born_on: date | None) -> bool:
        """Whether the mobile subscription matches the resident (name without spaces, number,
        carrier; the date of birth for the SMS check, Q4)."""


class CertificateVerifier(Protocol):
    def matches(self, resident: Resident, *, certificate: str, password: str) -> bool:
        """Whether the joint or financial certificate chosen, opened with its password, is the
        resident's (FAQ Q5 ⑥, Q6)."""


class SimpleCertifier(Protocol):
    providers: tuple[tuple[str, str], ...]
    """The simple-certification providers offered, each (value, name)."""

    def reaches(self, resident: Resident, *, provider: str, mobile: str) -> bool:
        """Whether the provider can ask the resident on this mobile to confirm (the push or
        SMS of Q6's 간편인증); the service then sends its code."""


class FileRegistry:
    """The registry of test residents, loaded from a JSON file: a list of objects with
    ``name``, ``number`` and, for a resident with a Korean mobile, ``mobile`` and ``carrier``.
    Names compare as typed in capitals: the spaces count, as the FAQ's retry without spaces
    implies (a card's name without its spaces is matched by the second form tried)."""

    def __init__(self, residents: Iterable[Resident]):
        self._by_number = {r.number.digits: r for r in residents}

    @classmethod
    def from_file(cls, path: str | Path) -> FileRegistry:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(Resident(name_as_on_card(row["name"]), registration_number(row["number"]),
                            row.get("mobile"), row.get("carrier"), row.get("certificate"),
                            row.get("certificate_password_hash")) for row in rows)

    def holder(self, name: str, number: RegistrationNumber) -> Resident | None:
        resident = self._by_number.get(number.digits)
        return resident if resident is not None and resident.name == name else None


class SubscriptionVerifier:
    """The local identity check: the mobile subscription the registry file records for the
    resident must match what was typed (carrier, the name without spaces, the number, and the
    date of birth when the SMS check asks it). The one-time code is sent by the service."""

    def matches(self, resident: Resident, *, carrier: str, name: str, mobile: str,
                born_on: date | None) -> bool:
        return (resident.mobile is not None and resident.mobile == mobile
                and resident.carrier == carrier
                and resident.name.replace(" ", "") == name.replace(" ", "")
                and (born_on is None or born_on == resident.born_on))


class FileCertificates:
    """The local certificate check: the certificate serial and password the registry file
    records for the resident (the password as a salted PBKDF2 hash, never in clear)."""

    def matches(self, resident: Resident, *, certificate: str, password: str) -> bool:
        from werkzeug.security import check_password_hash

        return (resident.certificate is not None and resident.certificate_password_hash is not None
                and resident.certificate == certificate.strip()
                and check_password_hash(resident.certificate_password_hash, password))


class LocalSimpleCertifier:
    """The local simple certification: any provider of the list reaches the resident on the
    mobile the registry file records in their name; the code goes by the SMS sender."""

    providers = (("kakao", "카카오"), ("naver", "네이버"), ("pass", "패스"),
                 ("toss", "토스"))

    def reaches(self, resident: Resident, *, provider: str, mobile: str) -> bool:
        return provider in dict(self.providers) and resident.mobile is not None \
            and resident.mobile == mobile
