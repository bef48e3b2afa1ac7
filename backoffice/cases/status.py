"""The status box at the top of a case page: where the case stands, what is late, what is due
next and in how many days, who must act, and what the law makes happen if nobody does.

Every word comes from the declarations (states, deadlines, the transitions a deadline expires
into) and from :mod:`backoffice.deadlines.standing`'s one definition of "overdue"; nothing here
knows a procedure by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup

from backoffice import dates
from backoffice.deadlines import standing
from backoffice.deadlines.standing import Reading, Standing
from backoffice.i18n import N_, in_both
from backoffice.models import Case, CaseEvent, Deadline
from workflows import clock
from workflows.citations import korean_citation
from workflows.engine import Duty, ExpiryKind
from workflows.procedures import REGISTRY


@dataclass(frozen=True)
class PendingDuty:
    """One pending deadline as the box shows it."""

    deadline: Deadline
    reading: Reading


@dataclass(frozen=True)
class Consequence:
    """What takes effect by law when a running deadline passes (a deemed grant, a closure)."""

    deadline: Deadline
    label_en: str
    label_ko: str
    moment: datetime
    """The instant it takes effect: 24:00 of the last day, KST (Civil Act Art. 159)."""

    def sentence(self) -> Markup:
        """"at <moment>, “<the transition>” follows (<article>)", each language with the
        transition's own label."""
        article = self.deadline.article
        return in_both(N_("at %(moment)s, “%(label)s” follows (%(article)s)."),
                       {"moment": dates.end_moment(self.moment, "en"), "label": self.label_en,
                        "article": article},
                       {"moment": dates.end_moment(self.moment, "ko"),
                        "label": self.label_ko or self.label_en,
                        "article": korean_citation(article)})


@dataclass
class CaseStatus:
    case: Case
    since: datetime | None
    """When the case entered its present state."""
    late: list[PendingDuty] = field(default_factory=list)
    lapsed: list[PendingDuty] = field(default_factory=list)
    next_due: PendingDuty | None = None
    consequence: Consequence | None = None

    @property
    def closed(self) -> bool:
        return self.case.closed_at is not None

    @property
    def who_acts(self) -> str | None:
        """``office`` or ``party``: who owes the most urgent pending duty; None when nothing
        is pending."""
        if self.late:
            return Duty.OFFICE.value
        if self.next_due is not None:
            return self.next_due.deadline.owed_by
        return None


def status_of(case: Case, deadlines: list[Deadline],
              events: list[CaseEvent] | None = None, now: datetime | None = None) -> CaseStatus:
    """The status box of ``case`` from its deadlines (all of them, in any order)."""
    now = now or clock.now()
    since = None
    for event in events or []:
        if event.to_state == case.state and event.from_state != case.state:
            since = event.effective_at
    status = CaseStatus(case, since)
    running = []
    for deadline in deadlines:
        reading = standing.read(deadline, now)
        if reading.standing is Standing.OVERDUE:
            status.late.append(PendingDuty(deadline, reading))
        elif reading.standing is Standing.LAPSED and case.closed_at is None:
            status.lapsed.append(PendingDuty(deadline, reading))
        elif reading.standing in (Standing.DUE_TODAY, Standing.DUE_SOON, Standing.RUNNING):
            running.append(PendingDuty(deadline, reading))
    status.late.sort(key=lambda d: -d.reading.days_late)
    running.sort(key=lambda d: d.deadline.due_at)
    if running:
        status.next_due = running[0]
        status.consequence = _consequence(case, running)
    return status


def _consequence(case: Case, running: list[PendingDuty]) -> Consequence | None:
    """The first running deadline whose lapse the law gives an effect (declared as an expiry
    into a transition), e.g. a permission deemed granted under Art. 134(4)."""
    procedure = REGISTRY.get(case.procedure)
    if procedure is None:
        return None
    for duty in running:
        spec = procedure.deadline_spec(duty.deadline.kind)
        if spec is None or spec.on_expiry.kind is not ExpiryKind.TRANSITION:
            continue
        transition = procedure.transition(spec.on_expiry.trigger)
        return Consequence(duty.deadline, transition.label_en, transition.label_ko,
                           duty.deadline.due_at)
    return None

