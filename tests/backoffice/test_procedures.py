"""Procedures draw themselves, and the README's tables are generated from the declarations."""

from pathlib import Path

from backoffice.paths import PROJECT_ROOT
from tests.factories import PASSWORD
from workflows.engine.diagram import diagram_svg
from workflows.procedures import REGISTRY
from workflows.procedures.__main__ import markdown
from workflows.roles import Role


def test_a_procedure_draws_itself_with_the_current_state_highlighted():
    svg = diagram_svg(REGISTRY["deemed_permission"], "extended")
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg
    assert "deemed_granted" in svg
    highlighted = svg.split("darksalmon")[0].rsplit("<g id=", 1)[1]
    assert "extended" in highlighted


def test_the_diagram_is_served_to_signed_in_users_only(make, client, auth):
    url = "/procedures/deemed_permission/diagram.svg?state=received"
    assert client.get(url).status_code == 302
    make.user("officer", Role.OFFICER)
    auth.login("officer", PASSWORD)
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert client.get("/procedures/nothing/diagram.svg").status_code == 404


def test_the_diagram_command_writes_an_svg(runner, tmp_path: Path):
    target = tmp_path / "dpa.svg"
    result = runner.invoke(args=["procedures", "diagram", "deemed_permission", "--state",
                                 "received", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "<svg" in target.read_text()
    bad = runner.invoke(args=["procedures", "diagram", "deemed_permission", "--state", "x",
                              "-o", str(target)])
    assert bad.exit_code == 2


def test_readme_lists_every_procedure_as_declared():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown() in readme, "run `python -m workflows.procedures` and paste it in README.md"
