"""Who may see what of a node's party register: decided here, asked by every view.

- The register (personal fields included): the node's 站长, and a 组织员 of the node
  or of any ancestor. A webmaster reaching a village from its county is not enough:
  looking after a site is not keeping its members' files.
- The figures (no personal field): those, and a 领导查询 of the node or an ancestor.
- A member sees their own record at /my/ (partyaffairs.views.my), nobody else's.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from network.models import Node, NodeGroup, Role
from network.people import person
from network.roles import user_roles_above

from .ledger.models import AuditAction, AuditEntry

REFUSED = "您没有查看该站点党员信息的权限。"


def may_keep_register(user, node: Node) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    roles = user_roles_above(user, node)
    return (node.path, Role.WEBMASTER) in roles or any(role == Role.ORGANISER for _, role in roles)


def may_see_figures(user, node: Node) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    roles = user_roles_above(user, node)
    return (node.path, Role.WEBMASTER) in roles or any(
        role in (Role.ORGANISER, Role.LEADER) for _, role in roles
    )


def require_register(user, node: Node) -> None:
    if not may_keep_register(user, node):
        raise PermissionDenied(REFUSED)


def require_figures(user, node: Node) -> None:
    if not may_see_figures(user, node):
        raise PermissionDenied("您没有查看该站点党务统计的权限。")


def _roots_of(user, roles) -> list[Node]:
    groups = NodeGroup.objects.filter(group__user=user, role__in=roles).select_related("node")
    return [nodegroup.node for nodegroup in groups]


def register_nodes(user):
    """The nodes whose register the user keeps (for lists and pickers)."""
    if user.is_superuser:
        return Node.objects.all()
    query = Q(pk__in=[])
    for node in _roots_of(user, [Role.ORGANISER]):
        query |= Q(path__startswith=node.path)
    for node in _roots_of(user, [Role.WEBMASTER]):
        query |= Q(pk=node.pk)
    return Node.objects.filter(query)


def officers_of(node: Node):
    """Accounts keeping this node's register: to tell them of a transfer."""
    paths = [*node.ancestor_paths(), node.path]
    return (
        get_user_model()
        .objects.filter(
            Q(groups__node_role__role=Role.ORGANISER, groups__node_role__node__path__in=paths)
            | Q(groups__node_role__role=Role.WEBMASTER, groups__node_role__node=node)
        )
        .distinct()
    )


def audit(user, node: Node, action: str, member=None, detail: str = "") -> None:
    """Write one line of the audit trail; `member` is a record or its UUID."""
    member_uuid = getattr(member, "uuid", member)
    AuditEntry.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_name=person(user) if user is not None else "系统",
        node=node, member_uuid=member_uuid, action=action, detail=detail[:500],
    )  # fmt: skip


def audit_read(user, node: Node, member, detail: str = "") -> None:
    """A read of a member's record by someone else; a member reading their own is not
    audited (it is no disclosure)."""
    account = getattr(user, "member_account", None) if user.is_authenticated else None
    if account is not None and account.member_uuid == member.uuid:
        return
    audit(user, node, AuditAction.READ, member, detail)
