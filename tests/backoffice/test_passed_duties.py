"""How a duty whose deadline has passed stops being owed, on the real engine and database, and
the migration that records it for databases made before it: the same answer both ways.

Dates are counted under Art. 8 (the first day is not counted; a period ends at 24:00 of its
last day; a last day on a weekend or public holiday moves to the next working day).
"""

from __future__ import annotations

from datetime import date

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import select

from backoffice.deadlines.operations import extend_deadline, waive_deadline
from backoffice.deadlines.standing import Standing, read
from backoffice.extensions import db
from backoffice.main.queries import deadline_counts
from backoffice.models import Deadline, DeadlineStatus
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import deadline, kst, withdrawal_application
from workflows import clock
from workflows.calendar import CalendarError

EXAMINATION = {"disposition_ref": "VAL-2026-77", "disposition": "Valuation of machinery",
               "disposition_kind": "classification", "route": "direct",
               "period_starts_on": "2026-02-20", "filed_on": "2026-03-02",
               "filing_rule": "at_office", "reasons": "Royalties are not customs value."}


def _objection(people, ref: str, filed: str):
    return open_procedure_case(
        "objection", party=people["payer"].party, office=people["office"],
        actor=people["officer"], assigned_officer=people["officer"],
        values={"disposition_ref": ref, "disposition": "Payment notice",
                "disposition_kind": "assessment", "notice_received_on": filed,
                "filed_on": filed, "filing_rule": "at_office", "reasons": "r"})


@pytest.fixture
def passed(people):
    """Four passed duties, each ended (or not) another way, after the sweep at 1 Apr 2026."""
    officer = people["officer"]
    with clock.frozen(kst(2026, 3, 2, 10)):
        # Filed Mon 2 Mar: forwarding within 7 days (Art. 122(3)), last day Mon 9 Mar.
        attorney = open_procedure_case("examination", party=people["payer"].party,
                                       office=people["office"], actor=officer,
                                       assigned_officer=officer, values=EXAMINATION)
        withdrawn = open_procedure_case(
            "examination", party=people["payer"].party, office=people["office"], actor=officer,
            assigned_officer=officer, values={**EXAMINATION, "disposition_ref": "VAL-2026-78"})
        # Objection filed Mon 2 Mar; revision of 5 days ordered the same day: 3 Mar to 7 Mar,
        # Saturday, moved to Mon 9 Mar.
        revised = _objection(people, "SEL-1", "2026-03-02")
        fire(revised, "issue_opinion", actor=officer, values={"opinion": "o"})
        fire(revised, "order_revision", actor=officer,
             values={"revision_days": 5, "matters": "drawings"})
        late_opinion = _objection(people, "SEL-2", "2026-03-02")
        db.session.commit()
    assert deadline(attorney, "forwarding").due_date.isoformat() == "2026-03-09"
    assert deadline(revised, "revision").due_date.isoformat() == "2026-03-09"
    with clock.frozen(kst(2026, 3, 10, 0, 1)):
        enforce_due_deadlines()
    with clock.frozen(kst(2026, 3, 20, 10)):
        fire(attorney, "appoint_attorney", actor=officer,
             values={"attorney_name": "Kim", "attorney_kind": "customs_broker",
                     "amount_in_dispute": 30_000_000, "authority_document": "POA-1"})
        fire(withdrawn, "withdraw", actor=officer, values={"reason": "settled"})
        fire(revised, "decide_dismiss", actor=officer,
             values={"ground": "c", "reasons": "no revision within the period"})
        fire(late_opinion, "issue_opinion", actor=officer, values={"opinion": "late"})
        db.session.commit()
    return {"attorney": (attorney, "forwarding"), "withdrawn": (withdrawn, "forwarding"),
            "revised": (revised, "revision"), "late_opinion": (late_opinion, "opinion")}


def _settlements(cases) -> dict[str, str | None]:
    return {name: db.session.scalar(select(Deadline.settlement).where(
                Deadline.case_id == case_id, Deadline.kind == kind))
            for name, (case_id, kind) in cases.items()}


def _ids(cases) -> dict[str, tuple[int, str]]:
    return {name: (case.id, kind) for name, (case, kind) in cases.items()}


def test_a_passed_duty_is_settled_by_what_actually_ended_it(passed):
    assert _settlements(_ids(passed)) == {
        "attorney": None,          # an attorney appointed: the forwarding is still owed
        "withdrawn": "moot",       # the request withdrawn before it was forwarded
        "revised": "took_effect",  # the revision period lapsed (Art. 123(1)): the decision
                                   # clock ran again; then dismissed under 128(1)1(c)
        "late_opinion": "met",     # the opinion sent, 11 days after its last day, 9 Mar
    }
    with clock.frozen(kst(2026, 3, 20, 11)):
        opinion = deadline(passed["late_opinion"][0], "opinion")
        assert (read(opinion).standing, read(opinion).days_late) == (Standing.MET_LATE, 11)
        assert read(deadline(*passed["revised"])).standing is Standing.LAPSED  # the party's
        assert read(deadline(*passed["attorney"])).standing is Standing.OVERDUE


def test_the_migration_records_the_same_settlements_for_an_older_database(app, passed):
    cases = _ids(passed)
    live = _settlements(cases)
    db.session.commit()
    db.session.remove()
    downgrade(revision="0007_attachments")  # a database from before settlements were kept
    upgrade()                               # replays each case's events after the deadline
    db.session.remove()
    assert _settlements(cases) == live
    assert db.session.scalar(select(Deadline.owed_by).where(Deadline.kind == "revision")) \
        == "party"


def test_a_permission_deemed_granted_cannot_then_be_waived_or_extended(people):
    case = withdrawal_application(people, "2026-11-02")
    period = deadline(case, "processing")
    # 10 days from 3 Nov end on Thu 12 Nov: deemed granted at 24:00, before any sweep.
    with clock.frozen(kst(2026, 11, 13, 9)):
        with pytest.raises(CalendarError):
            waive_deadline(period, reason="too late", actor=people["supervisor"])
        with pytest.raises(CalendarError, match="the law fixes this period"):
            extend_deadline(period, until=date(2026, 11, 20), ground="typhoon",
                            actor=people["officer"])
    assert db.session.get(Deadline, period.id).status == DeadlineStatus.OPEN
    assert db.session.get(Deadline, period.id).due_date == date(2026, 11, 12)


def test_a_tribunals_decision_period_passing_is_not_the_offices_delay(people):
    with clock.frozen(kst(2026, 3, 2, 10)):
        case = open_procedure_case(
            "adjudication", party=people["payer"].party, office=people["office"],
            actor=people["officer"],
            values={"disposition": "Payment notice", "disposition_ref": "SEL-2026-9",
                    "disposition_kind": "assessment", "filed_on": "2026-03-02",
                    "filing_rule": "online", "reasons": "r", "external_reference": "X-9"})
        db.session.commit()
    decision = deadline(case, "external_decision")
    # 90 days from 3 Mar end on Sun 31 May, moved to Mon 1 Jun (Art. 8(3)).
    assert decision.due_date.isoformat() == "2026-06-01" and decision.owed_by == "tribunal"
    with clock.frozen(kst(2026, 6, 10)):
        enforce_due_deadlines()
        assert read(deadline(case, "external_decision")).standing is Standing.LAPSED
        assert deadline_counts(people["office"].id)["overdue"] == 0
