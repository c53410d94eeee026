"""A page an anonymous reader may not open appears nowhere an anonymous reader can see.

The restriction is set the way a webmaster sets it (the admin's 隐私 dialog, over
HTTP), after the article was published, pushed down and accepted up; on the article
itself (password) and inherited from its column (login); then lifted. Every place is
read as an anonymous reader over HTTP.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network.factories import UserFactory
from search.catchup import catch_up_here
from search.indexing import index_article
from sites.factories import ArticlePageFactory, DocumentFactory, node_column
from syndication.delivery import run_pending_here
from syndication.errors import SyndicationError
from syndication.pushing import push_down
from syndication.stories import story_for_article
from syndication.submitting import columns_of, decide, submit_up

pytestmark = pytest.mark.django_db

SECRET = "绝密会议纪要"
BODY_WORD = "保密事项摘录"


def site_path(page):
    return "/" + page.url_path.split("/", 2)[2]


@pytest.fixture
def scene(net):
    """On county1: three articles in 通知公告 (the secret one in the middle), all
    tagged; the secret one pushed to every site below and accepted by the city."""
    webmaster = UserFactory(username="xian_zz", roles=[(net.county1, "webmaster")])
    city_reviewer = UserFactory(username="shi_sh", roles=[(net.city, "reviewer")])
    now = timezone.now()
    with schema_context(net.county1.tenant.schema_name):
        column = node_column(net.county1, "通知公告")
        articles = []
        for days, title in ((3, "较早的通知"), (2, SECRET), (1, "较新的通知")):
            article = ArticlePageFactory(
                parent=column,
                title=title,
                date=now - timedelta(days=days),
                summary=f"{title}的摘要",
                body=[("paragraph", f"<p>{title}：{BODY_WORD if title == SECRET else '公开'}</p>")],
            )
            article.tags.add("三会一课")
            article.save_revision().publish()
            index_article(article, net.county1)
            articles.append(article)
        secret = articles[1]
        story = story_for_article(secret, net.county1, webmaster)
    connection.set_schema_to_public()
    push_down(user=webmaster, node=net.county1, story=story)
    submission = submit_up(user=webmaster, node=net.county1, story=story)
    run_pending_here()
    city_column = next(c for c in columns_of(net.city) if c.title == "基层动态")
    decide(user=city_reviewer, submission=submission, action="accept", column=city_column)
    run_pending_here()
    return {
        "webmaster": webmaster,
        "column": column,
        "secret": secret,
        "older": articles[0],
        "newer": articles[2],
        "story": story,
        "city_column": city_column,
    }


def anonymous_views(client, scene) -> dict[str, str]:
    """Every place a reader could meet the secret article's title or text."""
    client.logout()
    column = site_path(scene["column"])
    syndicated = f"/syndicated/{scene['story'].uuid}/"
    places = {
        "county home": ("county1.localhost", "/"),
        "column listing": ("county1.localhost", column),
        "site rss": ("county1.localhost", "/rss.xml"),
        "column rss": ("county1.localhost", column + "rss.xml"),
        "tag page": ("county1.localhost", "/tags/三会一课/"),
        "older neighbour": ("county1.localhost", site_path(scene["older"])),
        "newer neighbour": ("county1.localhost", site_path(scene["newer"])),
        "sitemap": ("county1.localhost", "/sitemap.xml"),
        "site search": ("county1.localhost", f"/search/?q={SECRET[:4]}"),
        "site search by body": ("county1.localhost", f"/search/?q={BODY_WORD}"),
        "network search": ("village3.localhost", f"/search/?q={SECRET[:4]}&scope=all"),
        "village home (上级要闻)": ("village1.localhost", "/"),
        "village syndicated copy": ("village1.localhost", syndicated),
        "city home (基层动态)": ("city.localhost", "/"),
        "city column": ("city.localhost", site_path(scene["city_column"])),
        "city syndicated copy": ("city.localhost", syndicated),
    }
    seen = {}
    for name, (host, path) in places.items():
        response = client.get(path, HTTP_HOST=host)
        html = response.content.decode() if response.status_code == 200 else ""
        if "search" in name:  # the query itself is echoed in the form: read the results
            html = html.partition('class="search-results"')[2]
        seen[name] = html
    return seen


def showing(client, scene) -> set[str]:
    """The places that show the secret article's title, text or address."""
    views = anonymous_views(client, scene)
    markers = (SECRET, BODY_WORD, site_path(scene["secret"]))
    return {name for name, html in views.items() if any(m in html for m in markers)}


def set_privacy(client, scene, page, **data):
    client.force_login(scene["webmaster"])
    response = client.post(f"/admin/pages/{page.pk}/privacy/", data, HTTP_HOST="county1.localhost")
    assert response.status_code == 200 and '"step": "set_privacy_done"' in response.content.decode()
    client.logout()


def settle():
    """What the worker and the beat do after a change: deliveries, then the index."""
    run_pending_here()
    with schema_context("n340111"):
        catch_up_here()
    connection.set_schema_to_public()


def test_a_restricted_article_appears_nowhere_and_comes_back_when_lifted(client, net, scene):
    everywhere = showing(client, scene)
    # while public, every place shows it (the neighbours in their 上一篇/下一篇 links)
    assert everywhere == set(anonymous_views(client, scene)), everywhere

    set_privacy(client, scene, scene["secret"], restriction_type="password", password="mima123")
    settle()
    assert showing(client, scene) == set()
    # the article itself asks for the password
    page = client.get(site_path(scene["secret"]), HTTP_HOST="county1.localhost")
    assert BODY_WORD not in page.content.decode()

    set_privacy(client, scene, scene["secret"], restriction_type="none")
    settle()
    assert showing(client, scene) == everywhere


def test_a_restriction_on_the_column_is_inherited_everywhere(client, net, scene):
    everywhere = showing(client, scene)
    set_privacy(client, scene, scene["column"], restriction_type="login")
    settle()
    assert showing(client, scene) == set()
    html = client.get("/", HTTP_HOST="county1.localhost").content.decode()
    assert "较新的通知" not in html  # the whole column is closed, and its menu entry
    assert f'href="{site_path(scene["column"])}"' not in html

    set_privacy(client, scene, scene["column"], restriction_type="none")
    settle()
    assert showing(client, scene) == everywhere


def test_syndication_refuses_a_restricted_article(client, net, scene):
    with schema_context(net.county1.tenant.schema_name):
        article = ArticlePageFactory(parent=scene["column"], title="仅限党员阅读")
        PageViewRestriction.objects.create(page=article, restriction_type="login")
        story = story_for_article(article, net.county1, scene["webmaster"])
    connection.set_schema_to_public()
    assert not story.is_live
    with pytest.raises(SyndicationError):
        push_down(user=scene["webmaster"], node=net.county1, story=story)


def test_a_protected_document_is_not_listed_under_a_public_article(client, net, scene):
    """The article is public; its attachment sits in a password-protected collection:
    readers (and syndicated copies) see no title or link of it."""
    with schema_context(net.county1.tenant.schema_name):
        private = Collection.get_first_root_node().add_child(name="支部内部材料")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type="password", password="mima123"
        )
        document = DocumentFactory(title="内部花名册", collection=private)
        article = scene["older"]
        article.body.append(("attachment", {"document": document, "title": "内部花名册"}))
        article.save_revision().publish()
        path = site_path(article)
    html = client.get(path, HTTP_HOST="county1.localhost").content.decode()
    assert "较早的通知" in html  # the article itself is public
    assert "内部花名册" not in html and f"/documents/{document.pk}/" not in html
