"""The bulk path (an import writing a county at a time) and the single path (`add_node`)
make the same sites, keep the trees sound, and write a failed batch not at all."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
)
from wagtail.search.models import IndexEntry

from network.models import Domain, Node, NodeGroup
from provisioning.nodes import NodeSpec, add_node
from provisioning.tests.test_importer import write_csv

pytestmark = pytest.mark.django_db

# A township made in the same batch as its villages, under the test network's county;
# the village compared bears the same name as the one made alone (its search entries
# hold the name's words).
BATCH = [
    ["340111009", "340111", "township", "批镇", "pizhen.localhost"],
    ["340111009201", "340111009", "village", "批一村", "pi1.localhost"],
    ["340111009202", "340111009", "village", "同名村", "pi2.localhost"],
    ["340111009203", "340111009", "village", "批三村", "pi3.localhost"],
]


def import_rows(tmp_path, rows):
    out = io.StringIO()
    call_command("network", "import", str(write_csv(tmp_path / "batch.csv", rows)), stdout=out)
    return out.getvalue()


def group_label(group_id, node):
    """A group as seen from `node`: its own role, or the level and role of another node."""
    nodegroup = NodeGroup.objects.select_related("node").get(group_id=group_id)
    owner = "own" if nodegroup.node_id == node.pk else nodegroup.node.level
    return f"{owner}:{nodegroup.role}"


def site_picture(node) -> dict:
    """Everything the node's site is made of, with its own name, code and ids left out."""

    def plain(text):
        return text.replace(node.name, "NAME").replace(node.code, "CODE")

    groups = {
        nodegroup.role: (
            plain(nodegroup.group.name),
            sorted(nodegroup.group.permissions.values_list("codename", flat=True)),
        )
        for nodegroup in NodeGroup.objects.filter(node=node).select_related("group")
    }
    picture = {"groups": groups, "domains": list(node.domains.values_list("is_primary", flat=True))}
    with schema_context(node.tenant.schema_name):
        home = Page.objects.get(pk=node.root_page_id)
        pages = list(Page.objects.descendant_of(home, inclusive=True).specific())
        picture["pages"] = [
            (
                page.depth - home.depth,
                page.url_path.removeprefix(home.url_path),
                plain(page.title),
                plain(page.draft_title),
                plain(page.slug),
                page.content_type.model,
                page.live,
                page.numchild,
                page.locale_id,
                page.show_in_menus,
                page.has_unpublished_changes,
                page.first_published_at,
                page.latest_revision_id,
                getattr(page, "kind", None),
                plain(getattr(page, "node_code", "")),
            )
            for page in pages
        ]
        site = Site.objects.get(pk=node.site_id)
        picture["site"] = (site.root_page_id == home.pk, site.port, site.is_default_site,
                           plain(site.site_name), site.hostname == node.primary_domain)  # fmt: skip
        collection = Collection.objects.get(pk=node.collection_id)
        picture["collection"] = (collection.depth, plain(collection.name))
        picture["page_rights"] = sorted(
            (group_label(g, node), p)
            for g, p in GroupPagePermission.objects.filter(page=home).values_list(
                "group_id", "permission__codename"
            )
        )
        picture["collection_rights"] = sorted(
            (group_label(g, node), p)
            for g, p in GroupCollectionPermission.objects.filter(collection=collection).values_list(
                "group_id", "permission__codename"
            )
        )
        picture["site_rights"] = sorted(
            (group_label(g, node), p)
            for g, p in GroupSitePermission.objects.filter(site=site).values_list(
                "group_id", "permission__codename"
            )
        )
        workflow = Workflow.objects.get(workflow_pages__page=home)
        tasks = [wt.task.specific for wt in workflow.workflow_tasks.all()]
        picture["workflow"] = (
            plain(workflow.name),
            [
                (plain(t.name), sorted(group_label(g.pk, node) for g in t.groups.all()))
                for t in tasks
            ],
        )
        entries = IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages])
        by_id = {str(p.pk): p.url_path.removeprefix(home.url_path) for p in pages}
        picture["search"] = sorted(
            (by_id[e.object_id], e.content_type.model, plain(e.title), plain(e.autocomplete))
            for e in entries
        )
    connection.set_schema_to_public()
    return picture


def trees_are_sound(schema_name) -> None:
    """treebeard's own check of paths, depths and child counts, for every tree touched."""
    assert Node.find_problems() == ([], [], [], [], [])
    with schema_context(schema_name):
        assert Page.find_problems() == ([], [], [], [], [])
        assert Collection.find_problems() == ([], [], [], [], [])


def test_a_village_made_in_a_batch_is_the_same_as_one_made_alone(net, tmp_path):
    alone = add_node(
        NodeSpec.clean(code="340111001301", parent_code=net.town1.code, level="village",
                       name="同名村", domain="alone.localhost")
    )  # fmt: skip
    assert "新增 4 个节点" in import_rows(tmp_path, BATCH)
    batched = Node.objects.get(code="340111009202")

    made_alone, made_in_batch = site_picture(alone), site_picture(batched)
    assert made_in_batch == made_alone
    # the picture holds what it should (a picture of nothing would also be equal)
    assert len(made_alone["pages"]) == 7 and len(made_alone["search"]) == 7
    assert {label for label, _ in made_alone["page_rights"]} == {
        "own:editor", "own:reviewer", "own:webmaster", "township:webmaster",
    }  # fmt: skip
    # the county's webmaster holds the whole schema (its root page), and each site's settings
    assert {label for label, _ in made_alone["site_rights"]} == {
        "own:webmaster", "county:webmaster", "township:webmaster",
    }  # fmt: skip
    trees_are_sound("n340111")
    town = Node.objects.get(code="340111009")
    assert town.numchild == 3 and town.get_children().count() == 3
    assert Node.objects.get(code="340111").numchild == net.county1.numchild + 1


def test_a_county_with_its_villages_is_one_sound_batch(net, tmp_path):
    rows = [
        ["340129", "340100", "county", "批县先锋网", "pixian.localhost"],
        ["340129100", "340129", "township", "批县镇", "pixianzhen.localhost"],
        *[
            [f"340129100{200 + v}", "340129100", "village", f"批县{v}村", f"px{v}.localhost"]
            for v in range(1, 6)
        ],
    ]
    assert "新增 7 个节点" in import_rows(tmp_path, rows)
    county = Node.objects.get(code="340129")
    assert county.owns_its_schema
    trees_are_sound("n340129")
    with schema_context("n340129"):
        assert Site.objects.count() == 7
        assert Site.objects.filter(is_default_site=True).get().hostname == "pixian.localhost"
        assert Page.get_first_root_node().numchild == 7


def test_a_failure_inside_a_batch_writes_nothing_of_it(net, tmp_path):
    def counts():
        public = (Node.objects.count(), Domain.objects.count(), Group.objects.count())
        with schema_context("n340111"):
            local = (Page.objects.count(), Site.objects.count(), Collection.objects.count(),
                     GroupPagePermission.objects.count(), Workflow.objects.count(),
                     IndexEntry.objects.count())  # fmt: skip
        return public, local

    before = counts()
    with connection.cursor() as cursor:
        # the last table a batch writes in the schema: everything before it is undone
        cursor.execute(
            "CREATE FUNCTION n340111.refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;"
            "CREATE TRIGGER refuse BEFORE INSERT ON n340111.wagtailcore_workflowpage "
            "FOR EACH STATEMENT EXECUTE FUNCTION n340111.refuse();"
        )
    with pytest.raises(CommandError) as refused:
        import_rows(tmp_path, BATCH)
    message = str(refused.value)
    assert "340111009" in message and "disk full (simulated)" in message
    assert "这一批未写入" in message and "\n" not in message
    assert counts() == before
    assert not Node.objects.filter(code__startswith="340111009").exists()

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse ON n340111.wagtailcore_workflowpage")
    assert "新增 4 个节点" in import_rows(tmp_path, BATCH)
    assert Node.objects.filter(code__startswith="340111009").count() == 4
    trees_are_sound("n340111")
