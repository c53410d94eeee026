"""Who may see what of a node's party register: decided here, asked by every view.

- The register (personal fields included): the node's 站长, and a 组织员 of the node
  or of any ancestor. A webmaster reaching a village from its county is not enough:
  looking after a site is not keeping its members' files.
- The figures (no personal field): those, and a 领导查询 of the node or an ancestor.
- A member sees their own record at /my/ (partyaffairs.views.my), nobody else's.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from network.models import Node, Role
from network.people import person
from network.roles import role_rows, user_roles_above

from .ledger.models import AuditAction, AuditEntry

REFUSED = "您没有查看该站点党员信息的权限。"


def _node_webmaster_or_above(user, node: Node, roles_above) -> bool:
    """The node's own 站长, or one of `roles_above` on the node or an ancestor."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    roles = user_roles_above(user, node)
    return (node.path, Role.WEBMASTER) in roles or any(role in roles_above for _, role in roles)


def may_keep_register(user, node: Node) -> bool:
    return _node_webmaster_or_above(user, node, (Role.ORGANISER,))


def may_see_figures(user, node: Node) -> bool:
    return _node_webmaster_or_above(user, node, (Role.ORGANISER, Role.LEADER))


def require_register(user, node: Node) -> None:
    if not may_keep_register(user, node):
        raise PermissionDenied(REFUSED)


def require_figures(user, node: Node) -> None:
    if not may_see_figures(user, node):
        raise PermissionDenied("您没有查看该站点党务统计的权限。")


def register_nodes(user):
    """The nodes whose register the user keeps (for lists and pickers)."""
    if user.is_superuser:
        return Node.objects.all()
    query = Q(pk__in=[])
    for node_id, path, _, role in role_rows(user):
        if role == Role.ORGANISER:
            query |= Q(path__startswith=path)
        elif role == Role.WEBMASTER:
            query |= Q(pk=node_id)
    return Node.objects.filter(query)


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
