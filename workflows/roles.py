"""The roles of the back office's users.

Transitions of every procedure name the roles that may fire them; the web app maps each user to
one role.
"""

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    DUTY_PAYER = "duty_payer"
    ADMIN = "admin"

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def label_ko(self) -> str:
        return _LABELS[self][0]


_LABELS = {
    Role.OFFICER: ("세관공무원", "Customs officer"),
    Role.SUPERVISOR: ("감독자", "Supervisor"),
    Role.DUTY_PAYER: ("납세의무자", "Duty payer"),
    Role.ADMIN: ("관리자", "Administrator"),
}

OFFICE_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR})
