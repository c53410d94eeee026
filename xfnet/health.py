"""`/healthz`: is this process able to serve (database and Redis answer)?

Answered before anything else looks at the request (first in MIDDLEWARE), so it works
for any host name a monitor or load balancer uses, and costs one `SELECT 1` and one
Redis read. nginx lets only local addresses ask (deploy/nginx/locations.conf).
"""

import json

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse

PATH = "/healthz"


def check_health() -> dict[str, str]:
    checks = {}
    try:
        connection.set_schema_to_public()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError as error:
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        caches["pages"].get("xfhealth")
        checks["redis"] = "ok"
    except Exception as error:  # any client error means the cache cannot be used
        checks["redis"] = f"error: {error.__class__.__name__}"
    return checks


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != PATH:
            return self.get_response(request)
        checks = check_health()
        healthy = all(value == "ok" for value in checks.values())
        response = HttpResponse(
            json.dumps(checks), content_type="application/json", status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response
