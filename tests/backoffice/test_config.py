import stat

import pytest

from backoffice import create_app
from backoffice.config import normalise_database_url
from backoffice.paths import DEFAULT_INSTANCE_DIR


def test_postgres_urls_use_the_psycopg3_driver():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///gwanse.sqlite"
    with app.app_context():
        from backoffice.extensions import db

        assert db.engine.url.database == str(tmp_path / "gwanse.sqlite")


def test_environment_overrides_instance_config(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        "SQLALCHEMY_DATABASE_URI = 'sqlite:///from-file.sqlite'\nLOGIN_MAX_FAILURES = 9\n"
    )
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.example/gwanse")
    monkeypatch.setenv("GWANSE_LOGIN_LOCKOUT_MINUTES", "30")
    app = create_app(instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://db.example/gwanse"
    assert app.config["LOGIN_MAX_FAILURES"] == 9
    assert app.config["LOGIN_LOCKOUT_MINUTES"] == 30


def test_secret_key_is_generated_once_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app(instance_path=str(tmp_path)).config["SECRET_KEY"]
    second = create_app(instance_path=str(tmp_path)).config["SECRET_KEY"]
    key_file = tmp_path / "secret_key"
    assert first == second == key_file.read_text()
    assert len(first) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_session_cookies_are_secure_by_default(tmp_path):
    config = create_app({"SECRET_KEY": "x"}, instance_path=str(tmp_path)).config
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_the_test_run_never_uses_the_real_instance_database(app):
    assert str(DEFAULT_INSTANCE_DIR) not in app.config["SQLALCHEMY_DATABASE_URI"]
    assert app.instance_path != str(DEFAULT_INSTANCE_DIR)


def test_the_acts_ten_days_cannot_be_configured_into_processing_days(tmp_path):
    # Art. 161(2): 10 days, an Art. 8 period; only the extension of 161(3) counts processing
    # days. The application refuses to start.
    with pytest.raises(ValueError, match="not processing days") as refused:
        create_app({"SECRET_KEY": "x", "DEEMED_PERMISSION_PERIODS": {"161": "10pd"}},
                   instance_path=str(tmp_path))
    assert "DEEMED_PERMISSION_PERIODS['161']" in str(refused.value)
    assert "Art. 161(2)" in str(refused.value) and "Art. 161(3)" in str(refused.value)


def test_a_deemed_permission_period_needs_a_known_kind_and_a_readable_period(tmp_path):
    with pytest.raises(ValueError, match="no such kind"):
        create_app({"SECRET_KEY": "x", "DEEMED_PERMISSION_PERIODS": {"999": "10d"}},
                   instance_path=str(tmp_path))
    with pytest.raises(ValueError, match="cannot read period"):
        create_app({"SECRET_KEY": "x", "DEEMED_PERMISSION_PERIODS": {"161": "ten days"}},
                   instance_path=str(tmp_path))


def test_a_deemed_permission_period_in_art_8_days_is_accepted(tmp_path):
    config = create_app({"SECRET_KEY": "x", "DEEMED_PERMISSION_PERIODS": {"250": "10d"}},
                        instance_path=str(tmp_path)).config
    assert config["DEEMED_PERMISSION_PERIODS"] == {"250": "10d"}
