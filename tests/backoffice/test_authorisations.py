"""What a case grants for a time is kept as an authorisation with real, indexed columns (issue 14,
item 6): a permission granted, or deemed granted when the office stays silent (e.g. Arts. 134(4),
161(4)), held by the applicant, from the legal day it took effect, until revoked.

Dates are counted under Art. 8 (Civil Act 157: the day of receipt not counted; the period ends
at 24:00 of its last day; the deemed grant takes effect at 00:00 of the day after).
"""

from __future__ import annotations

from datetime import date, datetime

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from backoffice.authorisations import held_by, in_force_expiring
from backoffice.extensions import db
from backoffice.models import Authorisation, Case
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from workflows import clock
from workflows.clock import SEOUL


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def applied(people, received_on: date, kind: str = "161") -> Case:
    with clock.frozen(kst(received_on.year, received_on.month, received_on.day, 10)):
        case = open_procedure_case(
            "deemed_permission", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"permission_kind": kind, "received_on": received_on.isoformat(),
                    "application": "12 sample bottles"})
        db.session.commit()
    return case


def authorisations_of(case: Case | int) -> list[Authorisation]:
    db.session.expire_all()
    case_id = case if isinstance(case, int) else case.id
    return list(db.session.scalars(select(Authorisation).where(Authorisation.case_id == case_id)))


def test_a_deemed_grant_is_an_authorisation_in_force_from_the_day_after_the_period(app, people):
    # Received Mon 2 Mar 2026: the 10 days run 3 to 12 Mar (Thu); deemed granted on Fri 13 Mar
    # (Art. 161(3): "the day following the day such period ends").
    case = applied(people, date(2026, 3, 2))
    assert authorisations_of(case) == []
    with clock.frozen(kst(2026, 3, 13, 0, 1)):
        assert enforce_due_deadlines().fired == 1
    [permission] = authorisations_of(case)
    assert (permission.kind, permission.number, permission.holder_id) == (
        "permission:161", case.reference, people["payer"].party.id)
    assert (permission.valid_from, permission.valid_to, permission.status) == (
        date(2026, 3, 13), None, "in_force")
    assert permission.article == "Art. 161(3)"
    assert permission.granted_at == kst(2026, 3, 13, 0, 0)
    assert db.session.scalars(held_by(people["payer"].party.id, date(2026, 3, 13))).all() == [
        permission]
    assert db.session.scalars(held_by(people["payer"].party.id, date(2026, 3, 12))).all() == []


def test_a_grant_within_the_period_is_valid_from_its_legal_day(app, people):
    case = applied(people, date(2026, 3, 2), kind="250")
    with clock.frozen(kst(2026, 3, 5, 15)):
        fire(case, "grant", actor=people["officer"], values={"conditions": ""})
        db.session.commit()
    [permission] = authorisations_of(case)
    assert (permission.kind, permission.valid_from, permission.event_seq) == (
        "permission:250", date(2026, 3, 5), 2)


def test_a_refusal_grants_nothing_and_a_revocation_ends_the_deemed_permission(app, people):
    refused = applied(people, date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 5, 15)):
        fire(refused, "refuse", actor=people["officer"], values={"reasons": "prohibited"})
        db.session.commit()
    assert authorisations_of(refused) == []
    deemed = applied(people, date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 13, 0, 1)):
        enforce_due_deadlines()
    with clock.frozen(kst(2026, 3, 16, 10)):
        fire(db.session.get(Case, deemed.id), "revoke", actor=people["supervisor"],
             values={"reasons": "the samples are prohibited goods"})
        db.session.commit()
    [permission] = authorisations_of(deemed)
    assert (permission.status, permission.ended_reason) == (
        "revoked", "the samples are prohibited goods")
    assert permission.ended_at == kst(2026, 3, 16, 10)
    assert db.session.scalars(held_by(people["payer"].party.id, date(2026, 3, 16))).all() == []


def test_what_expires_this_quarter_is_an_indexed_query(app, people):
    case = applied(people, date(2026, 3, 2))
    holder = people["payer"].party.id
    for number, valid_to, status in (("L-1", date(2026, 12, 31), "in_force"),
                                     ("L-2", date(2027, 1, 1), "in_force"),
                                     ("L-3", date(2026, 10, 1), "in_force"),
                                     ("L-4", date(2026, 11, 2), "revoked"),
                                     ("L-5", None, "in_force")):
        db.session.add(Authorisation(
            case_id=case.id, holder_id=holder, kind="licence:warehouse", number=number,
            article="Art. 176", valid_from=date(2016, 1, 1), valid_to=valid_to, status=status,
            granted_at=kst(2016, 1, 1, 9), event_seq=1))
    db.session.commit()
    quarter = in_force_expiring(date(2026, 10, 1), date(2026, 12, 31))
    assert [a.number for a in db.session.scalars(quarter)] == ["L-3", "L-1"]
    if db.engine.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in db.session.execute(text(
            "EXPLAIN QUERY PLAN " + str(quarter.compile(
                db.engine, compile_kwargs={"literal_binds": True})))))
        assert "ix_authorisations_status_valid_to" in plan


def test_the_migration_records_the_permissions_granted_before_it(app, people):
    granted = applied(people, date(2026, 3, 2))
    with clock.frozen(kst(2026, 3, 13, 0, 1)):
        enforce_due_deadlines()
    pending = applied(people, date(2026, 3, 20))
    granted, pending = granted.id, pending.id
    db.session.remove()
    downgrade(revision="0012_calendar_confirmation")
    upgrade()
    db.session.remove()
    [permission] = authorisations_of(granted)
    assert (permission.kind, permission.valid_from, permission.status, permission.event_seq) == (
        "permission:161", date(2026, 3, 13), "in_force", 2)
    assert authorisations_of(pending) == []
