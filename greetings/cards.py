"""Staff's cards to a member (获奖祝贺, 换岗送别, 新人勉励): from whoever keeps the node's
register, to a member of it with a 个人中心 account, checked against the 错敏词 list."""

from django.utils.html import strip_tags

from network.people import person
from notifications.sending import notify
from partyaffairs.access import require_register
from partyaffairs.ledger.models import MemberAccount
from sensitivewords.checking import check_text, refusal

KINDS = {"award": "获奖祝贺", "farewell": "换岗送别", "welcome": "新人勉励"}


class CardRefused(Exception):
    pass


def reachable_members(node) -> list[MemberAccount]:
    """The node's members who have an account (the only ones a card can reach)."""
    return list(
        MemberAccount.objects.filter(node=node, user__is_active=True).select_related("user")
    )


def send_card(sender, node, account: MemberAccount, kind: str, text: str) -> None:
    require_register(sender, node)
    if account.node_id != node.pk:
        raise CardRefused("这名党员不在本站点的名册中。")
    text = strip_tags(text or "").strip()
    if kind not in KINDS or not text:
        raise CardRefused("请选择类别并填写祝福内容。")
    if (sentence := refusal(check_text(text))) is not None:
        raise CardRefused(sentence)
    notify([account.user], f"【心灵港湾】{KINDS[kind]}", f"{text}\n——{person(sender, node)}",
           link=account.node.link_for_mail("/my/"), topic=f"greetings.card.{kind}")  # fmt: skip
