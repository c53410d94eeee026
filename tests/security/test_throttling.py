"""Guessing passwords: the admin login and protected pages lock out after 5 wrong tries."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction

from network.addresses import client_ip
from network.factories import UserFactory
from sites.factories import ArticlePageFactory, node_column

pytestmark = pytest.mark.django_db
HOST = "village1.localhost"
LOCKED = "尝试次数过多"


def login(client, username, password, ip="10.1.1.1"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_HOST=HOST,
        REMOTE_ADDR=ip,
    )


def expire_lockouts():
    """As if the 15 minutes of the lock had passed."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))


@pytest.fixture
def editor(net):
    return UserFactory(username="cun_bj_pw", roles=[(net.village1, "editor")])


def test_five_wrong_admin_passwords_lock_the_account_then_the_lock_expires(client, editor):
    for _ in range(5):
        response = login(client, "cun_bj_pw", "wrong-password")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    # the right password is refused too while locked, from another address as well
    response = login(client, "cun_bj_pw", "xfnet-test-password", ip="10.9.9.9")
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    expire_lockouts()
    response = login(client, "cun_bj_pw", "xfnet-test-password", ip="10.9.9.9")
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_one_address_guessing_many_accounts_is_locked_out(client, net, editor):
    for i in range(5):
        login(client, f"nobody{i}", "guess", ip="10.2.2.2")
    assert login(client, "cun_bj_pw", "xfnet-test-password", ip="10.2.2.2").status_code == 429
    # another address is unaffected
    assert login(client, "cun_bj_pw", "xfnet-test-password", ip="10.3.3.3").status_code == 302


def test_page_password_guesses_are_throttled(client, net):
    with schema_context(net.village1.tenant.schema_name):
        article = ArticlePageFactory(
            parent=node_column(net.village1, "党务公开"), title="支委会纪要"
        )
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type="password", password="mima123"
        )
        path = "/" + article.url_path.split("/", 2)[2]
    connection.set_schema_to_public()
    url = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"

    def guess(password, ip="10.4.4.4"):
        return client.post(
            url, {"password": password, "return_url": path}, HTTP_HOST=HOST, REMOTE_ADDR=ip
        )

    assert guess("aaa").status_code == 200  # the form again, with its error
    for _ in range(4):
        response = guess("bbb")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert guess("mima123").status_code == 429  # even the right one, while locked
    page = client.get(path, HTTP_HOST=HOST, REMOTE_ADDR="10.4.4.4")
    assert (
        "支委会纪要" not in page.content.decode().split("<main", 1)[-1] or page.status_code != 200
    )
    # the item is locked for every address, but a fresh address may still log in elsewhere
    assert guess("mima123", ip="10.5.5.5").status_code == 429
    expire_lockouts()
    response = guess("mima123", ip="10.5.5.5")
    assert response.status_code == 302
    assert 'name="password"' not in client.get(path, HTTP_HOST=HOST).content.decode()


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(rf, settings):
    settings.XFNET_TRUSTED_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.7", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "10.0.0.7"  # the forged first entry does not count
    settings.XFNET_TRUSTED_PROXIES = 0
    assert client_ip(request) == "127.0.0.1"


def test_throttling_adds_no_query_to_public_pages(client, net):
    for path in ("/", "/search/?q=党建", "/rss.xml"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, HTTP_HOST=HOST).status_code == 200
        assert not [q["sql"] for q in queries if "axes_" in q["sql"]], path
