"""The default install (embedded PostgreSQL and Redis, what the README runs) loses no
background work: a worker process killed mid-way loses no published article from
search; the beat brings back what the killed worker held, without a person."""

import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from search.models import SearchEntry
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage
from syndication.factories import story_at
from syndication.models import Delivery, Story, Submission
from syndication.outbox import send
from tests.tools import start_worker, stop_worker

pytestmark = pytest.mark.celery
ARTICLES = 40


def indexed(node, ids) -> int:
    return SearchEntry.objects.filter(node=node, page_id__in=ids).count()


def publish(node, count) -> list[int]:
    """Committed articles, each publish queueing its index task."""
    ids = []
    with schema_context(node.tenant.schema_name):
        column = node_column(node, "村务公开")
        for i in range(count):
            article = ArticlePageFactory(parent=column, title=f"村务公开第{i}期", live=False)
            article.save_revision().publish()
            ids.append(article.pk)
    connection.set_schema_to_public()
    return ids


@pytest.fixture
def village(django_db_blocker):
    """(node, broker's Redis) with an empty queue; committed articles removed after."""
    from xfnet.celery import app

    assert settings.CELERY_BROKER_URL.startswith("redis")  # a real broker, never files
    broker = app.connection().default_channel.client
    with django_db_blocker.unblock():
        app.control.purge()
        broker.delete("unacked", "unacked_index")  # what earlier killed workers held
        node = Node.objects.select_related("tenant").get(code="340112001001")
        yield node, broker
        with schema_context(node.tenant.schema_name):
            for article in ArticlePage.objects.filter(title__startswith="村务公开第"):
                article.delete()
        connection.set_schema_to_public()
        SearchEntry.objects.filter(node=node, title__startswith="村务公开第").delete()
        app.control.purge()
        broker.delete("unacked", "unacked_index")


def wait_until_indexed(node, ids, seconds):
    deadline = time.monotonic() + seconds
    while indexed(node, ids) < len(ids):
        assert time.monotonic() < deadline, f"{len(ids) - indexed(node, ids)} never indexed"
        time.sleep(0.2)


def test_a_killed_worker_loses_no_indexing(django_db_setup, village, tmp_path):
    node, broker = village
    ids = publish(node, ARTICLES)
    for _ in range(3):
        worker = start_worker()
        deadline = time.monotonic() + 60
        # kill it while it holds a task it has not acknowledged
        while indexed(node, ids) == 0 or not broker.hlen("unacked"):
            assert time.monotonic() < deadline, "the worker indexed nothing"
            time.sleep(0.005)
        stop_worker(worker)
        assert indexed(node, ids) < ARTICLES, "the worker finished before it was killed"
        # killed between two tasks (it had just acknowledged one): try again
        if broker.hlen("unacked") == 1:  # the task it held
            break
    assert broker.hlen("unacked") == 1, "never killed while it held a task"
    try:
        # a new worker with beat: the queue goes on, the catch-up finds the rest
        worker = start_worker("--beat", "--schedule", str(tmp_path / "beat-schedule"))
        wait_until_indexed(node, ids, 90)
    finally:
        stop_worker(worker)


def test_work_the_broker_lost_comes_back_by_beat(django_db_setup, village, tmp_path):
    """As when the old file-system broker crashed: the admin said success, the task was
    gone. The beat's catch-up indexes what was published, without a person."""
    from xfnet.celery import app

    node, _ = village
    ids = publish(node, 5)
    app.control.purge()  # the queued tasks are lost
    worker = start_worker("--beat", "--schedule", str(tmp_path / "beat-schedule"))
    try:
        wait_until_indexed(node, ids, 60)
    finally:
        stop_worker(worker)


TAKE_AND_DIE = """
import os, sys
from kombu import Connection
with Connection(sys.argv[1]) as conn:
    conn.SimpleQueue("celery", no_ack=False).get(timeout=20)  # taken, never acknowledged
    os._exit(9)
"""


def test_a_task_held_by_a_dead_worker_runs_again_in_seconds(django_db_setup, village):
    """The broker hands a task out again once its visibility timeout has passed (no
    beat involved: beat's resume waits five minutes)."""
    node, broker = village
    author = UserFactory(username="ke_zuozhe", roles=[(node, "editor")])
    story = story_at(node, user=author, title="村务公开第0期报送")
    submission = Submission.objects.create(
        story=story, from_node=node, to_node=node.get_parent(), submitted_by=author
    )
    delivery = Delivery.objects.create(kind="submit", story=story, submission=submission)
    send(delivery.pk)
    taker = [sys.executable, "-c", TAKE_AND_DIE, settings.CELERY_BROKER_URL]
    assert subprocess.run(taker, timeout=60).returncode == 9
    assert broker.hlen("unacked") == 1 and broker.llen("celery") == 0
    died = time.monotonic()
    worker = start_worker()
    try:
        # the broker's own timers, not this machine's speed, set this bound
        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        deadline = died + 2 * options["visibility_timeout"] + 30
        while Delivery.objects.get(pk=delivery.pk).state != "done":
            assert time.monotonic() < deadline, "the task held by the dead worker never ran"
            time.sleep(0.2)
        print(f"\nheld task done {time.monotonic() - died:.1f} s after its worker died")
    finally:
        stop_worker(worker)
        Story.objects.filter(pk=story.pk).delete()
        with schema_context(node.tenant.schema_name):
            author.delete()
        connection.set_schema_to_public()
