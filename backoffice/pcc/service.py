"""The steps of PCC issuance, each in the caller's transaction: the pages of the public service
and the officers' counter call these and nothing else.

A request (:class:`PccRequest`) is the online path of one person from the real-name check to
its end; it is found by the token the browser holds and ends when it expires or is used. What
refuses a step raises :class:`Refused` with the FAQ's failure, whose remedies the page shows;
nothing is written then but the counts that bound the tries.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder, PccRequest, PccView
from backoffice.models.pcc import ERASED, IN_USE, NOT_IN_USE
from backoffice.pcc.adapters import adapters
from backoffice.pcc.sealing import configured_sealing
from workflows import clock
from workflows.pcc import codes, one_time
from workflows.pcc.adapters import Resident
from workflows.pcc.identity import RegistrationNumber, name_forms, registration_number
from workflows.pcc.remedies import Failure

ISSUE, LOOKUP = "issue", "lookup"


class Refused(Exception):
    def __init__(self, failure: Failure):
        super().__init__(failure.value)
        self.failure = failure


@dataclass(frozen=True)
class Details:
    """What the application form gives (FAQ Q5 ②, Q6 ⑦)."""

    address: str
    telephone: str
    email: str | None
    mobile_owner: str
    mobile: str | None
    consents_to_viewing: bool
    sms_alerts: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _secret() -> bytes:
    return current_app.config["SECRET_KEY"].encode()


# -- the real-name check (FAQ Q1, Q3) ----------------------------------------------------------


def begin(purpose: str, typed_name: str, typed_number: str,
          now: datetime | None = None) -> tuple[str, PccRequest]:
    """The real-name check: the registry is asked the name as on the card in capitals, then
    without spaces (Q3). A new issuance for a number whose code is in use, or a look-up where
    none was issued, is refused with the way that fits (Q6 ①).

    :raise workflows.pcc.identity.Invalid: the name or number is not one.
    :raise Refused: ``REAL_NAME``, ``ALREADY_ISSUED``, ``NOT_ISSUED``.
    """
    now = now or clock.now()
    number = registration_number(typed_number)
    registry = adapters().registry
    resident = next((found for form in name_forms(typed_name)
                     if (found := registry.holder(form, number)) is not None), None)
    if resident is None:
        raise Refused(Failure.REAL_NAME)
    sealing = configured_sealing()
    index = sealing.index(number.digits)
    holder = holder_by_index(index)
    if purpose == ISSUE and holder is not None and holder.code_in_use is not None:
        raise Refused(Failure.ALREADY_ISSUED)
    if purpose == LOOKUP and holder is None:
        raise Refused(Failure.NOT_ISSUED)
    token = secrets.token_urlsafe(32)
    request = PccRequest(
        token_hash=token_hash(token), purpose=purpose, name=resident.name, number_index=index,
        number_sealed=sealing.seal(number.digits), number_masked=number.masked,
        expires_at=now + timedelta(minutes=current_app.config["PCC_REQUEST_MINUTES"]))
    db.session.add(request)
    db.session.flush()
    return token, request


def request_for(token: str | None, now: datetime | None = None) -> PccRequest | None:
    """The live request the browser's token names (None: none, expired or ended)."""
    if not token:
        return None
    found = db.session.scalar(select(PccRequest).where(PccRequest.token_hash == token_hash(token)))
    if found is None or found.expires_at <= (now or clock.now()):
        return None
    return found


def holder_by_index(index: str) -> PccHolder | None:
    return db.session.scalar(select(PccHolder).where(PccHolder.number_index == index))


def _number(request: PccRequest) -> RegistrationNumber:
    return RegistrationNumber(configured_sealing().open(request.number_sealed))


# -- identity verification by mobile (FAQ Q4, Q6 ③-⑥) ------------------------------------


def _resident_with_tries_left(request: PccRequest) -> Resident | None:
    """The resident the request is for, while its five tries are not used up: a new code or
    another way to verify gives no new tries.

    :raise Refused: ``IDENTITY_REPEATED`` (the helpline, the counter, the other identifiers).
    """
    if (request.code_attempts or 0) >= one_time.MAX_ATTEMPTS:
        raise Refused(Failure.IDENTITY_REPEATED)
    return adapters().registry.holder(request.name, _number(request))


def send_code(request: PccRequest, *, carrier: str, name: str, mobile: str,
              born_on: date | None, now: datetime | None = None) -> None:
    """Check the mobile subscription against the resident and send a one-time code to it.

    :raise Refused: ``IDENTITY`` (the subscription does not match, Q4).
    """
    resident = _resident_with_tries_left(request)
    if resident is None or not adapters().mobile.matches(
            resident, carrier=carrier, name=name, mobile=mobile, born_on=born_on):
        raise Refused(Failure.IDENTITY)
    _send(request, mobile, now or clock.now())


def send_simple_code(request: PccRequest, *, provider: str, mobile: str,
                     now: datetime | None = None) -> None:
    """Simple certification (간편인증, Q6 ②): the provider reaches the resident on the mobile
    in their name, and the service's one-time code is sent to it; confirmed as the mobile
    check's code is (:func:`confirm_code`).

    :raise Refused: ``SIMPLE``.
    """
    resident = _resident_with_tries_left(request)
    if resident is None or not adapters().simple.reaches(resident, provider=provider,
                                                         mobile=mobile):
        raise Refused(Failure.SIMPLE)
    _send(request, mobile, now or clock.now())


def _send(request: PccRequest, mobile: str, now: datetime) -> None:
    """A new one-time code to ``mobile``; the wrong tries of earlier codes still count."""
    code, challenge = one_time.send(_secret(), now)
    request.mobile, request.code_digest = mobile, challenge.digest
    request.code_expires_at, request.code_extensions = challenge.expires_at, 0
    request.code_used = False
    adapters().sms.send(mobile, f"[관세청] 개인통관고유부호 인증번호 {code} (3분 이내 입력) "
                        f"PCC verification code {code}",
                        key=f"pcc-{request.id}-{challenge.digest[:40]}")


def certify(request: PccRequest, *, certificate: str, password: str,
            now: datetime | None = None) -> str:
    """Identity by a joint or financial certificate (Q5 ⑥, Q6 ②): the certificate chosen,
    opened with its password, is the resident's. Five wrong tries per request, as for codes.
    The request's new token.

    :raise Refused: ``CERTIFICATE``.
    """
    resident = _resident_with_tries_left(request)
    if resident is None or not adapters().certificates.matches(
            resident, certificate=certificate, password=password):
        request.code_attempts = (request.code_attempts or 0) + 1
        raise Refused(Failure.CERTIFICATE)
    request.verified_at = now or clock.now()
    return _renewed_token(request)


def _challenge(request: PccRequest) -> one_time.Challenge | None:
    if request.code_digest is None or request.code_expires_at is None:
        return None
    return one_time.Challenge(request.code_digest, request.code_expires_at,
                              request.code_extensions, request.code_attempts, request.code_used)


def _keep(request: PccRequest, challenge: one_time.Challenge) -> None:
    request.code_expires_at, request.code_extensions = challenge.expires_at, challenge.extensions
    request.code_attempts, request.code_used = challenge.attempts, challenge.used


def seconds_left(request: PccRequest, now: datetime | None = None) -> int:
    challenge = _challenge(request)
    return challenge.seconds_left(now or clock.now()) if challenge else 0


def extend_code(request: PccRequest, now: datetime | None = None) -> bool:
    """Extend the code's time once (the screen's 시간연장); False when it cannot be."""
    challenge = _challenge(request)
    extended = challenge and one_time.extend(challenge, now or clock.now())
    if not extended:
        return False
    _keep(request, extended)
    return True


def _renewed_token(request: PccRequest) -> str:
    """A new token for the request once verified: a token planted or seen before the check
    does not become a verified one."""
    token = secrets.token_urlsafe(32)
    request.token_hash = token_hash(token)
    return token


def confirm_code(request: PccRequest, typed: str, now: datetime | None = None) -> str:
    """The one-time code typed: accepted once, within its time, in five tries over all the
    codes sent for the request; the request's new token.

    :raise Refused: ``CODE_WRONG``, ``CODE_EXPIRED`` (ask a new one), ``IDENTITY_REPEATED``
        (five wrong tries: the helpline).
    """
    now = now or clock.now()
    challenge = _challenge(request)
    if challenge is None:
        raise Refused(Failure.CODE_EXPIRED)
    outcome, after = one_time.check(_secret(), challenge, typed, now)
    _keep(request, after)
    if outcome is one_time.Outcome.ACCEPTED:
        request.verified_at = now
        return _renewed_token(request)
    raise Refused({one_time.Outcome.WRONG: Failure.CODE_WRONG,
                   one_time.Outcome.TOO_MANY: Failure.IDENTITY_REPEATED}.get(
        outcome, Failure.CODE_EXPIRED))


# -- issuance, look-up, change, reissue --------------------------------------------------------


def _verified(request: PccRequest, purpose: str) -> None:
    if request.verified_at is None or request.purpose != purpose:
        raise Refused(Failure.IDENTITY)


def _new_code(holder: PccHolder, channel: str, by_id: int | None) -> PccCode:
    code = codes.draw_unused(lambda drawn: db.session.scalar(
        select(PccCode.id).where(PccCode.code == drawn)) is not None)
    issued = PccCode(code=code, holder=holder, status=IN_USE, channel=channel,
                     issued_by_id=by_id)
    db.session.add(issued)
    return issued


def _fill(holder: PccHolder, details: Details) -> None:
    holder.address, holder.telephone, holder.email = (details.address, details.telephone,
                                                       details.email or None)
    holder.mobile_owner = details.mobile_owner
    holder.mobile = details.mobile if details.mobile_owner == "self" else None
    holder.consents_to_viewing, holder.sms_alerts = details.consents_to_viewing, \
        details.sms_alerts


def issue(request: PccRequest, details: Details) -> PccCode:
    """Issue the code at once (FAQ Q5 ②): the request ends; one code in use per number, even
    when two requests for one person race (the unique index decides, the loser is told its
    code was issued).

    :raise Refused: ``IDENTITY`` (not verified), ``ALREADY_ISSUED``.
    """
    _verified(request, ISSUE)
    holder = holder_by_index(request.number_index)
    try:
        with db.session.begin_nested():
            if holder is None:
                holder = PccHolder(number_index=request.number_index,
                                   number_sealed=request.number_sealed,
                                   number_masked=request.number_masked, name=request.name)
                db.session.add(holder)
            elif holder.code_in_use is not None:
                raise Refused(Failure.ALREADY_ISSUED)
            holder.name = request.name
            _fill(holder, details)
            issued = _new_code(holder, "online", None)
            db.session.flush()
    except IntegrityError:
        raise Refused(Failure.ALREADY_ISSUED) from None
    db.session.delete(request)
    return issued


def looked_up(request: PccRequest) -> PccHolder:
    """The holder the verified look-up is for (Q6 ①: 발급내역 조회)."""
    _verified(request, LOOKUP)
    holder = holder_by_index(request.number_index)
    if holder is None:
        raise Refused(Failure.NOT_ISSUED)
    return holder


def change(request: PccRequest, details: Details) -> PccHolder:
    """Change the details after verifying again (the inquiry screen's 변경)."""
    holder = looked_up(request)
    _fill(holder, details)
    return holder


def reissues_this_year(holder: PccHolder, now: datetime | None = None) -> int:
    year = clock.seoul_date(now or clock.now()).year
    retired = db.session.scalars(select(PccCode.retired_at).where(
        PccCode.holder_id == holder.id, PccCode.retired_why == "reissued")).all()
    return sum(1 for moment in retired if moment and clock.seoul_date(moment).year == year)


def reissue(request: PccRequest, now: datetime | None = None) -> PccCode:
    """A new code; the old one out of use at once (a leaked code stops working). At most
    ``PCC_REISSUES_PER_YEAR`` a calendar year (Seoul).

    :raise Refused: ``REISSUE_LIMIT``.
    """
    now = now or clock.now()
    holder = looked_up(request)
    if reissues_this_year(holder, now) >= current_app.config["PCC_REISSUES_PER_YEAR"]:
        raise Refused(Failure.REISSUE_LIMIT)
    try:
        with db.session.begin_nested():
            old = holder.code_in_use
            if old is not None:
                old.status, old.retired_at, old.retired_why = NOT_IN_USE, now, "reissued"
                db.session.flush()
            issued = _new_code(holder, "online", None)
            db.session.flush()
    except IntegrityError:  # another reissue of the same holder won
        db.session.expire(holder)
        raise Refused(Failure.ALREADY_ISSUED) from None
    return issued


# -- the counter of a customs office (FAQ Q2 ①) ------------------------------------------------


def counter_find(typed_number: str) -> PccHolder | None:
    number = registration_number(typed_number)
    return holder_by_index(configured_sealing().index(number.digits))


def counter_issue(typed_name: str, typed_number: str, details: Details, officer_id: int
                  ) -> PccCode:
    """An officer issues a code to a foreigner who shows the card: the card is the check.

    :raise Refused: ``ALREADY_ISSUED``.
    """
    number = registration_number(typed_number)
    name = name_forms(typed_name)[0]
    sealing = configured_sealing()
    index = sealing.index(number.digits)
    holder = holder_by_index(index)
    if holder is not None and holder.code_in_use is not None:
        raise Refused(Failure.ALREADY_ISSUED)
    try:
        with db.session.begin_nested():
            if holder is None:
                holder = PccHolder(number_index=index, number_sealed=sealing.seal(number.digits),
                                   number_masked=number.masked, name=name)
                db.session.add(holder)
            holder.name = name
            _fill(holder, details)
            issued = _new_code(holder, "counter", officer_id)
            db.session.flush()
    except IntegrityError:
        raise Refused(Failure.ALREADY_ISSUED) from None
    return issued


def counter_new_code(holder: PccHolder, officer_id: int) -> PccCode:
    """A new code for a holder with none in use (after the counter put it out of use).

    :raise Refused: ``ALREADY_ISSUED``.
    """
    if holder.code_in_use is not None:
        raise Refused(Failure.ALREADY_ISSUED)
    try:
        with db.session.begin_nested():
            issued = _new_code(holder, "counter", officer_id)
            db.session.flush()
    except IntegrityError:
        raise Refused(Failure.ALREADY_ISSUED) from None
    return issued


def counter_retire(holder: PccHolder, officer_id: int, now: datetime | None = None) -> bool:
    """Put the holder's code out of use at the counter; False when none is in use."""
    code = holder.code_in_use
    if code is None:
        return False
    code.status, code.retired_at = NOT_IN_USE, now or clock.now()
    code.retired_why, code.retired_by_id = "counter", officer_id
    return True


def unmasked_number(holder: PccHolder, officer_id: int, reason: str) -> str:
    """The whole registration number, for an officer who gives a reason; the view is recorded
    (``pcc_views``) in the same transaction."""
    record_view(holder, officer_id, reason)
    return configured_sealing().open(holder.number_sealed)


def record_view(holder: PccHolder, officer_id: int, reason: str) -> None:
    """An officer saw the holder's unmasked details (the counter's holder page)."""
    db.session.add(PccView(holder_id=holder.id, user_id=officer_id, reason=reason[:200]))


def live_holder(holder_id: int) -> PccHolder | None:
    """A holder not erased by the retention (:mod:`jobs.pcc`)."""
    holder = db.session.get(PccHolder, holder_id)
    return holder if holder is not None and holder.number_sealed != ERASED else None
