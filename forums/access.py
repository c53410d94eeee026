"""Who may do what in a node's forum, decided here: anyone reads what is visible; a
party member whose 个人中心 account belongs to the node or a site below posts,
replies and reports; the node's staff (editors, reviewers, webmasters, and
webmasters reaching it) moderate."""

from network.models import Node
from network.roles import user_may_edit_content
from partyaffairs import accounts


def member_account(user, node: Node):
    """The user's member account when it may post in `node`'s forum, else None."""
    account = accounts.member_account(user)
    if account is None or not account.node.path.startswith(node.path):
        return None
    return account


def may_moderate(user, node: Node) -> bool:
    return user.is_authenticated and user_may_edit_content(user, node)


def may_post(user, node: Node) -> bool:
    return member_account(user, node) is not None or may_moderate(user, node)
