"""Each step of a date's explanation in Korean, beside the English (issue 15).

The expected dates are counted by hand in each test: the first day is not counted (Civil Act
Art. 157), the period ends at 24:00 of its last day (Art. 159), and a last day that is not a
working day moves to the next (Customs Act Art. 8(3)) or past an outage (Art. 8(4)).
"""

import re
from datetime import date, datetime

import pytest

from workflows.calendar import (
    ExtraDay,
    ExtraDayKind,
    Outage,
    StatutoryCalendar,
    Step,
    Suspension,
)
from workflows.calendar.korean import (
    START_LABELS_KO,
    SUSPENSION_REASONS_KO,
    korean_date,
    korean_period,
)
from workflows.calendar.periods import Period
from workflows.clock import SEOUL
from workflows.engine.deadline_rows import opened_row
from workflows.engine.declarations import Context
from workflows.procedures import REGISTRY, procedure_for

ENGLISH = re.compile(r"[A-Za-z]{2,}")
CIVIL_ACT = "「민법」 제157조·제159조 (제8조제2항)"


def korean(due):
    """The Korean of every step, after checking that none holds an English word."""
    for step in due.steps:
        assert step.ko, f"no Korean for {step.text!r}"
        assert not ENGLISH.search(step.ko), step.ko
        assert not ENGLISH.search(step.article_ko or ""), step.article_ko
        assert (step.article_ko is None) == (step.article is None), step
    return [step.ko for step in due.steps]


def test_a_plain_period_reads_its_start_its_count_and_its_end():
    """Received Thu 26 Nov 2026, 7 days: Fri 27 Nov is day 1, Thu 3 Dec day 7, a working day."""
    due = StatutoryCalendar().due(date(2026, 11, 26), "7d", start_label="receipt of the objection")
    assert due.due_date == date(2026, 12, 3)
    assert korean(due) == ["이의신청 접수일: 2026년 11월 26일(목)",
                           "+7일 = 2026년 12월 3일(목)",
                           "기한: 2026년 12월 3일(목) 자정까지"]
    assert due.steps[1].article_ko == CIVIL_ACT
    assert [s.text for s in due.steps] == ["receipt of the objection 2026-11-26",
                                           "+7 days = 2026-12-03",
                                           "due 2026-12-03 (ends 24:00 KST)"]


def test_a_korean_start_label_from_the_caller_is_used_as_given():
    due = StatutoryCalendar().due(date(2026, 11, 26), "7d", start_label="receipt of the notice",
                                  start_label_ko="처분통지 수령일")
    assert due.steps[0].ko == "처분통지 수령일: 2026년 11월 26일(목)"
    assert due.steps[0].text == "receipt of the notice 2026-11-26"


def test_a_saturday_and_a_sunday_move_the_last_day_to_monday():
    """From Thu 26 Nov 2026, 30 days: 27-30 Nov are days 1-4, 26 Dec day 30, a Saturday;
    Sun 27 Dec is not a working day either, so Mon 28 Dec."""
    due = StatutoryCalendar().due(date(2026, 11, 26), "30d", start_label="receipt of the objection")
    assert due.due_date == date(2026, 12, 28)
    steps = korean(due)
    assert steps[2:] == [
        "2026년 12월 26일(토)은 토요일이므로 그다음 날인 2026년 12월 27일(일)로 미룸",
        "2026년 12월 27일(일)은 일요일이므로 그다음 날인 2026년 12월 28일(월)로 미룸",
        "기한: 2026년 12월 28일(월) 자정까지",
    ]
    assert due.steps[2].article_ko == "제8조제3항제1호"
    assert due.steps[2].text == "2026-12-26: Saturday → 2026-12-27"


def test_a_public_holiday_and_its_substitute_holiday_are_named_in_korean():
    """From Thu 26 Feb 2026, 2 days: Fri 27 Feb is day 1, Sat 28 Feb day 2. Sun 1 Mar is
    삼일절; as it falls on a Sunday, Mon 2 Mar is its substitute holiday: Tue 3 Mar."""
    due = StatutoryCalendar().due(date(2026, 2, 26), "2d")
    assert due.due_date == date(2026, 3, 3)
    steps = korean(due)
    assert steps[0] == "기산일: 2026년 2월 26일(목)"
    assert steps[3] == ("2026년 3월 1일(일)은 일요일 및 공휴일(삼일절)이므로 그다음 날인 "
                        "2026년 3월 2일(월)로 미룸")
    assert steps[4] == ("2026년 3월 2일(월)은 대체공휴일(삼일절)이므로 그다음 날인 "
                        "2026년 3월 3일(화)로 미룸")
    assert due.steps[3].article_ko == "제8조제3항제1호, 제8조제3항제2호"
    assert due.steps[4].article_ko == "제8조제3항제2호"


def test_an_election_day_and_a_temporary_holiday_on_weekdays():
    """From Wed 27 May 2026, 7 days end on Wed 3 Jun, the local election day: Thu 4 Jun.
    From Mon 20 Jan 2025, 7 days end on Mon 27 Jan, a temporary holiday, before the three days
    of 설날 (28-30 Jan): Fri 31 Jan."""
    election = StatutoryCalendar().due(date(2026, 5, 27), "7d")
    assert election.due_date == date(2026, 6, 4)
    assert "2026년 6월 3일(수)은 공휴일(지방선거일)이므로" in korean(election)[2]
    lunar = StatutoryCalendar().due(date(2025, 1, 20), "7d")
    assert lunar.due_date == date(2025, 1, 31)
    assert korean(lunar)[2:6] == [
        "2025년 1월 27일(월)은 임시공휴일이므로 그다음 날인 2025년 1월 28일(화)로 미룸",
        "2025년 1월 28일(화)은 공휴일(설날 전날)이므로 그다음 날인 2025년 1월 29일(수)로 미룸",
        "2025년 1월 29일(수)은 공휴일(설날)이므로 그다음 날인 2025년 1월 30일(목)로 미룸",
        "2025년 1월 30일(목)은 공휴일(설날 다음날)이므로 그다음 날인 2025년 1월 31일(금)로 미룸",
    ]


def test_two_holidays_on_one_day_and_their_substitute_day():
    """From Wed 30 Apr 2025, 5 days end on Mon 5 May, 부처님오신날 and 어린이날 at once; Tue 6
    May is the substitute holiday of both: Wed 7 May."""
    due = StatutoryCalendar().due(date(2025, 4, 30), "5d")
    assert due.due_date == date(2025, 5, 7)
    assert korean(due)[2:4] == [
        "2025년 5월 5일(월)은 공휴일(부처님오신날·어린이날)이므로 그다음 날인 "
        "2025년 5월 6일(화)로 미룸",
        "2025년 5월 6일(화)은 대체공휴일(부처님오신날·어린이날)이므로 그다음 날인 "
        "2025년 5월 7일(수)로 미룸",
    ]


def test_workers_day_is_named_with_its_own_item():
    """From Mon 28 Apr 2025, 3 days end on Thu 1 May, Workers' Day (Art. 8(3)3): Fri 2 May."""
    due = StatutoryCalendar().due(date(2025, 4, 28), "3d")
    assert due.due_date == date(2025, 5, 2)
    assert korean(due)[2] == ("2025년 5월 1일(목)은 근로자의 날이므로 그다음 날인 "
                              "2025년 5월 2일(금)로 미룸")
    assert due.steps[2].article_ko == "제8조제3항제3호"


def test_a_decree_day_of_the_office_reads_its_name_and_ground():
    """From Mon 2 Mar 2026, 10 days end on Thu 12 Mar, a Decree day of the office: Fri 13."""
    extra = ExtraDay(date(2026, 3, 12), "금융기관 휴무", ExtraDayKind.DECREE_DAY, "시행령 제1조의4")
    due = StatutoryCalendar(extra_days=[extra]).due(date(2026, 3, 2), "10d")
    assert due.due_date == date(2026, 3, 13)
    assert korean(due)[2] == ("2026년 3월 12일(목)은 대통령령으로 정하는 날(금융기관 휴무; "
                              "시행령 제1조의4)이므로 그다음 날인 2026년 3월 13일(금)로 미룸")
    assert due.steps[2].article_ko == "제8조제3항제4호"


def test_an_outage_of_the_network_moves_the_day_past_its_repair():
    """From Mon 2 Mar 2026, 10 days end on Thu 12 Mar; the network is down from 12 Mar 10:00
    to 13 Mar 09:00, so the day after the repair, Sat 14 Mar, then Mon 16 Mar."""
    outage = Outage(datetime(2026, 3, 12, 10, tzinfo=SEOUL), datetime(2026, 3, 13, 9, tzinfo=SEOUL),
                    "전산 장애")
    due = StatutoryCalendar(outages=[outage]).due(date(2026, 3, 2), "10d")
    assert due.due_date == date(2026, 3, 16)
    steps = korean(due)
    assert steps[2] == ("2026년 3월 12일(목)에 국가관세종합정보시스템 장애(전산 장애), "
                        "2026년 3월 13일(금) 복구 → 복구된 날의 다음 날인 "
                        "2026년 3월 14일(토)로 미룸")
    assert due.steps[2].article_ko == "제8조제4항"
    assert steps[-1] == "기한: 2026년 3월 16일(월) 자정까지"


def test_a_suspension_reads_its_reason_its_days_and_the_new_end():
    """From Sun 1 Mar 2026, 10 days end on Wed 11 Mar; a revision order stops the clock from
    Tue 3 to Thu 5 Mar (3 days, Art. 128(4)): Sat 14 Mar, so Mon 16 Mar."""
    stop = Suspension(date(2026, 3, 3), date(2026, 3, 5), "Art. 123; Art. 128(4)",
                      "revision ordered")
    due = StatutoryCalendar().due(date(2026, 3, 1), "10d", suspensions=[stop])
    assert due.due_date == date(2026, 3, 16)
    assert korean(due)[2] == ("보정 요구: 2026년 3월 3일(화)부터 2026년 3월 5일(목)까지 3일은 "
                              "산입하지 않음 = 2026년 3월 14일(토)")
    assert due.steps[2].article_ko == "제123조; 제128조제4항"
    plain = Suspension(date(2026, 3, 3), date(2026, 3, 3), "Art. 128(4)")
    again = StatutoryCalendar().due(date(2026, 3, 1), "10d", suspensions=[plain])
    assert korean(again)[2].startswith("기간 정지: 2026년 3월 3일(화)부터 "
                                       "2026년 3월 3일(화)까지 1일은")
    own = Suspension(date(2026, 3, 3), date(2026, 3, 3), "Art. 128(4)", "stop", "자료 제출 대기")
    told = StatutoryCalendar().due(date(2026, 3, 1), "10d", suspensions=[own])
    assert told.steps[2].ko.startswith("자료 제출 대기: ")


def test_an_extension_under_art_10_reads_its_new_day_and_ground():
    """From Mon 2 Mar 2026, 10 days end on Thu 12 Mar; extended to Sat 11 Apr for a typhoon,
    the new last day moves to Mon 13 Apr (Art. 8(3))."""
    calendar = StatutoryCalendar()
    due = calendar.due(date(2026, 3, 2), "10d")
    extended = calendar.extend(due, date(2026, 4, 11), "태풍 피해")
    assert extended.due_date == date(2026, 4, 13)
    steps = korean(extended)
    assert steps[3:] == [
        "2026년 4월 11일(토)까지 기한 연장(태풍 피해)",
        "2026년 4월 11일(토)은 토요일이므로 그다음 날인 2026년 4월 12일(일)로 미룸",
        "2026년 4월 12일(일)은 일요일이므로 그다음 날인 2026년 4월 13일(월)로 미룸",
    ]
    assert extended.steps[3].article_ko == "제10조"


def test_a_backward_deadline_moves_back_and_says_why():
    """Ten whole days before Thu 12 Mar 2026 (strict reading: 11 days back) is Sun 1 Mar,
    삼일절; back to Sat 28 Feb, then Fri 27 Feb."""
    due = StatutoryCalendar().latest_before(date(2026, 3, 12), "10d")
    assert due.due_date == date(2026, 2, 27)
    assert korean(due) == [
        "예정일: 2026년 3월 12일(목)",
        "-10일(엄격 해석: 그 사이에 온전한 10일을 둠) = 2026년 3월 1일(일)",
        "2026년 3월 1일(일)은 일요일 및 공휴일(삼일절)이므로 하루 앞당김(거꾸로 세는 기한은 "
        "뒤로 미루지 않음)",
        "2026년 2월 28일(토)은 토요일이므로 하루 앞당김(거꾸로 세는 기한은 뒤로 미루지 않음)",
        "기한: 2026년 2월 27일(금) 자정까지",
    ]
    assert due.steps[1].article_ko == "「민법」 제157조 유추 적용"
    lenient = StatutoryCalendar().latest_before(date(2026, 3, 12), "10d", strict=False)
    assert korean(lenient)[1] == "-10일(완화 해석) = 2026년 3월 2일(월)"


def test_a_civil_petition_counted_in_working_hours_ends_at_its_hour():
    """1 processing day (8 working hours) from Fri 6 Mar 2026 16:00: 2 hours on Friday, the
    weekend not counted, 3 + 3 hours on Monday 9 Mar: 16:00."""
    due = StatutoryCalendar().due(datetime(2026, 3, 6, 16, 0), "1pd",
                                  start_label="receipt of the application")
    assert due.due_at.astimezone(SEOUL) == datetime(2026, 3, 9, 16, 0, tzinfo=SEOUL)
    assert korean(due) == [
        "신청 접수일: 2026년 3월 6일(금) 16:00",
        "처리기간 1일 = 접수 시각부터 근무시간 8시간(1일 8시간), 토요일과 공휴일 제외",
        "산입하지 않은 날: 2026년 3월 7일(토) 토요일, 2026년 3월 8일(일) 일요일",
        "처리기한: 2026년 3월 9일(월) 16:00까지",
    ]
    assert due.steps[1].article_ko == "「민원 처리에 관한 법률」 제19조제1항"


def test_a_civil_petition_counted_in_days_names_the_days_it_skips():
    """10 processing days from Thu 12 Feb 2026, the first day counted: 12, 13, 19, 20, 23-27
    Feb are days 1-9 (the weekends and 16-18 Feb, 설날, are not counted), then 28 Feb to 2 Mar
    (a weekend and 삼일절's substitute holiday) are skipped: Tue 3 Mar is day 10."""
    due = StatutoryCalendar().due(date(2026, 2, 12), "10pd",
                                  start_label="receipt of the application")
    assert due.due_date == date(2026, 3, 3)
    steps = korean(due)
    assert steps[1] == "처리기간 10일: 첫날을 산입하되 토요일과 공휴일은 산입하지 않음"
    assert "2026년 2월 17일(화) 공휴일(설날)" in steps[2]
    assert "2026년 3월 2일(월) 대체공휴일(삼일절)" in steps[2]
    assert steps[3] == "처리기한: 2026년 3월 3일(화) 자정까지"
    assert due.steps[1].article_ko == "「민원 처리에 관한 법률」 제19조제2항"


def test_an_extended_processing_period_runs_on_from_midnight():
    """A processing period extended by 3 days from 24:00 of Fri 6 Mar 2026 (00:00 Sat 7):
    the weekend not counted, Mon 9, Tue 10 and Wed 11 Mar."""
    due = StatutoryCalendar().due(datetime(2026, 3, 7, 0, 0, tzinfo=SEOUL), "3pd",
                                  start_label="end of the running processing period")
    assert due.due_date == date(2026, 3, 11)
    steps = korean(due)
    assert steps[0] == "당초 처리기간 만료: 2026년 3월 7일(토) 00:00"
    assert steps[1].startswith("처리기간 3일(0시부터): 1일 8근무시간의 처리일 단위로 세고")


def test_months_without_a_corresponding_day_and_a_duration_without_roll_over():
    """1 month from Fri 30 Jan 2026: February has no 30th, so its last day, Sat 28 Feb
    (Civil Act Art. 160(3)). A validity of one year from 00:00 of Thu 12 Feb 2026 counts the
    first day and ends Thu 11 Feb 2027, not moved."""
    calendar = StatutoryCalendar()
    month = calendar.due(date(2026, 1, 30), "1m")
    assert korean(month)[1] == "+1개월 = 2026년 2월 28일(토)"
    assert month.steps[1].article_ko == ("「민법」 제160조제3항: 해당하는 날이 없어 그 달의 말일 "
                                         "(제8조제2항)")
    validity = calendar.due(date(2026, 2, 12), "1y", rollover=False, starts_at_midnight=True)
    assert korean(validity)[1:] == ["기간이 0시부터 시작하므로 첫날을 산입함",
                                    "+1년 = 2027년 2월 11일(목)",
                                    "기한이 아닌 존속기간이므로 말일을 옮기지 않음",
                                    "기한: 2027년 2월 11일(목) 자정까지"]
    assert validity.steps[1].article_ko == "「민법」 제157조 단서"


@pytest.mark.parametrize(("text", "korean_text"), [
    ("30d", "30일"), ("2w", "2주"), ("3m", "3개월"), ("1y", "1년"), ("10pd", "처리기간 10일"),
])
def test_periods_in_korean(text, korean_text):
    assert korean_period(Period.parse(text)) == korean_text


def test_a_korean_date_has_its_weekday():
    assert korean_date(date(2026, 12, 26)) == "2026년 12월 26일(토)"


def test_the_stored_step_keeps_the_english_keys_and_adds_the_korean():
    due = StatutoryCalendar().due(date(2026, 11, 26), "30d", start_label="receipt of the objection")
    stored = due.as_json()[2]
    assert stored == {"text": "2026-12-26: Saturday → 2026-12-27", "article": "Art. 8(3)1",
                      "ko": "2026년 12월 26일(토)은 토요일이므로 그다음 날인 "
                            "2026년 12월 27일(일)로 미룸",
                      "article_ko": "제8조제3항제1호"}
    assert Step.from_dict(stored) == due.steps[2]
    assert due.explanation_ko.startswith("이의신청 접수일: 2026년 11월 26일(목) → +30일 = ")


def test_a_step_stored_before_the_korean_reads_the_english():
    old = Step.from_dict({"text": "2026-12-26: Saturday → 2026-12-27", "article": "Art. 8(3)1"})
    assert (old.ko, old.article_ko) == ("", None)
    assert old.korean == "2026-12-26: Saturday → 2026-12-27"
    assert old.korean_article == "제8조제3항제1호"
    assert Step.from_dict({"text": "due 2026-12-03 (ends 24:00 KST)"}).korean_article is None


def test_every_start_a_procedure_declares_has_its_korean():
    labels = {spec.start.label for procedure in REGISTRY.values()
              for specs in procedure.deadlines.values() for spec in specs}
    assert labels <= START_LABELS_KO.keys(), labels - START_LABELS_KO.keys()


def test_every_clock_stop_the_engine_records_reads_as_its_state_in_korean():
    """The engine stores a clock stop's reason as the stopping state's English label in lower
    case (workflows/engine/plan.py); its Korean is the state's own."""
    for procedure in REGISTRY.values():
        for state in procedure.states:
            if state.suspends:
                assert SUSPENSION_REASONS_KO[state.label.en.lower()] == state.label.ko


def test_a_deadline_the_engine_opens_is_stored_with_its_korean():
    """The objection's written opinion: 7 days from the receipt of the objection (Art. 132(5)),
    Thu 26 Nov 2026 → Thu 3 Dec 2026."""
    spec = procedure_for("objection").deadline_spec("opinion")
    context = Context.reading("filed", {"filed_on": date(2026, 11, 26)},
                              datetime(2026, 11, 26, 10, tzinfo=SEOUL))
    row = opened_row(spec, context, date(2026, 11, 26), StatutoryCalendar())
    assert row["due_date"] == date(2026, 12, 3)
    assert [step["ko"] for step in row["explanation"]] == [
        "이의신청 접수일: 2026년 11월 26일(목)", "+7일 = 2026년 12월 3일(목)",
        "기한: 2026년 12월 3일(목) 자정까지"]
