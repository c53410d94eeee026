"""阅读次数: counted per view (cached or not), folded in the background, summed per site."""

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from network.factories import UserFactory
from network.models import Node
from readership.counting import fold_hits, views_of
from readership.models import PageHit, PageViews, SiteDailyViews
from readership.tasks import fold_hits_task
from sites.factories import ArticlePageFactory, node_column

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"


def read(client, host, path, agent=BROWSER):
    return client.get(path, HTTP_HOST=host, HTTP_USER_AGENT=agent)


@pytest.fixture
def article(net):
    with schema_context(net.village1.tenant.schema_name):
        page = ArticlePageFactory(parent=node_column(net.village1, "村务公开"), title="村务公示")
        return page, "/" + page.url_path.split("/", 2)[2]


def test_every_view_counts_even_from_the_cache_and_bots_do_not(client, net, article):
    page, path = article
    for _ in range(3):
        assert read(client, "village1.localhost", path).status_code == 200
    read(client, "village1.localhost", path, agent="Baiduspider/2.0")
    assert read(client, "village1.localhost", path)["X-Page-Cache"] == "hit"
    # three reads and the cached one; not the crawler
    assert PageHit.objects.filter(node_id=net.village1.pk, page_id=page.pk).count() == 4
    assert fold_hits() == 4
    assert PageHit.objects.count() == 0
    assert views_of(net.village1.pk, page.pk) == 4
    # folding again adds nothing; new views add to the total
    assert fold_hits() == 0
    read(client, "village1.localhost", path, agent=BROWSER + " new")
    fold_hits()
    assert PageViews.objects.get(node=net.village1, page_id=page.pk).views == 5
    assert SiteDailyViews.objects.get(node=net.village1).views == 5


def test_the_hit_is_written_after_the_response_outside_its_transaction(client, net, article):
    page, path = article
    response = read(client, "village1.localhost", path)
    # The test client closes the response as a server would after sending it; the
    # insert happened then, in autocommit: not inside an atomic block of the view.
    assert response.counted_page == (net.village1.pk, page.pk)
    assert PageHit.objects.filter(page_id=page.pk).exists()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s", [PageHit._meta.db_table]
        )
        assert cursor.fetchone()[0] == "u"  # unlogged: no WAL per view


def test_the_article_shows_its_count_once_folded(client, net, article):
    from network.generations import forget_site

    _page, path = article
    read(client, "village1.localhost", path)
    read(client, "village1.localhost", path)
    fold_hits()
    forget_site(net.village1)
    assert "阅读次数：2" in read(client, "village1.localhost", path).content.decode()


def test_admin_sums_views_per_site(client, net, article):
    _page, path = article
    read(client, "village1.localhost", path)
    fold_hits()
    webmaster = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    client.force_login(webmaster)
    html = client.get("/admin/readership/", HTTP_HOST="county1.localhost").content.decode()
    own, below = html.split("下级站点")
    assert "甲县先锋网" in own
    row = below.split("<td>甲村</td>")[1].split("</tr>")[0]
    assert row.count("<td>1</td>") == 4  # today, 7 days, 30 days, all time
    # the village's own report lists its most read page by title
    village_html = client.get("/admin/readership/", HTTP_HOST="village1.localhost")
    assert "村务公示" in village_html.content.decode()


def test_an_editor_outside_the_node_cannot_open_its_report(client, net):
    outsider = UserFactory(username="cun3_bianji", roles=[(net.village3, "editor")])
    client.force_login(outsider)
    response = client.get("/admin/readership/", HTTP_HOST="village1.localhost")
    assert response.status_code == 403


@pytest.mark.celery
def test_a_worker_folds_the_hits(worker, django_db_blocker):
    """Committed hits (the worker has its own connection), removed afterwards."""
    with django_db_blocker.unblock():
        village2 = Node.objects.get(code="340111001002")
        PageHit.objects.create(node_id=village2.pk, page_id=999_001)
        try:
            assert fold_hits_task.delay().get(timeout=30) == 1
            assert views_of(village2.pk, 999_001) == 1
        finally:
            PageHit.objects.all().delete()
            PageViews.objects.filter(node=village2).delete()
            SiteDailyViews.objects.filter(node=village2).delete()
