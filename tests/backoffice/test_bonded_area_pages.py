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
