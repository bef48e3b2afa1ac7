"""Every declared procedure has its rule table, and the administrator takes no step of any."""

import importlib

import pytest

from tests.workflows.rules.table import NEW, verdict_of
from workflows.engine import Refusal
from workflows.procedures import REGISTRY
from workflows.roles import Role


def test_every_declared_procedure_has_a_rule_table():
    for code, procedure in REGISTRY.items():
        module = importlib.import_module(f"tests.workflows.rules.test_{code}_rules")
        assert module.PROCEDURE is procedure, code


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_the_administrator_takes_no_step(code):
    """An administrator manages users and settings; no article gives them a step in a case."""
    procedure = REGISTRY[code]
    base = importlib.import_module(f"tests.workflows.rules.test_{code}_rules").BASE
    for transition in procedure.transitions:
        for state in transition.source or (NEW,):
            verdict, _ = verdict_of(procedure, state, Role.ADMIN, transition.trigger, base)
            assert verdict.refusal is Refusal.NOT_PERMITTED, (transition.trigger, state)
