"""Webmasters choose who holds their node's roles, in the admin."""

import pytest

from network.factories import UserFactory
from network.models import NodeGroup

pytestmark = pytest.mark.django_db

HOST = "village1.localhost"


@pytest.fixture
def webmaster(net):
    return UserFactory(username="jia_zhanzhang", roles=[(net.village1, "webmaster")])


def holds(user, node, role):
    return NodeGroup.objects.filter(node=node, role=role, group__user=user).exists()


def test_webmaster_creates_an_editor_who_can_then_use_the_admin(client, net, webmaster):
    client.force_login(webmaster)
    page = client.get("/admin/members/", HTTP_HOST=HOST)
    assert page.status_code == 200
    assert "站点成员" in page.content.decode() and "jia_zhanzhang" in page.content.decode()
    response = client.post(
        "/admin/members/",
        {
            "role": "editor",
            "username": "xiaowang",
            "full_name": "王小",
            "password": "Dangjian#2026",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="xiaowang")
    assert holds(editor, net.village1, "editor") and editor.check_password("Dangjian#2026")
    client.logout()
    login = {"username": "xiaowang", "password": "Dangjian#2026"}
    assert client.post("/admin/login/", login, HTTP_HOST=HOST).status_code == 302
    assert client.get("/admin/", HTTP_HOST=HOST).status_code == 200


def test_an_existing_account_is_added_without_touching_its_password(client, net, webmaster):
    other = UserFactory(username="li", roles=[(net.village3, "editor")])
    client.force_login(webmaster)
    refused = client.post(
        "/admin/members/",
        {"role": "reviewer", "username": "li", "password": "Another#2026"},
        HTTP_HOST=HOST,
    )
    assert refused.status_code == 400 and "不能在这里修改密码" in refused.content.decode()
    assert not holds(other, net.village1, "reviewer")
    client.post("/admin/members/", {"role": "reviewer", "username": "li"}, HTTP_HOST=HOST)
    assert holds(other, net.village1, "reviewer")
    assert holds(other, net.village3, "editor")  # one account, roles on two nodes
    assert other.check_password("xfnet-test-password")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"role": "editor", "username": "newbie"}, "新账号需要设置初始密码"),
        (
            {"role": "editor", "username": "newbie", "password": "123"},
            "密码太短，至少需要 8 个字符",
        ),
        ({"role": "editor", "username": "bad name!", "password": "Dangjian#2026"}, "账号"),
        ({"role": "boss", "username": "newbie", "password": "Dangjian#2026"}, "角色"),
    ],
)
def test_bad_input_shows_what_is_wrong_and_creates_nothing(client, net, webmaster, data, message):
    from django.contrib.auth import get_user_model

    client.force_login(webmaster)
    response = client.post("/admin/members/", data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username__in=["newbie", "bad name!"]).exists()


def test_removing_a_role(client, net, webmaster):
    editor = UserFactory(username="zhao", roles=[(net.village1, "editor")])
    client.force_login(webmaster)
    client.post(
        "/admin/members/",
        {"action": "remove", "role": "editor", "user": editor.pk},
        HTTP_HOST=HOST,
    )
    assert not holds(editor, net.village1, "editor")
    client.post(
        "/admin/members/",
        {"action": "remove", "role": "webmaster", "user": webmaster.pk},
        HTTP_HOST=HOST,
    )
    assert holds(webmaster, net.village1, "webmaster")  # not oneself


def test_only_webmasters_manage_members_and_only_of_their_reach(client, net, webmaster):
    editor = UserFactory(username="qian", roles=[(net.village1, "editor")])
    client.force_login(editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard
    assert client.get("/admin/members/", HTTP_HOST=HOST).status_code in (302, 403)
    response = client.post(
        "/admin/members/",
        {"role": "webmaster", "username": "qian"},
        HTTP_HOST=HOST,
    )
    assert response.status_code in (302, 403)
    assert not holds(editor, net.village1, "webmaster")
    # the sidebar menu (JSON for the sidebar script) has no link to the page
    assert "/admin/members/" not in client.get("/admin/", HTTP_HOST=HOST).content.decode()
    # the village webmaster cannot manage the sibling village (the admin turns them away)
    client.force_login(webmaster)
    assert client.get("/admin/members/", HTTP_HOST="village2.localhost").status_code == 403
    # the county webmaster manages the villages the county hosts
    county = UserFactory(username="county_wm", roles=[(net.county1, "webmaster")])
    client.force_login(county)
    assert client.get("/admin/members/", HTTP_HOST=HOST).status_code == 200
    assert "/admin/members/" in client.get("/admin/", HTTP_HOST=HOST).content.decode()
