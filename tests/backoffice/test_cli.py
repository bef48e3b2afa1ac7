from sqlalchemy import func, select

from backoffice.extensions import db
from backoffice.models import Case, User
from workflows.roles import Role


def test_init_db_upgrades_to_the_latest_migration(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "revision head" in result.output


def test_seed_demo_creates_a_user_of_every_role_and_prints_them(app_ctx, runner):
    result = runner.invoke(args=["seed-demo", "--any-database"])
    assert result.exit_code == 0, result.output
    roles = set(db.session.scalars(select(User.role)))
    assert roles == {r.value for r in Role}
    for username in ("officer", "supervisor", "payer", "admin"):
        assert username in result.output
    assert "password: gwanse-demo" in result.output
    assert db.session.scalar(select(func.count(Case.id))) >= 4


def test_seed_demo_if_empty_leaves_existing_data_alone(app_ctx, runner):
    runner.invoke(args=["seed-demo", "--any-database"])
    users = db.session.scalar(select(func.count(User.id)))
    result = runner.invoke(args=["seed-demo", "--if-empty", "--any-database"])
    assert result.exit_code == 0
    assert "already has data" in result.output
    assert db.session.scalar(select(func.count(User.id))) == users
    again = runner.invoke(args=["seed-demo", "--any-database"])
    assert again.exit_code == 1


def test_demo_cases_have_intact_histories(app_ctx, runner):
    runner.invoke(args=["seed-demo", "--any-database"])
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output


def test_create_user_makes_an_officer_who_can_sign_in(make, runner, auth):
    make.office("BUSAN")
    result = runner.invoke(args=["create-user", "--username", "park", "--name", "Park",
                                 "--role", "officer", "--office", "BUSAN",
                                 "--password", "long enough pw"])
    assert result.exit_code == 0, result.output
    assert auth.login("park", "long enough pw").status_code == 302


def test_create_user_refuses_an_officer_without_office(runner):
    result = runner.invoke(args=["create-user", "--username", "x", "--name", "X",
                                 "--role", "officer", "--password", "long enough pw"])
    assert result.exit_code == 2
    assert "needs --office" in result.output


def test_create_user_refuses_an_unknown_office(runner):
    result = runner.invoke(args=["create-user", "--username", "x", "--name", "X",
                                 "--role", "supervisor", "--office", "NOWHERE",
                                 "--password", "long enough pw"])
    assert result.exit_code == 2
    assert "no office with code 'NOWHERE'" in result.output


def test_create_user_refuses_a_short_password(runner):
    result = runner.invoke(args=["create-user", "--username", "x", "--name", "X",
                                 "--role", "admin", "--password", "short"])
    assert result.exit_code == 2
    assert "at least 12 characters" in result.output


def test_create_user_refuses_a_taken_username(make, runner):
    make.user("taken", Role.ADMIN)
    result = runner.invoke(args=["create-user", "--username", "taken", "--name", "X",
                                 "--role", "admin", "--password", "long enough pw"])
    assert result.exit_code == 1
    assert "is taken" in result.output


def test_seed_demo_loads_only_into_sqlite_unless_told(app, runner):
    from backoffice.extensions import db as database

    with app.app_context():
        dialect = database.engine.dialect.name
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    if dialect == "sqlite":
        assert "Demo data loaded" in result.output
    else:
        assert "Not loading demo data" in result.output
        assert runner.invoke(args=["seed-demo"]).exit_code == 1
        assert runner.invoke(args=["seed-demo", "--any-database"]).exit_code == 0
