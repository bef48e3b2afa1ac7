"""Grounds of Art. 175 known from outside the back office, recorded by an officer on the party,
read by the licence as bars; with the review of the party's licences in force they make
mandatory to revoke (Art. 178(2)2).

Counting, by hand (Civil Act Arts. 157, 160(2); a bar, never moved by Art. 8(3)):

- A fine for smuggling sentenced on Wednesday 2 September 2026 (175 7): two years from the 3rd,
  ending on Saturday 2 September 2028; an application granted on the 4th is not barred.
- The execution of a prison sentence ended on Tuesday 29 February 2028 (175 4): two years end on
  Friday 28 February 2030 (no 29 February in 2030: the day before the corresponding day, 1
  March, Civil Act 160(2)).
- A licence review opened on Tuesday 1 December 2026: fourteen days end on Tuesday 15 December.
- One reason, two bars (175 6, second sentence): a fine for the fraud sentenced on Monday 4
  January 2027 bars until Thursday 4 January 2029; the licence revoked for it on Monday 10 May
  2027 would bar until Thursday 10 May 2029; the earlier date applies, so a licence may be
  granted again from Friday 5 January 2029.
"""

from datetime import date

import pytest

from backoffice.extensions import db
from backoffice.models import Alert
from backoffice.workflow import open_procedure_case
from tests.backoffice.test_bonded_area_law import application, licensed
from tests.procedure_helpers import act, deadline, kst, refused, sweep
from workflows import clock
from workflows.engine import TransitionRefused
from workflows.procedures.licence_disqualification import bar_of


def record(people, at, **values):
    with clock.frozen(at):
        case = open_procedure_case(
            "licence_disqualification", party=people["payer"].party, office=people["office"],
            actor=people["officer"], assigned_officer=people["officer"],
            values={"authority": "Incheon District Court 2026GoDan1234", **values})
        db.session.commit()
    return case


GRANT = {"years": 10, "requirements": "checked"}


def test_a_fine_for_smuggling_bars_a_licence_for_two_years_from_the_sentence(people):
    bar = record(people, kst(2026, 9, 3, 10), ground="fine_smuggling",
                 occurred_on=date(2026, 9, 2))
    assert bar.data["bonded_area_bar"]["until"] == "2028-09-02"
    assert deadline(bar, "bar").due_date == date(2028, 9, 2)
    case = application(people, received=date(2028, 8, 20))
    problem = refused(case, "grant", people["officer"], kst(2028, 9, 2, 10),
                      valid_from=date(2028, 9, 3), **GRANT)
    assert "Art. 175 7" in problem.message and bar.reference in problem.message
    act(case, "grant", people["officer"], kst(2028, 9, 3, 10), valid_from=date(2028, 9, 4),
        **GRANT)
    assert case.state == "active"


def test_two_years_after_a_prison_sentence_end_the_day_before_the_corresponding_day():
    bar = bar_of("imprisonment", date(2028, 2, 29), None, None)
    assert (bar["article"], bar["from"], bar["until"]) == ("Art. 175 4", "2028-02-29",
                                                         "2030-02-28")


def test_a_bankruptcy_bars_until_it_is_lifted(people):
    bar = record(people, kst(2026, 11, 2, 10), ground="bankrupt",
                 occurred_on=date(2026, 10, 30))
    assert bar.data["bonded_area_bar"]["until"] is None and deadline(bar, "bar") is None
    case = application(people)
    problem = refused(case, "grant", people["officer"], kst(2026, 12, 10, 10),
                      valid_from=date(2026, 12, 15), **GRANT)
    assert "while the ground lasts" in problem.message and "해소될 때까지" in problem.said.ko
    act(bar, "lift", people["officer"], kst(2026, 12, 11, 10), lifted_on=date(2026, 12, 11),
        reasons="Reinstated by the Seoul Bankruptcy Court")
    assert bar.state == "lifted" and bar.data["bonded_area_bar"]["until"] == "2026-12-10"
    act(case, "grant", people["officer"], kst(2026, 12, 11, 11), valid_from=date(2026, 12, 15),
        **GRANT)
    assert case.state == "active"


def test_an_executive_bars_the_corporation_under_175_8(people):
    bar = record(people, kst(2026, 11, 2, 10), ground="suspended_sentence",
                 occurred_on=date(2026, 6, 1), last_day=date(2028, 5, 31),
                 executive="Kim Min-su, director of the warehouse")
    assert bar.data["bonded_area_bar"]["article"] == "Art. 175 8"
    problem = refused(application(people), "grant", people["officer"], kst(2026, 12, 10, 10),
                      valid_from=date(2026, 12, 15), **GRANT)
    assert "Art. 175 8" in problem.message and "제175조제8호" in problem.said.ko


def test_a_new_ground_opens_the_review_of_the_licences_the_party_holds(people):
    licence = licensed(people)
    bar = record(people, kst(2026, 12, 1, 10), ground="fine_smuggling",
                 occurred_on=date(2026, 11, 30))
    assert bar.data["licences_to_review"] == [f"{licence.reference}-1"]
    assert deadline(bar, "licence_review").due_date == date(2026, 12, 15)
    sweep(kst(2026, 12, 16, 0, 5))
    assert db.session.query(Alert).filter(Alert.case_id == bar.id).count() >= 1
    act(bar, "review_licences", people["officer"], kst(2026, 12, 16, 10),
        review=f"Revocation opened on {licence.reference} (Art. 178(2)2)")
    assert deadline(bar, "licence_review").status != "open"
    # The existing licence's renewal is refused for a 175 7 bar (no proviso for it).


@pytest.mark.parametrize(("values", "fragment"), [
    ({"ground": "suspended_sentence"}, "last day of the suspension"),
    ({"ground": "imprisonment", "last_day": date(2027, 1, 1)}, "leave the last day empty"),
    ({"ground": "fine_smuggling", "joint_penalty": True}, "Art. 279"),
])
def test_a_record_the_act_does_not_allow_is_refused(people, values, fragment):
    with pytest.raises(TransitionRefused) as caught:
        record(people, kst(2026, 11, 2, 10), occurred_on=date(2026, 10, 30), **values)
    db.session.rollback()
    assert fragment in caught.value.said


def test_a_bar_that_already_ended_opens_no_review(people):
    licensed(people)
    bar = record(people, kst(2026, 12, 1, 10), ground="fine_smuggling",
                 occurred_on=date(2024, 6, 3))  # two years ended on 3 June 2026
    assert bar.data["bonded_area_bar"]["until"] == "2026-06-03"
    assert "licences_to_review" not in bar.data and deadline(bar, "licence_review") is None


def test_a_fine_for_name_lending_refuses_the_renewal_of_that_area_only(people):
    # Art. 175 proviso: the operator keeps its other licences, not the one where 6(b) arose.
    licence = licensed(people)
    other = licensed(people)
    record(people, kst(2027, 1, 4, 10), ground="fine_unlicensed",
           occurred_on=date(2027, 1, 4), licence_concerned=licence.reference)
    problem = refused(licence, "renew", people["officer"], kst(2027, 1, 5, 10), years=10)
    assert "Art. 175 6(b)" in problem.message
    act(other, "renew", people["officer"], kst(2027, 1, 5, 10), years=10)
    assert other.data["renewals"] == 1


@pytest.mark.parametrize(("fine_concerns", "barred_until"), [
    ("the revoked licence", None),  # one reason: the earlier date, 4 January 2029, applies
    ("another licence", "2029-05-10"),  # two reasons: the revocation's bar runs on
])
def test_a_revocation_and_a_fine_for_one_reason_bar_from_the_earlier_date(
        people, fine_concerns, barred_until):
    licence, other = licensed(people), licensed(people)
    concerned = licence if fine_concerns == "the revoked licence" else other
    record(people, kst(2027, 1, 4, 10), ground="fine_unlicensed", occurred_on=date(2027, 1, 4),
           licence_concerned=concerned.reference)
    act(licence, "revoke", people["officer"], kst(2027, 5, 10, 10), ground="fraud",
        reasons="Licence obtained with a forged lease (Art. 178(2)1)")
    case = application(people, received=date(2028, 12, 20))
    problem = refused(case, "grant", people["officer"], kst(2029, 1, 4, 10),
                      valid_from=date(2029, 1, 6), **GRANT)
    assert "Art. 175 6" in problem.message  # the last day of the earlier bar still refuses
    if barred_until is None:
        act(case, "grant", people["officer"], kst(2029, 1, 5, 10), valid_from=date(2029, 1, 6),
            **GRANT)
        assert case.state == "active"
    else:
        problem = refused(case, "grant", people["officer"], kst(2029, 1, 5, 10),
                          valid_from=date(2029, 1, 6), **GRANT)
        assert f"until {barred_until} by Art. 175 6(a)" in problem.message
