"""Filters and globals for the page templates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import Flask

from workflows import clock
from workflows.procedures import CATALOGUE
from workflows.roles import Role


def seoul_datetime(value: datetime | None) -> str:
    """Show an instant as Asia/Seoul wall-clock time, the legal time of the Act."""
    if value is None:
        return "—"
    return value.astimezone(clock.SEOUL).strftime("%Y-%m-%d %H:%M KST")


def legal_end(value: datetime | None) -> str:
    """Show the instant a period passes: midnight is 24:00 of the last day (Civil Act Art. 159)."""
    if value is None:
        return "—"
    local = value.astimezone(clock.SEOUL)
    if local.time() == time.min:
        return f"{(local - timedelta(days=1)):%Y-%m-%d} 24:00 KST"
    return local.strftime("%Y-%m-%d %H:%M KST")


def legal_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(seoul_datetime, "seoul")
    app.add_template_filter(legal_date, "legal_date")
    app.add_template_filter(legal_end, "legal_end")
    app.add_template_global(CATALOGUE, "procedures")
    app.add_template_global(Role, "Role")
