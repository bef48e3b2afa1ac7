"""The fair baseline of the sweep: the rows the sweep writes, written by hand-written bulk SQL.

For each due deemed-permission application of :func:`bench.common.bulk_applications` the sweep
(``jobs.bulk`` and ``jobs.bulk_notices``) writes: the deadline claimed (missed, processed and
closed) and settled as having taken effect; the case moved to ``deemed_granted`` with its version,
event count and head hash; one hash-chained event naming its notice; one deemed-grant confirmation
(Art. 161(3)) numbered from the office's yearly counter, its content frozen; and an escalation to
each supervisor of the office and to the assigned officer. Here the same rows are written with
SQLAlchemy Core statements (one UPDATE of the deadlines, executemany UPDATE of the cases, INSERTs
of the events, notices and alerts), in one transaction: no engine, no ORM, no per-case checks.
Only the fixture is handled: every due deadline is the case's only one and expires into
``deem_grant``.
"""

from __future__ import annotations

import collections
import hashlib
from collections import defaultdict
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import bindparam, func, insert, select, update

from backoffice.audit import SYSTEM_ACTOR, event_hash
from backoffice.deadlines.store import load_calendar
from backoffice.extensions import db
from backoffice.models import (
    Alert,
    Authorisation,
    Case,
    CaseEvent,
    Counter,
    Deadline,
    DeadlineStatus,
    Notice,
    Office,
    Party,
    User,
)
from backoffice.notices.issue import addressee_facts, office_facts
from workflows import clock
from workflows.engine import SYSTEM, Context, Settlement, article_for
from workflows.notices.codes import counter_name, new_verification_code, notice_number
from workflows.notices.content import NoticeFacts, build_content
from workflows.notices.kinds import notice_kind
from workflows.procedures import procedure_for
from workflows.roles import Role

PROCEDURE = "deemed_permission"
TRIGGER = "deem_grant"

CASES = Case.__table__
DEADLINES = Deadline.__table__


def write_same_rows(now: datetime) -> int:
    """Write, in one transaction, what a sweep at ``now`` writes; return the deadlines taken."""
    procedure = procedure_for(PROCEDURE)
    transition = procedure.transition(TRIGGER)
    (notice_code,) = transition.notices
    dues = _claim(now)
    cases = {row.id: row for row in db.session.execute(
        select(CASES).where(CASES.c.id.in_({d.case_id for d in dues})))}
    offices = {o.id: o for o in db.session.scalars(
        select(Office).where(Office.id.in_({c.office_id for c in cases.values()})))}
    parties = {p.id: p for p in db.session.scalars(
        select(Party).where(Party.id.in_({c.party_id for c in cases.values()})))}
    recipients = _recipients(offices)
    year = now.astimezone(clock.SEOUL).year
    next_number = _number_blocks(offices, [cases[d.case_id].office_id for d in dues], year)
    calendar = load_calendar()
    action = transition.label_en
    label = procedure.deadline_spec(dues[0].kind).label_en if dues else ""

    case_rows, events, notices, alerts, granted = [], [], [], [], []
    for due in dues:
        case = cases[due.case_id]
        assert due.on_expiry == f"transition:{TRIGGER}" and case.state in transition.source
        office = offices[case.office_id]
        number = notice_number(office.code, year, next_number[office.id])
        next_number[office.id] += 1
        context = Context(state=case.state, role=SYSTEM, now=now, data=dict(case.data))
        article = article_for(transition.article, context)
        event = SimpleNamespace(
            case_id=case.id, seq=case.event_count + 1, occurred_at=now, effective_at=due.due_at,
            actor_id=None, actor_label=SYSTEM_ACTOR, trigger=TRIGGER, from_state=case.state,
            to_state=transition.dest, reason=None, article=article,
            payload={"fields": {}, "notices": [notice_code], "notice_numbers": [number],
                     "deadline": due.kind, "due_date": due.due_date.isoformat(),
                     "legal_moment": due.due_at.isoformat()},
            prev_hash=case.event_head_hash)
        event.hash = event_hash(event, case.reference)
        events.append(vars(event))
        case_rows.append({
            "b_id": case.id, "state": transition.dest, "version": case.version + 1,
            "event_count": event.seq, "event_head_hash": event.hash, "updated_at": now,
            "closed_at": due.due_at if procedure.state(transition.dest).terminal else None})
        facts = NoticeFacts(
            procedure=PROCEDURE, reference=case.reference, trigger=TRIGGER, article=article,
            issued_at=now, office=office_facts(office),
            addressee=addressee_facts(parties[case.party_id]), data=dict(case.data),
            deadlines={due.kind: due.due_date})
        notices.append({
            "case_id": case.id, "kind": notice_code, "number": number, "language": "ko",
            "verification_code": new_verification_code(),
            "content": build_content(notice_kind(notice_code), facts, calendar),
            "issued_at": now, "issued_by_id": None, "event_seq": event.seq})
        granted.append({
            "case_id": case.id, "holder_id": case.party_id,
            "kind": f"permission:{case.data['permission_kind']}", "number": case.reference,
            "article": article, "valid_from": clock.seoul_date(due.due_at), "valid_to": None,
            "status": "in_force", "granted_at": due.due_at, "event_seq": event.seq})
        message = (f"{case.reference}: the {label} period ended on {due.due_date}; "
                   f"“{action}” took effect ({due.article}).")
        for user_id in recipients(case.office_id, case.assigned_officer_id):
            alerts.append({"user_id": user_id, "case_id": case.id, "deadline_id": due.id,
                           "kind": "escalation", "key": "passed", "message": message,
                           "created_at": now})

    if case_rows:
        db.session.execute(
            update(CASES).where(CASES.c.id == bindparam("b_id"))
            .values({name: bindparam(name) for name in case_rows[0] if name != "b_id"}),
            case_rows)
        db.session.execute(insert(CaseEvent.__table__), events)
        db.session.execute(insert(Notice.__table__), notices)
        db.session.execute(insert(Alert.__table__), alerts)
        db.session.execute(insert(Authorisation.__table__), granted)
    db.session.commit()
    return len(dues)


def _claim(now: datetime) -> list:
    """Every due open deadline: missed, processed and closed now, settled at its legal moment."""
    claimed = db.session.execute(
        update(DEADLINES)
        .where(DEADLINES.c.status == DeadlineStatus.OPEN, DEADLINES.c.suspended_since.is_(None),
               DEADLINES.c.due_at <= now)
        .values(status=DeadlineStatus.MISSED, processed_at=now, closed_at=now,
                next_reminder_on=None, settled_at=DEADLINES.c.due_at,
                settlement=Settlement.TOOK_EFFECT)
        .returning(DEADLINES.c.id, DEADLINES.c.case_id, DEADLINES.c.kind, DEADLINES.c.article,
                   DEADLINES.c.due_date, DEADLINES.c.due_at, DEADLINES.c.on_expiry)
    ).all()
    return sorted(claimed, key=lambda due: (due.due_at, due.id))


def _recipients(offices: dict[int, Office]):
    """The office's active supervisors, then the assigned officer if active."""
    users = db.session.execute(
        select(User.id, User.office_id, User.role).where(
            User.office_id.in_(offices), User.active.is_(True))).all()
    active = {u.id for u in users}
    supervisors = defaultdict(list)
    for user in users:
        if user.role == Role.SUPERVISOR:
            supervisors[user.office_id].append(user.id)

    def for_case(office_id: int, assigned_id: int | None) -> list[int]:
        ids = list(supervisors[office_id])
        if assigned_id in active and assigned_id not in ids:
            ids.append(assigned_id)
        return ids

    return for_case


def _number_blocks(offices: dict[int, Office], issuing: list[int], year: int) -> dict[int, int]:
    """Take one block of notice numbers per office from its yearly counter; return the first."""
    counters = Counter.__table__
    first = {}
    for office_id, count in sorted(collections.Counter(issuing).items()):
        name = counter_name(offices[office_id].code, year)
        last = db.session.execute(
            update(counters).where(counters.c.name == name)
            .values(value=counters.c.value + count).returning(counters.c.value)).scalar()
        if last is None:
            db.session.execute(insert(counters).values(name=name, value=count))
            last = count
        first[office_id] = last - count + 1
    return first


def written(app) -> dict[str, object]:
    """What a sweep (or this baseline) left in ``app``'s database: the number of events, notices,
    alerts and authorisations, and a digest of every case's head (state, version and the hash
    of its newest event, so equal digests mean equal event chains)."""
    with app.app_context():
        def count(model) -> int:
            return db.session.scalar(select(func.count()).select_from(model))

        heads = db.session.execute(
            select(Case.id, Case.state, Case.version, Case.event_count, Case.event_head_hash)
            .order_by(Case.id)).all()
        digest = hashlib.sha256(repr([tuple(h) for h in heads]).encode()).hexdigest()
        return {"events": count(CaseEvent), "notices": count(Notice), "alerts": count(Alert),
                "authorisations": count(Authorisation), "case_heads": digest}
