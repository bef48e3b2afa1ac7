from datetime import timedelta

from jobs.heartbeat import beat
from workflows import clock


def test_healthz_reports_database_up_and_no_scheduler_yet(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["database"]["ok"] is True
    assert body["scheduler"] == {"ok": False, "last_heartbeat": None, "age_s": None}
    assert body["status"] == "degraded"


def test_healthz_is_ok_with_a_recent_scheduler_heartbeat(app, client):
    with app.app_context():
        beat(started_at=clock.now())
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["scheduler"]["ok"] is True
    assert body["scheduler"]["age_s"] < 60


def test_healthz_flags_a_stale_scheduler(app, client):
    long_ago = clock.now() - timedelta(minutes=10)
    with app.app_context():
        beat(started_at=long_ago, now=long_ago)
    body = client.get("/healthz").get_json()
    assert body["status"] == "degraded"
    assert body["scheduler"]["ok"] is False
    assert body["scheduler"]["age_s"] >= 600


def test_healthz_answers_503_when_the_database_is_gone(tmp_path):
    from tests.conftest import make_app

    app = make_app("postgresql+psycopg://nobody@127.0.0.1:1/none", tmp_path)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "down"
