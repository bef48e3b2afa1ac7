"""Seized goods on the pages, the forms posted as served: the officer records a seizure on the
offence case, both case pages link to each other, and the goods case notifies a sale with its
notice (Arts. 303, 305)."""

from datetime import timedelta

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import Case, Notice, Party, User
from backoffice.workflow import open_procedure_case
from tests.factories import PASSWORD
from tests.form_crawler import Page, submit, visit
from tests.procedure_helpers import act, kst
from workflows import clock
from workflows.roles import Role


def days_ago(days: int, hour: int):
    """``hour`` o'clock in Seoul ``days`` before today: at 14:00 it is daylight all year."""
    day = clock.today() - timedelta(days=days)
    return kst(day.year, day.month, day.day, hour)


def offence_under_investigation(app, make) -> str:
    """An offence case under investigation for three days, of an officer's office; set up in
    an app context of its own, so that each request gets its own, as in a browser."""
    office = make.office()
    make.user("officer", Role.OFFICER, office=office)
    payer = make.user("payer", Role.DUTY_PAYER)
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "officer"))
        party = db.session.get(Party, payer.party_id)
        with clock.frozen(days_ago(4, 10)):
            case = open_procedure_case(
                "offense_notification", party=party, office=officer.office,
                actor=officer, assigned_officer=officer,
            values={"offence": "269(2)", "source": "found", "joint_penalty": False,
                        "facts": "Watches brought in undeclared at Incheon Airport"})
            db.session.commit()
        act(case, "start_investigation", officer, days_ago(3, 10))
        return case.reference


def post_action(client, reference: str, trigger: str, button: str, **changes) -> Page:
    """Fill the action's form as the case page serves it, send it, confirm it when asked,
    and return the page shown after."""
    form = visit(client, f"/cases/{reference}").form(action=f"/actions/{trigger}")
    response = submit(client, form, button, **{f"{trigger}-{k}": v for k, v in changes.items()})
    shown = Page.of(response)
    if response.status_code == 200 and any("confirm-form" in f.classes for f in shown.forms):
        response = submit(client, shown.form(css="confirm-form"), "Confirm")
    assert response.status_code == 302, Page.of(response).text[:2000]
    return visit(client, response.location)


def test_a_seizure_recorded_on_the_page_opens_the_goods_case_and_links_both(client, auth, app,
                                                                            make):
    reference = offence_under_investigation(app, make)
    auth.login("officer", PASSWORD)
    started = days_ago(1, 14)
    page = post_action(client, reference, "record_seizure", "Record a seizure",
                       started_at=f"{started:%Y-%m-%dT%H:%M}", place="Incheon Airport, T1",
                       warrant="Incheon District Court 2026-4711",
                       goods="200 kg of fresh mangoes", quantity="200 kg", value="3000000",
                       custody="office", record="Seizure report No. 12")
    with app.app_context():
        goods = db.session.scalars(select(Case).where(Case.procedure == "seized_goods")).one()
    assert "Cases it opened" in page.text and goods.reference in page.text
    assert "Seized, in custody" in page.text

    shown = visit(client, f"/cases/{goods.reference}")
    assert "Opened by" in shown.text and reference in shown.text
    assert "200 kg of fresh mangoes" in shown.text

    after = post_action(client, goods.reference, "announce_sale",
                        "Notify the sale of the seized goods", sale_ground="decay",
                        reasons="Fresh fruit that will rot within days")
    with app.app_context():
        notice = db.session.scalars(select(Notice).where(Notice.case_id == goods.id)).one()
    assert notice.kind == "seized_goods_sale" and notice.number in after.text
    assert "Sale notified" in after.text


def test_a_seizure_started_at_night_is_refused_on_the_page_and_opens_nothing(client, auth, app,
                                                                            make):
    reference = offence_under_investigation(app, make)
    auth.login("officer", PASSWORD)
    night = days_ago(1, 23)
    form = visit(client, f"/cases/{reference}").form(action="/actions/record_seizure")
    response = submit(client, form, "Record a seizure", **{
        "record_seizure-started_at": f"{night:%Y-%m-%dT%H:%M}", "record_seizure-place": "a shed",
        "record_seizure-warrant": "W-1", "record_seizure-goods": "watches",
        "record_seizure-quantity": "3", "record_seizure-value": "1",
        "record_seizure-custody": "office", "record_seizure-record": "r"})
    text = Page.of(response).text
    assert response.status_code in (409, 422, 200) and "Art. 306" in text
    with app.app_context():
        assert db.session.scalar(select(Case).where(Case.procedure == "seized_goods")) is None
