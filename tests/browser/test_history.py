"""The demo objection's history in a real browser: sentences for the officer and for the payer,
the raw record behind a toggle for staff only; screenshots at desktop and phone widths."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from backoffice.deadlines.operations import waive_deadline
from backoffice.extensions import db
from backoffice.models import Case, Deadline, Party, User
from backoffice.workflow import fire
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_sign_in import sign_in
from tests.korean_text import korean_day

pytestmark = pytest.mark.browser

WAIVER = "internal: opinion time limit waived after the phone call of 2 December"
OPINION = "The goods were bought online and exceed the personal-use allowance."


@pytest.fixture
def demo_objection(app, live_server) -> dict:
    """The demo payer's objection, its written opinion's time limit waived (an internal time
    limit of the office, 132(5)), then the opinion sent."""
    with app.app_context():
        case = db.session.scalars(select(Case).join(Party).where(
            Party.name == "JOHN SMITH", Case.procedure == "objection")).one()
        users = {u.username: u for u in db.session.scalars(select(User))}
        opinion = db.session.scalars(select(Deadline).where(
            Deadline.case_id == case.id, Deadline.kind == "opinion")).one()
        waive_deadline(opinion, reason=WAIVER, actor=users["supervisor"])
        event = fire(case, "issue_opinion", actor=users["officer"], values={"opinion": OPINION})
        db.session.commit()
        return {"reference": case.reference, "notice": event.payload["notice_numbers"][0],
                "hash": event.hash, "due": korean_day(opinion.due_date)}


def _open_history(page, base: str, reference: str):
    page.goto(f"{base}/cases/{reference}")
    history = page.locator("section.history")
    expect(history.get_by_role("heading", level=2)).to_contain_text("처리 이력")
    return history


def _shoot(page, history, name: str) -> None:
    """The whole page through the fixture's convention, and the history section alone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    history.screenshot(path=str(SCREENSHOTS / f"{name}-section.png"))


def test_the_officer_reads_the_history_in_korean_and_english_with_the_raw_record(
    live_server, page, demo_objection
):
    reference, notice = demo_objection["reference"], demo_objection["notice"]
    sign_in(page, live_server, "officer")
    page.wait_for_url(f"{live_server}/worklist")
    history = _open_history(page, live_server, reference)
    sentences = history.locator(".history-sentence .sentence")
    expect(sentences).to_have_count(4)
    expect(sentences.nth(0)).to_have_text(
        "세관공무원 김민준(Kim Minjun): 의견서를 송부했습니다 (제132조제5항). 상태가 "
        f"'이의신청 접수'에서 '의견서 송부'로 바뀌었습니다. 통지서 {notice} 발급.")
    expect(sentences.nth(1)).to_have_text(
        f"감독자 최유나(Choi Yuna): '이의신청인에게 의견서 송부' 기한(기한일 "
        f"{demo_objection['due']})을 면제했습니다 (제132조제5항).")
    expect(history.locator(".history-note").nth(1)).to_contain_text(WAIVER)
    expect(sentences.nth(2)).to_have_text(
        "감독자 최유나(Choi Yuna): 세관공무원 김민준(Kim Minjun)에게 사건을 배정했습니다.")
    expect(sentences.nth(3)).to_have_text(
        "납세의무자 John Smith: 이의신청했습니다 (제132조제1항). '이의신청 접수' 상태로 사건이 "
        "열렸습니다.")
    # times in Seoul, the Korean way: "2026년 12월 1일(화) 14:30"
    assert all(re.fullmatch(r"\d{4}년 \d{1,2}월 \d{1,2}일\(.\) \d{2}:\d{2}", t)
               for t in history.locator("time.when").all_inner_texts())

    toggles = history.locator("details.history-details")
    expect(toggles).to_have_count(4)
    opinion_record = toggles.nth(0)
    expect(opinion_record.locator("dl.record")).not_to_be_visible()
    opinion_record.locator("summary").click()
    expect(opinion_record.locator("dl.record")).to_be_visible()
    expect(opinion_record).to_contain_text("issue_opinion")
    expect(opinion_record).to_contain_text(demo_objection["hash"])
    _shoot(page, history, "history-officer-ko")

    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{live_server}/cases/{reference}")
    history = page.locator("section.history")
    expect(history.locator(".history-sentence .sentence").nth(0)).to_have_text(
        "Customs officer Kim Minjun (김민준) sent the written opinion (Art. 132(5)); the case "
        f"moved from 'Objection filed' to 'Written opinion sent'; notice {notice} issued.")
    expect(history.locator(".history-sentence .sentence").nth(3)).to_have_text(
        "Duty payer John Smith filed an objection (Art. 132(1)); the case opened as "
        "'Objection filed'.")
    page.set_viewport_size({"width": 390, "height": 844})
    history.locator("details.history-details").nth(0).locator("summary").click()
    _shoot(page, history, "history-officer-en-390")


def test_the_payer_reads_the_sentences_without_internal_notes_or_raw_record(
    live_server, page, demo_objection
):
    reference, notice = demo_objection["reference"], demo_objection["notice"]
    sign_in(page, live_server, "payer")
    page.wait_for_url(f"{live_server}/portal")
    history = _open_history(page, live_server, reference)
    sentences = history.locator(".history-sentence .sentence")
    expect(sentences).to_have_count(4)
    expect(sentences.nth(0)).to_contain_text("의견서를 송부했습니다 (제132조제5항)")
    expect(sentences.nth(0)).to_contain_text(f"통지서 {notice} 발급.")
    expect(sentences.nth(1)).to_contain_text("면제했습니다")
    # The opinion went to the payer in a notice: its text is shown; the waiver's reason is not.
    expect(history.locator(".history-note")).to_have_count(2)
    expect(history).to_contain_text(OPINION)
    expect(history).not_to_contain_text(WAIVER)
    expect(history.locator("details")).to_have_count(0)
    expect(history).not_to_contain_text("issue_opinion")
    assert demo_objection["hash"] not in page.content()
    _shoot(page, history, "history-payer-ko")
    page.set_viewport_size({"width": 390, "height": 844})
    _shoot(page, history, "history-payer-ko-390")
