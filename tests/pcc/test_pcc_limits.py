"""Abuse: every step of the PCC service is rate-limited per source address, the real-name check
per registration number too (whoever asks), and a limit reached says how long to wait."""

from __future__ import annotations

from tests.form_crawler import Page, submit, visit

COI = {"name": "COI ZHUNA", "registration_number": "900131-6123456"}


def post_real_name(client, **values):
    form = visit(client, "/issue").form()
    return submit(client, form, **{**COI, **values})


def test_a_source_that_asks_too_often_is_told_when_to_try_again(make_pcc):
    client = make_pcc(RATELIMIT_PCC_STEPS="3 per minute").test_client()
    statuses = [post_real_name(client, name="SOMEONE ELSE").status_code for _ in range(3)]
    assert statuses == [422, 422, 422]
    refused = post_real_name(client)
    assert refused.status_code == 429
    page = Page.of(refused)
    assert "요청이 너무 많습니다" in page.text and "초 후에 다시 시도해 주십시오" in page.text
    assert "Too many requests: try again in" in page.text
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_one_registration_number_is_limited_whatever_address_asks(make_pcc):
    pcc = make_pcc(RATELIMIT_PCC_PER_NUMBER="2 per 10 minutes")
    addresses = ("192.0.2.1", "192.0.2.2", "192.0.2.3")
    statuses = []
    for address in addresses:
        client = pcc.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        statuses.append(post_real_name(client, name="WRONG NAME").status_code)
    assert statuses == [422, 422, 429]
    other = pcc.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.4"
    assert post_real_name(other, registration_number="950505-5234567",
                          name="NGUYENVANAN").status_code == 302  # another number is not


def test_the_limits_are_shared_through_redis_when_redis_url_is_set(make_pcc, redis_limits):
    settings, keys = redis_limits
    limits = {**settings, "RATELIMIT_PCC_STEPS": "2 per minute"}
    first = make_pcc("one", **limits).test_client()
    assert [post_real_name(first, name="WRONG").status_code for _ in range(2)] == [422, 422]
    second = make_pcc("two", **limits).test_client()  # another worker, another process
    assert post_real_name(second, name="WRONG").status_code == 429
    assert keys()


def test_the_number_is_counted_across_issue_and_look_up(make_pcc):
    pcc = make_pcc(RATELIMIT_PCC_PER_NUMBER="2 per 10 minutes")
    client = pcc.test_client()
    assert post_real_name(client, name="WRONG").status_code == 422
    look_up = submit(client, visit(client, "/lookup").form(), **{**COI, "name": "WRONG"})
    assert look_up.status_code == 422
    assert post_real_name(client, name="WRONG").status_code == 429  # one bucket per number


def test_a_number_that_is_no_number_is_not_one_bucket_for_everyone(make_pcc):
    pcc = make_pcc(RATELIMIT_PCC_PER_NUMBER="1 per 10 minutes")
    for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        client = pcc.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        response = post_real_name(client, registration_number="12345")
        assert response.status_code == 422  # the field's message, never another's 429
