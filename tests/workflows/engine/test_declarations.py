"""A procedure is declared as a table; the engine refuses what the table does not allow."""

from datetime import UTC, date, datetime, timedelta

import pytest

from workflows.engine import (
    SYSTEM,
    Context,
    DeadlineView,
    Expiry,
    Field,
    FieldKind,
    Label,
    Procedure,
    Refusal,
    Start,
    State,
    Transition,
    TransitionRefused,
    available_actions,
    check,
    move,
    parse_fields,
)
from workflows.engine import Deadline as DeadlineSpec
from workflows.procedures import REGISTRY, deemed_permission
from workflows.roles import Role

NOW = datetime(2026, 3, 5, 1, 0, tzinfo=UTC)


def context(state="received", role=Role.OFFICER, values=None, due=None, data=None):
    due = due or datetime(2026, 3, 12, 15, 0, tzinfo=UTC)
    return Context(state=state, role=role, now=NOW, data=data or {"permission_kind": "161"},
                   values=values or {},
                   open_deadlines={"processing": DeadlineView("processing", date(2026, 3, 12),
                                                              due, "open")})


class Model:
    def __init__(self, state):
        self.state = state


def test_every_state_and_transition_names_its_article():
    for procedure in REGISTRY.values():
        for state in procedure.states:
            assert state.article
        for transition in procedure.transitions:
            assert transition.article


def test_deemed_permission_covers_eleven_articles_and_eight_extensions():
    kinds = deemed_permission.KINDS.values()
    assert len([k for k in kinds if not k.applies]) == 11
    assert {k.applies for k in kinds if k.applies} == {
        "146(1)", "151(2)", "155(2)", "195(2)", "89(5)", "205", "213(5)", "221(2)"}


def test_the_machine_is_shared_and_keeps_no_case():
    procedure = deemed_permission.PROCEDURE
    first, second = Model("received"), Model("received")
    move(procedure, first, "grant")
    move(procedure, second, "extend")
    assert (first.state, second.state) == ("granted", "extended")
    assert procedure.machine.models == []


def test_a_wrong_role_is_not_permitted():
    with pytest.raises(TransitionRefused) as refused:
        check(deemed_permission.PROCEDURE, "grant", context(role=Role.DUTY_PAYER))
    assert refused.value.reason is Refusal.NOT_PERMITTED
    assert "Art. 161(2)" in refused.value.message


def test_only_the_scheduler_deems_a_permission_granted():
    procedure = deemed_permission.PROCEDURE
    with pytest.raises(TransitionRefused) as refused:
        check(procedure, "deem_grant", context(role=Role.SUPERVISOR))
    assert refused.value.reason is Refusal.NOT_PERMITTED
    assert check(procedure, "deem_grant", context(role=SYSTEM)).dest == "deemed_granted"


def test_a_transition_from_another_state_is_not_available():
    with pytest.raises(TransitionRefused) as refused:
        check(deemed_permission.PROCEDURE, "grant", context(state="granted"))
    assert refused.value.reason is Refusal.NOT_AVAILABLE


def test_a_decision_after_the_period_fails_its_guard_with_the_reason():
    late = context(due=NOW - timedelta(minutes=1))
    with pytest.raises(TransitionRefused) as refused:
        check(deemed_permission.PROCEDURE, "refuse", late)
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert "deemed granted" in refused.value.message
    assert "Art. 161(3)" in refused.value.message


def test_available_actions_say_why_one_is_blocked():
    actions = available_actions(deemed_permission.PROCEDURE,
                                context(data={"permission_kind": "161", "extensions": 2}))
    blocked = {a.transition.trigger: a.blocked_by for a in actions}
    assert blocked["grant"] is None
    assert "re-extended" in blocked["extend"]
    assert "deem_grant" not in blocked


def test_fields_are_validated_with_one_message_each():
    extend = deemed_permission.PROCEDURE.transition("extend")
    with pytest.raises(TransitionRefused) as refused:
        parse_fields(extend, {"extension_days": "11", "reasons": " "})
    assert refused.value.reason is Refusal.INVALID_FIELD
    assert refused.value.errors == {"extension_days": "Extension (days) must be at most 10",
                                    "reasons": "Reasons for the extension is required"}
    assert parse_fields(extend, {"extension_days": "5", "reasons": "x",
                                 "expected_completion": "2026-03-20"}) == {
        "extension_days": 5, "reasons": "x", "expected_completion": date(2026, 3, 20)}


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        (FieldKind.DATE, "2026-02-30", "is not a valid date"),
        (FieldKind.INTEGER, "ten", "is not a whole number"),
        (FieldKind.CHOICE, "nope", "choose one of the listed options"),
        (FieldKind.TEXT, "x" * 201, "longer than 200"),
    ],
)
def test_bad_field_values_are_refused(kind, raw, message):
    transition = Transition(trigger="t", source=("a",), dest="a", roles=frozenset({Role.OFFICER}),
                            article="Art. 1", label=Label("T"),
                            fields=(Field(name="f", label=Label("F"), kind=kind,
                                          choices=(("ok", "OK"),)),))
    with pytest.raises(TransitionRefused, match=message):
        parse_fields(transition, {"f": raw})


def _procedure(**overrides):
    spec = {
        "code": "x", "article": "Art. 1",
        "states": (State(name="a", label=Label("A", "가"), article="Art. 1"),
                   State(name="b", label=Label("B", "나"), article="Art. 2")),
        "transitions": (Transition(trigger="open", source=(), dest="a",
                                   roles=frozenset({Role.OFFICER}), article="Art. 1",
                                   label=Label("Open")),
                        Transition(trigger="go", source=("a",), dest="b",
                                   roles=frozenset({Role.OFFICER}), article="Art. 2",
                                   label=Label("Go"))),
    }
    spec.update(overrides)
    return Procedure(**spec)


def test_a_declaration_with_an_unknown_state_is_refused():
    with pytest.raises(ValueError, match="unknown state"):
        _procedure(transitions=(
            Transition(trigger="open", source=(), dest="a", roles=frozenset({Role.OFFICER}),
                       article="Art. 1", label=Label("Open")),
            Transition(trigger="go", source=("a",), dest="z", roles=frozenset({Role.OFFICER}),
                       article="Art. 2", label=Label("Go"))))


def test_a_declaration_with_a_trigger_twice_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        _procedure(transitions=(
            Transition(trigger="open", source=(), dest="a", roles=frozenset({Role.OFFICER}),
                       article="Art. 1", label=Label("Open")),
            Transition(trigger="open", source=(), dest="b", roles=frozenset({Role.OFFICER}),
                       article="Art. 1", label=Label("Open"))))


def test_a_deadline_expiring_into_an_unknown_transition_is_refused():
    with pytest.raises(ValueError, match="unknown 'lapse'"):
        _procedure(deadlines={"a": (DeadlineSpec(kind="k", label=Label("K"), article="Art. 1",
                                                 period="10d", start=Start.entered("x"),
                                                 on_expiry=Expiry.transition("lapse")),)})


def test_declarations_are_made_by_keyword_only():
    with pytest.raises(TypeError):
        Transition("open", (), "a", frozenset({Role.OFFICER}), "Art. 1", Label("Open"))
    with pytest.raises(TypeError):
        Context("", Role.OFFICER, NOW, {}, {}, {})


def test_a_label_is_declared_as_one_pair_and_read_by_language():
    state = State(name="a", label=Label("Objection filed", "이의신청 접수"), article="Art. 1")
    assert (state.label_en, state.label_ko) == ("Objection filed", "이의신청 접수")
    deadline = DeadlineSpec(kind="k", label=Label("decision", "결정"), article="Art. 1",
                            period="10d", start=Start.entered("x"), on_expiry=Expiry.flag())
    assert (deadline.label_en, deadline.label_ko) == ("decision", "결정")
    # The Korean, and the outcome, may be left out: they read empty, as before.
    bare = Transition(trigger="open", source=(), dest="a", roles=frozenset({Role.OFFICER}),
                      article="Art. 1", label=Label("Open"))
    assert (bare.label_en, bare.label_ko, bare.outcome_en, bare.outcome_ko) == ("Open", "", "", "")
    assert Field(name="f", label=Label("F")).label_ko == ""
    told = Transition(trigger="withdraw", source=("a",), dest="a", roles=frozenset(),
                      article="Art. 1", label=Label("Withdraw", "취하"),
                      outcome=Label("Your {what} was withdrawn", "{what_ko} 취하되었습니다"))
    assert (told.outcome_en, told.outcome_ko) == ("Your {what} was withdrawn",
                                                  "{what_ko} 취하되었습니다")


def test_a_context_names_only_what_it_has():
    reading = Context(state="a", role=SYSTEM, now=NOW)
    assert (reading.data, reading.values, reading.open_deadlines) == ({}, {}, {})
    assert Context.reading("a", None, NOW) == reading
