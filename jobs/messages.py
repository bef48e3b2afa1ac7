"""The words of the escalations the sweep sends when a deadline passes, with the declared labels
of the deadline and of the action that took effect (never their codes). The pages read an
alert afresh from its deadline (how late it is now); these words stay for what reads the row
alone."""

from __future__ import annotations

from datetime import date

from workflows.procedures import REGISTRY


def deadline_label(procedure_code: str, kind: str) -> str:
    procedure = REGISTRY.get(procedure_code)
    spec = procedure.deadline_spec(kind) if procedure else None
    return spec.label_en if spec else kind.replace("_", " ")


def _action_label(procedure_code: str, trigger: str) -> str:
    procedure = REGISTRY.get(procedure_code)
    if procedure is None or not procedure.has_trigger(trigger):
        return trigger.replace("_", " ")
    return procedure.transition(trigger).label_en


def took_effect(reference: str, procedure_code: str, kind: str, due_date: date, trigger: str,
                article: str) -> str:
    return (f"{reference}: the {deadline_label(procedure_code, kind)} period ended on "
            f"{due_date}; “{_action_label(procedure_code, trigger)}” took effect ({article}).")


def passed(reference: str, procedure_code: str, kind: str, due_date: date, article: str) -> str:
    return (f"{reference}: the {deadline_label(procedure_code, kind)} deadline of {due_date} "
            f"passed ({article}).")
