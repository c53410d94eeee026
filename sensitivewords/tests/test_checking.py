"""The list in the database, checked by every process, loaded from a file, kept by the
province in the admin."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context

from network.factories import UserFactory
from sensitivewords.checking import check_text, refusal
from sensitivewords.models import SensitiveWord
from sites.factories import article_form, node_column

pytestmark = pytest.mark.django_db


def test_a_change_to_the_list_is_seen_by_the_next_check():
    assert not check_text("网上赌博")
    SensitiveWord.objects.create(word="赌博", kind="block")
    found = check_text("标题", "网上赌博")
    assert found.blocking == ["赌博"]
    assert refusal(found) == "内容含有不允许发布的词语：赌博，请修改后再提交。"
    SensitiveWord.objects.filter(word="赌博").get().delete()
    assert not check_text("网上赌博")


def test_a_word_added_on_one_sites_host_is_seen_on_every_other(net):
    """The list's version lives in the network-wide cache: each site's schema used to
    keep its own, so a word the province added reached no other site's checks."""
    county, village = net.county1.tenant.schema_name, net.county2.tenant.schema_name
    with schema_context(village):
        assert not check_text("网上赌博")  # this process's automaton built
    with schema_context(county):
        SensitiveWord.objects.create(word="赌博", kind="block")
    with schema_context(village):
        assert check_text("网上赌博").blocking == ["赌博"]


def load(path, kind):
    out = io.StringIO()
    call_command("sensitivewords", "load", str(path), "--kind", kind, stdout=out)
    return out.getvalue()


def test_a_word_list_loads_from_a_file_and_a_reload_changes_kinds(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# 示例词表\n赌博\n\n代开发票\n赌博\n", encoding="utf-8")
    assert "已导入 2 个错敏词" in load(path, "block")
    assert check_text("代开发票").blocking == ["代开发票"]
    load(path, "warn")
    assert check_text("代开发票").warning == ["代开发票"]
    assert SensitiveWord.objects.count() == 2


def test_a_bad_word_file_is_refused_with_nothing_loaded(tmp_path):
    with pytest.raises(CommandError, match="不存在"):
        load(tmp_path / "missing.txt", "block")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("赌博\n".encode("gbk"))
    with pytest.raises(CommandError, match="不是 UTF-8"):
        load(gbk, "block")
    long = tmp_path / "long.txt"
    long.write_text("赌博\n" + "长" * 51 + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第 2 行"):
        load(long, "block")
    assert SensitiveWord.objects.count() == 0


def test_only_the_provinces_webmaster_keeps_the_list(client, net):
    province = UserFactory(username="sheng_zhanzhang", roles=[(net.province, "webmaster")])
    county = UserFactory(username="xian_zhanzhang", roles=[(net.county1, "webmaster")])
    SensitiveWord.objects.create(word="赌博", kind="block")
    url = "/admin/snippets/xfsensitive/sensitiveword/"
    client.force_login(province)
    listing = client.get(url, HTTP_HOST="prov.localhost")
    assert listing.status_code == 200 and "赌博" in listing.content.decode()
    assert "赌博" in client.get(url + "?q=赌", HTTP_HOST="prov.localhost").content.decode()
    client.force_login(county)
    assert client.get(url, HTTP_HOST="county1.localhost").status_code in (302, 403)


def test_an_editor_saving_an_article_is_told_of_listed_words(client, net):
    SensitiveWord.objects.create(word="赌博", kind="block")
    SensitiveWord.objects.create(word="代开发票", kind="warn")
    editor = UserFactory(username="jiacun_bj", roles=[(net.village1, "editor")])
    client.force_login(editor)
    with schema_context(net.village1.tenant.schema_name):
        column = node_column(net.village1, "村务公开")
    data = article_form("关于整治赌博的通知")
    data["summary"] = "严禁代开发票"
    response = client.post(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/", data, HTTP_HOST="village1.localhost",
        follow=True,
    )  # fmt: skip
    html = response.content.decode()
    assert "本页含有错敏词“赌博”" in html and "需核实的词语：代开发票" in html
    clean = client.post(
        f"/admin/pages/add/xfsites/articlepage/{column.pk}/", article_form("村务公开通知"),
        HTTP_HOST="village1.localhost", follow=True,
    )  # fmt: skip
    assert "错敏词" not in clean.content.decode().split("<main", 1)[-1]
