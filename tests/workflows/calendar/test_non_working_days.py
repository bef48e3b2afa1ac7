"""Art. 8(3): a deadline on a non-working day moves to the next day, repeatedly."""

from datetime import date

from workflows.calendar import ExtraDay, ExtraDayKind, StatutoryCalendar

calendar = StatutoryCalendar()


def test_deadline_on_seollal_moves_to_the_next_working_day():
    due = calendar.due(date(2026, 1, 19), "30d", start_label="receipt")
    assert due.due_date == date(2026, 2, 19)
    assert due.explanation == (
        "receipt 2026-01-19 → +30 days = 2026-02-18, Civil Act Arts. 157 and 159 (Art. 8(2)) → "
        "2026-02-18: public holiday (The second day of Korean New Year) → 2026-02-19, "
        "Art. 8(3)2 → due 2026-02-19 (ends 24:00 KST)"
    )


def test_chuseok_its_substitute_day_and_hangul_day_move_a_deadline_to_10_october_2025():
    due = calendar.due(date(2025, 9, 5), "30d")
    assert due.plain_end == date(2025, 10, 5)
    assert due.due_date == date(2025, 10, 10)
    assert "substitute holiday for Chuseok" in due.explanation
    assert "Hangul Day" in due.explanation


def test_deadline_on_children_s_day_moves_past_the_weekend():
    due = calendar.due(date(2023, 4, 20), "15d")
    assert due.due_date == date(2023, 5, 8)
    assert {"Art. 8(3)1", "Art. 8(3)2"} <= set(due.articles)


def test_workers_day_moves_a_deadline_although_it_is_no_public_holiday_in_2025():
    assert calendar.days.public_holiday(date(2025, 5, 1)) is None
    due = calendar.due(date(2025, 4, 16), "15d")
    assert due.plain_end == date(2025, 5, 1)
    assert due.due_date == date(2025, 5, 2)
    assert "2025-05-01: Workers' Day → 2025-05-02, Art. 8(3)3" in due.explanation


def test_workers_day_on_a_weekday_in_2023_moves_a_payment_deadline():
    due = calendar.due(date(2023, 4, 16), "15d")
    assert due.due_date == date(2023, 5, 2)


def test_presidential_election_day_2025_is_a_holiday():
    due = calendar.due(date(2025, 5, 4), "30d")
    assert due.plain_end == date(2025, 6, 3)
    assert due.due_date == date(2025, 6, 4)
    assert "Presidential Election Day" in due.explanation


def test_local_election_day_2026_is_a_holiday():
    due = calendar.due(date(2026, 5, 4), "30d")
    assert due.due_date == date(2026, 6, 4)
    assert "Local Election Day" in due.explanation


def test_temporary_holiday_of_27_january_2025_counts():
    due = calendar.due(date(2024, 12, 28), "30d")
    assert due.plain_end == date(2025, 1, 27)
    assert due.due_date == date(2025, 1, 31)


def test_deadline_moves_repeatedly_until_a_working_day():
    due = calendar.due(date(2026, 9, 22), "2d")
    assert due.plain_end == date(2026, 9, 24)
    assert due.due_date == date(2026, 9, 28)


def test_a_decree_day_added_by_the_office_moves_a_deadline_and_names_its_ground():
    closure = ExtraDay(date(2026, 3, 10), "Treasury agent banks closed", ExtraDayKind.DECREE_DAY,
                       "Enforcement Decree Art. 1-4(1)")
    due = StatutoryCalendar(extra_days=[closure]).due(date(2026, 3, 2), "8d")
    assert due.due_date == date(2026, 3, 11)
    assert "Art. 8(3)4" in due.articles
    assert "Enforcement Decree Art. 1-4(1)" in due.explanation


def test_a_temporary_public_holiday_added_by_the_office_is_art_8_3_2():
    holiday = ExtraDay(date(2026, 3, 10), "Temporary public holiday", ExtraDayKind.PUBLIC_HOLIDAY,
                       "Cabinet decision")
    due = StatutoryCalendar(extra_days=[holiday]).due(date(2026, 3, 2), "8d")
    assert due.due_date == date(2026, 3, 11)
    assert "Art. 8(3)2" in due.articles


def test_a_working_day_is_left_alone():
    due = calendar.due(date(2026, 3, 2), "10d")
    assert due.due_date == due.plain_end == date(2026, 3, 12)
    assert not any(a.startswith("Art. 8(3)") for a in due.articles)
