"""A database from before issue 12: a revision order left unanswered stopped the decision clock
for ever. Migration 0010 reopens such a period so that the sweep records its lapse at the legal
moment (Arts. 123(1), 128(4)), and counts from the events what the corrected guards read.

Dates are counted under Art. 8 (Civil Act 157: the first day not counted; a last day on a
Saturday, Sunday or holiday moves to the next working day).
"""

from __future__ import annotations

from datetime import date

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, update

from backoffice.extensions import db
from backoffice.models import Case, Deadline, DeadlineStatus
from backoffice.workflow import fire, open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.procedure_helpers import deadline, kst, withdrawal_application
from workflows import clock

FILING = {"disposition_ref": "SEL-9", "disposition": "Payment notice",
          "disposition_kind": "assessment", "notice_received_on": "2026-03-02",
          "filed_on": "2026-03-02", "filing_rule": "at_office", "reasons": "r"}


def test_an_old_unanswered_revision_is_reopened_and_its_lapse_restarts_the_decision_clock(
    app, people
):
    officer = people["officer"]
    with clock.frozen(kst(2026, 3, 2, 10)):
        # Filed Mon 2 Mar: 30 days from 3 Mar end on Wed 1 Apr (Art. 132(4) → 128(2)).
        case = open_procedure_case("objection", party=people["payer"].party,
                                   office=people["office"], actor=officer,
                                   assigned_officer=officer, values=FILING)
        fire(case, "issue_opinion", actor=officer, values={"opinion": "o"})
        # A revision of 5 days ordered the same day: 3 to Sat 7 Mar, moved to Mon 9 Mar
        # (Art. 123(1); 8(3)).
        fire(case, "order_revision", actor=officer,
             values={"revision_days": 5, "matters": "drawings"})
        db.session.commit()
    case_id = case.id
    assert deadline(case, "revision").due_date == date(2026, 3, 9)
    # The database as it was: the period flagged when it passed, the counter not kept.
    db.session.execute(update(Deadline).where(Deadline.kind == "revision")
                       .values(on_expiry="flag"))
    data = dict(case.data)
    data.pop("opinions_sent")
    db.session.execute(update(Case).where(Case.id == case_id).values(data=data))
    db.session.commit()
    with clock.frozen(kst(2026, 3, 10, 0, 5)):
        enforce_due_deadlines()
    db.session.remove()
    assert db.session.get(Case, case_id).state == "in_revision"  # stuck, as it was
    db.session.remove()  # a read left open would hold the lock a DROP TABLE waits for

    downgrade(revision="0009_staged_filings")
    upgrade()
    db.session.remove()

    revision = db.session.scalar(select(Deadline).where(Deadline.kind == "revision"))
    assert (revision.status, revision.on_expiry) == (DeadlineStatus.OPEN,
                                                     "transition:revision_lapsed")
    assert db.session.get(Case, case_id).data["opinions_sent"] == 1
    with clock.frozen(kst(2026, 3, 20, 9)):
        enforce_due_deadlines()
    db.session.remove()
    case = db.session.get(Case, case_id)
    assert case.state == "revision_lapsed"
    # The revision period, 3 to 9 Mar, is not counted (Art. 128(4)): 7 days after Wed 1 Apr,
    # the decision period ends on Wed 8 Apr.
    assert deadline(case, "decision").due_date == date(2026, 4, 8)
    assert deadline(case, "decision").suspended_since is None


def test_an_old_waiver_of_a_processing_period_is_undone_and_permission_is_deemed_granted(
    app, people
):
    """A waived processing period left the application neither granted nor deemed granted.
    Received Mon 2 Nov 2026: the 10 days of Art. 250(4) from 3 Nov end on Thu 12 Nov; permission
    is deemed granted at 00:00 on 13 Nov (250(5))."""
    case = withdrawal_application(people, "2026-11-02")
    case_id = case.id
    # as the old code did it: a supervisor's waiver
    db.session.execute(update(Deadline).where(Deadline.kind == "processing")
                       .values(status=DeadlineStatus.WAIVED, closed_reason="no longer needed"))
    db.session.commit()
    db.session.remove()

    downgrade(revision="0009_staged_filings")
    upgrade()
    db.session.remove()

    period = db.session.scalar(select(Deadline).where(Deadline.kind == "processing"))
    assert period.status == DeadlineStatus.OPEN and period.due_date == date(2026, 11, 12)
    with clock.frozen(kst(2026, 11, 13, 0, 5)):
        enforce_due_deadlines()
    db.session.remove()
    assert db.session.get(Case, case_id).state == "deemed_granted"
