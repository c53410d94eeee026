"""Wagtail's admin search (pages, images, documents) finds Chinese words and parts."""

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from sites.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    node_collection,
    node_column,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(net):
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "党务公开")
        ArticlePageFactory(parent=column, title="甲村党支部召开三会一课")
        ArticlePageFactory(parent=column, title="甲村修缮道路")
        collection = node_collection(net.village1)
        ImageFactory(collection=collection, title="党员活动室照片")
        DocumentFactory(collection=collection, title="主题党日活动方案")
    return UserFactory(username="cun_sousuo", roles=[(net.village1, "webmaster")])


@pytest.mark.parametrize(
    "path, query, expected, absent",
    [
        ("/admin/pages/search/", "支部", "甲村党支部召开三会一课", "甲村修缮道路"),
        ("/admin/pages/search/", "三会一课", "甲村党支部召开三会一课", "甲村修缮道路"),
        ("/admin/pages/search/", "修", "甲村修缮道路", "三会一课"),
        ("/admin/images/", "活动", "党员活动室照片", None),
        ("/admin/documents/", "党日", "主题党日活动方案", None),
    ],
)
def test_admin_search_finds_chinese(client, net, content, path, query, expected, absent):
    client.force_login(content)
    response = client.get(path, {"q": query}, HTTP_HOST="village1.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    if absent:
        assert absent not in html


@pytest.mark.parametrize(
    "query", ["' OR '1'='1", "'", '"', "&|!", "()", "党建 OR", "-", "\\", ":*", "' -- '"]
)
def test_admin_search_survives_query_syntax(client, net, content, query):
    client.force_login(content)
    for path in ("/admin/pages/search/", "/admin/images/", "/admin/documents/"):
        response = client.get(path, {"q": query}, HTTP_HOST="village1.localhost")
        assert response.status_code == 200, (path, query)
