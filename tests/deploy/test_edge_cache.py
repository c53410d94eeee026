"""nginx's micro-cache in front of the application (deploy/nginx): repeat reads
answered without Django, changes visible within the bound, editors never served or
stored, hosts never mixed, and reads nginx answered still counted."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.factories import UserFactory
from network.models import Node
from readership.counting import fold_hits, views_of
from readership.models import PageViews, ReadLogPosition, SiteDailyViews
from readership.read_log import fold_read_log
from sites.factories import ArticlePageFactory, node_column
from syndication.delivery import run_pending_here
from syndication.factories import story_at
from syndication.models import Story
from syndication.pushing import push_down
from syndication.revoking import revoke_story

from .conftest import fetch

# nginx keeps a page to the end of the second it was stored in (X-Accel-Expires):
# a copy stored before a change is never served a second after it; one render more.
BOUND = 1.5
BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile"}


def edge(stack, path, host, headers=None):
    status, headers, body = fetch(stack.base, path, host, headers)
    return status, headers.get("X-Edge-Cache"), body.decode()


def nginx_hit(stack, path, host, headers=None) -> str:
    """Read until nginx answers from its copy (a read may fall just after the second
    its copy lived to, and refresh it: EXPIRED); the HIT's page."""
    for _ in range(5):
        status, state, html = edge(stack, path, host, headers)
        assert status == 200 and state in ("HIT", "EXPIRED", "MISS"), state
        if state == "HIT":
            return html
    raise AssertionError(f"nginx never answered {host}{path} from its copy")


def seen_after(stack, path, host, change_at, shows) -> float:
    """Poll through nginx until `shows(html)`; the time it took after the change. The
    first request after the bound must show it (else the test fails)."""
    while True:
        asked_at = time.monotonic()
        _, _, html = edge(stack, path, host)
        if shows(html):
            return asked_at - change_at
        assert asked_at - change_at < BOUND, f"still the old page {asked_at - change_at:.2f} s on"
        time.sleep(0.05)


@pytest.fixture
def committed(django_db_blocker):
    """Objects the servers can see, removed afterwards: (node, schema-less cleanups)."""
    cleanups = []
    with django_db_blocker.unblock():
        yield cleanups
        for cleanup in reversed(cleanups):
            cleanup()
            connection.set_schema_to_public()


def article_in(node, cleanups, title):
    with schema_context(node.tenant.schema_name):
        page = ArticlePageFactory(parent=node_column(node, "村务公开"), title=title)
        page.save_revision().publish()  # as the editor's 发布 does: the caches hear of it
        path = "/" + page.url_path.split("/", 2)[2]
    cleanups.append(lambda: _delete_page(node, page.pk))
    connection.set_schema_to_public()
    return page, path


def _delete_page(node, page_id):
    with schema_context(node.tenant.schema_name):
        Page.objects.filter(pk=page_id).delete()


def _delete_user(node, user):
    # Wagtail's tables the delete cascades to live in the tenant schemas
    with schema_context(node.tenant.schema_name):
        get_user_model().objects.filter(pk=user.pk).delete()


def village(code="340111001001"):
    return Node.objects.select_related("tenant").get(code=code)


def test_a_repeat_read_comes_from_nginx_and_a_publish_shows_within_the_bound(stack, committed):
    node = village()
    _page, path = article_in(node, committed, "边缘缓存测试一")
    assert edge(stack, path, "village1.localhost")[:2] == (200, "MISS")
    assert "边缘缓存测试一" in nginx_hit(stack, path, "village1.localhost")
    nginx_hit(stack, "/", "village1.localhost")
    # a new article on the home page: committed, then visible through nginx
    article_in(node, committed, "边缘缓存新发布")
    took = seen_after(
        stack, "/", "village1.localhost", time.monotonic(), lambda h: "边缘缓存新发布" in h
    )
    print(f"publish visible through nginx after {took:.2f} s")


def test_a_revoked_story_leaves_the_pushed_pages_within_the_bound(stack, committed):
    county = village("340111")
    reviewer = UserFactory(username="edge_xian_shenhe", roles=[(county, "reviewer")])
    committed.append(lambda: _delete_user(county, reviewer))
    story = story_at(county, title="边缘缓存下发要闻")
    committed.append(lambda: Story.objects.filter(pk=story.pk).delete())
    committed.append(lambda: _delete_page(county, story.origin_page_id))
    push_down(user=reviewer, node=county, story=story)
    run_pending_here()
    connection.set_schema_to_public()
    took = seen_after(
        stack, "/", "village1.localhost", time.monotonic(), lambda h: "边缘缓存下发要闻" in h
    )
    print(f"pushed story visible through nginx after {took:.2f} s")
    assert "边缘缓存下发要闻" in nginx_hit(stack, "/", "village1.localhost")
    revoke_story(user=reviewer, story=Story.objects.get(pk=story.pk), reason="边缘缓存测试")
    took = seen_after(
        stack, "/", "village1.localhost", time.monotonic(), lambda h: "边缘缓存下发要闻" not in h
    )
    print(f"revoked story gone through nginx after {took:.2f} s")


def test_an_editor_is_never_served_a_cached_page_and_never_fills_one(stack, committed):
    node = village()
    _page, path = article_in(node, committed, "边缘缓存编辑")
    editor = UserFactory(username="edge_cun_bianji", roles=[(node, "editor")])
    committed.append(lambda: _delete_user(node, editor))
    session = SessionStore()
    session["_auth_user_id"] = str(editor.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = editor.get_session_auth_hash()
    session.create()
    committed.append(session.delete)
    cookie = {"Cookie": f"sessionid={session.session_key}"}
    # the editor's visits first: none of them is stored
    for _ in range(2):
        status, state, _ = edge(stack, path, "village1.localhost", cookie)
        assert (status, state) == (200, "BYPASS")
    assert edge(stack, path, "village1.localhost")[1] == "MISS"
    # a page stored by a reader is not what the editor gets
    nginx_hit(stack, path, "village1.localhost")
    status, headers, _ = fetch(stack.base, path, "village1.localhost", cookie)
    assert headers["X-Edge-Cache"] == "BYPASS" and "X-Page-Cache" not in headers
    assert "X-Accel-Expires" not in headers  # nginx passes it on to nobody


def test_a_cached_page_never_crosses_hosts_and_odd_queries_are_not_stored(stack, committed):
    html1 = nginx_hit(stack, "/", "village1.localhost")
    html2 = nginx_hit(stack, "/", "village2.localhost")
    assert "甲村" in html1 and "乙村" in html2 and "甲村" not in html2.split("<footer")[0]
    # a host no node has is not answered with any node's page
    status, _, html = edge(stack, "/", "nobody.localhost")
    assert status != 200 and "甲村" not in html
    # parameters the page cache does not key on are never stored by nginx either
    for _ in range(2):
        assert edge(stack, "/?utm_source=x", "village1.localhost")[1] == "MISS"


def test_reads_nginx_answered_are_counted_from_its_log(stack, committed):
    node = village()
    page, path = article_in(node, committed, "边缘缓存阅读")
    log = stack.workdir / "reads.log"
    committed.append(lambda: ReadLogPosition.objects.filter(path=str(log)).delete())
    committed.append(lambda: PageViews.objects.filter(node=node, page_id=page.pk).delete())
    committed.append(lambda: SiteDailyViews.objects.filter(node=node).delete())
    fold_read_log(log)  # what earlier tests logged
    fold_hits()
    before = views_of(node.pk, page.pk)
    states = [edge(stack, path, "village1.localhost", BROWSER)[1] for _ in range(4)]
    assert states[0] == "MISS" and set(states[1:]) <= {"HIT", "EXPIRED"}
    edge(stack, path, "village1.localhost", {"User-Agent": "Baiduspider/2.0"})
    # Django marked the page instead of counting it: nothing waits in the hits table
    assert fold_hits() == 0
    assert fold_read_log(log) == 4
    assert fold_read_log(log) == 0  # every line once
    fold_hits()
    assert views_of(node.pk, page.pk) == before + 4
