"""/healthz answers for any host name, before routing, and nginx lets local monitors ask."""

import json

from .conftest import fetch


def test_healthz_answers_for_any_host_and_says_what_was_checked(client, db):
    response = client.get("/healthz", HTTP_HOST="monitor.internal")  # not an allowed host
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "redis": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_through_nginx(stack):
    status, headers, body = fetch(stack.base, "/healthz", "anything.localhost")
    assert status == 200 and json.loads(body)["database"] == "ok"
    assert headers.get("X-Edge-Cache") is None  # never cached
