"""PostgreSQL restarts under the network: cached pages keep being served, the rest
answers a Chinese 503, and deliveries go on within seconds of it coming back."""

import os
import subprocess
import time
from pathlib import Path

import pgserver
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from sites.models import ArticlePage
from syndication.factories import story_at
from syndication.models import Delivery, Story, Submission
from syndication.outbox import send
from tests.tools import start_worker, stop_worker

pytestmark = pytest.mark.celery  # committed data and outside processes

PG_CTL = Path(pgserver.__file__).parent / "pginstall/bin/pg_ctl"


class EmbeddedPostgres:
    """Stops and starts the embedded server the way pgserver runs it."""

    def __init__(self, pgdata: Path):
        self.pgdata = pgdata
        # PostgreSQL refuses to run as root; pgserver runs it as its own user
        self.user = "pgserver" if os.geteuid() == 0 else None

    def _pg_ctl(self, *args):
        command = [str(PG_CTL), "-D", str(self.pgdata), "-w", *args]
        subprocess.run(command, check=True, user=self.user, capture_output=True, timeout=60)

    def running(self) -> bool:
        command = [str(PG_CTL), "-D", str(self.pgdata), "status"]
        return subprocess.run(command, user=self.user, capture_output=True).returncode == 0

    def stop(self):
        connection.close()
        self._pg_ctl("stop", "-m", "fast")

    def start(self):
        self._pg_ctl(
            "start", "-o", '-h ""', "-o", f"-k {self.pgdata}", "-l", str(self.pgdata / "log")
        )


@pytest.fixture
def postgres(django_db_setup):
    db = settings.DATABASES["default"]
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    if not host.startswith("/") or not (Path(host) / "PG_VERSION").exists():
        pytest.skip("stopping PostgreSQL needs the embedded server (DATABASE_URL unset)")
    server = EmbeddedPostgres(Path(host))
    yield server
    if not server.running():  # a test that failed half-way
        server.start()
    connection.close()


def test_cached_pages_are_served_while_the_database_restarts(postgres, django_db_blocker):
    reader = Client(raise_request_exception=False)
    with django_db_blocker.unblock():
        first = reader.get("/", HTTP_HOST="village3.localhost")
        assert first.status_code == 200
        postgres.stop()
        try:
            cached = reader.get("/", HTTP_HOST="village3.localhost")
            assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
            assert cached.content == first.content
            down = reader.get("/search/?q=党建", HTTP_HOST="village3.localhost")
            assert down.status_code == 503 and down["Retry-After"] == "30"
            assert "网站正在维护" in down.content.decode()
        finally:
            postgres.start()
        connection.close()
        again = reader.get("/search/?q=党建", HTTP_HOST="village3.localhost")
        assert again.status_code == 200


def test_a_delivery_that_meets_an_outage_goes_on_when_the_database_is_back(
    postgres, django_db_blocker
):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340112001001")
        author = UserFactory(username="tingji", roles=[(village, "editor")])
        story = story_at(village, user=author, title="停机期间的报送")
        submission = Submission.objects.create(
            story=story, from_node=village, to_node=village.get_parent(), submitted_by=author
        )
        delivery = Delivery.objects.create(kind="submit", story=story, submission=submission)
        worker = start_worker()
        try:
            time.sleep(3)  # the worker is up
            postgres.stop()
            try:
                send(delivery.pk)  # the broker takes it; the worker meets the outage
                time.sleep(8)
            finally:
                postgres.start()
            back = time.monotonic()
            deadline = back + 60
            while Delivery.objects.get(pk=delivery.pk).state != "done":
                assert time.monotonic() < deadline, "the delivery waited for beat"
                time.sleep(0.2)
            print(f"\ndelivery done {time.monotonic() - back:.1f} s after PostgreSQL came back")
            delivery.refresh_from_db()
            assert delivery.attempts == 1  # the outage was waited out, not counted
            assert Submission.objects.get(pk=submission.pk).state == "pending"
        finally:
            stop_worker(worker)
            Story.objects.filter(pk=story.pk).delete()
            with schema_context(village.tenant.schema_name):
                ArticlePage.objects.filter(pk=story.origin_page_id).delete()
                author.delete()
            connection.set_schema_to_public()
