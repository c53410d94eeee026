"""Webmasters edit their own site's look and footer in the admin, and only their own."""

import pytest
from django_tenants.utils import schema_context

from network.factories import UserFactory
from themes.colours import SUGGESTED, contrast, validate_accent
from themes.models import SiteTheme

FORM = {
    "site_name": "甲村党建",
    "accent_colour": "#1d4e89",
    "organiser": "中共甲村支部委员会",
    "operator": "",
    "address": "甲镇甲村村委会",
    "phone": "0551-12345678",
    "email": "",
    "icp_number": "皖ICP备09014363号-9",
    "police_number": "皖公网安备 34010402000001号",
    "logo": "",
    "banner": "",
}


def settings_url(site_id):
    return f"/admin/settings/themes/sitetheme/{site_id}/"


def test_webmaster_saves_the_footer_and_readers_see_it(client, net):
    webmaster = UserFactory(username="cun_zhanzhang", roles=[(net.village1, "webmaster")])
    client.force_login(webmaster)
    response = client.post(settings_url(net.village1.site_id), FORM, HTTP_HOST="village1.localhost")
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    html = client.get("/", HTTP_HOST="village1.localhost").content.decode()
    for expected in (
        '<span class="site-name">甲村党建</span>',
        "--accent: #1d4e89;",
        "主办单位：中共甲村支部委员会",
        "电话：0551-12345678",
        '<a href="https://beian.miit.gov.cn/" rel="noopener">皖ICP备09014363号-9</a>',
        "code=34010402000001",
    ):
        assert expected in html, expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("accent_colour", "#ffcccc", "这个颜色太浅"),
        ("icp_number", "ICP 12345", "ICP备案号的格式如"),
        ("police_number", "公安备案", "公网安备号的格式如"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(client, net, field, value, message):
    webmaster = UserFactory(username="cun_zhanzhang", roles=[(net.village1, "webmaster")])
    client.force_login(webmaster)
    response = client.post(
        settings_url(net.village1.site_id), {**FORM, field: value}, HTTP_HOST="village1.localhost"
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    with schema_context(net.village1.tenant.schema_name):
        # (opening the form may create the row with defaults; nothing posted is kept)
        assert not SiteTheme.objects.filter(site_id=net.village1.site_id, site_name="甲村党建")


def test_a_village_webmaster_cannot_edit_the_county_or_a_sibling(client, net):
    webmaster = UserFactory(username="cun_zhanzhang", roles=[(net.village1, "webmaster")])
    client.force_login(webmaster)
    for node in (net.county1, net.village2):
        response = client.post(
            settings_url(node.site_id),
            {**FORM, "site_name": "篡改"},
            HTTP_HOST="village1.localhost",
        )
        assert response.status_code in (302, 403)
        with schema_context(node.tenant.schema_name):
            assert not SiteTheme.objects.filter(site_id=node.site_id, site_name="篡改")


def test_an_editor_has_no_settings_and_the_county_webmaster_reaches_its_villages(client, net):
    editor = UserFactory(username="cun_bianji", roles=[(net.village1, "editor")])
    client.force_login(editor)
    response = client.get(settings_url(net.village1.site_id), HTTP_HOST="village1.localhost")
    assert response.status_code in (302, 403)
    county = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    client.force_login(county)
    response = client.post(settings_url(net.village1.site_id), FORM, HTTP_HOST="county1.localhost")
    assert response.status_code == 302


def test_suggested_colours_pass_the_contrast_check():
    for colour in SUGGESTED:
        validate_accent(colour)
        assert contrast(colour, "#ffffff") >= 4.5
