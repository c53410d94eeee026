"""Who may move stories between nodes. Checked on the server for every action."""

from django.core.exceptions import PermissionDenied

from network.models import Node, Role
from network.roles import roles_held_on, user_may_edit_content


class SyndicationDenied(PermissionDenied):
    """Raised for any syndication action the account or node may not take (HTTP 403)."""


def roles_on(user, node: Node) -> set[str]:
    return roles_held_on(user, node) if user.is_authenticated else set()


def may_submit_from(user, node: Node) -> bool:
    """Any of the node's editors, reviewers or webmasters (or a webmaster hosting the
    site) may submit its articles up."""
    return user.is_authenticated and user_may_edit_content(user, node)


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
