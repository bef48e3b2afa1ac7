"""Fixtures shared by the back office's page tests."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Office, Party, User
from backoffice.workflow import open_procedure_case
from tests.procedure_helpers import kst
from workflows import clock
from workflows.roles import Role

ONLINE_OBJECTION = {"disposition_ref": "2026-0301", "disposition": "Payment notice 2026-0301",
                    "disposition_kind": "assessment", "notice_received_on": "2026-11-20",
                    "filed_on": "2026-11-30", "filing_rule": "online",
                    "reasons": "Personal effects."}


@pytest.fixture
def objection(app, make) -> str:
    """An objection filed online by JOHN SMITH (user ``john``) on 30 November 2026 with the
    Seoul office, whose officers are ``seoul.officer`` and ``other.officer``."""
    office = make.office("SEOUL")
    make.user("seoul.officer", Role.OFFICER, office=office)
    make.user("other.officer", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    make.user("john", Role.DUTY_PAYER, party=party)
    with app.app_context(), clock.frozen(kst(2026, 11, 30, 10)):
        case = open_procedure_case("objection", party=db.session.get(Party, party.id),
                                   office=db.session.get(Office, office.id),
                                   actor=db.session.scalar(select(User).where(
                                       User.username == "john")), values=ONLINE_OBJECTION)
        db.session.commit()
        return case.reference


@pytest.fixture
def john_at_seoul(make):
    """JOHN SMITH (user ``john``) and ``kimminjun``, an officer of the Seoul office: call it in
    an app context for the office, the party and the officer, attached to its session."""
    office = make.office("SEOUL")
    make.user("kimminjun", Role.OFFICER, office=office)
    party = make.party("JOHN SMITH")
    make.user("john", Role.DUTY_PAYER, party=party)

    def attached() -> tuple[Office, Party, User]:
        return (db.session.get(Office, office.id), db.session.get(Party, party.id),
                db.session.scalar(select(User).where(User.username == "kimminjun")))

    return attached
