"""The watch through a real Celery worker: scan, evaluate and remind in the background."""

import time
from datetime import datetime

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.factories import UserFactory
from network.models import Node
from operations.models import (
    ColumnActivity,
    NodeMonth,
    ScanState,
    SiteMonth,
    Staleness,
    TimelinessRule,
)
from operations.tasks import scan_and_evaluate
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.celery

LONG_AGO = timezone.make_aware(datetime(2020, 1, 1))


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Committed for the worker: a rule for townships, 甲镇 old enough to be judged
    with nothing published, its webmaster, and an article published on 乙村."""
    with django_db_blocker.unblock():
        town = Node.objects.get(code="340111001")
        village = Node.objects.get(code="340111001002")
        created = town.created_at
        Node.objects.filter(pk=town.pk).update(created_at=LONG_AGO)
        rule = TimelinessRule.objects.create(level="township", working_days=1)
        user = UserFactory(
            username="zhen_tixing", email="zhen@example.cn", roles=[(town, "webmaster")]
        )
        with schema_context(village.tenant.schema_name):
            page = ArticlePageFactory(parent=node_column(village, "通知公告"), live=False)
            page.save_revision().publish()
        yield town, village
        with schema_context(village.tenant.schema_name):
            Page.objects.filter(pk=page.pk).delete()
            # a user's deletion reaches Wagtail's tenant tables (editing sessions)
            user.delete()
        connection.set_schema_to_public()
        for model in (Staleness, ColumnActivity, ScanState, SiteMonth, NodeMonth):
            model.objects.all().delete()
        rule.delete()
        Node.objects.filter(pk=town.pk).update(created_at=created)


def test_the_worker_scans_evaluates_and_reminds(worker, committed, django_db_blocker):
    town, village = committed
    mail.outbox.clear()
    with django_db_blocker.unblock():
        result = scan_and_evaluate.delay().get(timeout=120)
        assert result["columns"] == ColumnActivity.objects.count() > 0
        column = ColumnActivity.objects.get(node=village, column_title="通知公告")
        assert column.articles == 1 and column.last_published_at is not None
        # only 甲镇 is old enough to be judged, and it published nothing
        assert list(Staleness.objects.values_list("node", flat=True)) == [town.pk]
        assert result["new"] == 1
        deadline = time.monotonic() + 60
        while not mail.outbox:
            assert time.monotonic() < deadline, "the reminder was not sent"
            time.sleep(0.2)
        assert mail.outbox[0].to == ["zhen@example.cn"] and "甲镇" in mail.outbox[0].subject
        again = scan_and_evaluate.delay().get(timeout=120)
        assert again == {"columns": 0, "new": 0, "cleared": 0}  # nothing changed
