"""The PCC service's own app, on the test's database (the back office's ``app`` beside it)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import SmsMessage
from backoffice.pcc.app import create_pcc_app
from tests.conftest import TEST_SECRET


@pytest.fixture
def make_pcc(database_url, database_template, tmp_path, app):
    """PCC apps on the test's database, each with its ``overrides`` (one per process)."""
    made = []

    def make(name: str = "instance", **overrides):
        made.append(create_pcc_app({"TESTING": True, "SECRET_KEY": TEST_SECRET,
                                    "SQLALCHEMY_DATABASE_URI": database_url,
                                    "SESSION_COOKIE_SECURE": False, **overrides},
                                   instance_path=str(tmp_path / name)))
        return made[-1]

    yield make
    for each in made:
        with each.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def pcc_app(make_pcc):
    return make_pcc()


@pytest.fixture
def pcc(pcc_app):
    return pcc_app.test_client()


def last_sms_code(pcc_app, to: str) -> str:
    """The one-time code in the last message the local outbox holds for ``to``."""
    with pcc_app.app_context():
        text = db.session.scalars(select(SmsMessage.text).where(SmsMessage.to == to)
                                  .order_by(SmsMessage.id.desc())).first()
    assert text, f"no message to {to}"
    return re.search(r"\b(\d{6})\b", text).group(1)
