"""Service of notices (Art. 11): how a notice reaches its addressee and when it counts as served.

A notice is handed over directly, or served in person, by mail or electronically (Art. 11(1);
electronic service is Art. 327 [GK: not in the seed]). Where the addressee is abroad and hard to
reach, cannot be found, or a Decree case applies (registered mail returned for absence), the
notice is publicly notified and deemed served 14 days after the publication (Art. 11(2)). The
Civil-Act reading makes service take effect on publication date + 15 (the 14 days run from the
day after publication and must have elapsed); the literal reading gives + 14. The effect day is
never rolled over (digest 00 §3.2). Where it is published is Art. 11(3); publication on UNI-PASS
must be combined with another channel.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ServiceMethod(StrEnum):
    DIRECT = "direct"
    IN_PERSON = "in_person"
    MAIL = "mail"
    ELECTRONIC = "electronic"
    PUBLIC_NOTICE = "public_notice"


METHOD_LABELS = {
    ServiceMethod.DIRECT: ("직접 교부", "handed to the addressee directly (Art. 11(1))"),
    ServiceMethod.IN_PERSON: ("교부송달", "served in person (Art. 11(1))"),
    ServiceMethod.MAIL: ("우편송달", "served by mail (Art. 11(1))"),
    ServiceMethod.ELECTRONIC: ("전자송달", "served electronically (Arts. 11(1), 327)"),
    ServiceMethod.PUBLIC_NOTICE: ("공시송달", "public notice (Art. 11(2)-(3))"),
}

PUBLIC_NOTICE_GROUNDS = (
    ("abroad", "the domicile, residence or office is abroad and service is difficult "
               "(Art. 11(2)1)"),
    ("unknown", "the domicile, residence or office cannot be identified (Art. 11(2)2)"),
    ("returned", "registered mail was returned because the addressee was absent "
                 "(Art. 11(2)3 and the Decree)"),
)

PUBLICATION_CHANNELS = (
    ("unipass", "UNI-PASS, the customs information network (Art. 11(3)1)"),
    ("customs_board", "website or bulletin board of the KCS or the customs office "
                      "(Art. 11(3)2)"),
    ("local_board", "website or bulletin board of the local government where the notice is "
                    "to be served (Art. 11(3)3)"),
    ("gazette", "the Official Gazette or a daily newspaper (Art. 11(3)4)"),
)

DEFAULT_PUBLIC_NOTICE_EFFECT_DAYS = 15
"""Publication + 15 days: the 14 days of Art. 11(2) elapsed [Assumption, configurable]."""


class ServiceError(ValueError):
    """The service as recorded would not be a valid service under Art. 11."""


@dataclass(frozen=True)
class Service:
    """A checked service: the method and the day it takes effect."""

    method: ServiceMethod
    served_on: date
    published_on: date | None = None
    channels: tuple[str, ...] = ()
    ground: str | None = None


def deemed_service_date(published_on: date,
                        effect_days: int = DEFAULT_PUBLIC_NOTICE_EFFECT_DAYS) -> date:
    """The day a publicly notified notice counts as served (Art. 11(2)); never rolled over."""
    if effect_days not in (14, 15):
        raise ServiceError("the effect of a public notice is publication + 14 or + 15 days")
    return published_on + timedelta(days=effect_days)


def check_service(method: str, *, issued_on: date, today: date, served_on: date | None = None,
                  published_on: date | None = None, channels: Iterable[str] = (),
                  ground: str | None = None, public_notice_allowed: bool = True,
                  effect_days: int = DEFAULT_PUBLIC_NOTICE_EFFECT_DAYS,
                  allowed_methods: tuple[str, ...] = (), reference: str | None = None,
                  reference_required: bool = False) -> Service:
    """Check a service as an officer records it and return when it takes effect.

    :raise ServiceError: naming what is wrong; nothing is recorded then.
    """
    try:
        method = ServiceMethod(method)
    except ValueError:
        raise ServiceError(f"unknown method of service {method!r}") from None
    if allowed_methods and method.value not in allowed_methods:
        raise ServiceError("this notice is served only in person or by registered mail "
                           "(Arts. 288, 315): not by public notice, not electronically")
    if reference_required and not (reference or "").strip():
        raise ServiceError("give the reference of the receipt certificate (Art. 289)")
    if method is not ServiceMethod.PUBLIC_NOTICE:
        if served_on is None:
            raise ServiceError("give the day the notice was received")
        _not_before_issue(served_on, issued_on, "received")
        if served_on > today:
            raise ServiceError("a notice cannot be recorded as received in the future")
        return Service(method, served_on)
    if not public_notice_allowed:
        raise ServiceError("this notice may not be served by public notice: the Act allows it "
                           "only for a duty payment notice (Art. 11(2)); serve it in person, by "
                           "mail or electronically (Art. 11(1))")
    if ground not in dict(PUBLIC_NOTICE_GROUNDS):
        raise ServiceError("a public notice needs one of the grounds of Art. 11(2)")
    if published_on is None:
        raise ServiceError("give the day of publication")
    _not_before_issue(published_on, issued_on, "published")
    if published_on > today:
        raise ServiceError("record a publication once it is made, not in advance")
    chosen = tuple(dict.fromkeys(channels))
    unknown = [c for c in chosen if c not in dict(PUBLICATION_CHANNELS)]
    if unknown or not chosen:
        raise ServiceError("choose where the notice was published (Art. 11(3))")
    if "unipass" in chosen and len(chosen) < 2:
        raise ServiceError("a publication on UNI-PASS must be combined with another channel "
                           "(Art. 11(3))")
    return Service(method, deemed_service_date(published_on, effect_days), published_on,
                   chosen, ground)


def _not_before_issue(day: date, issued_on: date, what: str) -> None:
    if day < issued_on:
        raise ServiceError(f"a notice cannot be {what} before it was issued ({issued_on})")
