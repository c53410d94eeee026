"""Per-node roles: the auth groups a node gets and what each may do on its site.

Groups and accounts live in the public schema; the page, collection and workflow
rules that reference them live in the schema holding the node's site.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

from .levels import Level
from .models import CONTENT_ROLES, Node, NodeGroup, Role

PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page", "lock_page"],
    Role.REVIEWER: ["add_page", "change_page", "publish_page", "lock_page"],
    Role.WEBMASTER: [
        "add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page",
    ],
}  # fmt: skip

_MEDIA = ("image", "document")
COLLECTION_PERMISSIONS = {
    Role.EDITOR: [f"{action}_{media}" for media in _MEDIA for action in ("add", "choose")],
    Role.REVIEWER: [
        f"{action}_{media}" for media in _MEDIA for action in ("add", "change", "choose")
    ],
    Role.WEBMASTER: [
        f"{action}_{media}" for media in _MEDIA for action in ("add", "change", "delete", "choose")
    ],
}

# Site settings (themes.SiteTheme: name, logo, colours, footer), per site.
SITE_PERMISSIONS = {Role.WEBMASTER: ["change_sitetheme"]}

_PERMISSION_APPS = {
    "page": "wagtailcore",
    "image": "wagtailimages",
    "document": "wagtaildocs",
    "sitetheme": "themes",
}


def _permissions_by_codename(codenames):
    query = Q()
    for codename in set(codenames):
        app_label = _PERMISSION_APPS[codename.rsplit("_", 1)[1]]
        query |= Q(content_type__app_label=app_label, codename=codename)
    return {p.codename: p for p in Permission.objects.filter(query).select_related("content_type")}


def role_group_name(node: Node, role: str) -> str:
    return f"{node.name}·{Role(role).label}（{node.code}）"


def create_role_groups(nodes: list[Node]) -> dict[str, dict[str, Group]]:
    """One group per role for each new node, each allowed into the admin:
    {node code: {role: group}}, written in one insert per table."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    pairs = [(node, role) for node in nodes for role in Role.values]
    groups = Group.objects.bulk_create([Group(name=role_group_name(n, r)) for n, r in pairs])
    NodeGroup.objects.bulk_create(
        [
            NodeGroup(node=node, role=role, group=group)
            for (node, role), group in zip(pairs, groups, strict=True)
        ]
    )
    by_node = {node.code: {} for node in nodes}
    for (node, role), group in zip(pairs, groups, strict=True):
        by_node[node.code][role] = group
    grants = [(group, access_admin) for group in groups]
    for node in nodes:
        if node.level == Level.PROVINCE:
            webmaster = by_node[node.code][Role.WEBMASTER]
            grants += [(webmaster, permission) for permission in network_wide_permissions()]
    through = Group.permissions.through
    through.objects.bulk_create([through(group=g, permission=p) for g, p in grants])
    return by_node


# Content the province places on every site at once (shared_blocks), the search
# synonym list, the holiday calendar, the timeliness rules and the 错敏词 list: its webmaster edits
# these, nobody else does.
NETWORK_WIDE_MODELS = [
    ("shared_blocks", "campaign"),
    ("shared_blocks", "alliancelink"),
    ("xfsearch", "synonym"),
    ("xfworkdays", "calendarday"),
    ("xfoperations", "timelinessrule"),
    ("xfsensitive", "sensitiveword"),
    ("xfmessages", "replyrule"),
]


def network_wide_permissions():
    query = Q()
    for app_label, model in NETWORK_WIDE_MODELS:
        query |= Q(content_type__app_label=app_label, content_type__model=model)
    return Permission.objects.filter(query)


def reaching_webmaster_groups(nodes: list[Node]) -> dict[str, list[Group]]:
    """{node code: the webmaster groups reaching it, shallowest first}, in one query
    for all the nodes.

    The webmasters of the ancestors that host a node in their schema reach it: a
    county webmaster looks after the township and village sites in the county's
    schema; a township webmaster after its villages. The first, when there is one, is
    the webmaster of the node owning the schema: its rights cover the whole schema
    (`grant_schema_permissions`), not each site.
    """
    paths = {path for node in nodes for path in node.ancestor_paths()}
    reaching = list(
        NodeGroup.objects.filter(role=Role.WEBMASTER, node__path__in=paths).values_list(
            "node__path", "node__tenant_id", "group"
        )
    )
    groups = Group.objects.in_bulk([group_id for _, _, group_id in reaching])
    by_path = {path: (tenant_id, groups[group_id]) for path, tenant_id, group_id in reaching}
    return {
        node.code: [
            by_path[path][1]
            for path in node.ancestor_paths()
            if path in by_path and by_path[path][0] == node.tenant_id
        ]
        for node in nodes
    }


class _Rights:
    """Page, collection and site rights of roles, gathered and then written in one
    insert per table."""

    def __init__(self):
        # the webmaster's rights include every other role's (tested)
        self.permissions = _permissions_by_codename(
            [
                *PAGE_PERMISSIONS[Role.WEBMASTER],
                *COLLECTION_PERMISSIONS[Role.WEBMASTER],
                *SITE_PERMISSIONS[Role.WEBMASTER],
            ]
        )
        self.pages, self.collections, self.sites = [], [], []

    def give(self, group, role, *, page=None, collection=None, site=None) -> None:
        by_codename = self.permissions
        if page is not None:
            self.pages += [
                GroupPagePermission(group=group, page=page, permission=by_codename[c])
                for c in PAGE_PERMISSIONS.get(role, ())
            ]
        if collection is not None:
            self.collections += [
                GroupCollectionPermission(
                    group=group, collection=collection, permission=by_codename[c]
                )
                for c in COLLECTION_PERMISSIONS.get(role, ())
            ]
        if site is not None:
            self.sites += [
                GroupSitePermission(group=group, site=site, permission=by_codename[c])
                for c in SITE_PERMISSIONS.get(role, ())
            ]

    def save(self) -> None:
        GroupPagePermission.objects.bulk_create(self.pages)
        GroupCollectionPermission.objects.bulk_create(self.collections)
        GroupSitePermission.objects.bulk_create(self.sites)


def grant_schema_permissions(webmaster) -> None:
    """The webmaster of the node owning the current schema (a county, say) looks after
    every site in it: rights on the root page and root collection, rather than on each
    of its ~190 sites (Wagtail builds one query term per page right a user holds, so
    per-site rights made each admin page of a county webmaster take seconds)."""
    rights = _Rights()
    rights.give(
        webmaster,
        Role.WEBMASTER,
        page=Page.get_first_root_node(),
        collection=Collection.get_first_root_node(),
    )
    rights.save()


def grant_site_permissions(grants_by_site) -> None:
    """Give each role its rights on a site's page tree, media collection and settings.

    `grants_by_site`: (groups by role, reaching webmaster groups, site, collection) for
    each site, all in the current schema (the one holding the sites); one insert per
    table for them all. Of the reaching groups (shallowest first, as
    `reaching_webmaster_groups` gives them) the first, the schema owner's webmaster,
    holds the pages and media of the whole schema already and is given only the
    site's settings, which are per site.
    """
    rights = _Rights()
    for groups_by_role, reach_groups, site, collection in grants_by_site:
        schema_owner, below_it = reach_groups[:1], reach_groups[1:]
        for group in schema_owner:
            rights.give(group, Role.WEBMASTER, site=site)
        roles = [*groups_by_role.items(), *((Role.WEBMASTER, group) for group in below_it)]
        for role, group in roles:
            rights.give(group, role, page=site.root_page, collection=collection, site=site)
    rights.save()


def assign_role(user, node: Node, role: str) -> Group:
    group = NodeGroup.objects.select_related("group").get(node=node, role=role).group
    user.groups.add(group)
    forget_roles(user)
    return group


def role_rows(user) -> list[tuple[int, str, int, str]]:
    """(node id, node path, node's tenant id, role) of every role the account holds.

    Read once per request: a request's user object lives as long as the request, and
    the admin asks about its roles a dozen times per page (menus, panels, views).
    """
    if not user.is_authenticated:
        return []
    rows = user.__dict__.get("_xf_role_rows")
    if rows is None:
        rows = list(
            NodeGroup.objects.filter(group__user=user).values_list(
                "node_id", "node__path", "node__tenant_id", "role"
            )
        )
        user.__dict__["_xf_role_rows"] = rows
    return rows


def forget_roles(user) -> None:
    user.__dict__.pop("_xf_role_rows", None)


def _reaches(rows, node: Node) -> bool:
    """A webmaster of an ancestor hosting this node in its schema (see
    `reaching_webmaster_groups`)."""
    above = set(node.ancestor_paths())
    return any(
        role == Role.WEBMASTER and path in above and tenant_id == node.tenant_id
        for _, path, tenant_id, role in rows
    )


def roles_held_on(user, node: Node) -> set[str]:
    return {role for node_id, _, _, role in role_rows(user) if node_id == node.pk}


def user_may_administer(user, node: Node) -> bool:
    """Whether the user holds a role on this node, or reaches it as a webmaster."""
    if user.is_superuser:
        return True
    rows = role_rows(user)
    return any(node_id == node.pk for node_id, _, _, _ in rows) or _reaches(rows, node)


def user_may_edit_content(user, node: Node) -> bool:
    """Whether the user writes for this site: an editor, reviewer or webmaster of it,
    or a webmaster reaching it (the party-affairs roles do not write pages)."""
    if user.is_superuser:
        return True
    rows = role_rows(user)
    return bool(roles_held_on(user, node) & set(CONTENT_ROLES)) or _reaches(rows, node)


def user_roles_above(user, node: Node) -> set[tuple[str, str]]:
    """(node path, role) of every role the user holds on this node or an ancestor."""
    paths = {*node.ancestor_paths(), node.path}
    return {(path, role) for _, path, _, role in role_rows(user) if path in paths}


def user_may_manage_members(user, node: Node) -> bool:
    """Webmasters (of the node, or reaching it) choose who holds its roles."""
    if user.is_superuser:
        return True
    return Role.WEBMASTER in roles_held_on(user, node) or _reaches(role_rows(user), node)


def user_speaks_for_the_province(user) -> bool:
    """The provincial centre: superusers and the province's webmasters, who set what
    holds for every site (哀悼日置灰, 语音播报, default 栏目映射)."""
    if user.is_superuser:
        return True
    province = Node.objects.filter(depth=1).first()
    return province is not None and Role.WEBMASTER in roles_held_on(user, province)


def node_members(node: Node) -> dict[str, list]:
    """{role: [accounts]} for one node."""
    members = {role: [] for role in Role.values}
    for nodegroup in NodeGroup.objects.filter(node=node).prefetch_related("group__user_set"):
        members[nodegroup.role] = sorted(nodegroup.group.user_set.all(), key=lambda u: u.username)
    return members


def accounts_with_roles(node: Node, roles) -> list:
    """The active accounts holding any of `roles` on this node (who a notice goes to)."""
    groups = NodeGroup.objects.filter(node=node, role__in=roles).values("group")
    return list(get_user_model().objects.filter(groups__in=groups, is_active=True).distinct())


def remove_role(user, node: Node, role: str) -> None:
    NodeGroup.objects.get(node=node, role=role).group.user_set.remove(user)
    forget_roles(user)
