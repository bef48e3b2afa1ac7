"""Korean and English: a switch on every page, remembered per user; dates stay in Seoul time."""

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import User
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD
from workflows.roles import Role


def test_the_language_switch_is_remembered_for_the_user(client, auth, app, make):
    make.user("seoul.officer", Role.OFFICER, office=make.office("SEOUL"))
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    assert '<html lang="ko">' in page
    assert '<h1><span lang="ko">업무 목록</span> <span class="en" lang="en">Worklist</span>' in page
    assert '<th scope="col">사건번호</th>' in page and '<th scope="col">다음 기한</th>' in page
    response = client.post("/language", data={"csrf_token": csrf_token_from(page),
                                              "locale": "en", "next": "/worklist"})
    assert response.status_code == 302 and response.location.endswith("/worklist")
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(
            User.username == "seoul.officer")) == "en"
    auth.logout()
    auth.login("seoul.officer", PASSWORD)
    page = client.get("/worklist").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert '<h1><span lang="en">Worklist</span> <span class="ko" lang="ko">업무 목록</span>' in page
    assert '<th scope="col">Reference</th>' in page


def test_an_unknown_language_is_refused(client, auth, make):
    make.user("seoul.officer", Role.OFFICER, office=make.office("SEOUL"))
    auth.login("seoul.officer", PASSWORD)
    token = csrf_token_from(client.get("/worklist").get_data(as_text=True))
    assert client.post("/language", data={"csrf_token": token, "locale": "fr"}).status_code == 400


def test_a_visitor_chooses_the_language_of_the_public_pages(client):
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    client.post("/language", data={"csrf_token": token, "locale": "en", "next": "/verify"})
    assert '<html lang="en">' in client.get("/verify").get_data(as_text=True)
