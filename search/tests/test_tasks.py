"""Indexing runs in a real Celery worker when an article is published."""

import time

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from network.models import Node
from search.models import SearchEntry
from search.query import Search
from sites.factories import ArticlePageFactory, node_column
from sites.models import ArticlePage

pytestmark = pytest.mark.celery


def test_publishing_indexes_in_the_background_and_revoking_hides_network_wide(
    worker, django_db_blocker, django_db_setup
):
    from network.factories import UserFactory
    from syndication.revoking import revoke_story
    from syndication.stories import story_for_article

    with django_db_blocker.unblock():
        node = Node.objects.select_related("tenant").get(code="340112001001")
        with schema_context(node.tenant.schema_name):
            article = ArticlePageFactory(
                parent=node_column(node, "党务公开"), title="丙村主题党日活动", live=False
            )
            article.save_revision().publish()
        connection.set_schema_to_public()
        try:
            deadline = time.monotonic() + 60
            while not SearchEntry.objects.filter(node=node, page_id=article.pk).exists():
                assert time.monotonic() < deadline, "the worker did not index the article"
                time.sleep(0.1)
            assert [e.title for e in Search(q="党日").entries()] == ["丙村主题党日活动"]

            webmaster = UserFactory(username="idx_zz", roles=[(node, "webmaster")])
            with schema_context(node.tenant.schema_name):
                story = story_for_article(article, node, webmaster)
            revoke_story(user=webmaster, story=story, reason="测试")
            assert len(Search(q="党日").entries()) == 0  # gone from the network
            assert len(Search(q="党日", node=node).entries()) == 1  # its own site keeps it
        finally:
            from syndication.models import Story

            Story.objects.filter(origin_node=node).delete()
            with schema_context(node.tenant.schema_name):
                ArticlePage.objects.filter(pk=article.pk).delete()
                from django.contrib.auth import get_user_model

                get_user_model().objects.filter(username="idx_zz").delete()
            connection.set_schema_to_public()
        assert not SearchEntry.objects.filter(node=node, page_id=article.pk).exists()
