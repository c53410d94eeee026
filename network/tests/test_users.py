"""Wagtail's 用户 screens offer the network-wide groups only (a site's roles are given
in 站点成员), and an account edited there keeps the site roles it holds."""

import pytest
from django.contrib.auth.models import Group

from network.factories import UserFactory
from network.models import NodeGroup

pytestmark = pytest.mark.django_db

HOST = "prov.localhost"


@pytest.fixture
def superuser():
    return UserFactory(username="zhongxin_admin", is_superuser=True)


def test_the_users_list_filters_by_network_wide_groups_only(client, net, superuser):
    Group.objects.create(name="全网审计组")
    role_group = NodeGroup.objects.get(node=net.village1, role="editor").group
    client.force_login(superuser)
    response = client.get("/admin/users/", HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "全网审计组" in html
    assert role_group.name not in html


def test_editing_an_account_keeps_its_site_roles(client, net, superuser):
    audit = Group.objects.create(name="全网审计组")
    editor = UserFactory(username="jiacun_bianji", roles=[(net.village1, "editor")])
    role_group = NodeGroup.objects.get(node=net.village1, role="editor").group
    client.force_login(superuser)
    form = client.get(f"/admin/users/edit/{editor.pk}/", HTTP_HOST=HOST)
    assert form.status_code == 200
    html = form.content.decode()
    assert "全网审计组" in html and role_group.name not in html and "站点成员" in html

    response = client.post(
        f"/admin/users/edit/{editor.pk}/",
        {
            "username": "jiacun_bianji",
            "email": "bianji@example.cn",
            "first_name": "甲",
            "last_name": "编辑",
            "is_active": "on",
            "groups": [audit.pk],
            "password1": "",
            "password2": "",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(editor.groups.all()) == {audit, role_group}
