"""Every refusal and blocker of the engine is said in Korean and in English (issue 15: "Korean
first, everywhere"): the guards of every procedure, the engine's own checks (role, state,
fields, legal dates, a stale version) and the blockers ``available_actions`` offers.

The guards are driven by the rule tables of ``tests/workflows/rules``: each table has rows that
trip every guard of its procedure (``assert_covers`` keeps it so), and the Korean of each
refusal is checked on those rows. The English is unchanged: the rule tables compare it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import UTC, date, datetime

import pytest

import tests.workflows.rules as rule_tables
from tests.workflows.rules.table import _row
from workflows.engine import (
    Context,
    DeadlineView,
    Label,
    Refusal,
    TransitionRefused,
    available_actions,
    check,
    parse_fields,
)
from workflows.engine.declarations import Said
from workflows.engine.firing import date_problems_said
from workflows.engine.plan import CaseReading, checked
from workflows.legal_dates import EVENTS_KO
from workflows.procedures import REGISTRY, deemed_permission, objection
from workflows.roles import Role

HANGUL = re.compile("[\uac00-\ud7a3]")
NOW = datetime(2026, 3, 5, 1, 0, tzinfo=UTC)


def assert_bilingual(said, where: str) -> None:
    """A reason in both languages: English without Hangul, Korean with it, neither empty."""
    assert isinstance(said, Label), f"{where}: {said!r} is not a Label"
    assert said.en.strip() and said.ko.strip(), f"{where}: {said!r}"
    assert HANGUL.search(said.ko), f"{where}: no Hangul in {said.ko!r}"
    assert not HANGUL.search(said.en), f"{where}: Hangul in the English {said.en!r}"


def _table_contexts():
    """(procedure, trigger, context, row id) of every row of every rule table."""
    for info in pkgutil.iter_modules(rule_tables.__path__):
        if not info.name.endswith("_rules"):
            continue
        module = importlib.import_module(f"{rule_tables.__name__}.{info.name}")
        procedure = module.PROCEDURE
        for entry in module.TABLE:
            row = _row(entry)
            if not procedure.has_trigger(row.trigger):
                continue
            try:
                context = module.BASE.given(row.changes).context(procedure, row.state, row.role,
                                                                 row.trigger)
            except TransitionRefused:
                continue  # a field the row's form refuses: no guard is asked
            yield procedure, row.trigger, context, f"{info.name}:{row.id}"


def test_every_guard_of_every_procedure_says_why_in_korean_and_english():
    tripped = set()
    for procedure, trigger, context, where in _table_contexts():
        for guard in procedure.transition(trigger).guards:
            said = guard(context)
            if said is None:
                continue
            assert isinstance(said, Said), f"{guard.__name__} at {where}: {said!r}"
            assert_bilingual(said, f"{guard.__name__} at {where}")
            tripped.add(guard)
    every = {g for p in REGISTRY.values() for t in p.transitions for g in t.guards}
    assert not every - tripped, sorted(g.__name__ for g in every - tripped)


def test_a_refused_guard_reaches_the_refusal_in_both_languages():
    context = Context(state="filed", role=Role.OFFICER, now=NOW, data={"filed_in_time": True})
    with pytest.raises(TransitionRefused) as refused:
        check(objection.PROCEDURE, "decide_reject", context)
    assert refused.value.reason is Refusal.GUARD_FAILED
    assert refused.value.message.startswith("refer the case to the Customs Appeal Committee")
    assert refused.value.said.ko.startswith("먼저 사건을 관세심사위원회에 회부")
    assert "Art. 127(1)" in refused.value.said and "제127조제1항" in refused.value.said


def test_a_blocker_is_a_label_in_both_languages_and_its_english_is_kept():
    running = DeadlineView("processing", date(2026, 3, 12),
                           datetime(2026, 3, 12, 15, 0, tzinfo=UTC), "open")
    context = Context(state="received", role=Role.OFFICER, now=NOW,
                      data={"permission_kind": "161", "extensions": 2},
                      open_deadlines={"processing": running})
    blocked = {a.transition.trigger: a.blocked_by
               for a in available_actions(deemed_permission.PROCEDURE, context)}
    assert blocked["grant"] is None
    assert blocked["extend"].en == ("the period was already extended and re-extended; no "
                                    "further extension is allowed")
    assert "re-extended" in blocked["extend"] and "재연장" in blocked["extend"]
    assert_bilingual(blocked["extend"], "extend")


def test_the_engine_own_refusals_are_said_in_korean():
    filed = Context(state="filed", role=Role.DUTY_PAYER, now=NOW)
    cases = [
        (objection.PROCEDURE, "issue_opinion", filed, Refusal.NOT_PERMITTED, "제132조제5항"),
        (objection.PROCEDURE, "record_decision_served", filed, Refusal.NOT_AVAILABLE, "상태"),
        (objection.PROCEDURE, "file", filed, Refusal.NOT_AVAILABLE, "사건을 열 때에만"),
        (objection.PROCEDURE, "no_such_action", filed, Refusal.NOT_AVAILABLE, "처리가 없습니다"),
    ]
    for procedure, trigger, context, reason, korean in cases:
        with pytest.raises(TransitionRefused) as refused:
            check(procedure, trigger, context)
        assert refused.value.reason is reason, trigger
        assert_bilingual(refused.value.said, trigger)
        assert korean in refused.value.said.ko, refused.value.said.ko


def test_the_english_of_the_engine_own_refusals_is_unchanged():
    filed = Context(state="filed", role=Role.DUTY_PAYER, now=NOW)
    with pytest.raises(TransitionRefused) as refused:
        check(objection.PROCEDURE, "issue_opinion", filed)
    assert refused.value.message == "your role may not 'Send the written opinion' (Art. 132(5))"
    assert str(refused.value) == refused.value.message


@pytest.mark.parametrize(("kind_of_field", "raw", "english", "korean"), [
    ("extension_days", "11", "Extension (days) must be at most 10", "10 이하여야"),
    ("extension_days", "ten", "is not a whole number", "정수가 아닙니다"),
    ("reasons", " ", "Reasons for the extension is required", "입력하십시오"),
    ("reasons", "a\x00b", "a control character (U+0000, character 2) cannot be entered",
     "제어 문자"),
])
def test_each_field_problem_is_said_in_both_languages(kind_of_field, raw, english, korean):
    extend = deemed_permission.PROCEDURE.transition("extend")
    values = {"extension_days": "5", "reasons": "A site inspection is needed",
              "expected_completion": "2026-03-20", kind_of_field: raw}
    with pytest.raises(TransitionRefused) as refused:
        parse_fields(extend, values)
    problem = refused.value.errors_said[kind_of_field]
    assert english in refused.value.errors[kind_of_field] and english in problem.en
    assert korean in problem.ko
    assert_bilingual(problem, kind_of_field)
    assert_bilingual(refused.value.said, "summary")
    assert refused.value.said.ko.startswith("입력한 내용을 확인하십시오.")


@pytest.mark.parametrize(("raw", "korean"), [
    ("2026-02-30", "올바른 날짜가 아닙니다"),
    ("0001-01-01", "1년 1월 1일은 사건의 날짜가 될 수 없습니다"),
])
def test_a_date_that_cannot_be_read_is_said_in_korean(raw, korean):
    served = objection.PROCEDURE.transition("record_decision_served")
    with pytest.raises(TransitionRefused) as refused:
        parse_fields(served, {"decision_served_on": raw})
    assert korean in refused.value.errors_said["decision_served_on"].ko


def test_a_legal_date_problem_is_said_in_korean_with_korean_dates():
    served = objection.PROCEDURE.transition("record_decision_served")
    early = Context(state="decided", role=Role.OFFICER, now=NOW, entered_on=date(2026, 3, 3),
                    values={"decision_served_on": date(2026, 3, 2)})
    late = Context(state="decided", role=Role.OFFICER, now=NOW, entered_on=date(2026, 3, 3),
                   values={"decision_served_on": date(2026, 3, 9)})
    before = date_problems_said(served, early)["decision_served_on"]
    assert before.ko == ("2026년 3월 2일은 결정일(2026년 3월 3일)보다 앞선 날짜입니다. 그날 "
                         "이후의 날짜를 입력하십시오.")
    after = date_problems_said(served, late)["decision_served_on"]
    assert after.ko.startswith("2026년 3월 9일은 오늘(2026년 3월 5일) 이후의 날짜입니다.")
    with pytest.raises(TransitionRefused) as refused:
        check(objection.PROCEDURE, "record_decision_served", late)
    assert refused.value.errors["decision_served_on"].startswith("2026-03-09 is after today")
    assert "결정서 수령일: 2026년 3월 9일은" in refused.value.said.ko


def test_every_event_a_legal_date_follows_has_its_korean_name():
    events = {after.event for p in REGISTRY.values() for t in p.transitions
              for f in t.fields for after in f.follows}
    assert events - set(EVENTS_KO) == set()


def test_a_stale_version_is_said_in_korean():
    reading = CaseReading(procedure="objection", state="filed", version=3)
    with pytest.raises(TransitionRefused) as refused:
        checked(objection.PROCEDURE, reading, "issue_opinion", role=Role.OFFICER, values={},
                now=NOW, expected_version=2)
    assert refused.value.reason is Refusal.STALE_VERSION
    assert refused.value.message.startswith("someone else changed this case")
    assert_bilingual(refused.value.said, "stale")


def test_a_refusal_given_in_english_only_keeps_it_and_has_no_korean_yet():
    refused = TransitionRefused(Refusal.GUARD_FAILED, "no follow-on is open",
                                {"office_id": "choose the office"})
    assert refused.said == Label("no follow-on is open") and refused.message == refused.said.en
    assert refused.errors == {"office_id": "choose the office"}
    assert refused.errors_said["office_id"].ko == ""
