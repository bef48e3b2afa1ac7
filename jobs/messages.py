"""The words of the escalations the sweep sends when a deadline passes."""

from __future__ import annotations

from datetime import date


def took_effect(reference: str, kind: str, due_date: date, trigger: str, article: str) -> str:
    return (f"{reference}: the {kind} period ended on {due_date}; "
            f"'{trigger}' took effect ({article}).")


def passed(reference: str, kind: str, due_date: date, article: str) -> str:
    return f"{reference}: the {kind} deadline of {due_date} passed ({article})."
