"""The PCC service's housekeeping, a scheduler job (hourly by default):

- online requests past their time are deleted (they hold a sealed number and a code's hash);
- a holder whose codes have all been out of use for ``PCC_RETENTION_YEARS`` is erased: the
  number, its index, the name and the contact details go; the codes stay, so that no code is
  ever issued again [Assumption: the digest's "while in use + 5 years", PIPA];
- the local SMS outbox keeps ``PCC_SMS_OUTBOX_DAYS`` of messages.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, exists, func, select

from backoffice.extensions import db
from backoffice.models import PccCode, PccHolder, PccRequest, SmsMessage
from backoffice.models.pcc import ERASED, IN_USE
from workflows import clock


def housekeeping() -> int:
    """Run the three; how many rows were deleted or erased."""
    now = clock.now()
    done = db.session.execute(delete(PccRequest).where(PccRequest.expires_at <= now)).rowcount
    kept = timedelta(days=current_app.config["PCC_SMS_OUTBOX_DAYS"])
    done += db.session.execute(delete(SmsMessage).where(SmsMessage.sent_at < now - kept)
                               ).rowcount
    cutoff = now - timedelta(days=365 * current_app.config["PCC_RETENTION_YEARS"])
    last_retired = (select(func.max(PccCode.retired_at)).where(PccCode.holder_id == PccHolder.id)
                    .scalar_subquery())
    stale = db.session.scalars(
        select(PccHolder).where(
            PccHolder.number_sealed != ERASED,
            ~exists().where(PccCode.holder_id == PccHolder.id, PccCode.status == IN_USE),
            last_retired < cutoff).limit(1000)).all()
    for holder in stale:
        holder.number_index, holder.number_sealed = f"{ERASED}:{holder.id}", ERASED
        holder.number_masked, holder.name, holder.address = "", "", ""
        holder.telephone, holder.email, holder.mobile = "", None, None
    db.session.commit()
    return done + len(stale)
