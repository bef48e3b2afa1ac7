"""Properties every deadline has, whatever the start and the period."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workflows.calendar import Period, StatutoryCalendar, Unit

calendar = StatutoryCalendar()
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 6, 30))
periods = st.one_of(
    st.builds(Period, st.integers(1, 400), st.just(Unit.DAYS)),
    st.builds(Period, st.integers(1, 60), st.just(Unit.WEEKS)),
    st.builds(Period, st.integers(1, 36), st.just(Unit.MONTHS)),
    st.builds(Period, st.integers(1, 3), st.just(Unit.YEARS)),
    st.builds(Period, st.integers(6, 120), st.just(Unit.PETITION_DAYS)),
)


@settings(max_examples=400, deadline=None)
@given(starts, periods)
def test_a_due_date_is_never_a_non_working_day(start, period):
    due = calendar.due(start, period)
    assert calendar.is_working_day(due.due_date) or period.unit is Unit.PETITION_DAYS
    if period.unit is Unit.PETITION_DAYS:
        assert calendar.days.petition_skip_reason(due.due_date) is None


@settings(max_examples=400, deadline=None)
@given(starts, periods)
def test_a_due_date_is_never_earlier_than_the_plain_count(start, period):
    due = calendar.due(start, period)
    assert due.due_date >= due.plain_end
    assert due.due_date > start


@settings(max_examples=400, deadline=None)
@given(starts, periods)
def test_a_later_start_never_gives_an_earlier_due_date(start, period):
    assert calendar.due(start + timedelta(days=1), period).due_date >= \
        calendar.due(start, period).due_date


@settings(max_examples=200, deadline=None)
@given(starts, periods)
def test_every_move_is_explained_by_an_article(start, period):
    due = calendar.due(start, period)
    if due.due_date != due.plain_end:
        assert any(a.startswith("Art. 8(3)") for a in due.articles)
