"""Who takes and who sets an exam: a party member whose 个人中心 account belongs to
the exam's node (or a site below, when the exam is for them) takes it; the node's
staff and those who keep its register set it and read its results."""

from network.roles import user_may_edit_content
from partyaffairs.access import may_keep_register
from partyaffairs.accounts import member_account


def may_take(user, exam) -> bool:
    account = member_account(user)
    if account is None:
        return False
    if account.node_id == exam.node_id:
        return True
    return exam.below and account.node.path.startswith(exam.node.path)


def may_set(user, node) -> bool:
    return user_may_edit_content(user, node) or may_keep_register(user, node)
