"""Deemed permissions read against the Act (issue 12): every kind's paragraphs, the Art. 8 count
of the Act's 10 days, and the civil-petition count of an extension, on the real database.

Dates are 2026. Art. 8: a period in days excludes its first day and ends 24:00 of its last day;
a last day on a Saturday, Sunday, public holiday or Workers' Day rolls to the next working day.
Processing days (Civil Petitions Treatment Act Art. 19) leave out Saturdays, Sundays and public
holidays. Holidays used below: Mon 2 Mar (substitute for Independence Movement Day), Fri 1 May
(Labor Day), Tue 5 May (Children's Day).
"""

from datetime import date

import pytest

from backoffice.deadlines.store import add_closure_day
from backoffice.extensions import db
from backoffice.models import Case
from backoffice.workflow import deadlines_after, open_procedure_case
from tests.procedure_helpers import act, deadline, events, kst, sweep
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.engine import Refusal, TransitionRefused
from workflows.procedures.deemed_permission import KINDS, PROCEDURE


def licence_for(people, area_type: str) -> str:
    """An active licence of the applicant's, granted on 10 February 2026 for five years: the
    factory or construction site whose operator alone applies under 185, 187 and 195."""
    officer = people["officer"]
    with clock.frozen(kst(2026, 2, 2, 10)):
        licence = open_procedure_case(
            "bonded_area_licence", party=people["payer"].party, office=people["office"],
            actor=officer, values={"area_type": area_type, "location": "Pyeongtaek",
                                   "area_m2": 5_000, "licensed_matters": "Manufacture",
                                   "fee_paid": 72_000, "received_on": date(2026, 2, 2)})
        db.session.commit()
    act(licence, "start_review", officer, kst(2026, 2, 3, 10))
    term = ({"valid_to": date(2027, 2, 9)} if area_type == "construction_site"
            else {"years": 5})
    act(licence, "grant", officer, kst(2026, 2, 9, 10), valid_from=date(2026, 2, 10),
        requirements="Checked", **term)
    return licence.reference


@pytest.fixture
def apply(people):
    def receive(received_on: date, kind: str = "161") -> Case:
        at = kst(received_on.year, received_on.month, received_on.day, 10)
        types = KINDS[kind].licence_types
        licence = licence_for(people, min(types)) if types else ""
        with clock.frozen(at):
            case = open_procedure_case(
                "deemed_permission", party=people["payer"].party, office=people["office"],
                actor=people["officer"], assigned_officer=people["officer"],
                values={"permission_kind": kind, "received_on": received_on.isoformat(),
                        "application": "12 sample bottles", "licence": licence})
            db.session.commit()
        return case

    return receive


def extend(case: Case, people, at, days: int) -> None:
    act(case, "extend", people["officer"], at, extension_days=days, reasons="laboratory test")


# -- Item 9: the extension counts processing days, the Act's 10 days count under Art. 8 --------


def test_an_extension_counts_processing_days_from_the_day_after_the_running_period(apply,
                                                                                   people):
    # Received Mon 2 Mar: 10 days from 3 Mar end Thu 12 Mar (Art. 8). Extended by 10 processing
    # days from Fri 13 Mar: 13, 16-20, 23-26 (weekends not counted) → Thu 26 Mar. As Art. 8 days
    # it would have been 22 Mar, a Sunday, rolled to 23 Mar.
    case = apply(date(2026, 3, 2))
    assert deadline(case, "processing").due_date == date(2026, 3, 12)
    extend(case, people, kst(2026, 3, 11, 15), 10)
    extended = deadline(case, "processing")
    assert extended.due_date == date(2026, 3, 26)
    assert extended.period == "10pd"
    assert extended.article == "Art. 161(3)"
    assert extended.starts_on == date(2026, 3, 13)
    assert "Civil Petitions Treatment Act Art. 19(2)" in str(extended.explanation)


def test_the_deemed_grant_after_an_extension_takes_effect_at_00_00_of_the_next_day(apply,
                                                                                   people):
    # Extended period as above ends Thu 26 Mar 24:00: deemed granted from Fri 27 Mar 00:00.
    case = apply(date(2026, 3, 2))
    extend(case, people, kst(2026, 3, 11, 15), 10)
    assert sweep(kst(2026, 3, 26, 23, 59)).processed == 0
    assert sweep(kst(2026, 3, 27, 0, 0, 30)).fired == 1
    db.session.expire_all()
    assert case.state == "deemed_granted"
    deemed = events(case)[-1]
    assert (deemed.trigger, deemed.article) == ("deem_grant", "Art. 161(3)")
    assert deemed.effective_at == kst(2026, 3, 27, 0, 0)


def test_a_short_extension_counts_whole_processing_days_not_working_hours(apply, people):
    # 3 processing days from Fri 13 Mar: 13, 16, 17 → Tue 17 Mar, ending 24:00 (not 18:00: an
    # extension has no time of receipt for the hours of Art. 19(1)). Deemed from Wed 18 Mar.
    case = apply(date(2026, 3, 2))
    extend(case, people, kst(2026, 3, 12, 17), 3)
    extended = deadline(case, "processing")
    assert extended.due_date == date(2026, 3, 17)
    assert extended.due_at == kst(2026, 3, 18, 0, 0)
    assert "Civil Petitions Treatment Act Art. 19(1)" in str(extended.explanation)
    assert sweep(kst(2026, 3, 17, 20)).processed == 0
    act(case, "grant", people["officer"], kst(2026, 3, 17, 20))  # still within the period
    assert case.state == "granted"


def test_an_extension_and_a_re_extension_skip_public_holidays(apply, people):
    # Received Tue 21 Apr: 10 days from 22 Apr end Fri 1 May, Labor Day and Workers' Day, then
    # the weekend → Mon 4 May (Art. 8(3)). Extended by 2 processing days: Tue 5 May is
    # Children's Day, not counted → Wed 6, Thu 7 May. Re-extended by 5: Fri 8, Mon 11 to Thu 14
    # May. Deemed granted from Fri 15 May 00:00.
    case = apply(date(2026, 4, 21))
    assert deadline(case, "processing").due_date == date(2026, 5, 4)
    extend(case, people, kst(2026, 4, 30, 10), 2)
    assert deadline(case, "processing").due_date == date(2026, 5, 7)
    extend(case, people, kst(2026, 5, 6, 10), 5)
    assert deadline(case, "processing").due_date == date(2026, 5, 14)
    assert sweep(kst(2026, 5, 14, 23, 59)).processed == 0
    assert sweep(kst(2026, 5, 15, 0, 1)).fired == 1
    db.session.expire_all()
    assert events(case)[-1].effective_at == kst(2026, 5, 15, 0, 0)


def test_the_extension_notice_previews_the_same_end_as_the_extension(apply, people):
    # The notice of the extension states the new end before it is sent: 10 processing days
    # from Fri 13 Mar → Thu 26 Mar, as the extension itself.
    case = apply(date(2026, 3, 2))
    dues = deadlines_after(case, "extend", {"extension_days": 10, "reasons": "x"},
                           kst(2026, 3, 11, 15), StatutoryCalendar())
    assert dues["processing"] == date(2026, 3, 26)


def test_a_closure_day_recorded_inside_an_extension_is_not_counted(apply, people):
    # A temporary public holiday on Wed 18 Mar, recorded after the extension: the 10 processing
    # days from Fri 13 Mar now run 13, 16, 17, 19, 20, 23-27 → Fri 27 Mar. It is recorded on
    # Thu 12 Mar, within the window in which one person's record counts at once.
    case = apply(date(2026, 3, 2))
    extend(case, people, kst(2026, 3, 11, 15), 10)
    with clock.frozen(kst(2026, 3, 12, 9)):
        add_closure_day(date(2026, 3, 18), name="temporary holiday", kind="public_holiday",
                        ground="Presidential Decree (temporary public holiday)",
                        actor=people["supervisor"])
    db.session.commit()
    assert deadline(case, "processing").due_date == date(2026, 3, 27)


def test_an_extension_is_at_most_the_acts_ten_days(apply, people):
    # Enforcement Decree of the Civil Petitions Treatment Act Art. 21(1) [GK]: within the range
    # of the processing period, which is the Act's 10 days.
    case = apply(date(2026, 3, 2))
    with pytest.raises(TransitionRefused) as refused:
        extend(case, people, kst(2026, 3, 5, 10), 11)
    db.session.rollback()
    assert refused.value.reason is Refusal.INVALID_FIELD
    assert "at most 10" in refused.value.errors["extension_days"]


def test_the_acts_ten_days_are_counted_under_art_8_not_in_processing_days(apply):
    # Received Tue 3 Mar: 10 days from 4 Mar end Fri 13 Mar (Art. 8). In processing days
    # (first day counted) it would be 3-6, 9-13, 16 → Mon 16 Mar: later than the Act allows.
    case = apply(date(2026, 3, 3))
    processing = deadline(case, "processing")
    assert (processing.period, processing.due_date) == ("10d", date(2026, 3, 13))
    assert processing.early_warning_on is None  # the civil-petition count ends later


def test_the_processing_period_can_be_neither_extended_under_art_10_nor_waived():
    for state in ("received", "extended"):
        (spec,) = PROCEDURE.deadlines_of(state)
        assert (spec.extension, spec.waiver) == ("", "")


# -- Item 11: every kind's paragraphs, read against the Act ---------------------------------


ACT = {
    # kind: (application, processing period, deemed grant), as the Act numbers them
    "134": ("Art. 134(1) proviso", "Art. 134(3)", "Art. 134(4)"),
    "136": ("Art. 136(1)", "Art. 136(4)", "Art. 136(5)"),
    "140": ("Art. 140(1) proviso", "Art. 140(2)", "Art. 140(3)"),
    "142": ("Art. 142(1)", "Art. 142(3)", "Art. 142(4)"),
    "143": ("Art. 143(1)", "Art. 143(4)", "Art. 143(5)"),
    "158": ("Art. 158(2)", "Art. 158(3)", "Art. 158(4)"),
    "159": ("Art. 159(2)", "Art. 159(3)", "Art. 159(4)"),
    "161": ("Art. 161(1)", "Art. 161(2)", "Art. 161(3)"),
    "185": ("Art. 185(2)", "Art. 185(3)", "Art. 185(4)"),
    "187": ("Art. 187(1)", "Art. 187(2)", "Art. 187(3)"),
    "250": ("Art. 250(1)", "Art. 250(4)", "Art. 250(5)"),
    "146-134": ("Art. 146(1) → 134(1) proviso", "Art. 146(1) → 134(3)", "Art. 146(1) → 134(4)"),
    "146-136": ("Art. 146(1) → 136(1)", "Art. 146(1) → 136(4)", "Art. 146(1) → 136(5)"),
    "146-140": ("Art. 146(1) → 140(1) proviso", "Art. 146(1) → 140(2)", "Art. 146(1) → 140(3)"),
    "146-142": ("Art. 146(1) → 142(1)", "Art. 146(1) → 142(3)", "Art. 146(1) → 142(4)"),
    "146-143": ("Art. 146(1) → 143(1)", "Art. 146(1) → 143(4)", "Art. 146(1) → 143(5)"),
    "151-143": ("Art. 151(2) → 143(1)", "Art. 151(2) → 143(4)", "Art. 151(2) → 143(5)"),
    "155-158": ("Art. 155(2) → 158(2)", "Art. 155(2) → 158(3)", "Art. 155(2) → 158(4)"),
    "155-159": ("Art. 155(2) → 159(2)", "Art. 155(2) → 159(3)", "Art. 155(2) → 159(4)"),
    "155-161": ("Art. 155(2) → 161(1)", "Art. 155(2) → 161(2)", "Art. 155(2) → 161(3)"),
    # 195(2) applies 187(2) to (7) only: the permission itself is 195(1)'s.
    "195-187": ("Art. 195(1)", "Art. 195(2) → 187(2)", "Art. 195(2) → 187(3)"),
    "89-187": ("Art. 89(5) → 187(1)", "Art. 89(5) → 187(2)", "Art. 89(5) → 187(3)"),
    "205-185": ("Art. 205 → 185(2)", "Art. 205 → 185(3)", "Art. 205 → 185(4)"),
    "213-250": ("Art. 213(5) → 250(1)", "Art. 213(5) → 250(4)", "Art. 213(5) → 250(5)"),
    "221-250": ("Art. 221(2) → 250(1)", "Art. 221(2) → 250(4)", "Art. 221(2) → 250(5)"),
}


def test_every_deemed_permission_of_the_act_is_a_kind():
    assert set(KINDS) == set(ACT)
    assert len({k.applied_for_ko for k in KINDS.values()}) == len(KINDS)
    assert len({k.applied_for_en for k in KINDS.values()}) == len(KINDS)


@pytest.mark.parametrize("kind", sorted(ACT))
def test_each_kind_receives_counts_and_deems_under_its_own_paragraphs(apply, kind):
    # Received Mon 2 Mar: 10 days end Thu 12 Mar, deemed granted from Fri 13 Mar 00:00.
    application, period, deemed = ACT[kind]
    case = apply(date(2026, 3, 2), kind=kind)
    assert events(case)[0].article == application
    assert deadline(case, "processing").article == period
    sweep(kst(2026, 3, 13, 0, 1))
    db.session.expire_all()
    assert (events(case)[-1].trigger, events(case)[-1].article) == ("deem_grant", deemed)


def test_article_146_applies_all_five_vessel_and_aircraft_permissions():
    applied = {k.article for k in KINDS.values() if k.applies == "146(1)"}
    assert applied == {134, 136, 140, 142, 143}


def test_article_155_applies_the_three_deemed_permissions_of_158_to_161():
    # 155(2) applies 158 through 161; 160 (disposal) has no deemed clause.
    applied = {k.article for k in KINDS.values() if k.applies == "155(2)"}
    assert applied == {158, 159, 161}


def test_the_transfer_only_aircraft_exception_of_146_2_leaves_the_deemed_grant_alone():
    # 146(2): 143(2) does not apply to aircraft navigating domestically for transfer only; the
    # permission (143(1)) and its deemed grant (143(4)-(5)) still do.
    kind = KINDS["146-143"]
    assert (kind.application, kind.period, kind.deemed) == ("143(1)", "143(4)", "143(5)")
    assert "146(2)" in kind.note


def test_fees_follow_the_applied_articles():
    assert KINDS["134"].fee == "Art. 134(2)"
    assert KINDS["142"].fee == "Art. 142(2)"
    assert KINDS["146-134"].fee == "Art. 146(1) → 134(2)"
    assert KINDS["146-142"].fee == "Art. 146(1) → 142(2)"
