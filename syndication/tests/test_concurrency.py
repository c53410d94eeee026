"""Two requests at the same moment (a double click), each on its own connection."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from sites.models import ArticlePage
from syndication.factories import publish_article
from syndication.models import Story, Submission

pytestmark = pytest.mark.celery  # committed data, like the worker tests


def test_a_double_click_on_submit_sends_once_and_answers_plainly(
    django_db_setup, django_db_blocker
):
    with django_db_blocker.unblock():
        village = Node.objects.select_related("tenant").get(code="340111001002")
        editor = UserFactory(username="shuangji", roles=[(village, "editor")])
        article = publish_article(village, title="乙村双击报送")
        url = f"/admin/syndication/article/{article.pk}/"
        clients = [Client(), Client()]
        for client in clients:
            client.force_login(editor)
            client.get(url, HTTP_HOST="village2.localhost")  # the story exists now
        barrier, responses = threading.Barrier(2), []

        def click(client):
            barrier.wait()
            responses.append(
                client.post(url, {"action": "submit", "note": ""}, HTTP_HOST="village2.localhost")
            )
            connection.close()

        try:
            for _ in range(5):  # the race is real; try it a few times
                Submission.objects.filter(story__origin_page_id=article.pk).delete()
                threads = [threading.Thread(target=click, args=(c,)) for c in clients]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                assert sorted(r.status_code for r in responses[-2:]) == [302, 302]
                story = Story.objects.get(origin_node=village, origin_page_id=article.pk)
                assert Submission.objects.filter(story=story).count() == 1
            shown = clients[1].get(url, HTTP_HOST="village2.localhost").content.decode()
            assert "这篇稿件已报送给乙镇" in shown or "已报送" in shown
        finally:
            Story.objects.filter(origin_node=village, origin_page_id=article.pk).delete()
            with schema_context(village.tenant.schema_name):
                ArticlePage.objects.filter(pk=article.pk).delete()
                editor.delete()  # its admin sessions are rows of this schema
            connection.set_schema_to_public()
