"""The roles of the back office's users.

Transitions of every procedure name the roles that may fire them; the web app maps each user to
one role.
"""

from workflows.labels import LabelledEnum


class Role(LabelledEnum):
    OFFICER = ("officer", "세관공무원", "Customs officer")
    SUPERVISOR = ("supervisor", "감독자", "Supervisor")
    DUTY_PAYER = ("duty_payer", "납세의무자", "Duty payer")
    ADMIN = ("admin", "관리자", "Administrator")


OFFICE_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR})
