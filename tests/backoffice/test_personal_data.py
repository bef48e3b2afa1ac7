"""Personal data on the case page (Art. 116(1)): masked for the office's staff until one of
them asks to see it with a reason; each view is an event of the history, and the next visit is
masked again. Forms are posted as the page serves them."""

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, CaseEvent
from tests.backoffice.test_offense_pages import seeded
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit, visit
from workflows.roles import Role


def the_offence(app) -> tuple[str, str]:
    """The demo's served offence notice: its reference and its offender's registration no."""
    reference = seeded(app)[0][0]
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        return reference, case.party.identifier


def views_recorded(app, reference: str) -> list[CaseEvent]:
    with app.app_context():
        return list(db.session.scalars(select(CaseEvent).join(Case).where(
            Case.reference == reference, CaseEvent.trigger == "view_personal_data")))


def test_the_offenders_data_is_masked_until_an_officer_asks_with_a_reason(app, client, auth):
    reference, identifier = the_offence(app)
    auth.login("officer", "gwanse-demo")
    page = visit(client, f"/cases/{reference}")
    assert identifier not in page.text and identifier[:6] + "-*******" in page.text
    assert "Engineer" not in page.text and '"age": "●●●"' in page.text  # 314(2)1, masked

    form = page.form(action=f"/cases/{reference}/personal-data")
    refused = submit(client, form, "Show the personal data")  # no reason given
    assert refused.status_code == 422 and identifier not in refused.get_data(as_text=True)
    assert views_recorded(app, reference) == []

    shown = Page.of(submit(client, form, "Show the personal data",
                           reason="Checking the offender's identity for the accusation"))
    assert identifier in shown.text and '"occupation": "Engineer"' in shown.text
    assert "recorded in the history" in shown.text
    [view] = views_recorded(app, reference)
    assert view.reason == "Checking the offender's identity for the accusation"
    assert view.article == "Art. 116(1)" and view.actor_label == "officer"
    assert view.from_state == view.to_state == "notified"

    again = visit(client, f"/cases/{reference}")  # the next visit is masked again
    assert identifier not in again.text and "Engineer" not in again.text
    assert "viewed the personal data" in again.text or "개인정보를 열람했습니다" in again.text
    assert "Checking the offender's identity for the accusation" in again.text


def test_only_the_offices_staff_may_ask(app, client, auth, make):
    reference, _ = the_offence(app)
    with app.app_context():
        offender = db.session.scalar(select(Case).where(Case.reference == reference)).party
    make.user("nguyen", Role.DUTY_PAYER, party=offender)
    auth.login("nguyen", PASSWORD)
    page = visit(client, f"/cases/{reference}")
    assert not [f for f in page.forms if f.url().endswith("/personal-data")]
    token = csrf_token_from(page.html)
    asked = client.post(f"/cases/{reference}/personal-data",
                        data={"csrf_token": token, "reason": "my own data"})
    assert asked.status_code == 403  # the party sees its own data on its portal
    auth.logout()
    auth.login("busan.officer", "gwanse-demo")  # another office: the case does not exist
    token = csrf_token_from(client.get("/worklist").get_data(as_text=True))
    asked = client.post(f"/cases/{reference}/personal-data",
                        data={"csrf_token": token, "reason": "curious"})
    assert asked.status_code == 404
    assert views_recorded(app, reference) == []
