"""The statutory calendar: every deadline of the system is computed here, with its reasons.

Counting follows the Customs Act: Art. 8(2) applies the Civil Act (first day not counted,
calendar weeks, months and years); Art. 8(3) moves a deadline off Saturdays, Sundays, public and
substitute holidays, Workers' Day and Decree days; Art. 8(4) moves it past an outage of the
electronic customs network; Art. 10 lets the customs head extend it by up to one year. Processing
periods of civil petitions follow the Civil Petitions Treatment Act. Legal dates are dates in
Asia/Seoul; instants are UTC. Each step of an explanation carries its Korean beside the English
(``Step.ko``, ``Step.article_ko``: :mod:`workflows.calendar.korean`).

Plain Python: no Flask, no database. The web app loads the office's own closure days and the
outage register and passes them in.
"""

from workflows.calendar.nonworking import ExtraDay, ExtraDayKind, NonWorkingDays
from workflows.calendar.periods import CalendarError, Period, Unit
from workflows.calendar.statutory import (
    DueDate,
    OfficeHours,
    Outage,
    StatutoryCalendar,
    Step,
    Suspension,
)

__all__ = [
    "CalendarError",
    "DueDate",
    "ExtraDay",
    "ExtraDayKind",
    "NonWorkingDays",
    "OfficeHours",
    "Outage",
    "Period",
    "StatutoryCalendar",
    "Step",
    "Suspension",
    "Unit",
]
