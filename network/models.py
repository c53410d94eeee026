"""The public schema's view of the network: nodes, their schemas, domains and roles."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection, models
from django_tenants.models import TenantMixin
from django_tenants.utils import schema_exists
from treebeard.mp_tree import MP_Node

from .cloning import clone_schema
from .levels import Level, is_backbone


class Tenant(TenantMixin):
    """A PostgreSQL schema holding one or more node sites (Wagtail data).

    Backbone nodes each own one; grassroots nodes live in their county's. The
    template that new schemas are cloned from is a Tenant without a node, so that
    `migrate_schemas` keeps it current with the rest.
    """

    auto_create_schema = True
    auto_drop_schema = True
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "数据库模式"
        verbose_name_plural = "数据库模式"

    def create_schema(self, check_if_exists=False, sync_schema=True, verbosity=1):
        """Clone the template with our cloner (see network.cloning); the template
        itself, and schemas made when there is no template, are migrated."""
        template = settings.TENANT_BASE_SCHEMA
        if not sync_schema or self.schema_name == template or not schema_exists(template):
            return super().create_schema(check_if_exists, sync_schema, verbosity)
        if check_if_exists and schema_exists(self.schema_name):
            return False
        connection.set_schema_to_public()
        clone_schema(template, self.schema_name)
        return True


class Node(MP_Node):
    """One site of the network, at any level; the tree is the administrative tree."""

    code = models.CharField("行政区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=10, choices=Level.choices, db_index=True)
    tenant = models.ForeignKey(
        Tenant, verbose_name="数据所在模式", on_delete=models.PROTECT, related_name="nodes"
    )
    # Ids inside the tenant schema; plain integers because the rows live elsewhere.
    site_id = models.PositiveIntegerField(null=True, editable=False)
    root_page_id = models.PositiveIntegerField(null=True, editable=False)
    collection_id = models.PositiveIntegerField(null=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    # Refreshed in the background (sites.tasks); the centre watches for stale sites.
    article_count = models.PositiveIntegerField("文章数", default=0)
    last_published_at = models.DateTimeField("最近发布", null=True, blank=True)
    activity_refreshed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "站点节点"
        verbose_name_plural = "站点节点"

    def __str__(self):
        return f"{self.name}（{self.code}）"

    @staticmethod
    def schema_name_for(code: str) -> str:
        return f"n{code}"

    @property
    def owns_its_schema(self) -> bool:
        return self.tenant.schema_name == self.schema_name_for(self.code)

    @property
    def is_backbone(self) -> bool:
        return is_backbone(self.level)

    @property
    def primary_domain(self) -> str | None:
        # Reads prefetched domains when a list of nodes was loaded with them.
        return next((d.domain for d in self.domains.all() if d.is_primary), None)

    def ancestor_paths(self) -> list[str]:
        """Tree paths of every ancestor (province first), without a query."""
        return [self.path[:i] for i in range(self.steplen, len(self.path), self.steplen)]

    def absolute_url(self, path: str, request) -> str:
        """This node's address for `path` as the reader of `request` would type it:
        the node's primary domain with the request's scheme and port."""
        port = request.get_port()
        default = "443" if request.is_secure() else "80"
        domain = self.primary_domain or ""
        host = domain if port == default else f"{domain}:{port}"
        return f"{request.scheme}://{host}{path or '/'}"

    def link_for_mail(self, path: str) -> str:
        """This node's address for `path` where there is no request (e-mails, text
        messages): its primary domain, with the scheme and port of
        WAGTAILADMIN_BASE_URL (the network's own)."""
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        host = self.primary_domain or base.hostname
        host = f"{host}:{base.port}" if base.port else host
        return f"{base.scheme}://{host}{path or '/'}"


class Domain(models.Model):
    """A host name a node answers at; it names both the node and the schema to use."""

    domain = models.CharField("域名", max_length=253, unique=True)
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="domains")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="domains")
    is_primary = models.BooleanField("主域名", default=True)

    class Meta:
        verbose_name = "域名"
        verbose_name_plural = "域名"

    def __str__(self):
        return self.domain


class Role(models.TextChoices):
    EDITOR = "editor", "编辑"
    REVIEWER = "reviewer", "审核"
    WEBMASTER = "webmaster", "站长"
    # Party affairs (partyaffairs): keeps the node's register of organisations and
    # members; the 领导查询 role sees the subtree's figures and no personal field.
    ORGANISER = "organiser", "组织员"
    LEADER = "leader", "领导查询"


# The roles that write and publish the site's pages.
CONTENT_ROLES = (Role.EDITOR, Role.REVIEWER, Role.WEBMASTER)


class NodeGroup(models.Model):
    """The auth group that holds one role on one node (accounts are network-wide)."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="role_groups")
    role = models.CharField("角色", max_length=10, choices=Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="node_role")

    class Meta:
        verbose_name = "站点角色组"
        verbose_name_plural = "站点角色组"
        constraints = [
            models.UniqueConstraint(fields=["node", "role"], name="unique_node_role"),
        ]

    def __str__(self):
        return self.group.name


class NetworkMode(models.Model):
    """Switches that change every site at once (one row).

    哀悼日置灰: on national days of mourning the whole network is shown in grey.
    """

    mourning = models.BooleanField("哀悼日置灰", default=False)
    changed_at = models.DateTimeField("修改时间", null=True, blank=True)
    changed_by = models.CharField("修改人", max_length=150, blank=True)

    class Meta:
        verbose_name = "全网显示模式"
        verbose_name_plural = "全网显示模式"

    def __str__(self):
        return "哀悼日置灰" if self.mourning else "正常"

    @classmethod
    def current(cls) -> "NetworkMode":
        return cls.objects.filter(pk=1).first() or cls(pk=1)
