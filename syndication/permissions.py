"""Who may move stories between nodes. Checked on the server for every action."""

from django.core.exceptions import PermissionDenied

from network.models import Node, NodeGroup, Role
from network.roles import user_may_administer


class SyndicationDenied(PermissionDenied):
    """Raised for any syndication action the account or node may not take (HTTP 403)."""


def roles_on(user, node: Node) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(NodeGroup.objects.filter(node=node, group__user=user).values_list("role", flat=True))


def may_submit_from(user, node: Node) -> bool:
    """Any of the node's editors, reviewers or webmasters (or a webmaster hosting the
    site) may submit its articles up."""
    return user.is_authenticated and user_may_administer(user, node)


def may_review_at(user, node: Node) -> bool:
    """Only the node's reviewers (and its webmaster) decide on what reaches it."""
    return user.is_superuser or bool(roles_on(user, node) & {Role.REVIEWER, Role.WEBMASTER})


# Pushing a headline down speaks for the node: the same people who review.
may_push_from = may_review_at


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise SyndicationDenied(message)


def is_ancestor(ancestor: Node, node: Node) -> bool:
    return node.path.startswith(ancestor.path) and node.path != ancestor.path
