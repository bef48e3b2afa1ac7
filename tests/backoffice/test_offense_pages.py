"""The offence cases of the demo, as each reader gets them: the states the demo stages, the
supervisors' two lists (notices running, notices not complied with), and the offender's view
of the notice, the amount and the last day to comply."""

import re
from datetime import timedelta

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case
from jobs.enforce import enforce_due_deadlines
from tests.factories import PASSWORD
from tests.form_crawler import visit
from workflows import clock
from workflows.calendar import StatutoryCalendar
from workflows.roles import Role


def seeded(app) -> list[Case]:
    from backoffice.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()
        enforce_due_deadlines()
        cases = list(db.session.scalars(select(Case).where(Case.procedure ==
                                                            "offense_notification")
                                        .order_by(Case.id)))
        return [(c.reference, c.state, dict(c.data)) for c in cases]


def test_the_demo_has_an_offence_in_each_main_state(app):
    states = [state for _, state, _ in seeded(app)]
    assert states == ["notified", "complied", "overdue", "complied_late", "exempted"]


def test_the_supervisor_sees_the_notices_running_and_those_to_accuse(app, client, auth):
    cases = seeded(app)
    auth.login("supervisor", "gwanse-demo")
    html = client.get("/dashboard").get_data(as_text=True)

    def card(anchor: str) -> int:
        found = re.search(rf'id="card-watch-offense_notification-{anchor}".*?<a href="[^"]*">'
                          r'(\d+)</a>', html, re.S)
        return int(found.group(1))

    assert card("compliance") == 1  # served three days ago: running
    assert card("compliance-passed") == 1  # the 15 days passed: to be accused
    listed = html[html.index('id="watch-offense_notification-compliance-passed"'):]
    assert cases[2][0] in listed.split("</table>")[0]
    assert card("exempt") == 1  # the exemptions decided (Art. 311(8))
    exempted = html[html.index('id="watch-offense_notification-exempt"'):].split("</table>")[0]
    assert cases[4][0] in exempted and cases[0][0] not in exempted


def test_the_offender_sees_the_notice_the_amount_and_the_last_day(app, client, auth, make):
    reference, _, data = seeded(app)[0]
    with app.app_context():  # the demo's offender has no login of their own: give one
        offender = db.session.scalar(select(Case).where(Case.reference == reference)).party
    make.user("nguyen", Role.DUTY_PAYER, party=offender)
    auth.login("nguyen", PASSWORD)
    page = visit(client, f"/cases/{reference}")
    assert page.status == 200
    served = clock.today() - timedelta(days=3)
    last = StatutoryCalendar().due(served, "15d").due_date  # Art. 316 under Art. 8
    assert f"{last.year}년 {last.month}월 {last.day}일" in page.text
    assert "통고서" in page.text and "통고 이행" in page.text
    assert data["fine_equivalent"] == 1_200_000
    # the payment record: demanded 1,200,000 + 300,000; 500,000 paid yesterday; 1,000,000 owed
    yesterday = clock.today() - timedelta(days=1)
    assert "1,500,000원" in page.text and "1,000,000원" in page.text
    assert f"{yesterday.year}년 {yesterday.month}월 {yesterday.day}일" in page.text
    assert "500,000원" in page.text
    assert not [link for link in page.links if link.startswith("appeal-")]  # 119(1)1
