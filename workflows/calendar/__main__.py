"""``python -m workflows.calendar START PERIOD``: compute a statutory deadline and explain it.

Prints the due date as ``YYYY-MM-DD`` alone on the first line, then the reasoning, one step a
line. START is ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` (Asia/Seoul) for periods counted in
hours. PERIOD is ``Nd``, ``Nw``, ``Nm``, ``Ny`` or ``Npd`` (processing days of a civil
petition). Public and substitute holidays, election days and Workers' Day are known; the
office's own closure days and the outage register live in the back office
(``flask --app backoffice calendar due``).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime

from workflows.calendar import CalendarError, Period, StatutoryCalendar


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"error: {message}\n")


def parse_start(text: str) -> date | datetime:
    """Read ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; a datetime is Asia/Seoul wall-clock time."""
    try:
        if "T" in text:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M")
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise CalendarError(
            f"cannot read start {text!r}: give a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        ) from None


def main(argv: list[str] | None = None, calendar: StatutoryCalendar | None = None) -> int:
    parser = _Parser(
        prog="python -m workflows.calendar",
        description="Compute a deadline under the Customs Act (Art. 8) and explain it.",
    )
    parser.add_argument("start", help="YYYY-MM-DD, or YYYY-MM-DDTHH:MM for hour-based periods")
    parser.add_argument("period", help="Nd, Nw, Nm, Ny or Npd, e.g. 90d")
    parser.add_argument("--label", default="start", help="what the start is, e.g. 'receipt'")
    parser.add_argument("--no-rollover", action="store_true",
                        help="a duration (validity, storage), not a deadline: no Art. 8(3)")
    argv = sys.argv[1:] if argv is None else argv
    negative = next((a for a in argv if re.match(r"^-\d", a)), None)
    if negative:
        print(f"error: a period cannot be negative: {negative}", file=sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        due = (calendar or StatutoryCalendar()).due(
            parse_start(args.start), Period.parse(args.period),
            start_label=args.label, rollover=not args.no_rollover,
        )
    except CalendarError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(due.due_date.isoformat())
    for step in due.steps:
        print(f"  {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
