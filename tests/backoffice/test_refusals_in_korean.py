"""A refused or blocked action says why in the reader's language first, the other beside it
(issue 15): on a Korean page the engine's Korean reason, in the flash, on the field and in the
"Not possible now" list; on an English page the English first.

The forms are posted as the case page serves them (:mod:`tests.form_crawler`)."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import select, update

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent, User
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit
from tests.procedure_helpers import kst
from workflows import clock

TODAY = kst(2026, 12, 8, 10)
FAMILY_KO = ("배우자나 4촌 이내의 혈족은 청구 금액이 30,000,000원 미만인 경우에만 대리인이 될 수 "
             "있습니다(제126조제2항). 변호사나 관세사를 선임하십시오")
FAMILY_EN = ("a family member may act only where less than KRW 30,000,000 is in dispute "
             "(Art. 126(2)); appoint a lawyer or a licensed customs broker")
COMMITTEE_KO = ("먼저 사건을 관세심사위원회에 회부하거나, 심의를 생략하는 사유를 "
                "기록하십시오(제127조제1항 단서)")
COMMITTEE_EN = ("refer the case to the Customs Appeal Committee first, or record the ground on "
                "which its deliberation is skipped (Art. 127(1) proviso)")


def _first_then(first: str, then: str, lang_first: str) -> re.Pattern:
    """``first`` in its language's span, then ``then`` in the other's: how ``bilingual``
    writes a text in the reader's language with the other beside it."""
    other = "en" if lang_first == "ko" else "ko"
    return re.compile(rf'<span lang="{lang_first}">[^<]*{re.escape(first)}[^<]*</span> '
                      rf'<span class="{other}" lang="{other}">[^<]*{re.escape(then)}')


def _appoint_a_relative(client, reference: str):
    page = Page(client.get(f"/cases/{reference}").get_data(as_text=True))
    form = page.form(action="/actions/appoint_attorney")
    return submit(client, form, "Appoint an attorney", **{
        "appoint_attorney-attorney_name": "JANE SMITH",
        "appoint_attorney-attorney_kind": "family",
        "appoint_attorney-amount_in_dispute": "40,000,000",
        "appoint_attorney-authority_document": "Power of attorney of 1 December 2026"})


def _events(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(CaseEvent)).all())


def test_a_refused_action_says_why_in_korean_first_on_a_korean_page(client, auth, app,
                                                                     objection):
    auth.login("seoul.officer", PASSWORD)
    before = _events(app)
    with clock.frozen(TODAY):
        response = _appoint_a_relative(client, objection)
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    assert _first_then(FAMILY_KO, FAMILY_EN, "ko").search(html)
    # the flash: the catalogue's sentence with the engine's reason, each in its language
    assert re.search(rf'<span lang="ko">처리하지 않았습니다: {re.escape(FAMILY_KO)}</span> '
                     rf'<span class="en" lang="en">Not done: {re.escape(FAMILY_EN)}</span>',
                     html)
    # the summary at the top of the reopened form
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert FAMILY_KO in summary and FAMILY_EN in summary
    assert _events(app) == before
    with app.app_context():
        assert db.session.scalar(select(Case.state)) == "filed"


def test_a_refused_action_says_why_in_english_first_on_an_english_page(client, auth, app,
                                                                       objection):
    with app.app_context():
        db.session.execute(update(User).where(User.username == "seoul.officer")
                           .values(locale="en"))
        db.session.commit()
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(TODAY):
        response = _appoint_a_relative(client, objection)
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    assert _first_then(FAMILY_EN, FAMILY_KO, "en").search(html)
    assert f"Not done: {FAMILY_EN}" in html


def test_a_blocked_action_says_why_in_korean_in_the_list_of_what_is_not_possible(
        client, auth, objection):
    auth.login("seoul.officer", PASSWORD)
    with clock.frozen(TODAY):
        html = unescape(client.get(f"/cases/{objection}").get_data(as_text=True))
    blocked = re.search(r'<ul class="blocked">.*?</ul>', html, re.S).group(0)
    reject = re.search(r"<li><strong>.*?기각.*?</li>", blocked, re.S).group(0)
    assert _first_then(COMMITTEE_KO, COMMITTEE_EN, "ko").search(reject)


def test_a_date_the_engine_refuses_is_explained_on_its_field_in_korean(client, auth, app,
                                                                       objection):
    auth.login("seoul.officer", PASSWORD)
    before = _events(app)
    with clock.frozen(TODAY):
        page = Page(client.get(f"/cases/{objection}").get_data(as_text=True))
        response = submit(client, page.form(action="/actions/peruse_or_state_opinion"),
                          "Peruse the documents or state an opinion", **{
                              "peruse_or_state_opinion-perusal_kind": "perusal",
                              "peruse_or_state_opinion-requested_on": "2026-12-09",
                              "peruse_or_state_opinion-details": "The valuation file"})
    assert response.status_code == 422
    html = unescape(response.get_data(as_text=True))
    field = re.search(r'<div class="field has-error">(?:(?!</div>).)*'
                      r'id="peruse_or_state_opinion-requested_on".*?</div>', html, re.S).group(0)
    assert _first_then("2026년 12월 9일은 오늘(2026년 12월 8일) 이후의 날짜입니다.",
                       "2026-12-09 is after today (2026-12-08)", "ko").search(field)
    assert _events(app) == before
