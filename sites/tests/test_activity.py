"""Celery wiring: tenant-aware tasks run by a real worker over the configured broker."""

import time

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.models import Node
from sites.factories import ArticlePageFactory
from sites.models import ArticlePage, ColumnPage
from sites.tasks import refresh_all_node_activity, refresh_node_activity

pytestmark = pytest.mark.celery


@pytest.fixture
def village_articles(django_db_setup, django_db_blocker):
    """Two committed articles on 甲村 (the worker's connection must see them)."""
    with django_db_blocker.unblock():
        village = Node.objects.get(code="340111001001")
        with schema_context(village.tenant.schema_name):
            home = Page.objects.get(pk=village.root_page_id)
            column = ColumnPage.objects.child_of(home).first()
            articles = [ArticlePageFactory(parent=column) for _ in range(2)]
        yield village
        with schema_context(village.tenant.schema_name):
            for article in articles:
                ArticlePage.objects.get(pk=article.pk).delete()
        connection.set_schema_to_public()


def test_activity_is_refreshed_in_the_senders_schema_by_a_worker(
    worker, village_articles, django_db_blocker
):
    with django_db_blocker.unblock():
        with schema_context("n340111"):
            first = refresh_node_activity.delay()
        assert first.get(timeout=60) == 4  # county, township and two villages in n340111
        village = Node.objects.get(pk=village_articles.pk)
        assert village.article_count == 2
        assert village.last_published_at is not None
        # idempotent: a second run gives the same figures
        with schema_context("n340111"):
            refresh_node_activity.delay().get(timeout=60)
        again = Node.objects.get(pk=village_articles.pk)
        assert (again.article_count, again.last_published_at) == (2, village.last_published_at)
        # the other county's nodes were not touched by a task sent from n340111
        assert Node.objects.get(code="340112").activity_refreshed_at is None


def test_the_beat_task_fans_out_to_every_schema(worker, django_db_blocker):
    with django_db_blocker.unblock():
        sent = refresh_all_node_activity.delay().get(timeout=60)
        assert sent == 4  # province, city and two counties
        deadline = time.monotonic() + 60
        while Node.objects.filter(activity_refreshed_at__isnull=True).exists():
            assert time.monotonic() < deadline, "per-schema refreshes did not all run"
            time.sleep(0.2)
