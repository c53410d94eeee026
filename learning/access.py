"""Who reads rankings (the node's staff and those who keep its register) and who sets
the rules (the provincial centre, on the province's admin)."""

from network.roles import user_may_edit_content, user_speaks_for_the_province
from partyaffairs.access import may_keep_register


def may_read_rankings(user, node) -> bool:
    return node is not None and (user_may_edit_content(user, node) or may_keep_register(user, node))


def may_set_rules(user, node) -> bool:
    return node is not None and node.depth == 1 and user_speaks_for_the_province(user)
