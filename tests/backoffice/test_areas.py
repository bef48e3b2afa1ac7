"""Every web area has one shape and is guarded by its access rule, registered in one place
(``backoffice.areas``); everything under ``/cases/<reference>/`` is one blueprint whose rule
reads the case once, so a case the user may not see is "not found" on every route of it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from backoffice.areas import AREAS
from backoffice.paths import TEMPLATES_DIR
from tests.factories import PASSWORD
from workflows.roles import Role

BACKOFFICE = Path(__file__).resolve().parents[2] / "backoffice"
PUBLIC_ENDPOINTS = {"auth.login", "main.language", "notices.verify", "health.healthz",
                    "register.aeo"}  # the AEO register, as customs administrations publish it
# The pages every area shares: errors answered from any view.
SHARED_TEMPLATES = ("errors/",)


def _rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


def _filled(rule) -> str:
    """The rule's path with every variable filled: a reference no case has, id 1."""
    return re.sub(r"<(?:int:)?(\w+)>", lambda m: "1" if "int:" in m.group(0) else "X-1",
                  rule.rule)


def test_every_route_belongs_to_a_registered_area(app):
    names = {area.name for area in AREAS}
    assert {rule.endpoint.split(".")[0] for rule in _rules(app)} <= names
    assert set(app.blueprints) == names


def test_every_route_under_a_case_is_the_case_blueprint(app):
    for rule in _rules(app):
        under_a_case = rule.rule.startswith("/cases/<reference>")
        assert under_a_case == rule.endpoint.startswith("cases."), rule.rule


def test_only_the_named_routes_are_public(app):
    public = {rule.endpoint for rule in _rules(app)
              if getattr(app.view_functions[rule.endpoint], "public", False)}
    assert public == PUBLIC_ENDPOINTS


@pytest.mark.parametrize("area", AREAS, ids=lambda area: area.name)
def test_each_area_has_the_one_shape(area):
    """``blueprint.py`` holding the blueprint alone, view modules named ``views`` or
    ``<topic>_views``, and the pages its views render under ``templates/<area>/``."""
    package = BACKOFFICE / area.name
    blueprint = ast.parse((package / "blueprint.py").read_text(encoding="utf-8"))
    assert [type(node).__name__ for node in blueprint.body] == ["ImportFrom", "Assign"]
    for module in area.views:
        assert module == "views" or module.endswith("_views"), module
        source = (package / f"{module}.py").read_text(encoding="utf-8")
        for template in re.findall(r'render_template\(\s*"([^"]+)"', source):
            assert template.startswith((f"{area.name}/", *SHARED_TEMPLATES)), template
            assert (TEMPLATES_DIR / template).is_file(), template
    on_disk = {path.stem for path in package.glob("*views.py")}
    assert on_disk == set(area.views), "every view module is listed with its area"


@pytest.fixture
def anonymous(app):
    app.config["WTF_CSRF_ENABLED"] = False  # the rule answers, not the missing token
    return app.test_client()


def test_a_signed_out_request_reaches_no_guarded_route(app, anonymous):
    for rule in _rules(app):
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = anonymous.open(_filled(rule), method=method)
            assert response.status_code == 302, (method, rule.rule, response.status_code)
            assert response.location.startswith("/login"), (method, rule.rule)


def test_the_public_routes_answer_signed_out(anonymous):
    assert anonymous.get("/login").status_code == 200
    assert anonymous.get("/verify").status_code == 200
    assert anonymous.get("/healthz").status_code in (200, 503)
    assert anonymous.post("/language", data={"locale": "en", "next": "/login"}).location \
        == "/login"


def test_an_area_for_some_roles_refuses_the_others(app, client, auth, make):
    make.user("john", Role.DUTY_PAYER, party=make.party("JOHN SMITH"))
    auth.login("john", PASSWORD)
    for path in ("/admin", "/admin/calendar", "/worklist"):
        assert client.get(path).status_code == 403, path
    assert client.get("/portal").status_code == 200


@pytest.fixture
def elsewhere(make):
    """A case of the Busan office, and a Seoul officer and supervisor who may not see it."""
    seoul, busan = make.office("SEOUL"), make.office("BUSAN", "Busan Main Customs")
    make.user("seoul.officer", Role.OFFICER, office=seoul)
    make.user("seoul.supervisor", Role.SUPERVISOR, office=seoul)
    return make.case(party=make.party("JANE DOE"), office=busan).reference


@pytest.mark.parametrize("username", ["seoul.officer", "seoul.supervisor"])
def test_a_case_of_another_office_is_not_found_on_every_route_of_the_case(
        app, client, auth, elsewhere, username):
    """One rule for the whole case area: whatever the route, the role or the method, a case
    the user may not see answers 404 exactly like one that does not exist."""
    auth.login(username, PASSWORD)
    app.config["WTF_CSRF_ENABLED"] = False  # the rule answers, not the missing token
    for rule in _rules(app):
        if not rule.endpoint.startswith("cases."):
            continue
        path = _filled(rule).replace("X-1", elsewhere)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, data={"trigger": "x", "kind": "x"})
            assert response.status_code == 404, (method, rule.rule, response.status_code)
            assert elsewhere not in response.get_data(as_text=True)
