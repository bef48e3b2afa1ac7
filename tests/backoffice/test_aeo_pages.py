"""The AEO pages on the demo data, as each reader gets them: the public register, the
supervisors' lists, the certification's header on the case page."""

import re

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case
from jobs.enforce import enforce_due_deadlines


def seeded(app, swept: bool = True):
    from backoffice.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()
        if swept:
            enforce_due_deadlines()
        return {c.party.name.split(" (")[0]: c.reference for c in db.session.scalars(
            select(Case).where(Case.reference.like("AEO-%")))}


def test_the_public_register_lists_the_operators_in_force_and_nothing_else(app, client):
    seeded(app)
    page = client.get("/register/aeo", headers={"Accept-Language": "ko"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    rows = re.findall(r'<tr class="operator">(.*?)</tr>', html, re.S)
    names = [re.sub(r"<[^>]+>", " ", r) for r in rows]
    assert len(rows) == 3  # in force: Hanbit, Haneul, Badaro; Seum was revoked
    assert any("Hanbit Trading" in n and "AA" in n for n in names)
    assert any("Badaro Logistics" in n and "혜택 정지" in n for n in names)
    assert "Seum Customs" not in html
    assert "120-81" not in html and "AEO-" not in html  # no identifier, no case


@pytest.mark.parametrize("swept", [True, False], ids=["swept", "before-the-sweep"])
def test_the_supervisor_sees_the_certifications_to_watch(app, client, auth, swept):
    """A self-assessment is "not reported" once its last day has ended, whether or not the
    scheduler has run since."""
    references = seeded(app, swept)
    auth.login("supervisor", "gwanse-demo")
    html = client.get("/dashboard").get_data(as_text=True)

    def card(kind: str) -> int:
        found = re.search(rf'id="card-watch-aeo_certification-{kind}".*?<a href="[^"]*">(\d+)</a>',
                          html, re.S)
        return int(found.group(1))

    assert card("validity") == 1  # Haneul's term ends in about 200 days
    assert card("suspension") == 1  # Badaro's benefits, back in three months
    assert card("self_assessment-passed") == 1  # Badaro's first year not reported
    assert card("renewal_application-passed") == 0
    listed = html[html.index('id="watch-aeo_certification-suspension"'):]
    assert references["Badaro Logistics Inc."] in listed.split("</table>")[0]


def test_the_case_page_shows_the_grade_the_term_and_the_suspensions(app, client, auth):
    references = seeded(app)
    auth.login("officer", "gwanse-demo")
    html = client.get(f"/cases/{references['Badaro Logistics Inc.']}").get_data(as_text=True)
    facts = html[html.index('<dl class="facts">'):html.index("</dl>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", facts))
    assert "등급 Grade" in text and "AA" in text
    assert "이번 유효기간 내 혜택 정지 횟수" in text and "1회" in text
    assert "정지(혜택 전부)" in text
    assert "공휴일이어도 연장되지 않음" in text


def test_a_report_the_company_filed_has_a_receipt_and_nothing_else_has(app, client, auth):
    references = seeded(app)
    reference = references["Hanbit Trading Co., Ltd."]
    auth.login("company", "gwanse-demo")
    case_page = client.get(f"/cases/{reference}").get_data(as_text=True)
    links = re.findall(r'href="(/cases/[^"]+/receipt\?event=(\d+))"', case_page)
    assert len(links) == 1  # the change report; the office's own actions have none
    receipt = client.get(links[0][0].replace("&amp;", "&"))
    html = receipt.get_data(as_text=True)
    assert receipt.status_code == 200 and "Report a change" in html
    assert "Head office moved to Incheon" in html
    pdf = client.get(f"/cases/{reference}/receipt.pdf?event={links[0][1]}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    for asked in ("1", "2", "0", "-1", "x", "9" * 30):
        # 1: the opening was the office's (no filing date); 2: the audit began (the office's)
        assert client.get(f"/cases/{reference}/receipt?event={asked}").status_code == 404
