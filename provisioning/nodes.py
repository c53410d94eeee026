"""Adding and removing nodes: the one place the network's structure is changed.

The management command, the import, the demo and the tests all call these functions.
Every check runs before anything is written, and each node is added in one
transaction, so a refused or failed node leaves nothing behind.
"""

import re
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django_tenants.utils import schema_context
from wagtail.models import Site

from network.levels import RANK, Level, parent_level_of
from network.models import Domain, Node, NodeGroup, Tenant
from sites.node_site import delete_node_site

from .building import build_nodes

CODE_PATTERN = re.compile(r"^\d{6,12}$")
DOMAIN_PATTERN = re.compile(
    r"^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)
LEVEL_LABELS = dict(Level.choices)


class ProvisioningError(Exception):
    """A request to change the network that was refused; the message is one plain sentence."""


@dataclass(frozen=True)
class NodeSpec:
    code: str
    name: str
    level: str
    domain: str
    parent_code: str | None = None

    @classmethod
    def clean(cls, *, code, name, level, domain, parent_code=None):
        return cls(
            code=(code or "").strip(),
            name=(name or "").strip(),
            level=(level or "").strip().lower(),
            domain=clean_domain(domain),
            parent_code=(parent_code or "").strip() or None,
        )


def clean_domain(domain) -> str:
    return (domain or "").strip().lower().rstrip(".")


def check_domain_format(domain: str) -> None:
    if not DOMAIN_PATTERN.match(domain):
        raise ProvisioningError(
            f"域名“{domain}”格式不正确，应形如 hefei.ahxf.gov.cn 或 hefei.localhost。"
        )


def check_domain_free(domain: str, domains=None) -> None:
    """`domains`: the names an import already knows of (no query per row)."""
    taken = domain in domains if domains is not None else _domain_exists(domain)
    if taken:
        raise ProvisioningError(f"域名 {domain} 已被其他节点使用。")


def check_spec(
    spec: NodeSpec, parent_level: str | None, *, codes=None, domains=None, has_root=None
):
    """Raise ProvisioningError if the node cannot be added under a parent of that level.

    An import passes the codes and domains it knows of (the database's and its own
    earlier rows) so the checks need no query per row.
    """
    if spec.level not in RANK:
        raise ProvisioningError(
            f"层级“{spec.level}”无效，应为 province、city、county、township 或 village 之一。"
        )
    if not CODE_PATTERN.match(spec.code):
        raise ProvisioningError(f"代码“{spec.code}”无效，行政区划代码应为 6 到 12 位数字。")
    if not spec.name:
        raise ProvisioningError(f"节点 {spec.code} 缺少名称。")
    if len(spec.name) > 100:
        raise ProvisioningError(f"节点 {spec.code} 的名称超过 100 个字。")
    check_domain_format(spec.domain)
    code_taken = spec.code in codes if codes is not None else _code_exists(spec.code)
    if code_taken:
        raise ProvisioningError(f"代码 {spec.code} 已被其他节点使用。")
    check_domain_free(spec.domain, domains)
    expected_parent = parent_level_of(spec.level)
    if expected_parent is None:
        if spec.parent_code:
            raise ProvisioningError("省级节点是网络的根，不能有上级节点。")
        if has_root if has_root is not None else Node.get_root_nodes().exists():
            raise ProvisioningError("网络中已有省级节点，一个网络只能有一个省级根节点。")
    elif not spec.parent_code:
        raise ProvisioningError(f"{LEVEL_LABELS[spec.level]}级节点必须指定上级节点（--parent）。")
    elif parent_level != expected_parent:
        raise ProvisioningError(
            f"{LEVEL_LABELS[spec.level]}级节点只能建在{LEVEL_LABELS[expected_parent]}级节点之下，"
            f"而上级 {spec.parent_code} 是{LEVEL_LABELS.get(parent_level, '未知')}级。"
        )


def _code_exists(code):
    return Node.objects.filter(code=code).exists()


def _domain_exists(domain):
    return Domain.objects.filter(domain=domain).exists()


def add_domain(code: str, domain: str, *, primary: bool = False) -> Domain:
    """Another host name for a node (its own domain beside the network's). With
    `primary`, links and its Wagtail site use it from now on. The routing cache drops
    the names it changes (network.signals)."""
    node = Node.objects.filter(code=code).select_related("tenant").first()
    if node is None:
        raise ProvisioningError(f"节点 {code} 不存在。")
    domain = clean_domain(domain)
    check_domain_format(domain)
    check_domain_free(domain)
    try:
        with transaction.atomic():
            if primary:
                for old in Domain.objects.filter(node=node, is_primary=True):
                    old.is_primary = False
                    old.save()
            added = Domain.objects.create(
                domain=domain, tenant=node.tenant, node=node, is_primary=primary
            )
            if primary:
                with schema_context(node.tenant.schema_name):
                    site = Site.objects.get(pk=node.site_id)
                    site.hostname = domain
                    site.save()
    except IntegrityError:
        raise ProvisioningError(f"域名 {domain} 刚被其他操作占用，未做任何修改。") from None
    connection.set_schema_to_public()
    return added


def find_parent(parent_code: str | None) -> Node | None:
    if not parent_code:
        return None
    parent = Node.objects.filter(code=parent_code).select_related("tenant").first()
    if parent is None:
        raise ProvisioningError(f"上级节点 {parent_code} 不存在。")
    return parent


def add_node(spec: NodeSpec) -> Node:
    """Create a node: its schema if its level owns one, its site, groups and rights."""
    parent = find_parent(spec.parent_code)
    check_spec(spec, parent.level if parent else None)
    try:
        (node,) = build_nodes([spec])
    except IntegrityError:
        # Another process took the code or domain between our check and our insert.
        raise ProvisioningError(
            f"代码 {spec.code} 或域名 {spec.domain} 刚被其他操作占用，未做任何修改。"
        ) from None
    return node


@dataclass
class RemovalPlan:
    """What removing a node deletes, listed before anything is deleted."""

    nodes: list[Node]
    schemas: list[str]

    def describe(self) -> list[str]:
        lines = [f"将删除 {len(self.nodes)} 个节点站点（含页面、图片、文档和角色组）："]
        lines += [
            f"  {'  ' * (n.depth - 1)}{n.name}（{n.code}，{n.primary_domain}）" for n in self.nodes
        ]
        if self.schemas:
            lines.append(f"将删除 {len(self.schemas)} 个数据库模式：{'、'.join(self.schemas)}")
        return lines


def plan_removal(code: str, *, recursive: bool) -> RemovalPlan:
    node = Node.objects.filter(code=code).first()
    if node is None:
        raise ProvisioningError(f"节点 {code} 不存在。")
    descendants = list(node.get_descendants().select_related("tenant"))
    if descendants and not recursive:
        raise ProvisioningError(
            f"节点 {code} 下还有 {len(descendants)} 个下级节点；"
            "确需连同下级一起删除请加 --recursive。"
        )
    nodes = [node, *descendants]
    schemas = [n.tenant.schema_name for n in nodes if n.owns_its_schema]
    return RemovalPlan(nodes=nodes, schemas=schemas)


def remove_nodes(plan: RemovalPlan) -> None:
    """Delete the planned nodes, deepest first; a schema goes with the node owning it."""
    connection.set_schema_to_public()
    with transaction.atomic():
        for node in sorted(plan.nodes, key=lambda n: n.depth, reverse=True):
            schema_name = node.tenant.schema_name
            with schema_context(schema_name):
                if schema_name not in plan.schemas:
                    delete_node_site(
                        site_id=node.site_id,
                        root_page_id=node.root_page_id,
                        collection_id=node.collection_id,
                    )
                # Groups are referenced from this schema's tables: delete them from here.
                for nodegroup in NodeGroup.objects.filter(node=node).select_related("group"):
                    nodegroup.group.delete()
            tenant, owned = node.tenant, node.owns_its_schema
            node.delete()
            if owned:
                _drop_schema(tenant)


def _drop_schema(tenant: Tenant) -> None:
    # Deletes above leave deferred foreign-key checks queued on this schema's tables;
    # run them now, or the commit would look for triggers that no longer exist.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    tenant.delete(force_drop=True)
