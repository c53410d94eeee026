"""`manage.py network …` as the provincial centre uses it."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Site

from network.models import Domain, Node, Tenant

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("network", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def schema_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace")
        return {row[0] for row in cursor.fetchall()}


def test_add_node_prints_where_the_data_lives(net):
    out = run(
        "add-node", "--parent", "340111001", "--level", "village",
        "--name", "丁村", "--code", "340111001004", "--domain", "ding.localhost",
    )  # fmt: skip
    assert "丁村" in out and "n340111" in out
    assert Node.objects.get(code="340111001004").get_parent().code == "340111001"


BAD_INPUT = [
    (["--parent", "999999", "--level", "city", "--code", "340300", "--domain", "a.localhost"],
     "上级节点 999999 不存在"),
    (["--parent", "340100", "--level", "village", "--code", "340100001001",
      "--domain", "b.localhost"], "只能建在乡镇（街道）级节点之下"),
    (["--parent", "340000", "--level", "city", "--code", "340100", "--domain", "c.localhost"],
     "代码 340100 已被其他节点使用"),
    (["--parent", "340000", "--level", "city", "--code", "340300", "--domain", "city.localhost"],
     "域名 city.localhost 已被其他节点使用"),
    (["--parent", "340000", "--level", "city", "--code", "340300", "--domain", "bad_domain"],
     "格式不正确"),
    (["--parent", "340000", "--level", "city", "--code", "34-03", "--domain", "d.localhost"],
     "6 到 12 位数字"),
    (["--level", "city", "--code", "340300", "--domain", "e.localhost"],
     "必须指定上级节点"),
    (["--level", "province", "--code", "350000", "--domain", "fj.localhost"],
     "已有省级节点"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD_INPUT)
def test_bad_input_exits_with_one_sentence_and_changes_nothing(net, args, message):
    before = (Node.objects.count(), Domain.objects.count(), Tenant.objects.count(), schema_names())
    with pytest.raises(CommandError, match=message) as raised:
        run("add-node", "--name", "坏节点", *args)
    assert "\n" not in str(raised.value)
    after = (Node.objects.count(), Domain.objects.count(), Tenant.objects.count(), schema_names())
    assert after == before


def test_an_unknown_level_is_refused_by_the_parser(net):
    with pytest.raises(CommandError, match="invalid choice"):
        run("add-node", "--parent", "340000", "--level", "district", "--name", "x",
            "--code", "340300", "--domain", "x.localhost")  # fmt: skip


def test_tree_shows_every_node_with_domain_and_storage(net):
    out = run("tree")
    lines = out.splitlines()
    assert lines[0].startswith("安徽先锋网（340000")
    assert "prov.localhost" in lines[0] and "独立模式 n340000" in lines[0]
    village_line = next(line for line in lines if "340111001001" in line)
    assert village_line.startswith("        ")  # four levels deep
    assert "village1.localhost" in village_line and "位于模式 n340111" in village_line


def test_tree_of_one_branch(net):
    out = run("tree", "340112")
    assert out.splitlines()[0].startswith("乙县先锋网")
    assert "340111" not in out


def test_tree_a_few_levels_deep_says_what_it_leaves_out(net):
    lines = run("tree", "--levels", "2").splitlines()
    assert [line.strip().split("（")[0] for line in lines] == ["安徽先锋网", "合肥先锋网"]
    assert lines[1].endswith("（下级 2 个未列出）")
    county = run("tree", "340111", "--levels", "1").splitlines()
    assert len(county) == 1 and county[0].endswith("（下级 1 个未列出）")
    with pytest.raises(CommandError, match="正整数"):
        run("tree", "--levels", "0")


def test_remove_node_with_children_needs_recursive(net):
    with pytest.raises(CommandError, match="--recursive"):
        run("remove-node", "340111001", "--yes")
    assert Node.objects.filter(code="340111001").exists()


def test_remove_node_without_confirmation_lists_the_plan_and_deletes_nothing(net):
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("network", "remove-node", "340111001", "--recursive", stdout=out)
    assert "甲村" in out.getvalue() and "乙村" in out.getvalue()
    assert Node.objects.filter(code="340111001").exists()


def test_remove_grassroots_branch_keeps_the_county(net):
    out = run("remove-node", "340111001", "--recursive", "--yes")
    assert "将删除 3 个节点站点" in out
    assert not Node.objects.filter(code__startswith="340111001").exists()
    assert not Domain.objects.filter(domain="village1.localhost").exists()
    assert schema_exists("n340111")
    from django_tenants.utils import schema_context
    from wagtail.models import Page, Site

    with schema_context("n340111"):
        assert not Site.objects.filter(hostname="village1.localhost").exists()
        assert not Page.objects.filter(pk=net.village1.root_page_id).exists()
        assert Site.objects.filter(hostname="county1.localhost").exists()


def test_remove_county_drops_its_schema(net):
    out = run("remove-node", "340112", "--recursive", "--yes")
    assert "n340112" in out
    assert not schema_exists("n340112")
    assert not Node.objects.filter(code__startswith="340112").exists()
    assert not Tenant.objects.filter(schema_name="n340112").exists()


def test_grant_puts_an_account_in_the_node_group(net, django_user_model):
    user = django_user_model.objects.create_user("wang", password="x")
    out = run("grant", "--user", "wang", "--node", "340111001001", "--role", "editor")
    assert "甲村·编辑" in out
    assert user.groups.filter(node_role__node=net.village1, node_role__role="editor").exists()
    with pytest.raises(CommandError, match="用户 nobody 不存在"):
        run("grant", "--user", "nobody", "--node", "340111001001", "--role", "editor")


def test_an_uninitialised_database_is_named_as_such(net):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE network_node RENAME TO network_node_away")
    with pytest.raises(CommandError, match="数据库尚未初始化"):
        run("tree")


def test_a_node_gets_a_domain_of_its_own(net, client):
    out = run("add-domain", "--node", "340111", "--domain", "WWW.Feixi.localhost.")
    assert "www.feixi.localhost" in out and "nginx" in out
    response = client.get("/", HTTP_HOST="www.feixi.localhost")
    assert response.status_code == 200 and "甲县先锋网" in response.content.decode()
    assert Node.objects.get(code="340111").primary_domain == "county1.localhost"
    run("add-domain", "--node", "340111", "--domain", "dangjian.feixi.localhost", "--primary")
    county = Node.objects.get(code="340111")
    assert county.primary_domain == "dangjian.feixi.localhost"
    assert Domain.objects.filter(node=county).count() == 3
    with schema_context(county.tenant.schema_name):
        assert Site.objects.get(pk=county.site_id).hostname == "dangjian.feixi.localhost"
    # the old names still answer, and "www." before a network name still finds it
    assert client.get("/", HTTP_HOST="county1.localhost").status_code == 200
    assert client.get("/", HTTP_HOST="www.county2.localhost").status_code == 200


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--node", "999", "--domain", "x.localhost"], "节点 999 不存在。"),
        (
            ["--node", "340111", "--domain", "village1.localhost"],
            "域名 village1.localhost 已被其他节点使用。",
        ),
        (["--node", "340111", "--domain", "not a domain"], "域名“not a domain”格式不正确"),
    ],
)
def test_add_domain_refuses_in_one_sentence(net, args, sentence):
    with pytest.raises(CommandError, match=sentence):
        run("add-domain", *args)
    assert Domain.objects.count() == 9
