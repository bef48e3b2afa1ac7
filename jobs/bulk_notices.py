"""The notices of a bulk sweep: numbered in blocks, content frozen, inserted in one statement.

A deemed grant issues its confirmation and a passed decision period its Art. 129(2) notice, also
when thousands take effect at once. Numbers are taken per office and year as one block for the
batch (no gaps: the batch commits or rolls back whole); the PDFs are rendered afterwards by the
``render_notices`` job, outside the sweep's transaction.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import insert, select

from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import Notice, Office, Party
from backoffice.notices.issue import addressee_facts, notice_rows, office_facts
from backoffice.sequences import next_value
from workflows import clock
from workflows.notices.codes import counter_name, notice_number
from workflows.notices.content import NoticeFacts


class BulkNotices:
    def __init__(self, cases, accepted, now: datetime) -> None:
        self.now = now
        self.year = now.astimezone(clock.SEOUL).year
        self.rows: list[dict] = []
        needed = Counter()
        for row, transition in accepted:
            needed[row.office_id] += len(transition.notices)
        self.offices, self.parties, self.next = {}, {}, {}
        if not needed:
            return
        self.offices = {o.id: o for o in db.session.scalars(
            select(Office).where(Office.id.in_(needed)))}
        party_ids = {row.party_id for row in cases}
        self.parties = {p.id: p for p in db.session.scalars(
            select(Party).where(Party.id.in_(party_ids)))}
        for office_id, count in needed.items():
            code = self.offices[office_id].code
            last = next_value(counter_name(code, self.year), count)
            self.next[office_id] = last - count + 1
        self.calendar = load_calendar()

    def numbers_for(self, row, transition) -> list[str]:
        numbers = []
        for _ in transition.notices:
            value = self.next[row.office_id]
            self.next[row.office_id] = value + 1
            numbers.append(notice_number(self.offices[row.office_id].code, self.year, value))
        return numbers

    def issue(self, row, due, transition, article: str, numbers: list[str], seq: int,
              others) -> None:
        if not numbers:
            return
        facts = NoticeFacts(
            procedure=row.procedure, reference=row.reference, trigger=transition.trigger,
            article=article, issued_at=self.now,
            office=office_facts(self.offices[row.office_id]),
            addressee=addressee_facts(self.parties[row.party_id]), data=dict(row.data or {}),
            deadlines={**{d.kind: d.due_date for d in others}, due.kind: due.due_date},
        )
        self.rows += notice_rows(row.id, numbers, transition.notices, facts, self.calendar,
                                 event_seq=seq)

    def write(self) -> None:
        if self.rows:
            db.session.execute(insert(Notice), self.rows)
