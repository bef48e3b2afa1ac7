"""Registration numbers at rest: sealed, indexed, and the keys rotated without losing one."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import PccHolder
from backoffice.pcc import service
from backoffice.pcc.sealing import Sealing
from tests.pcc.test_pcc_housekeeping import DETAILS

INDEX_KEY = "i" * 40


def test_a_number_is_sealed_differently_each_time_and_indexed_the_same():
    sealing = Sealing([Fernet.generate_key().decode()], INDEX_KEY)
    first, second = sealing.seal("9001316123456"), sealing.seal("9001316123456")
    assert first != second and "9001316123456" not in first
    assert sealing.open(first) == sealing.open(second) == "9001316123456"
    assert sealing.index("9001316123456") == sealing.index("9001316123456")
    assert sealing.index("9001316123456") != Sealing(
        [Fernet.generate_key().decode()], "j" * 40).index("9001316123456")  # keyed


@pytest.mark.parametrize(("keys", "index_key", "problem"), [
    ([], INDEX_KEY, "at least one Fernet key"),
    (["not a key"], INDEX_KEY, "each key is a Fernet key"),
    ([Fernet.generate_key().decode()], "short", "at least 32 characters"),
])
def test_keys_that_cannot_seal_are_refused_at_start(keys, index_key, problem):
    with pytest.raises(ValueError, match=problem):
        Sealing(keys, index_key)


def test_rotation_reseals_every_number_under_the_new_key(make_pcc, app):
    old = Fernet.generate_key().decode()
    pcc = make_pcc("old", PCC_SEALING_KEYS=[old], PCC_INDEX_KEY=INDEX_KEY)
    with pcc.app_context():
        service.counter_issue("COI ZHUNA", "900131-6123456", DETAILS, None)
        db.session.commit()
    new = Fernet.generate_key().decode()
    app.config.update(PCC_SEALING_KEYS=[new, old], PCC_INDEX_KEY=INDEX_KEY)
    result = app.test_cli_runner().invoke(args=["pcc", "rotate-keys"])
    assert result.exit_code == 0 and "Re-sealed 1 holders" in result.output
    with app.app_context():
        sealed = db.session.scalars(select(PccHolder.number_sealed)).one()
    assert Sealing([new], INDEX_KEY).open(sealed) == "9001316123456"  # the old key may go
    with pytest.raises(ValueError, match="none of PCC_SEALING_KEYS"):
        Sealing([old], INDEX_KEY).open(sealed)


def test_a_new_index_key_reindexes_every_number(make_pcc, app):
    key = Fernet.generate_key().decode()
    pcc = make_pcc("old", PCC_SEALING_KEYS=[key], PCC_INDEX_KEY=INDEX_KEY)
    with pcc.app_context():
        service.counter_issue("COI ZHUNA", "900131-6123456", DETAILS, None)
        db.session.commit()
    app.config.update(PCC_SEALING_KEYS=[key], PCC_INDEX_KEY="n" * 40)
    result = app.test_cli_runner().invoke(args=["pcc", "rotate-keys", "--reindex"])
    assert result.exit_code == 0, result.output
    renewed = make_pcc("new", PCC_SEALING_KEYS=[key], PCC_INDEX_KEY="n" * 40)
    with renewed.app_context():
        assert service.counter_find("9001316123456").name == "COI ZHUNA"


def test_new_key_prints_a_fernet_key(app):
    result = app.test_cli_runner().invoke(args=["pcc", "new-key"])
    assert Fernet(result.output.strip())
