"""Making nodes: the one way a node and its site come to exist.

`add_node` makes a batch of one; the import makes a county at a time (the county,
its townships and villages, some 190 sites). Either way every table gets one insert
for the whole batch (tree paths worked out in memory, see network.treepaths), and
the batch is one transaction: it is made whole or not at all.
"""

from itertools import groupby

from django.db import connection, transaction
from django_tenants.utils import schema_context

from network import events
from network.hosts import forget_hosts
from network.levels import owns_schema
from network.models import Domain, Node, Role, Tenant
from network.roles import (
    create_role_groups,
    grant_schema_permissions,
    grant_site_permissions,
    reaching_webmaster_groups,
)
from network.schemas import ensure_template_schema
from network.treepaths import ChildSlots
from sites.node_site import SiteRequest, create_node_sites, create_review_workflows


def build_nodes(specs) -> list[Node]:
    """Create the nodes of checked specs (`check_spec`), each parent either saved or
    earlier in the list: schemas for the levels owning one, then nodes, domains,
    role groups, and in each schema the sites, rights and review workflows."""
    connection.set_schema_to_public()
    if any(owns_schema(spec.level) for spec in specs):
        ensure_template_schema()  # outside the batch: it is made once and kept
    with transaction.atomic():
        nodes = _insert_nodes(specs)
        Domain.objects.bulk_create(
            [
                Domain(domain=spec.domain, tenant=node.tenant, node=node, is_primary=True)
                for spec, node in zip(specs, nodes, strict=True)
            ]
        )
        groups = create_role_groups(nodes)
        reaching = reaching_webmaster_groups(nodes)
        hostnames = {spec.code: spec.domain for spec in specs}
        by_schema = sorted(nodes, key=lambda node: node.tenant.schema_name)
        for schema_name, members in groupby(by_schema, key=lambda n: n.tenant.schema_name):
            with schema_context(schema_name):
                _build_sites(list(members), hostnames, groups, reaching)
        Node.objects.bulk_update(nodes, ["site_id", "root_page_id", "collection_id"])
        domains = list(hostnames.values())
        transaction.on_commit(lambda: _announce(nodes, domains))
    return nodes


def _insert_nodes(specs) -> list[Node]:
    saved = {
        node.code: node
        for node in Node.objects.filter(
            code__in={spec.parent_code for spec in specs if spec.parent_code}
        ).select_related("tenant")
    }
    slots = ChildSlots(Node)
    by_code, nodes = dict(saved), []
    for spec in specs:
        parent = by_code[spec.parent_code] if spec.parent_code else None
        if owns_schema(spec.level):
            tenant = Tenant(schema_name=Node.schema_name_for(spec.code))
            tenant.save(verbosity=0)  # clones the template schema
        else:
            tenant = parent.tenant
        node = Node(code=spec.code, name=spec.name, level=spec.level, tenant=tenant)
        slots.place(node, parent)
        by_code[spec.code] = node
        nodes.append(node)
    slots.count_children(nodes)
    Node.objects.bulk_create(nodes)
    slots.update_saved_parents()
    return nodes


def _build_sites(nodes, hostnames, groups, reaching) -> None:
    """The sites of nodes whose pages live in the current schema."""
    for node in nodes:
        if owns_schema(node.level):
            grant_schema_permissions(groups[node.code][Role.WEBMASTER])
    node_sites = create_node_sites(
        [
            SiteRequest(
                code=node.code,
                name=node.name,
                level=node.level,
                hostname=hostnames[node.code],
                is_default=owns_schema(node.level),
            )
            for node in nodes
        ]
    )
    grant_site_permissions(
        [
            (groups[node.code], reaching[node.code], built.site, built.collection)
            for node, built in zip(nodes, node_sites, strict=True)
        ]
    )
    create_review_workflows(
        [
            (
                node.name,
                built.home,
                [
                    groups[node.code][Role.REVIEWER],
                    groups[node.code][Role.WEBMASTER],
                    *reaching[node.code],
                ],
            )
            for node, built in zip(nodes, node_sites, strict=True)
        ]
    )
    for node, built in zip(nodes, node_sites, strict=True):
        node.site_id = built.site.pk
        node.root_page_id = built.home.pk
        node.collection_id = built.collection.pk


def _announce(nodes, domains) -> None:
    # a host asked for before its node existed is cached as nobody's
    forget_hosts(domains)
    events.nodes_added.send(sender=Node, nodes=nodes)
