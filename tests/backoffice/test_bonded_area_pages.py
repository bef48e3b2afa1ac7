"""Licensed bonded areas of the demo, as each reader gets them: the states the demo stages, the
supervisors' three lists, and the licence on the case page with its term and suspensions."""

import re

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case
from jobs.enforce import enforce_due_deadlines
from tests.form_crawler import visit


def seeded(app) -> list[tuple[str, str, dict]]:
    from backoffice.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        cases = db.session.scalars(select(Case).where(Case.procedure == "bonded_area_licence")
                                   .order_by(Case.id))
        return [(c.reference, c.state, dict(c.data)) for c in cases]


def test_the_demo_has_a_licence_in_each_main_state(app):
    assert [state for _, state, _ in seeded(app)] == ["active", "suspended", "active",
                                                        "wind_down"]


def test_the_supervisor_sees_licences_ending_suspensions_and_wind_downs(app, client, auth):
    licences = seeded(app)
    auth.login("supervisor", "gwanse-demo")
    html = client.get("/dashboard").get_data(as_text=True)

    def listed(anchor: str) -> str:
        count = re.search(rf'id="card-watch-bonded_area_licence-{anchor}".*?<a href="[^"]*">'
                          r'(\d+)</a>', html, re.S)
        assert count and count.group(1) == "1", anchor
        return html[html.index(f'id="watch-bonded_area_licence-{anchor}"'):].split("</table>")[0]

    assert licences[2][0] in listed("validity")  # the store's five years end within 3 months
    assert licences[1][0] in listed("suspension")
    assert licences[3][0] in listed("wind_down")


def test_the_licence_page_shows_its_term_and_suspensions(app, client, auth):
    reference, _, data = seeded(app)[1]
    auth.login("officer", "gwanse-demo")
    page = visit(client, f"/cases/{reference}")
    assert page.status == 200
    assert "Bonded factory" in page.text and data["location"] in page.text
    assert "최근 1년 내 정지 횟수" in page.text
    assert "물품반입 등 정지" in page.text


def test_the_licence_page_lists_the_work_applied_for_under_it(app, client, auth):
    reference = seeded(app)[0][0]  # the company's warehouse
    with app.app_context():
        work = db.session.scalars(select(Case).where(
            Case.procedure == "deemed_permission",
            Case.data["licence"].as_string() == reference)).one()
        work_reference = work.reference
    auth.login("officer", "gwanse-demo")
    licence_page = visit(client, f"/cases/{reference}")
    assert "이 특허에 딸린 사건" in licence_page.text and work_reference in licence_page.text
    work_page = visit(client, f"/cases/{work_reference}")
    owner = work_page.text.split('class="linked-owner"')[1].split("</div>")[0]
    assert "특허" in owner and reference in owner
    auth.logout()
    auth.login("company", "gwanse-demo")  # the operator sees its own licence's cases too
    assert work_reference in visit(client, f"/cases/{reference}").text


def test_the_goods_entered_are_a_case_of_their_own_on_the_dashboard(app, client, auth):
    reference = seeded(app)[0][0]  # the company's warehouse, whose goods entered 340 days ago
    with app.app_context():
        goods = db.session.scalars(select(Case).where(Case.procedure == "bonded_goods")).one()
        goods_reference, until = goods.reference, goods.data["storage_until"]
    auth.login("officer", "gwanse-demo")
    licence_page = visit(client, f"/cases/{reference}")
    assert goods_reference in licence_page.text.split('class="linked-children"')[1]
    assert "최근 물품 반입일" in licence_page.text  # Art. 178(2)4 counts from it
    goods_page = visit(client, f"/cases/{goods_reference}")
    assert "장치기간 만료일" in goods_page.text and "300 cartons of cosmetics" in goods_page.text
    assert reference in goods_page.text.split('class="linked-parent"')[1].split("</div>")[0]
    assert visit(client, "/cases/new/bonded_goods").status == 404  # only from the licence
    auth.logout()
    auth.login("supervisor", "gwanse-demo")
    html = client.get("/dashboard").get_data(as_text=True)
    listed = html[html.index('id="watch-bonded_goods-storage"'):].split("</table>")[0]
    assert goods_reference in listed and until


def test_the_operator_applies_for_the_renewal_on_its_portal(app, client, auth):
    from tests.form_crawler import Page, submit

    reference = seeded(app)[0][0]  # the company's warehouse
    auth.login("company", "gwanse-demo")
    page = visit(client, f"/cases/{reference}")
    form = page.form(action="/actions/request_renewal")
    response = submit(client, form, **{"request_renewal-requested_years": "10",
                                       "request_renewal-fee_paid": "45000"})
    shown = Page.of(response)
    if shown.status == 200 and any("confirm-form" in f.classes for f in shown.forms):
        response = submit(client, shown.form(css="confirm-form"), "Confirm")
    after = visit(client, f"/cases/{reference}")
    assert "갱신 신청" in after.text and "신청기한 경과 후" not in after.text
    assert "운영 폐지 신고" in after.text  # the operator may report its cessation too
    with app.app_context():
        data = db.session.scalars(select(Case).where(Case.reference == reference)).one().data
        assert data["renewal_requested_years"] == 10 and data["renewal_requested_in_time"]


def test_a_disqualified_executive_puts_the_licence_under_review_on_the_dashboard(
        app, client, auth):
    seeded(app)
    with app.app_context():
        record = db.session.scalars(select(Case).where(
            Case.procedure == "licence_disqualification")).one()
        reference, held = record.reference, record.data["licences_to_review"]
    assert len(held) == 1  # the logistics company's factory
    auth.login("supervisor", "gwanse-demo")
    html = client.get("/dashboard").get_data(as_text=True)
    listed = html[html.index('id="watch-licence_disqualification-licence_review"'):]
    assert reference in listed.split("</table>")[0]
    page = visit(client, f"/cases/{reference}")
    assert "제175조제8호" in page.text or "Art. 175 8" in page.text
