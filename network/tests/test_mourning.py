"""哀悼日置灰: one admin action greys every site, another restores it."""

from network.factories import UserFactory
from network.models import NetworkMode


def test_province_webmaster_turns_the_network_grey_and_back(client, net):
    webmaster = UserFactory(username="sheng_zhanzhang", roles=[(net.province, "webmaster")])
    client.get("/", HTTP_HOST="village3.localhost")  # cached before the switch
    client.force_login(webmaster)
    page = client.get("/admin/mourning/", HTTP_HOST="prov.localhost").content.decode()
    assert "开启全网哀悼日置灰" in page
    response = client.post("/admin/mourning/", {"mourning": "on"}, HTTP_HOST="prov.localhost")
    assert response.status_code == 302
    assert NetworkMode.current().changed_by == "sheng_zhanzhang"
    client.logout()
    for host in ("prov.localhost", "county2.localhost", "village3.localhost"):
        html = client.get("/", HTTP_HOST=host).content.decode()
        assert '<html lang="zh-CN" class="mourning">' in html, host
    client.force_login(webmaster)
    client.post("/admin/mourning/", {"mourning": "off"}, HTTP_HOST="prov.localhost")
    client.logout()
    assert (
        'class="mourning"' not in client.get("/", HTTP_HOST="village3.localhost").content.decode()
    )


def test_only_the_province_may_switch_it(client, net):
    county = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    reviewer = UserFactory(username="sheng_shenhe", roles=[(net.province, "reviewer")])
    for user in (county, reviewer):
        client.force_login(user)
        host = "county1.localhost" if user is county else "prov.localhost"
        client.post("/admin/mourning/", {"mourning": "on"}, HTTP_HOST=host)
        assert not NetworkMode.current().mourning
        menu = client.get("/admin/", HTTP_HOST=host).content.decode()
        assert "哀悼日置灰" not in menu
