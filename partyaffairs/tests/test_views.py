"""The 党务管理 screens over HTTP, as each role sees them."""

import io
import json
import re
from datetime import date

import pytest
from django.test import Client
from django_tenants.utils import schema_context
from openpyxl import load_workbook
from PIL import Image

from notifications.sending import notify
from partyaffairs.factories import id_number
from partyaffairs.figures import refresh_figures
from partyaffairs.ledger.models import AuditEntry, MemberAccount
from partyaffairs.models import ImportJob, Meeting, Member
from partyaffairs.registering import register_member
from partyaffairs.transferring import request_transfer
from syndication.permissions import may_submit_from

from .conftest import member_data

NUMBER = id_number("340111", date(1975, 4, 8))


def client_for(user, host):
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


@pytest.fixture
def member(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        return register_member(officers.village1, net.village1,
                               member_data(branches.village1, id_number=NUMBER))  # fmt: skip


def menu_labels(html: str) -> set[str]:
    """The admin sidebar's menu, read from the JSON Wagtail renders it from."""
    pattern = r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>'
    props = re.search(pattern, html, re.S)
    assert props, "no sidebar on the page"
    text = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    return set(re.findall(r'"label": "([^"]*)"', text))


def party_url(node, tail=""):
    return f"/admin/party/{node.code}/{tail}"


def test_the_village_officer_keeps_the_register_in_chinese(net, officers, member):
    client = client_for(officers.village1, "village1.localhost")
    overview = client.get("/admin/party/", follow=True)
    assert overview.status_code == 200
    assert "在册党员 1 名，党组织 1 个" in overview.content.decode()
    listing = client.get(party_url(net.village1, "members/")).content.decode()
    assert "李建国" in listing and "甲村党支部" in listing and NUMBER not in listing

    record = client.get(party_url(net.village1, f"members/{member.uuid}/")).content.decode()
    assert NUMBER in record  # the officer may see the full number, behind a disclosure
    assert "340111********" + NUMBER[-4:] in record
    read = AuditEntry.objects.get(member_uuid=member.uuid, action="read")
    assert read.actor == officers.village1


def test_an_officer_adds_a_member_and_a_wrong_form_keeps_what_was_typed(net, officers, branches):
    client = client_for(officers.village1, "village1.localhost")
    form = {
        "name": "张桂兰", "gender": "女", "birth_date": "1968-02-03", "ethnicity": "汉族",
        "education": "初中及以下", "organisation": branches.village1.pk,
        "joined_on": "1990-07-01", "full_member_on": "1990-08-01", "status": "full",
        "phone": "", "id_number": "",
    }  # fmt: skip
    refused = client.post(party_url(net.village1, "members/add/"), form)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "转正日期应在入党（接收为预备党员）一年以后。" in page and 'value="张桂兰"' in page
    form["full_member_on"] = "1991-07-01"
    added = client.post(party_url(net.village1, "members/add/"), form)
    assert added.status_code == 302
    with schema_context(net.county1.tenant.schema_name):
        assert Member.objects.get(name="张桂兰").node_code == net.village1.code


def test_nobody_else_sees_the_villages_members(net, officers, member):
    url = party_url(net.village1, f"members/{member.uuid}/")
    # the sibling village's officer: not in village1's admin, nor from their own host
    assert client_for(officers.village2, "village1.localhost").get(url).status_code == 403
    assert client_for(officers.village2, "village2.localhost").get(url).status_code == 404
    # the county webmaster looks after the village site, not its members' files
    response = client_for(officers.county1_webmaster, "county1.localhost").get(url)
    assert response.status_code == 403 and "李建国" not in response.content.decode()
    # an editor of the village site neither
    response = client_for(officers.village1_editor, "village1.localhost").get(url)
    assert response.status_code == 403
    # a leader sees figures only
    response = client_for(officers.leader, "prov.localhost").get(url)
    assert response.status_code == 403 and "李建国" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="read").exists()
    # the county's officer does see them, from the county admin
    county = client_for(officers.county1, "county1.localhost")
    assert "李建国" in county.get(url).content.decode()
    assert AuditEntry.objects.get(action="read").actor == officers.county1


def test_a_leader_sees_figures_with_drill_down_and_no_personal_field(net, officers, member):
    refresh_figures(net.village1)
    client = client_for(officers.leader, "prov.localhost")
    assert client.get("/admin/party/").url == party_url(net.province, "figures/")
    page = client.get(party_url(net.province, "figures/")).content.decode()
    assert "在册党员 <strong>1</strong> 名" in page
    assert f'href="{party_url(net.city, "figures/")}"' in page  # drill down
    village = client.get(party_url(net.village1, "figures/")).content.decode()
    assert "甲镇" in village  # the way back up
    assert "本站党组织会议（按季度）" in village and "甲村党支部" in village
    for private in ("李建国", "13912345678", NUMBER[-4:], "1975"):
        assert private not in page and private not in village
    spreadsheet = client.get(party_url(net.province, "figures/export/"))
    assert spreadsheet["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(party_url(net.province, "members/")).status_code == 403
    # a county's leader sees its own subtree only
    other = client_for(officers.county2_leader, "county2.localhost")
    assert other.get(party_url(net.county2, "figures/")).status_code == 200
    assert other.get(party_url(net.village1, "figures/")).status_code == 404


def photo_upload(name="会议.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_a_meeting_is_recorded_with_attendees_and_photos(net, officers, branches, member):
    client = client_for(officers.village1, "village1.localhost")
    form = {
        "organisation": branches.village1.pk, "kind": "general", "held_on": "2026-11-20",
        "topic": "学习党的二十届四中全会精神", "minutes": "会议由书记主持。",
        "attendees": [member.pk], "photos": [photo_upload(), photo_upload("2.jpg")],
    }  # fmt: skip
    response = client.post(party_url(net.village1, "meetings/add/"), form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    with schema_context(net.county1.tenant.schema_name):
        meeting = Meeting.objects.get()
        assert list(meeting.attendees.all()) == [member]
        assert meeting.photos.count() == 2
    page = client.get(party_url(net.village1, f"meetings/{meeting.pk}/")).content.decode()
    assert "参会党员（1 名）" in page and "缺席（0 名）" in page
    assert page.count('width="240" height="180"') == 2  # thumbnails made in the node's schema
    form["photos"] = [io.BytesIO(b"not an image")]
    form["photos"][0].name = "x.jpg"
    refused = client.post(party_url(net.village1, "meetings/add/"), form)
    assert "不是可用的照片" in refused.content.decode()


def test_an_import_with_errors_lists_them_and_writes_nothing(net, officers, branches):
    client = client_for(officers.village1, "village1.localhost")
    content = (
        "姓名,性别,出生日期,学历,入党日期,所在党组织\n王五,男,1970-13-01,高中,2000-1-1,甲村党支部"
    )
    upload = io.BytesIO(content.encode("utf-8"))
    upload.name = "党员.csv"
    page = client.post(party_url(net.village1, "import/"), {"file": upload}).content.decode()
    assert "第2行：出生日期“1970-13-01”不是有效日期" in page
    too_big = io.BytesIO(b"x" * (20 * 1024 * 1024 + 1))
    too_big.name = "党员.csv"
    page = client.post(party_url(net.village1, "import/"), {"file": too_big}).content.decode()
    assert "文件超过 20 MB，请分成几个文件导入。" in page
    with schema_context(net.county1.tenant.schema_name):
        assert not ImportJob.objects.exists() and not Member.objects.exists()


def test_a_member_reads_only_their_own_record_at_my(net, officers, member):
    admin = client_for(officers.village1, "village1.localhost")
    response = admin.post(party_url(net.village1, f"members/{member.uuid}/"),
                          {"action": "account", "username": "lijianguo",
                           "password": "dangyuan-2026"})  # fmt: skip
    assert response.status_code == 302
    account = MemberAccount.objects.get(member_uuid=member.uuid)

    anonymous = Client(HTTP_HOST="village1.localhost")
    assert anonymous.get("/my/").url.startswith("/my/login/")
    login = anonymous.post("/my/login/", {"username": "lijianguo", "password": "dangyuan-2026"})
    assert login.status_code == 302
    page = anonymous.get("/my/")
    text = page.content.decode()
    assert "李建国" in text and "甲村党支部" in text and NUMBER not in text
    assert "no-cache" in page["Cache-Control"] or "private" in page["Cache-Control"]
    assert not AuditEntry.objects.filter(action="read", actor=account.user).exists()
    # what was sent to the member shows in 个人中心 (notifications' inbox), no one else's
    notify([account.user], "【心灵港湾】生日快乐", "祝您生日快乐！")
    notify([officers.village1], "【提醒】给组织员的消息")
    text = anonymous.get("/my/").content.decode()
    assert "我的消息" in text and "生日快乐" in text and "给组织员的消息" not in text
    # the member account opens no admin screen
    assert anonymous.get(party_url(net.village1, "members/")).status_code in (302, 403)
    assert anonymous.get("/admin/").status_code == 403


def test_secretary_and_committee_are_members_of_the_node(net, officers, branches, member):
    client = client_for(officers.village1, "village1.localhost")
    url = party_url(net.village1, f"organisations/{branches.village1.uuid}/")
    assert "李建国" in client.get(url).content.decode()
    response = client.post(url, {"secretary": member.pk, "committee": [member.pk]})
    assert response.status_code == 302
    with schema_context(net.county1.tenant.schema_name):
        branches.village1.refresh_from_db()
        assert branches.village1.secretary == member
        other = register_member(officers.village2, net.village2, member_data(branches.village2))
    refused = client.post(url, {"secretary": other.pk})
    assert refused.status_code == 200  # not a choice: the form says so
    assert "李建国" in refused.content.decode()
    assert client.get(party_url(net.village2, f"organisations/{branches.village2.uuid}/"),
                      HTTP_HOST="village1.localhost").status_code == 404  # fmt: skip


def test_party_roles_write_no_pages_and_see_no_syndication(net, officers):
    assert not may_submit_from(officers.village1, net.village1)
    assert not may_submit_from(officers.leader, net.province)
    client = client_for(officers.village1, "village1.localhost")
    assert client.get("/admin/syndication/receipts/").status_code == 403
    assert client.get("/admin/write/").status_code == 403
    menu = menu_labels(client.get("/admin/").content.decode())
    assert "党务管理" in menu and "稿件流转" not in menu and "写稿" not in menu
    assert "稿件流转" in menu_labels(
        client_for(officers.village1_webmaster, "village1.localhost")
        .get("/admin/")
        .content.decode()
    )  # the check bites


def test_the_dashboard_reminds_the_officer_of_terms_and_transfers(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        branches.village1.term_ends_on = date(2020, 1, 1)
        branches.village1.save()
        moving = register_member(officers.village2, net.village2, member_data(branches.village2))
        request_transfer(officers.village2, net.village2, moving, net.village1,
                         branches.village1.uuid)  # fmt: skip
    page = client_for(officers.village1, "village1.localhost").get("/admin/").content.decode()
    assert "党务提醒" in page
    assert "有1名党员的组织关系等待接收。" in page
    assert "1个党组织已超过换届日期，请尽快换届。" in page
    leader = client_for(officers.village1_editor, "village1.localhost").get("/admin/")
    assert "党务提醒" not in leader.content.decode()


def test_the_register_export_writes_no_cell_a_spreadsheet_would_run(net, officers, branches):
    with schema_context(net.county1.tenant.schema_name):
        register_member(officers.village1, net.village1,
                        member_data(branches.village1, name="=HYPERLINK(\"x\")"))  # fmt: skip
    response = client_for(officers.village1, "village1.localhost").get(
        party_url(net.village1, "members/export/")
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == '\'=HYPERLINK("x")'
    assert AuditEntry.objects.filter(action="export").exists()
