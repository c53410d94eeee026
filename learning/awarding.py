"""学习积分 for a member's published article: an article whose owner is a member's
个人中心 account (理论研究 submissions are) earns the member the province's points
when it is published, once; unpublishing takes them back, republishing gives them
back."""

from partyaffairs.accounts import organisation_of
from partyaffairs.ledger.models import MemberAccount
from syndication.models import Activity
from syndication.points import award_learning, revoke_learning


def _account(page):
    if page.owner_id is None:
        return None
    return (
        MemberAccount.objects.select_related("node__tenant").filter(user_id=page.owner_id).first()
    )


def award_article(page) -> int:
    account = _account(page)
    if account is None:
        return 0
    return award_learning(activity=Activity.ARTICLE, ref=page.translation_key, title=page.title,
                          user_id=account.user_id, node_id=account.node_id,
                          organisation=organisation_of(account))  # fmt: skip


def take_back_article(page) -> int:
    if _account(page) is None:
        return 0
    return revoke_learning(Activity.ARTICLE, page.translation_key)
