"""Every kind of notice renders on the shared layout, in Korean with English, on one page."""

from datetime import date, datetime

import pytest

from backoffice.notices import rendering
from backoffice.notices.rendering import (
    NoKoreanFont,
    NoticeRenderer,
    RenderingRefused,
    ko_article,
    renderer,
)
from backoffice.paths import PROJECT_ROOT
from tests.notice_helpers import pdf_pages, pdf_text, says
from workflows.calendar import StatutoryCalendar
from workflows.clock import SEOUL
from workflows.notices.content import NoticeFacts, build_content
from workflows.notices.kinds import KINDS
from workflows.procedures import REGISTRY

ISSUED = datetime(2026, 12, 1, 10, tzinfo=SEOUL)
OFFICE = {"code": "SEOUL", "name_ko": "서울본부세관", "name_en": "Seoul Main Customs",
          "address": "서울특별시 강남구 언주로 721", "phone": None}
ADDRESSEE = {"name": "주식회사 한빛무역 (Hanbit Trading Co.)",
             "address": "부산광역시 중구 중앙대로 1",
             "identifier": "123-45-*****", "identifier_label": "Business registration no."}
DATA = {"filed_on": "2026-11-02", "received_on": "2026-11-25", "permission_kind": "161",
        "disposition": "관세 부과처분 / Duty assessment", "disposition_ref": "2026-0301",
        "shortage": 4_560_000, "parent_reference": "OBJ-2026-000007"}
CASES = {
    "written_opinion": ("objection", "issue_opinion", "Art. 132(5)"),
    "opinion_copy": ("examination", "forward", "Art. 122(3)-(4)"),
    "overdue_decision_notice": ("objection", "note_overdue", "Art. 129(2)1"),
    "objection_decision": ("objection", "decide_accept", "Art. 128(1)3 via 132(4)"),
    "examination_decision": ("examination", "decide_dismiss", "Art. 128(1)1"),
    "revision_order": ("objection", "order_revision", "Art. 123(1) via 132(4)"),
    "execution_suspension": ("objection", "suspend_execution", "Art. 125(1)-(2)"),
    "reinvestigation_result": ("reinvestigation", "notify_result", "Art. 128(5)"),
    "pre_assessment_notice": ("pre_assessment_review", "notify", "Art. 118(1)"),
    "pre_assessment_decision": ("pre_assessment_review", "decide", "Art. 118(4)"),
    "permission_decision": ("deemed_permission", "refuse", "Art. 161(2)"),
    "processing_extension": ("deemed_permission", "extend", "Art. 161(3)"),
    "deemed_grant_confirmation": ("deemed_permission", "deem_grant", "Art. 161(3)"),
    "offense_notification": ("offense_notification", "notify", "Art. 311(1); 314(2)"),
    "seized_goods_sale": ("seized_goods", "announce_sale", "Art. 303(3)"),
    "seized_goods_disposal": ("seized_goods", "announce_disposal", "Art. 304(1)"),
    "bonded_area_licence": ("bonded_area_licence", "grant", "Art. 174(1); 175; 176"),
    "bonded_area_refusal": ("bonded_area_licence", "refuse", "Art. 174(3); 175"),
    "bonded_area_suspension": ("bonded_area_licence", "suspend", "Art. 178(1)"),
    "bonded_area_revocation": ("bonded_area_licence", "revoke", "Art. 178(2)"),
    "bonded_area_surcharge": ("bonded_area_licence", "impose_surcharge", "Art. 178(3)"),
    "bonded_area_wind_down": ("bonded_area_licence", "fix_wind_down", "Art. 182(2)"),
    "bonded_goods_ship_out_order": ("bonded_goods", "order_ship_out", "Art. 177(2)"),
    "revocation": ("deemed_permission", "revoke",
                   "revocation of a deemed permission [Assumption]"),
    "aeo_pre_audit_result": ("aeo_certification", "notify_pre_audit", "Art. 255-2(4)"),
    "aeo_certificate": ("aeo_certification", "certify", "Art. 255-2(1), (5)"),
    "aeo_refusal": ("aeo_certification", "refuse", "Art. 255-2(1)"),
    "aeo_suspension": ("aeo_certification", "suspend_benefits", "Art. 255-3(3)"),
    "aeo_corrective_order": ("aeo_certification", "order_correction", "Art. 255-3(4)"),
    "aeo_renewal_refusal": ("aeo_certification", "refuse_renewal", "Art. 255-2(5)"),
    "aeo_revocation": ("aeo_certification", "revoke", "Art. 255-5"),
}


def test_every_notice_a_procedure_issues_has_a_declared_kind_and_a_template():
    named = {kind for procedure in REGISTRY.values() for t in procedure.transitions
             for kind in t.notices}
    assert named <= set(KINDS), named - set(KINDS)
    assert set(CASES) == set(KINDS)
    for kind in KINDS.values():
        assert (rendering.TEMPLATES_DIR / kind.template).is_file()


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_notice_prints_its_titles_number_article_and_remedy_on_one_page(code):
    procedure, trigger, article = CASES[code]
    facts = NoticeFacts(procedure=procedure, reference="CASE-2026-000042", trigger=trigger,
                        article=article, issued_at=ISSUED, office=OFFICE, addressee=ADDRESSEE,
                        data=DATA, reason="사유 본문 Reasons in full.",
                        deadlines={"decision": date(2026, 12, 2), "revision": date(2026, 12, 11),
                                   "processing": date(2026, 12, 9)})
    kind = KINDS[code]
    content = build_content(kind, facts, StatutoryCalendar())
    html = renderer().html(content, number="SEOUL-2026-000042",
                           verification_code="7KQ4-M2XA-P9DT")
    pdf = renderer().pdf(html)
    text = pdf_text(pdf.content)
    says(text, kind.title_ko, kind.title_en, "SEOUL-2026-000042", "7KQ4-M2XA-P9DT",
         ko_article(content["legal_basis"]), ADDRESSEE["name"], ADDRESSEE["identifier"],
         "서울본부세관장", "1 / 1")
    assert pdf.pages == pdf_pages(pdf.content) == 1
    assert "[Assumption]" not in text and "[GK" not in text
    if content["remedy"]:
        says(text, content["remedy"]["text_ko"], content["remedy"]["text_en"])
    if content["remedy"] and content["remedy"].get("due_if_received_on_issue"):
        due = date.fromisoformat(content["remedy"]["due_if_received_on_issue"])
        says(text, f"{due.year}년 {due.month}월 {due.day}일")


def test_a_refusal_states_the_appeal_and_its_90_days_a_grant_does_not():
    facts = dict(procedure="deemed_permission", reference="DP-2026-000001", article="Art. 161(2)",
                 issued_at=ISSUED, office=OFFICE, addressee=ADDRESSEE, data=DATA)
    refused = build_content(KINDS["permission_decision"],
                            NoticeFacts(trigger="refuse", **facts), StatutoryCalendar())
    granted = build_content(KINDS["permission_decision"],
                            NoticeFacts(trigger="grant", **facts), StatutoryCalendar())
    assert refused["remedy"]["period"] == "90d"
    assert refused["remedy"]["due_if_received_on_issue"] == "2027-03-02"  # 1 March is a holiday
    assert granted["remedy"] is None


def test_the_art_129_2_notice_tells_the_objector_the_next_step_is_open():
    facts = NoticeFacts(procedure="objection", reference="OBJ-2026-000001",
                        trigger="note_overdue", article="Art. 129(2)1", issued_at=ISSUED,
                        office=OFFICE, addressee=ADDRESSEE, data=DATA,
                        deadlines={"decision": date(2026, 12, 2)})
    remedy = build_content(KINDS["overdue_decision_notice"], facts, StatutoryCalendar())["remedy"]
    # The period ends at 24:00 on 2 December; the day it has passed is 3 December (121(2) proviso).
    assert "ended on 2 December 2026. From 3 December 2026" in remedy["text_en"]
    assert "결정기간이 지난 날인 2026년 12월 3일부터" in remedy["text_ko"]
    assert "even before you receive a decision" in remedy["text_en"]
    assert remedy["article"].startswith("Art. 129(2)1")


def _remedy(code: str, procedure: str, trigger: str, article: str, **data) -> dict:
    facts = NoticeFacts(procedure=procedure, reference="X-2026-000001", trigger=trigger,
                        article=article, issued_at=ISSUED, office=OFFICE, addressee=ADDRESSEE,
                        data={**DATA, **data}, deadlines={"revision": date(2026, 12, 11),
                                                          "processing": date(2026, 12, 9)})
    return build_content(KINDS[code], facts, StatutoryCalendar())["remedy"]


@pytest.mark.parametrize(("ordered_by", "says_en", "article", "period"), [
    # An objection-ordered result is a new disposition: 90 days from its receipt (121(1)).
    ("objection", "a second objection is not possible", "Art. 119(4); 121(1)", "90d"),
    ("examination", "bring an administrative lawsuit", "Art. 119(3) proviso; 120(2) proviso; "
                                                       "120(4)1", "90d"),
    ("adjudication", "with the ruling agency that decided the reinvestigation",
     "Art. 119(3) proviso; 120(2) proviso; 120(4)1", "90d"),
    # The amended notice ends the review; the payment notice that follows is appealable.
    ("pre_assessment_review", "collected by a payment notice", "Art. 118(4)2; 39(3); 119", None),
])
def test_the_result_of_a_reinvestigation_states_the_remedy_of_the_procedure_that_ordered_it(
    ordered_by, says_en, article, period
):
    remedy = _remedy("reinvestigation_result", "reinvestigation", "notify_result",
                     "Art. 128(5)", ordered_by=ordered_by)
    assert says_en in remedy["text_en"]
    assert (remedy["article"], remedy["period"]) == (article, period)


@pytest.mark.parametrize(("authority", "signs", "appeals"), [
    ("commissioner", "관세청장", ["examination"]),
    ("customs_office", "서울본부세관장", ["objection", "examination"]),
])
def test_a_disposition_of_the_commissioner_opens_no_objection_and_the_commissioner_signs_it(
        authority, signs, appeals):
    """Arts. 255-2(1) and 255-5 give the AEO dispositions to the Commissioner; against a
    disposition the Commissioner decided no objection lies, only a request for examination or
    adjudication (Art. 119(2)). Where the power is delegated to the head of a customs office,
    the objection is open again and the head of the office signs."""
    facts = NoticeFacts(procedure="aeo_certification", reference="AEO-2026-000003",
                        trigger="refuse", article="Art. 255-2(1)", issued_at=ISSUED,
                        office=OFFICE, addressee=ADDRESSEE,
                        data={"disposing_authority": authority}, reason="기준 미달 Below.")
    content = build_content(KINDS["aeo_refusal"], facts, StatutoryCalendar())
    text = pdf_text(renderer().pdf(renderer().html(content, number="SEOUL-2026-000043",
                                                   verification_code="7KQ4-M2XA-P9DT")).content)
    says(text, signs, content["remedy"]["text_ko"], content["remedy"]["text_en"])
    assert content["remedy"]["files"] == appeals
    assert content["remedy"]["due_if_received_on_issue"] == "2027-03-02"  # 1 March: holiday
    if authority == "commissioner":
        says(text, "Commissioner of the Korea Customs Service", "이의신청을 할 수 없습니다")
        assert "서울본부세관장" not in text
        assert content["remedy"]["article"].startswith("Art. 119(2)")


def test_a_revision_order_states_what_not_revising_leads_to_in_each_procedure():
    appeal = _remedy("revision_order", "objection", "order_revision", "Art. 123(1) via 132(4)")
    review = _remedy("revision_order", "pre_assessment_review", "order_revision",
                     "Art. 118(6) → 123(1)")
    assert "dismissed (Art. 128(1)1(c))" in appeal["text_en"]
    assert "11 December 2026" in appeal["text_en"]
    assert "a decision not to review may be made (Art. 118(4)3)" in review["text_en"]
    assert "제118조제4항제3호" in review["text_ko"]


def test_an_extension_names_the_permissions_paragraph_and_the_day_of_the_deemed_grant():
    remedy = _remedy("processing_extension", "deemed_permission", "extend", "Art. 161(3)")
    assert remedy["article"] == "Art. 161(3)"
    assert "by 9 December 2026, permission is deemed granted on the following day, " \
           "10 December 2026" in remedy["text_en"]


def test_without_a_korean_font_the_renderer_refuses_with_the_package_to_install(monkeypatch):
    monkeypatch.setattr(rendering, "korean_fonts", lambda: [])
    with pytest.raises(NoKoreanFont, match="fonts-nanum"):
        NoticeRenderer()


@pytest.mark.parametrize("url", ["http://example.com/logo.png", "file:///etc/passwd",
                                 (PROJECT_ROOT / "README.md").as_uri()])
def test_rendering_never_fetches_from_the_network_or_other_files(url):
    with pytest.raises(RenderingRefused, match="only use its own files"):
        renderer().pdf(f'<html><body><img src="{url}"><p>x</p></body></html>')


def test_articles_are_cited_the_korean_way():
    assert ko_article("Art. 128(1)2 via 132(4)") == "제128조제1항제2호(제132조제4항에 따라 준용)"
    assert ko_article("Art. 128(1)1(b)") == "제128조제1항제1호나목"
    assert ko_article("Art. 255-2(1)") == "제255조의2제1항"
    assert ko_article("Art. 118(3)-(4)") == "제118조제3항·제4항"
    assert ko_article("Art. 118(1) proviso") == "제118조제1항 단서"


def test_the_deemed_grant_confirmation_names_the_day_permission_took_effect():
    facts = NoticeFacts(procedure="deemed_permission", reference="DP-2026-000001",
                        trigger="deem_grant", article="Art. 161(3)", issued_at=ISSUED,
                        office=OFFICE, addressee=ADDRESSEE, data=DATA,
                        deadlines={"processing": date(2026, 12, 9)})
    content = build_content(KINDS["deemed_grant_confirmation"], facts, StatutoryCalendar())
    text = pdf_text(renderer().pdf(renderer().html(content, number="SEOUL-2026-000001",
                                                   verification_code=None)).content)
    says(text, "2026년 12월 10일에 허가를 받은 것으로 봅니다", "10 December 2026",
         "제161조제3항")


def test_readme_lists_every_notice_and_its_article():
    from workflows.notices.__main__ import markdown

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown() in readme, "run `python -m workflows.notices` and paste it in README.md"
