import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Collection, GroupPagePermission, Page, Site

from network.factories import UserFactory
from network.levels import Level
from network.models import CONTENT_ROLES, Domain, Node, NodeGroup, Role
from network.roles import PAGE_PERMISSIONS
from provisioning.nodes import NodeSpec, ProvisioningError, add_node
from sites.columns import standard_columns
from sites.models import ColumnPage, HomePage

pytestmark = pytest.mark.django_db


def spec(code, level, parent, domain=None, name="新节点"):
    return NodeSpec.clean(
        code=code, name=name, level=level, domain=domain or f"n{code}.localhost", parent_code=parent
    )


@pytest.mark.parametrize(
    ("level", "parent_name", "code", "owns_schema"),
    [
        (Level.CITY, "province", "340200", True),
        (Level.COUNTY, "city", "340122", True),
        (Level.TOWNSHIP, "county1", "340111002", False),
        (Level.VILLAGE, "town1", "340111001003", False),
    ],
)
def test_every_level_is_provisioned_with_site_columns_and_roles(
    net, level, parent_name, code, owns_schema
):
    parent = getattr(net, parent_name)
    node = add_node(spec(code, level, parent.code))

    assert node.get_parent() == parent
    assert node.owns_its_schema is owns_schema
    if owns_schema:
        assert schema_exists(f"n{code}")
    else:
        assert node.tenant_id == parent.tenant_id
        assert not schema_exists(f"n{code}")
    assert Domain.objects.get(domain=f"n{code}.localhost").node == node
    assert set(NodeGroup.objects.filter(node=node).values_list("role", flat=True)) == set(
        Role.values
    )
    with schema_context(node.tenant.schema_name):
        site = Site.objects.get(pk=node.site_id)
        assert site.hostname == f"n{code}.localhost"
        home = HomePage.objects.get(pk=node.root_page_id)
        assert site.root_page_id == home.pk
        assert home.node_code == code
        titles = list(ColumnPage.objects.child_of(home).values_list("title", flat=True))
        assert titles == standard_columns(level)
        assert Collection.objects.filter(pk=node.collection_id).exists()
        granted = set(
            GroupPagePermission.objects.filter(page=home).values_list("group__name", flat=True)
        )
    groups = NodeGroup.objects.filter(node=node)
    writers = set(groups.filter(role__in=CONTENT_ROLES).values_list("group__name", flat=True))
    assert writers <= granted
    # the party-affairs roles keep registers, not pages
    assert not granted & set(
        groups.exclude(role__in=CONTENT_ROLES).values_list("group__name", flat=True)
    )


def test_province_is_the_root_and_only_one_is_allowed(net):
    assert net.province.is_root()
    with pytest.raises(ProvisioningError, match="已有省级节点"):
        add_node(spec("350000", Level.PROVINCE, None))


def test_backbone_and_grassroots_standard_column_sets_differ():
    assert "领导讲话" in standard_columns(Level.COUNTY)
    assert "网上党校" in standard_columns(Level.PROVINCE)
    village = standard_columns(Level.VILLAGE)
    assert "村务公开" in village and "领导讲话" not in village
    assert len(village) < len(standard_columns(Level.CITY))


def test_county_webmaster_reaches_grassroots_sites_it_hosts(net):
    village = add_node(spec("340111001009", Level.VILLAGE, net.town1.code))
    county = UserFactory(username="county_zhanzhang", roles=[(net.county1, Role.WEBMASTER)])
    town = UserFactory(username="town_zhanzhang", roles=[(net.town1, Role.WEBMASTER)])
    city = UserFactory(username="city_zhanzhang", roles=[(net.city, Role.WEBMASTER)])
    county_group = NodeGroup.objects.get(node=net.county1, role=Role.WEBMASTER).group
    with schema_context(village.tenant.schema_name):
        column = ColumnPage.objects.child_of(HomePage.objects.get(pk=village.root_page_id))[0]
        for user in (county, town):
            rights = column.permissions_for_user(user)
            assert rights.can_edit() and rights.can_publish()
        # The city's site lives in another schema; its webmaster is not given the village.
        assert not column.permissions_for_user(city).can_edit()
        # the county's rights are held once for its whole schema, not per site
        # (Wagtail builds one query term per right: per-site rights cost seconds)
        held = GroupPagePermission.objects.filter(group=county_group)
        assert held.count() == 2 * len(PAGE_PERMISSIONS[Role.WEBMASTER])
        assert set(held.values_list("page__depth", flat=True)) == {1, 2}
        assert (
            Site.objects.get(pk=village.site_id).root_page.specific.can_create_at(
                Page.get_first_root_node()
            )
            is False
        )
    connection.set_schema_to_public()


def test_nothing_is_left_behind_when_provisioning_fails(net):
    before = (Node.objects.count(), Group.objects.count(), Domain.objects.count())
    with pytest.raises(ProvisioningError):
        add_node(spec("340111001010", Level.VILLAGE, net.town1.code, domain="village1.localhost"))
    assert (Node.objects.count(), Group.objects.count(), Domain.objects.count()) == before


def test_new_site_pages_are_in_the_search_index(net):
    node = add_node(spec("340111001011", Level.VILLAGE, net.town1.code, name="搜索村"))
    with schema_context(node.tenant.schema_name):
        home = HomePage.objects.get(pk=node.root_page_id)
        assert list(HomePage.objects.filter(pk=home.pk).search("搜索村")) == [home]
        found = ColumnPage.objects.descendant_of(home).search("村务公开")
        assert [column.title for column in found] == ["村务公开"]


def test_cloned_schemas_reference_only_themselves_and_public(net):
    """No foreign key may cross from one tenant schema into another (nor the template)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT n.nspname, tn.nspname, count(*)
            FROM pg_constraint c
            JOIN pg_class r ON r.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = r.relnamespace
            JOIN pg_class t ON t.oid = c.confrelid
            JOIN pg_namespace tn ON tn.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname LIKE 'n%%'
            GROUP BY 1, 2
            """
        )
        pairs = {(source, target): count for source, target, count in cursor.fetchall()}
    schemas = {source for source, _ in pairs}
    assert {"n340000", "n340100", "n340111", "n340112"} <= schemas
    assert pairs[("n340111", "public")] > 0  # groups, permissions, accounts
    assert all(target in (source, "public") for source, target in pairs)


def test_roles_are_nested_editor_within_reviewer_within_webmaster():
    from network.roles import COLLECTION_PERMISSIONS, PAGE_PERMISSIONS

    for table in (PAGE_PERMISSIONS, COLLECTION_PERMISSIONS):
        assert set(table[Role.EDITOR]) < set(table[Role.REVIEWER]) < set(table[Role.WEBMASTER])
    assert "publish_page" not in PAGE_PERMISSIONS[Role.EDITOR]
