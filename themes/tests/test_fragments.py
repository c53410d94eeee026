"""Parts of public pages kept rendered under generation tokens ({% fragment %}): a page
the page cache does not answer is built from them, and each part changes exactly when
what it shows changes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.factories import UserFactory
from network.generations import forget_network, forget_site
from sites.factories import ArticlePageFactory, node_column
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.pushing import push_down

HOST = "village1.localhost"
# A session cookie: the page cache neither answers nor stores (an editor's view).
BYPASS = {"HTTP_COOKIE": "sessionid=not-a-session"}


def render(client, path="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=HOST, **BYPASS)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    return len(queries.captured_queries), response.content.decode()


def test_a_page_the_cache_cannot_answer_is_built_from_fragments(client, net):
    forget_site(net.village1)
    cold, first = render(client)
    warm, second = render(client)
    assert second == first
    # the columns, headlines, shared blocks, navigation and theme come from the cache:
    # what is left is finding the page
    assert warm <= cold - 8, (cold, warm)


def test_a_push_from_above_renders_only_the_shared_blocks_again(client, net):
    render(client)
    reviewer = UserFactory(username="frag_xian", roles=[(net.county1, "reviewer")])
    story = story_at(net.county1, title="片段缓存下发要闻")
    push_down(user=reviewer, node=net.county1, story=story)
    run_pending_here()
    connection.set_schema_to_public()
    after_push, html = render(client)
    assert "片段缓存下发要闻" in html
    forget_site(net.village1)
    after_publish, _ = render(client)
    # the site's own parts stayed cached through the push; a publish renders them all
    assert after_push < after_publish, (after_push, after_publish)


def test_a_publish_on_the_site_shows_in_its_fragments(client, net):
    render(client)
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePageFactory(parent=node_column(net.village1, "村务公开"), title="片段新稿")
        article.save_revision().publish()
    connection.set_schema_to_public()
    _, html = render(client)
    column_grid = html.split('<div class="column-grid">')[1]
    assert "片段新稿" in column_grid


def test_network_wide_changes_reach_every_fragment(client, net):
    with schema_context(net.village1.tenant.schema_name):
        home = Page.objects.get(pk=net.village1.root_page_id).specific
        render(client)
        home.intro = "片段缓存的站点简介"
        home.save()  # saved without the publish signal: nothing is forgotten yet
    connection.set_schema_to_public()
    assert "片段缓存的站点简介" not in render(client)[1]
    forget_network()
    assert "片段缓存的站点简介" in render(client)[1]


def test_a_preview_never_shows_the_cached_parts(client, net):
    webmaster = UserFactory(username="frag_zhanzhang", roles=[(net.village1, "webmaster")])
    render(client)  # the live home's parts are cached
    with schema_context(net.village1.tenant.schema_name):
        home = Page.objects.get(pk=net.village1.root_page_id).specific
        home.intro = "尚未发布的简介"
        revision = home.save_revision(user=webmaster)
    connection.set_schema_to_public()
    client.force_login(webmaster)
    response = client.get(f"/admin/pages/{home.pk}/revisions/{revision.pk}/view/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "尚未发布的简介" in response.content.decode()
    client.logout()
    assert "尚未发布的简介" not in render(client)[1]
