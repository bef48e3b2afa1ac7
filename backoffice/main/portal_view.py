"""What the duty payer's portal shows, in the party's words: what they must do and by when, what
they may do, what the customs office still owes them, and how each case was decided.

Every word comes from the declarations: the deadlines (who owes them, their labels), the
transitions the party may fire (their labels, the case page's forms they lead to) and the
plain-language outcomes declared on the decisions (``Transition.outcome_en``/``outcome_ko``).
Where a deadline stands is :mod:`backoffice.deadlines.standing`'s one definition. Nothing here
knows a procedure by name, and nothing internal is shown: no usernames, no notes, none of the
office's own consequences of a late duty (alerts, flags).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from flask import url_for
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from backoffice import dates
from backoffice.cases.next_step import can_request_examination
from backoffice.deadlines import standing
from backoffice.deadlines.standing import Reading, Standing
from backoffice.extensions import db
from backoffice.i18n import Words, josa
from backoffice.main import queries
from backoffice.models import Case, CaseEvent, Deadline, DeadlineStatus, User
from backoffice.security import visible_cases
from backoffice.workflow import actions_for
from workflows import clock
from workflows.citations import korean_citation
from workflows.engine import (
    STAYS,
    Action,
    Context,
    Duty,
    FieldKind,
    Procedure,
    Settlement,
    Transition,
    article_for,
)
from workflows.engine import Deadline as DeadlineSpec
from workflows.engine.plan import expiry_trigger
from workflows.procedures import REGISTRY, procedure_info


@dataclass(frozen=True)
class Button:
    label: Words
    url: str


@dataclass(frozen=True)
class ToDo:
    """A time limit of the party's own, running: what to do, by when, what if it passes."""

    case: Case
    deadline: Deadline
    reading: Reading
    title: Words
    if_it_passes: Words
    button: Button

    @property
    def lapsed(self) -> bool:
        return self.reading.standing is Standing.LAPSED


@dataclass(frozen=True)
class Option:
    """Something the party may do in the case's present step, with no time limit of its own
    (e.g. evidence against the written opinion, Art. 132(6))."""

    case: Case
    title: Words
    article: str
    note: Words | None
    button: Button


@dataclass(frozen=True)
class Awaited:
    """A duty the customs office owes on the case: running, stopped or late."""

    case: Case
    deadline: Deadline
    reading: Reading
    title: Words
    meaning: Words | None = None
    """For a late duty whose lapse the law gives an effect for the party (e.g. Art. 121(2)
    proviso: the next step may be taken at once), that effect in plain words."""
    button: Button | None = None
    stopped_by: Words | None = None
    """For a period whose clock the present step stops (e.g. a revision, Art. 128(4)): why."""

    @property
    def late(self) -> bool:
        return self.reading.standing is Standing.OVERDUE


@dataclass(frozen=True)
class Outcome:
    """What an event of the case meant for the party (a decision, a closure), on its day."""

    on: date
    text: Words


@dataclass
class CaseSummary:
    case: Case
    outcomes: list[Outcome] = field(default_factory=list)
    next_step: Words | None = None
    """After a decision: until when, and by what, the party may go on (or from when that
    period runs, while the receipt of the decision is not recorded)."""
    pending: list[Deadline] = field(default_factory=list)

    @property
    def closed_on(self) -> date | None:
        return clock.seoul_date(self.case.closed_at) if self.case.closed_at else None


@dataclass
class Portal:
    to_do: list[ToDo]
    options: list[Option]
    awaited: list[Awaited]
    live: list[CaseSummary]
    closed: list[CaseSummary]


# What the lapse of each of the party's own time limits means for the party. A revision not
# made in time is a ground of dismissal (Art. 128(1)1(c); for a pre-assessment review, not
# being reviewed, 118(4)3): the consequence's article is keyed by the article of the period.
LAPSE = {
    "revision": Words(
        "your {what} may be dismissed without a review of its merits ({consequence})",
        "{what_ko} 본안 심리 없이 각하될 수 있습니다 ({consequence})"),
    "next_step": Words(
        "you can no longer appeal, and the decision stands ({article})",
        "더 이상 불복할 수 없고 결정이 확정됩니다 ({article})"),
    "review_window": Words(
        "you can no longer ask for a review, and the office may collect the shortage by a "
        "payment notice, which you can still appeal (Art. 39(3), 119)",
        "과세전적부심사를 청구할 수 없고, 세관은 납부고지로 부족세액을 징수할 수 있습니다. "
        "납부고지에 대해서는 불복할 수 있습니다 (제39조제3항, 제119조)"),
}
REVISION_CONSEQUENCE = {
    "Art. 123(1)": "Art. 128(1)1(c)",
    "Art. 123(1) via 132(4)": "Art. 128(1)1(c) via 132(4)",
    "Art. 118(6) → 123(1)": "Art. 118(4)3",
}
FALLBACK_LAPSE = Words("this chance is gone ({article})", "더 이상 할 수 없습니다 ({article})")


def portal_for(user: User, now: datetime | None = None) -> Portal:
    """The portal of the duty payer ``user`` at ``now``: the cases of their party only."""
    now = now or clock.now()
    cases = queries.recent_cases(user)
    pending = queries.open_deadlines(user) + lapsed_deadlines(user)
    known = {c.id: c for c in cases} | {d.case_id: d.case for d in pending}
    outcomes = _outcomes(known.values())
    portal = Portal([], [], [], [], [])
    offered: dict[int, list[Action]] = {}
    for case in known.values():
        procedure = REGISTRY.get(case.procedure)
        if procedure is None or case.closed_at is not None:
            continue
        offered[case.id] = actions_for(case, user, now)
        portal.options.extend(_options(case, procedure, offered[case.id]))
    by_case: dict[int, list[Deadline]] = {}
    for deadline in pending:
        by_case.setdefault(deadline.case_id, []).append(deadline)
        case, procedure = deadline.case, REGISTRY.get(deadline.case.procedure)
        reading = standing.read(deadline, now)
        if procedure is None or case.closed_at is not None:
            continue
        if deadline.owed_by == Duty.PARTY:
            portal.to_do.append(_to_do(case, procedure, deadline, reading,
                                       offered.get(case.id, [])))
        elif reading.standing.pending:
            portal.awaited.append(_awaited(case, procedure, deadline, reading,
                                           outcomes.get(case.id, [])))
    portal.to_do.sort(key=lambda item: (item.lapsed, item.deadline.due_at))
    portal.awaited.sort(key=lambda item: standing.urgency(item.reading, item.deadline))
    for case in cases:
        summary = CaseSummary(case, [o for _, o in outcomes.get(case.id, [])],
                              pending=by_case.get(case.id, []))
        if case.closed_at is None:
            summary.next_step = _next_step(case, outcomes.get(case.id, []),
                                           by_case.get(case.id, []))
            portal.live.append(summary)
        else:
            portal.closed.append(summary)
    portal.closed.sort(key=lambda s: s.case.closed_at, reverse=True)
    return portal


def lapsed_deadlines(user: User) -> list[Deadline]:
    """The party's own time limits that have passed in cases still open, while the case is
    where their passing left it: not yet settled, or settled by the lapse itself and the case
    still in the state it brought (a revision not made: the office may now dismiss under
    128(1)1(c))."""
    passed = db.session.scalars(
        select(Deadline).options(joinedload(Deadline.case))
        .where(Deadline.case_id.in_(visible_cases(user).where(Case.closed_at.is_(None))
                                    .with_only_columns(Case.id)),
               Deadline.status == DeadlineStatus.MISSED, Deadline.owed_by == Duty.PARTY,
               or_(Deadline.settled_at.is_(None),
                   Deadline.settlement == Settlement.TOOK_EFFECT))
        .order_by(Deadline.due_at).limit(queries.RECENT_LIMIT)).all()
    return [d for d in passed if d.settled_at is None or _left_by_its_lapse(d)]


def _left_by_its_lapse(deadline: Deadline) -> bool:
    trigger = expiry_trigger(deadline.on_expiry)
    procedure = REGISTRY.get(deadline.case.procedure)
    return (procedure is not None and trigger is not None and procedure.has_trigger(trigger)
            and procedure.transition(trigger).dest == deadline.case.state)


def _to_do(case: Case, procedure: Procedure, deadline: Deadline, reading: Reading,
           offered: list[Action]) -> ToDo:
    spec = procedure.deadline_spec(deadline.kind)
    return ToDo(case, deadline, reading, _title(deadline, spec),
                lapse_words(case, deadline, spec),
                _button_for(case, spec, offered))


def lapse_words(case: Case, deadline: Deadline, spec: DeadlineSpec | None) -> Words:
    """What passing the party's time limit means for the party, in plain words."""
    declared = spec.when_it_passes if spec is not None else None
    template = declared if declared and declared.en else LAPSE.get(deadline.kind, FALLBACK_LAPSE)
    consequence = REVISION_CONSEQUENCE.get(deadline.article, deadline.article)
    values = {**_names(case), "article": deadline.article, "consequence": consequence}
    korean = {**values, "article": korean_citation(deadline.article),
              "consequence": korean_citation(consequence)}
    return Words(_fill(template.en, values), _fill(template.ko, korean))


def _button_for(case: Case, spec: DeadlineSpec | None, offered: list[Action]) -> Button:
    """The case page's form that meets the party's time limit: the next-step form after an
    objection (Art. 121(2)), else the party's first declared action that the deadline's
    declaration says meets it (its ``met_by``, or leaving the state it runs in) if the party
    may take it now; otherwise the case itself (e.g. a revision period that has passed)."""
    page = url_for("cases.detail", reference=case.reference)
    if can_request_examination(case):
        return Button(Words("File a request for examination", "심사청구하기"),
                      f"{page}#next-heading")
    action = next((a for a in offered if _meets(a.transition, case.state, spec)), None)
    if action is not None and action.allowed:
        transition = action.transition
        return Button(Words(transition.label_en, transition.label_ko or transition.label_en),
                      _action_link(page, transition.trigger))
    return Button(Words("Open the case", "사건 보기"), f"{page}#status")


def _meets(transition: Transition, state: str, spec: DeadlineSpec | None) -> bool:
    if spec is not None and spec.met_by:
        return transition.trigger in spec.met_by
    return transition.dest is not STAYS and transition.dest != state


def _options(case: Case, procedure: Procedure, offered: list[Action]) -> list[Option]:
    """What the party may do now that keeps the case where it is and is a step of the
    procedure, not an action beside it (an attorney, a perusal): no time limit runs for it."""
    page = url_for("cases.detail", reference=case.reference)
    options = []
    for transition in (a.transition for a in offered if a.allowed):
        stays = transition.dest is STAYS or transition.dest == case.state
        if not stays or transition.side:
            continue
        changes = [procedure.deadline_spec(kind) for kind in transition.recomputes]
        note = None
        if changes:
            en = ", ".join(s.label_en for s in changes if s)
            ko = ", ".join(s.label_ko or s.label_en for s in changes if s)
            note = Words(f"No time limit. If you do, the period for the {en} is counted again.",
                         f"기한은 없습니다. 이 절차를 밟으시면 {ko} 기간이 다시 계산됩니다.")
        article = article_for(transition.article, _case_context(case))
        label = Words(transition.label_en, transition.label_ko or transition.label_en)
        options.append(Option(case, label, article, note,
                              Button(label, _action_link(page, transition.trigger))))
    return options


def _awaited(case: Case, procedure: Procedure, deadline: Deadline, reading: Reading,
             outcomes: list[tuple[CaseEvent, Outcome]]) -> Awaited:
    """An office duty; when late and its lapse is declared to move the case (e.g. an objection
    past its decision period, Art. 129(2)), what that means for the party."""
    spec = procedure.deadline_spec(deadline.kind)
    item = Awaited(case, deadline, reading, _title(deadline, spec))
    state = procedure.state(case.state)
    if reading.standing is Standing.STOPPED and deadline.kind in state.suspends:
        return Awaited(case, deadline, reading, item.title, stopped_by=Words(
            f"The period does not run at this step: {state.label_en} ({state.article}); the "
            "new date follows when it ends.",
            f"{state.label_ko} 단계에서는 기간이 진행되지 않습니다 "
            f"({korean_citation(state.article)}). 이 단계가 끝나면 새 기한이 정해집니다."))
    if reading.standing is not Standing.OVERDUE or spec is None or not spec.on_expiry.trigger:
        return item
    transition = procedure.transition(spec.on_expiry.trigger)
    if not transition.outcome_en:
        return item
    event = next((e for e, _ in reversed(outcomes) if e.trigger == transition.trigger), None)
    meaning = _outcome_words(case, transition, event.payload if event else {})
    button = None
    if can_request_examination(case):
        button = Button(Words("File a request for examination", "심사청구하기"),
                        url_for("cases.detail", reference=case.reference) + "#next-heading")
    return Awaited(case, deadline, reading, item.title, meaning, button)


def _next_step(case: Case, outcomes: list[tuple[CaseEvent, Outcome]],
               pending: list[Deadline]) -> Words | None:
    """After the outcome that brought the case to its present state: the party's time limit
    for the next step, or, while it cannot start yet, what it will run from."""
    if not outcomes or outcomes[-1][0].to_state != case.state:
        return None
    procedure = REGISTRY[case.procedure]
    running = next((d for d in pending if d.owed_by == Duty.PARTY), None)
    if running is not None:
        label = _title(running, procedure.deadline_spec(running.kind))
        due, article = running.due_date, running.article
        return Words(f"You may take the next step until {dates.legal_date(due, 'en')}: "
                     f"{label.en} ({article}).",
                     f"{dates.legal_date(due, 'ko')}까지 다음 절차를 밟을 수 있습니다: "
                     f"{label.ko} ({korean_citation(article)}).")
    for spec in procedure.deadlines_of(case.state):
        if spec.owed_by != Duty.PARTY or spec.start.key is None:
            continue
        days = _period_days(spec)
        article = article_for(spec.article, _case_context(case))
        ko_label = spec.label_ko or spec.label_en
        return Words(
            f"You may take the next step within {days.en} of {spec.start.label} (not recorded "
            f"yet): {spec.label_en} ({article}).",
            f"통지서를 받은 날부터 {days.ko} 이내에 다음 절차를 밟을 수 있습니다 (수령일 기록 전): "
            f"{ko_label} ({korean_citation(article)}).")
    return None


def _case_context(case: Case) -> Context:
    """The case as an article function reads it (an article may depend on the case)."""
    return Context.reading(case.state, case.data, clock.now())


def _period_days(spec: DeadlineSpec) -> Words:
    period = spec.period if isinstance(spec.period, str) else ""
    match = re.fullmatch(r"(\d+)d", period)
    if match:
        count = int(match.group(1))
        return Words(f"{count} day{'s' if count != 1 else ''}", f"{count}일")
    return Words(spec.period_text or period, spec.period_text or period)


def _title(deadline: Deadline, spec: DeadlineSpec | None) -> Words:
    if spec is None:
        label = deadline.kind.replace("_", " ")
        return Words(label, label)
    return Words(spec.label_en, spec.label_ko or spec.label_en)


OUTCOME_TRIGGERS = sorted({t.trigger for p in REGISTRY.values() for t in p.transitions
                           if t.outcome_en})


def _outcomes(cases: Iterable[Case]) -> dict[int, list[tuple[CaseEvent, Outcome]]]:
    """The events of each case whose action declares an outcome for the party, in order."""
    by_id = {case.id: case for case in cases}
    if not by_id:
        return {}
    events = db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id.in_(by_id),
                                CaseEvent.trigger.in_(OUTCOME_TRIGGERS))
        .order_by(CaseEvent.case_id, CaseEvent.seq))
    found: dict[int, list[tuple[CaseEvent, Outcome]]] = {}
    for event in events:
        case = by_id[event.case_id]
        procedure = REGISTRY.get(case.procedure)
        if procedure is None or not procedure.has_trigger(event.trigger):
            continue
        transition = procedure.transition(event.trigger)
        if not transition.outcome_en:
            continue
        words = _outcome_words(case, transition, event.payload or {})
        found.setdefault(case.id, []).append(
            (event, Outcome(clock.seoul_date(event.effective_at), words)))
    return found


def _outcome_words(case: Case, transition: Transition, payload: Mapping[str, Any]) -> Words:
    """The transition's declared outcome, with the procedure's name and the choices made."""
    values = {**_names(case), **_choices(transition, (payload or {}).get("fields") or {},
                                         case.data or {})}
    return Words(_fill(transition.outcome_en, values),
                 _fill(transition.outcome_ko or transition.outcome_en, values))


def _choices(transition: Transition, fields: Mapping[str, Any],
             data: Mapping[str, Any]) -> dict[str, str]:
    """The label of each choice made in the action's fields (the event's, else the case's)."""
    chosen = {}
    for spec in transition.fields:
        if spec.kind is not FieldKind.CHOICE:
            continue
        value = fields.get(spec.name, data.get(spec.name))
        chosen[spec.name] = dict(spec.choices).get(value, value or "")
    return chosen


def _names(case: Case) -> dict[str, str]:
    info = procedure_info(case.procedure)
    return {"what": info.title_en[:1].lower() + info.title_en[1:],
            "what_ko": info.title_ko + subject_particle(info.title_ko)}


def subject_particle(word: str) -> str:
    """이 after a final consonant, 가 after a vowel (이의신청이, 심사청구가)."""
    return josa(word, "이", "가")


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, values: Mapping[str, str]) -> str:
    """The template with its ``{name}`` filled in; an unknown name is left out."""
    text = string.Formatter().vformat(template, (), _Blank(values))
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r" {2,}", " ", text)).strip()


def _action_link(page: str, trigger: str) -> str:
    """The case page with the action's form open (``?open=``) and in view (``#action-``)."""
    return f"{page}?open={trigger}#action-{trigger}"
