"""The duty payer's portal tells the payer, in their words, what they must do and by when, what
the customs office still owes them, and how each case was decided; closed cases apart.

The cases are built through the engine at real dates and the portal is read on Thu 12 Nov 2026,
10:00 KST. Every expected date is counted by hand under Art. 8 (Civil Act Arts. 157, 159, 160 via
Art. 8(1)): the first day is not counted, a period ends at 24:00 of its last day, and a last day
on a Saturday, Sunday or public holiday moves to the next working day (Art. 8(3)).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.main import portal_view
from backoffice.models import Case, Office, Party, User
from backoffice.workflow import open_procedure_case
from jobs.enforce import enforce_due_deadlines
from tests.factories import PASSWORD
from tests.procedure_helpers import act, deadline, kst
from workflows import clock
from workflows.engine import Duty
from workflows.procedures import REGISTRY
from workflows.roles import Role

READ_AT = kst(2026, 11, 12, 10)
INTERNAL = "INTERNAL-NOTE-7731"
"""Words the office writes in reasons and opinions: the portal never shows an event's text."""


def _objection(office, party, officer, filed_on: str, ref: str, at) -> Case:
    with clock.frozen(at):
        case = open_procedure_case(
            "objection", party=party, office=office, actor=officer, assigned_officer=officer,
            values={"disposition_ref": ref, "disposition": f"Payment notice {ref}",
                    "disposition_kind": "assessment", "notice_received_on": filed_on,
                    "filed_on": filed_on, "filing_rule": "at_office",
                    "reasons": "Personal effects."})
        db.session.commit()
    return case


def _sweep(at) -> None:
    with clock.frozen(at):
        enforce_due_deadlines()
        db.session.commit()


@pytest.fixture
def portfolio(app, make):
    """John Smith's cases at one office, in the order they happened, and another party's."""
    office = make.office("SEOUL")
    make.user("kimminjun", Role.OFFICER, office=office)
    make.user("parkchief", Role.SUPERVISOR, office=office)
    party, other = make.party("JOHN SMITH"), make.party("OTHER PARTY")
    make.user("john", Role.DUTY_PAYER, party=party)
    refs = {}
    with app.app_context():
        office, party, other = (db.session.get(Office, office.id),
                                db.session.get(Party, party.id), db.session.get(Party, other.id))
        officer = db.session.scalar(select(User).where(User.username == "kimminjun"))
        chief = db.session.scalar(select(User).where(User.username == "parkchief"))

        # G: rejected Fri 15 May, decision received Mon 18 May. The 90 days (Art. 121(2)) run
        # from Tue 19 May: 13 days in May, 30 in June, 31 in July, 16 in August = 90 on Sun
        # 16 Aug; Mon 17 Aug is the substitute holiday for Liberation Day, so the last day is
        # Tue 18 Aug. Unused, the case closes at 24:00 that day (00:00 KST on 19 Aug).
        g = _objection(office, party, officer, "2026-04-20", "G-0420", kst(2026, 4, 20, 10))
        act(g, "refer_to_committee", officer, kst(2026, 4, 21, 10))
        act(g, "decide_reject", chief, kst(2026, 5, 15, 10), reasons=INTERNAL)
        act(g, "record_decision_served", officer, kst(2026, 5, 18, 15),
            decision_served_on="2026-05-18")
        assert deadline(g, "next_step").due_date.isoformat() == "2026-08-18"
        _sweep(kst(2026, 8, 19, 0, 5))

        # D: filed Mon 14 Sep; 30 days (Art. 132(4) → 128(2)) from Tue 15 Sep end on Wed
        # 14 Oct; undecided, the sweep moves it to decision_overdue (Art. 129(2)). On 12 Nov it
        # is 29 days late (15 Oct to 12 Nov).
        d = _objection(office, party, officer, "2026-09-14", "D-0914", kst(2026, 9, 14, 10))
        act(d, "issue_opinion", officer, kst(2026, 9, 15, 10), opinion=INTERNAL)
        act(d, "refer_to_committee", officer, kst(2026, 9, 16, 10))
        assert deadline(d, "decision").due_date.isoformat() == "2026-10-14"

        # E: rejected Tue 22 Sep, decision received Mon 28 Sep. The 90 days run from Tue 29 Sep:
        # 2 in September, 31 in October, 30 in November, 27 in December = 90 on Sun 27 Dec,
        # so the last day is Mon 28 Dec. On 12 Nov: 18 days of November + 28 = 46 days left.
        e = _objection(office, party, officer, "2026-09-01", "E-0901", kst(2026, 9, 1, 10))
        act(e, "refer_to_committee", officer, kst(2026, 9, 2, 10))
        act(e, "decide_reject", chief, kst(2026, 9, 22, 10), reasons=INTERNAL)
        act(e, "record_decision_served", officer, kst(2026, 9, 29, 10),
            decision_served_on="2026-09-28")
        assert deadline(e, "next_step").due_date.isoformat() == "2026-12-28"
        _sweep(kst(2026, 10, 15, 0, 5))
        db.session.refresh(d)
        assert d.state == "decision_overdue"

        # F: accepted in part on Fri 30 Oct; the receipt of the decision is not recorded, so the
        # 90 days for the next step have not started.
        f = _objection(office, party, officer, "2026-10-06", "F-1006", kst(2026, 10, 6, 10))
        act(f, "refer_to_committee", officer, kst(2026, 10, 7, 10))
        act(f, "decide_accept", chief, kst(2026, 10, 30, 10), extent="part", reasons=INTERNAL)

        # C: filed Mon 26 Oct; the written opinion's 7 days (Art. 132(5)) from Tue 27 Oct end
        # on Mon 2 Nov: not sent, it is 10 days late on 12 Nov (the sweep escalates it to the
        # supervisors, which the payer is not told). The decision's 30 days from Tue 27 Oct end
        # on Wed 25 Nov: 13 days left.
        c = _objection(office, party, officer, "2026-10-26", "C-1026", kst(2026, 10, 26, 10))
        assert deadline(c, "opinion").due_date.isoformat() == "2026-11-02"
        assert deadline(c, "decision").due_date.isoformat() == "2026-11-25"

        # A: filed Mon 2 Nov, opinion sent, revision of 14 days ordered on Thu 5 Nov: from Fri
        # 6 Nov the 14th day is Thu 19 Nov (Art. 123(1) via 132(4)): 7 days left on 12 Nov. The
        # decision clock stops meanwhile (Art. 128(4)).
        a = _objection(office, party, officer, "2026-11-02", "A-1102", kst(2026, 11, 2, 10))
        act(a, "issue_opinion", officer, kst(2026, 11, 3, 10), opinion=INTERNAL)
        act(a, "order_revision", officer, kst(2026, 11, 5, 10), revision_days=14,
            matters="Attach the invoice.")
        assert deadline(a, "revision").due_date.isoformat() == "2026-11-19"

        # B: filed Mon 2 Nov, opinion sent Wed 4 Nov: the payer may answer it with evidence
        # (Art. 132(6)); the decision's 30 days from Tue 3 Nov end on Wed 2 Dec: 20 days left.
        b = _objection(office, party, officer, "2026-11-02", "B-1102", kst(2026, 11, 2, 11))
        act(b, "issue_opinion", officer, kst(2026, 11, 4, 10), opinion=INTERNAL)
        assert deadline(b, "decision").due_date.isoformat() == "2026-12-02"
        _sweep(kst(2026, 11, 3, 0, 5))

        # P: a pre-assessment notice received Tue 3 Nov: the 30 days for a review (Art. 118(2))
        # from Wed 4 Nov end on Thu 3 Dec: 21 days left on 12 Nov.
        with clock.frozen(kst(2026, 11, 2, 14)):
            p = open_procedure_case("pre_assessment_review", party=party, office=office,
                                    actor=officer, assigned_officer=officer,
                                    values={"shortage": 1_240_000, "grounds": INTERNAL})
            db.session.commit()
        act(p, "record_service", officer, kst(2026, 11, 4, 9), notice_received_on="2026-11-03")
        assert deadline(p, "review_window").due_date.isoformat() == "2026-12-03"

        # Another party's objection at the same office, with the same kind of deadlines.
        x = _objection(office, other, officer, "2026-11-02", "X-1102", kst(2026, 11, 2, 12))
        refs = {name: case.reference for name, case in
                {"A": a, "B": b, "C": c, "D": d, "E": e, "F": f, "G": g, "P": p, "X": x}.items()}
    return refs


def _portal(client, auth, app, locale: str = "ko") -> str:
    if locale != "ko":
        with app.app_context():
            db.session.scalar(select(User).where(User.username == "john")).locale = locale
            db.session.commit()
    auth.login("john", PASSWORD)
    with clock.frozen(READ_AT):
        response = client.get("/portal")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _section(html: str, section_id: str) -> str:
    match = re.search(rf'<section[^>]*\bid="{section_id}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {section_id}"
    return match.group(1)


def _items(section: str) -> dict[str, str]:
    """The text of each item of a section's lists, by the case reference it is about."""
    items = {}
    for chunk in section.split('<li class="portal-item')[1:]:
        reference = re.search(r'data-case="([^"]+)"', chunk).group(1)
        items[reference] = (items.get(reference, "") + " " + _text("<" + chunk)).strip()
    return items


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _hrefs(section: str) -> list[str]:
    return re.findall(r'class="button[^"]*portal-button" href="([^"]+)"', section)


def test_you_need_to_act_lists_the_partys_own_time_limits_with_what_happens_and_the_button(
    app, client, auth, portfolio
):
    html = _portal(client, auth, app)
    act = _section(html, "act")
    to_do = re.search(r"<ul class=\"portal-list\">(.*?)</ul>", act, re.S).group(1)
    items = _items(to_do)
    # the party's three running time limits, soonest first, and nothing of the office's
    assert list(items) == [portfolio["A"], portfolio["P"], portfolio["E"]]
    revision = items[portfolio["A"]]
    assert "보정 기간" in revision and "revision period" in revision
    assert "2026년 11월 19일(목)" in revision and "7일 남음" in revision
    assert "기한이 지나면" in revision and "If it passes" in revision
    assert ("이의신청이 본안 심리 없이 각하될 수 있습니다 "
            "(제128조제1항제1호다목(제132조제4항에 따라 준용))") in revision
    assert ("your objection may be dismissed without a review of its merits "
            "(Art. 128(1)1(c) via 132(4))") in revision
    review = items[portfolio["P"]]
    assert "2026년 12월 3일(목)" in review and "21일 남음" in review and "제118조제2항" in review
    assert "you can no longer ask for a review, and the office may collect the shortage" in review
    next_step = items[portfolio["E"]]
    assert "2026년 12월 28일(월)" in next_step and "46일 남음" in next_step
    assert "you can no longer appeal, and the decision stands" in next_step
    assert "심사청구하기" in next_step
    base = "/cases/"
    assert _hrefs(to_do) == [f"{base}{portfolio['A']}?open=revise#action-revise",
                             f"{base}{portfolio['P']}?open=request_review#action-request_review",
                             f"{base}{portfolio['E']}#next-heading"]
    # the office's consequences of its own late duties are not the payer's business
    for internal in ("supervisors alerted", "flagged", "감독자", "기한 경과 표시"):
        assert internal not in html


def test_you_may_offers_evidence_against_the_written_opinion_without_a_deadline(
    app, client, auth, portfolio
):
    act = _section(_portal(client, auth, app), "act")
    options = re.search(r'<ul class="portal-list" aria-labelledby="may-heading">(.*?)</ul>', act,
                        re.S).group(1)
    items = _items(options)
    # Evidence against the written opinion is received until the decision (132(6)): every
    # undecided case whose opinion was sent (A in revision, B, D past its decision period); not
    # C (no opinion yet), nor the decided ones. The attorney and the perusal of documents are
    # beside the procedure's course, not a step to offer.
    assert set(items) == {portfolio["A"], portfolio["B"], portfolio["D"]}
    for reference in (portfolio["A"], portfolio["B"], portfolio["D"]):
        assert "반대 증거 제출" in items[reference]
        assert "제132조제6항; 제132조제4항 단서" in items[reference]
        assert "No time limit" in items[reference]
    assert "대리인" not in options and "열람" not in options
    assert (f"/cases/{portfolio['B']}?open=submit_counter_evidence#action-submit_counter_evidence"
            in _hrefs(options))


def test_waiting_for_the_office_says_what_is_late_and_what_the_late_decision_opens(
    app, client, auth, portfolio
):
    html = _portal(client, auth, app)
    waiting = _section(html, "waiting")
    items = re.findall(r'<li class="portal-item awaited([^"]*)" data-case="([^"]+)" '
                       r'data-kind="([^"]+)">(.*?)</li>', waiting, re.S)
    listed = [(ref, kind, "late" in classes) for classes, ref, kind, _ in items]
    # the late ones first, the latest of them first; then the running ones by due date; the
    # decision whose clock the revision stopped last
    # F was decided on 30 Oct, but the written decision has not been served: its 30 days from
    # Wed 7 Oct ended on Thu 5 Nov (Art. 132(4) → 128(2)), met only by service (128(3)).
    assert listed == [(portfolio["D"], "decision", True), (portfolio["C"], "opinion", True),
                      (portfolio["F"], "decision", True),
                      (portfolio["C"], "decision", False), (portfolio["B"], "decision", False),
                      (portfolio["A"], "decision", False)]
    text = {(ref, kind): _text(body) for _, ref, kind, body in items}
    decision = text[(portfolio["D"], "decision")]
    assert "29일 지연" in decision and "Art. 132(4) → 128(2)" in decision
    assert "세관이 아직 처리하지 않았습니다. 기한은 2026년 10월 14일(수)였습니다" in decision
    assert "you may request an examination or adjudication now, without waiting for it " \
           "(Art. 121(2) proviso; 129(2)1)" in decision
    assert f'href="/cases/{portfolio["D"]}#next-heading"' in waiting
    opinion = text[(portfolio["C"], "opinion")]
    assert "10일 지연" in opinion and "Art. 132(5)" in opinion and "2026년 11월 2일(월)" in opinion
    assert "2026년 11월 25일(수)" in text[(portfolio["C"], "decision")]
    assert "13일 남음" in text[(portfolio["C"], "decision")]
    assert "2026년 12월 2일(수)" in text[(portfolio["B"], "decision")]
    stopped = text[(portfolio["A"], "decision")]
    # ordered on Thu 5 Nov, the revision period runs from Fri 6 Nov: the clock stops from then
    assert "2026년 11월 6일(금)부터 기간 정지" in stopped and "2026년 12월 2일(수)" not in stopped
    assert ("보정 요구 단계에서는 기간이 진행되지 않습니다 "
            "(제123조(제132조제4항에 따라 준용); 제128조제4항)") in stopped
    # no one at the office by name, no internal text, no other party's case
    for hidden in ("kimminjun", "parkchief", INTERNAL, portfolio["X"], "OTHER PARTY"):
        assert hidden.lower() not in html.lower()


def test_a_decided_case_says_how_it_was_decided_and_until_when_the_next_step_is_open(
    app, client, auth, portfolio
):
    live = _items(_section(_portal(client, auth, app, locale="en"), "cases"))
    assert set(live) == {portfolio[k] for k in "ABCDEFP"}
    rejected = live[portfolio["E"]]
    assert ("2026-09-22 Your objection was rejected. 이의신청이 기각되었습니다." in rejected)
    assert ("You may take the next step until 2026-12-28: request for examination or "
            "adjudication (Art. 121(2); 129(1)1).") in rejected
    accepted = live[portfolio["F"]]
    assert "2026-10-30 Your objection was accepted in part." in accepted
    # the receipt of the decision is not recorded: the period runs from it, not yet from a day
    assert ("You may take the next step within 90 days of receipt of the written decision "
            "(not recorded yet): request for examination or adjudication") in accepted
    overdue = live[portfolio["D"]]
    assert "2026-10-15 No decision was made within the decision period" in overdue


def test_closed_cases_are_kept_apart_with_how_they_ended(app, client, auth, portfolio):
    html = _portal(client, auth, app)
    closed = _section(html, "closed")
    assert "<details" in closed  # collapsed below the live cases
    items = _items(closed)
    assert list(items) == [portfolio["G"]]
    ended = items[portfolio["G"]]
    assert "2026년 8월 19일(수) 종결" in ended
    assert "2026년 5월 15일(금) 이의신청이 기각되었습니다." in ended
    assert ("2026년 8월 19일(수) 심사청구·심판청구 기간(90일)이 지나 더 이상 불복할 수 "
            "없습니다.") in ended
    assert "the decision can no longer be appealed" in ended
    assert portfolio["G"] not in _section(html, "cases")
    assert portfolio["G"] not in _section(html, "act")
    assert portfolio["G"] not in _section(html, "waiting")


def test_a_revision_period_that_passed_says_so_and_offers_no_other_action(app, client, auth,
                                                                          john_at_seoul):
    with app.app_context():
        office, party, officer = john_at_seoul()
        case = _objection(office, party, officer, "2026-11-02", "L-1102", kst(2026, 11, 2, 10))
        act(case, "issue_opinion", officer, kst(2026, 11, 3, 10), opinion=INTERNAL)
        act(case, "order_revision", officer, kst(2026, 11, 3, 11), revision_days=4,
            matters="Attach the invoice.")
        # 4 days from Wed 4 Nov end on Sat 7 Nov, which moves to Mon 9 Nov (Art. 8(3)). On
        # 12 Nov it passed 3 days ago (10, 11 and 12 Nov).
        assert deadline(case, "revision").due_date.isoformat() == "2026-11-09"
        reference = case.reference
    act_section = _section(_portal(client, auth, app), "act")
    item = _items(act_section)[reference]
    assert "기한이 지났습니다" in item and "기한 경과 (3일 전)" in item
    assert ("이의신청이 본안 심리 없이 각하될 수 있습니다 "
            "(제128조제1항제1호다목(제132조제4항에 따라 준용))") in item
    # the revision can no longer be sent online (Art. 123(1)); withdrawing is not "the" action
    to_do = act_section.split('aria-labelledby="may-heading"')[0]
    assert _hrefs(to_do) == [f"/cases/{reference}#status"]
    # once the sweep has marked it passed (flagged for the officer), the payer still sees it,
    # as passed, and nothing of the flag
    with app.app_context():
        _sweep(kst(2026, 11, 10, 0, 5))
    with clock.frozen(READ_AT):
        act_section = _section(client.get("/portal").get_data(as_text=True), "act")
    assert "기한 경과 (3일 전)" in _items(act_section)[reference]
    assert "flagged" not in act_section and "기한 경과 표시" not in act_section


def test_every_party_time_limit_and_every_ending_is_put_in_plain_words():
    """A newly declared party deadline or ending action must say what it means for the party."""
    for procedure in REGISTRY.values():
        for specs in procedure.deadlines.values():
            for spec in specs:
                if spec.owed_by != Duty.PARTY:
                    continue
                assert spec.kind in portal_view.LAPSE or spec.when_it_passes.en, (
                    procedure.code, spec.kind)
                if spec.kind == "revision":
                    assert spec.article in portal_view.REVISION_CONSEQUENCE, procedure.code
        for transition in procedure.transitions:
            ends = transition.dest is not None and procedure.state(transition.dest).terminal
            decides = transition.dest == "decided" and "decided" not in transition.source
            if ends or decides:
                assert transition.outcome_en and transition.outcome_ko, (
                    procedure.code, transition.trigger)


def test_korean_subject_particles():
    assert [portal_view.subject_particle(w) for w in ("이의신청", "심사청구", "과세전적부심사")] \
        == ["이", "가", "가"]
