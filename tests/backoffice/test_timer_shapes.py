"""Every timer shape of the Act fits a declaration, without code of its own.

A test procedure declares them all: a period that starts when a notice is served, a deadline
counted back from a planned date (Art. 114(1)), a validity period with renewal reminders (a
5-year AEO certificate, Art. 255-2(5)), a period whose clock stops (Art. 128(4)), and an
office deadline that escalates when it passes.
"""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from backoffice.deadlines.operations import resume, suspend, waive_deadline
from backoffice.extensions import db
from backoffice.models import Alert, CaseEvent, Deadline, DeadlineStatus
from backoffice.workflow import fire, open_procedure_case, start_awaited_deadlines
from jobs.enforce import enforce_due_deadlines
from jobs.reminders import send_reminders
from workflows import clock, procedures
from workflows.clock import SEOUL
from workflows.engine import (
    SYSTEM,
    Expiry,
    Field,
    FieldKind,
    Label,
    Procedure,
    Start,
    State,
    Transition,
)
from workflows.engine import (
    Deadline as DeadlineSpec,
)
from workflows.roles import Role

OFFICE = frozenset({Role.OFFICER, Role.SUPERVISOR})

SHAPES = Procedure(
    code="aeo_certification",
    article="test procedure",
    states=(
        State(name="certified", label=Label("Certified", "공인"), article="Art. 255-2(5)"),
        State(name="audit_planned", label=Label("Audit planned", "조사 예정"),
              article="Art. 114(1)"),
        State(name="notified", label=Label("Decision notified", "통지"), article="Art. 129(1)"),
        State(name="in_revision", label=Label("In revision", "보정 중"), article="Art. 128(4)",
              suspends=("decision",)),
        State(name="decided", label=Label("Decided", "결정"), article="Art. 128(1)", terminal=True),
        State(name="lapsed", label=Label("Lapsed", "만료"), article="Art. 255-2(5)", terminal=True),
    ),
    transitions=(
        Transition(trigger="certify", source=(), dest="certified", roles=OFFICE,
                   article="Art. 255-2(1)", label=Label("Certify"),
                   fields=(Field(name="certified_on", label=Label("Certified on"),
                                 kind=FieldKind.DATE, store=True),)),
        Transition(trigger="plan_audit", source=("certified",), dest="audit_planned", roles=OFFICE,
                   article="Art. 114(1)", label=Label("Plan an audit"),
                   fields=(Field(name="audit_on", label=Label("Audit starts"), kind=FieldKind.DATE,
                                 store=True, future=True),)),
        Transition(trigger="notify", source=("audit_planned",), dest="notified", roles=OFFICE,
                   article="Art. 129(1)", label=Label("Notify")),
        Transition(trigger="ask_revision", source=("notified",), dest="in_revision", roles=OFFICE,
                   article="Art. 123(1)", label=Label("Ask for revision")),
        Transition(trigger="revised", source=("in_revision",), dest="notified", roles=OFFICE,
                   article="Art. 123(1)", label=Label("Revised")),
        Transition(trigger="decide", source=("notified",), dest="decided", roles=OFFICE,
                   article="Art. 128(1)", label=Label("Decide")),
        Transition(trigger="lapse", source=("certified", "audit_planned", "notified"),
                   dest="lapsed", roles=frozenset({SYSTEM}), article="Art. 255-2(5)",
                   label=Label("Lapse")),
    ),
    deadlines={
        "certified": (
            DeadlineSpec(kind="validity", label=Label("validity of the certificate"),
                         article="Art. 255-2(5)", period="5y",
                         start=Start.data("certified_on", "certification"),
                         on_expiry=Expiry.transition("lapse"), rollover=False,
                         starts_at_midnight=True, reminders=("7m", "6m")),
        ),
        "audit_planned": (
            DeadlineSpec(kind="audit_notice", label=Label("advance notice of the audit"),
                         article="Art. 114(1)", period="15d",
                         start=Start.backward("audit_on", "start of the audit"),
                         on_expiry=Expiry.escalate()),
        ),
        "notified": (
            DeadlineSpec(kind="appeal", label=Label("period to appeal"), article="Art. 129(1)",
                         period="90d",
                         start=Start.event("notice_served", "service of the decision"),
                         on_expiry=Expiry.flag()),
            DeadlineSpec(kind="decision", label=Label("decision"), article="Art. 128(2)",
                         period="30d", start=Start.entered("notification"),
                         on_expiry=Expiry.escalate(), met_by=("decide",),
                         waiver="an internal time limit of this test procedure"),
        ),
    },
)


@pytest.fixture
def shapes(monkeypatch):
    monkeypatch.setitem(procedures.REGISTRY, "aeo_certification", SHAPES)
    return SHAPES


@pytest.fixture
def team(app_ctx, make):
    office = make.office()
    return {"officer": make.user("officer", Role.OFFICER, office=office),
            "supervisor": make.user("supervisor", Role.SUPERVISOR, office=office),
            "office": office, "party": make.party(company=True)}


def kst(*args):
    return datetime(*args, tzinfo=SEOUL)


def open_certificate(team, certified_on="2026-06-05"):
    with clock.frozen(kst(2026, 6, 5, 10)):
        case = open_procedure_case("aeo_certification", party=team["party"],
                                   office=team["office"], actor=team["officer"],
                                   assigned_officer=team["officer"],
                                   values={"certified_on": certified_on})
        db.session.commit()
    return case


def deadline(case, kind) -> Deadline:
    return db.session.scalars(select(Deadline).where(
        Deadline.case_id == case.id, Deadline.kind == kind).order_by(Deadline.id.desc())).first()


def test_a_validity_period_runs_from_midnight_and_is_not_rolled_over(shapes, team):
    validity = deadline(open_certificate(team), "validity")
    assert validity.due_date == date(2031, 6, 4)  # a Wednesday, but no roll-over anyway
    assert validity.reminders == ["2030-11-04", "2030-12-04"]


def test_renewal_reminders_come_seven_and_six_months_before_expiry(shapes, team):
    open_certificate(team)
    with clock.frozen(kst(2030, 11, 4, 9)):
        assert send_reminders() == 1
    assert "validity of the certificate due 2031-06-04" in db.session.scalar(select(Alert.message))


def test_an_expired_validity_period_lapses_the_certificate(shapes, team):
    case = open_certificate(team)
    with clock.frozen(kst(2031, 6, 5, 0, 0, 5)):
        assert enforce_due_deadlines().fired == 1
    db.session.expire_all()
    assert case.state == "lapsed"


def test_a_backward_deadline_is_due_sixteen_days_before_the_audit(shapes, team):
    case = open_certificate(team)
    with clock.frozen(kst(2026, 7, 1, 10)):
        fire(case, "plan_audit", actor=team["officer"], values={"audit_on": "2026-07-30"})
        db.session.commit()
    notice = deadline(case, "audit_notice")
    assert notice.due_date == date(2026, 7, 14)
    assert notice.backward is True
    assert "strict reading" in notice.explanation[1]["text"]


def test_an_office_deadline_that_passes_escalates_to_the_supervisors(shapes, team):
    case = open_certificate(team)
    with clock.frozen(kst(2026, 7, 1, 10)):
        fire(case, "plan_audit", actor=team["officer"], values={"audit_on": "2026-07-30"})
        db.session.commit()
    with clock.frozen(kst(2026, 7, 15, 0, 1)):
        assert enforce_due_deadlines().flagged == 1
    db.session.expire_all()
    assert case.state == "audit_planned"
    assert deadline(case, "audit_notice").status == DeadlineStatus.MISSED
    passed = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
    assert (passed.trigger, passed.article) == ("deadline_passed", "Art. 114(1)")
    alerted = set(db.session.scalars(select(Alert.user_id)))
    assert team["supervisor"].id in alerted


def _notified(shapes, team):
    case = open_certificate(team)
    with clock.frozen(kst(2026, 7, 1, 10)):
        fire(case, "plan_audit", actor=team["officer"], values={"audit_on": "2026-07-30"})
        fire(case, "notify", actor=team["officer"])
        db.session.commit()
    return case


def test_a_period_from_service_opens_only_when_the_notice_is_served(shapes, team):
    case = _notified(shapes, team)
    assert deadline(case, "appeal") is None
    start_awaited_deadlines(case, "notice_served", date(2026, 7, 3))
    db.session.commit()
    assert deadline(case, "appeal").due_date == date(2026, 10, 1)


def test_a_clock_stop_moves_the_deadline_by_exactly_the_stopped_days(shapes, team):
    case = _notified(shapes, team)
    decision = deadline(case, "decision")
    assert decision.due_date == date(2026, 7, 31)
    with clock.frozen(kst(2026, 7, 6, 10)):
        fire(case, "ask_revision", actor=team["officer"])
        db.session.commit()
    # the revision period runs from the day after the order (Civil Act Art. 157)
    assert decision.suspended_since == date(2026, 7, 7)
    with clock.frozen(kst(2026, 8, 3, 0, 5)):
        assert enforce_due_deadlines().processed == 0
    with clock.frozen(kst(2026, 7, 16, 11)):
        fire(case, "revised", actor=team["officer"])
        db.session.commit()
    assert deadline(case, "decision").id == decision.id
    assert decision.status == DeadlineStatus.OPEN
    assert decision.due_date == date(2026, 8, 10)
    # 7 to 16 July, the day the revision arrived included: 10 days (Art. 128(4))
    assert "in revision 2026-07-07 to 2026-07-16: 10 days not counted" in str(
        decision.explanation)
    with clock.frozen(kst(2026, 7, 20, 9)):
        fire(case, "decide", actor=team["officer"])
        db.session.commit()
    assert decision.status == DeadlineStatus.MET


def test_manual_suspension_and_resumption_recompute_the_same_way(shapes, team):
    case = _notified(shapes, team)
    decision = deadline(case, "decision")
    suspend(decision, date(2026, 7, 6))
    resume(decision, date(2026, 7, 16), article="Art. 128(4)", reason="revision period")
    db.session.commit()
    assert decision.due_date == date(2026, 8, 10)


def test_a_supervisor_waives_a_deadline_with_a_reason(shapes, team):
    case = _notified(shapes, team)
    decision = deadline(case, "decision")
    waive_deadline(decision, reason="case withdrawn by phone, confirmed in writing",
                   actor=team["supervisor"])
    db.session.commit()
    assert decision.status == DeadlineStatus.WAIVED
    last = db.session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
    assert (last.trigger, last.actor_id) == ("waive_deadline", team["supervisor"].id)
