"""The notices of a bulk sweep: numbered in blocks, content frozen, inserted in one statement.

A deemed grant issues its confirmation and a passed decision period its Art. 129(2) notice, also
when thousands take effect at once. Numbers are taken per office and year as one block for the
batch (no gaps: the batch commits or rolls back whole); the content is made by the one function
that makes every planned notice (:func:`backoffice.notices.issue.planned_notice_rows`); the
PDFs are rendered afterwards by the ``render_notices`` job, outside the sweep's transaction.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import insert, select

from backoffice.extensions import db
from backoffice.models import Notice, Office, Party
from backoffice.notices.issue import planned_notice_rows
from backoffice.sequences import next_value
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.notices.codes import counter_name, notice_number


class BulkNotices:
    def __init__(self, planned, now: datetime, calendar: StatutoryCalendar) -> None:
        self.now, self.calendar = now, calendar
        self.year = now.astimezone(clock.SEOUL).year
        self.rows: list[dict] = []
        needed = Counter()
        for item in planned:
            needed[item.case.office_id] += len(item.plan.notices)
        needed = +needed
        self.offices, self.parties, self.next = {}, {}, {}
        if not needed:
            return
        self.offices = {o.id: o for o in db.session.scalars(
            select(Office).where(Office.id.in_(needed)))}
        party_ids = {item.case.party_id for item in planned if item.plan.notices}
        self.parties = {p.id: p for p in db.session.scalars(
            select(Party).where(Party.id.in_(party_ids)))}
        for office_id, count in needed.items():
            code = self.offices[office_id].code
            last = next_value(counter_name(code, self.year), count)
            self.next[office_id] = last - count + 1

    def numbers_for(self, item) -> list[str]:
        numbers = []
        for _ in item.plan.notices:
            office_id = item.case.office_id
            value = self.next[office_id]
            self.next[office_id] = value + 1
            numbers.append(notice_number(self.offices[office_id].code, self.year, value))
        return numbers

    def issue(self, item, numbers: list[str], seq: int) -> None:
        if not numbers:
            return
        row = item.case
        self.rows += planned_notice_rows(
            item.plan, case_id=row.id, reference=row.reference,
            office=self.offices[row.office_id], party=self.parties[row.party_id],
            numbers=numbers, event_seq=seq,
            issued_by_id=item.actor.id if item.actor else None, issued_at=self.now,
            calendar=self.calendar)

    def write(self) -> None:
        if self.rows:
            db.session.execute(insert(Notice), self.rows)
