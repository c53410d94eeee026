"""心灵港湾 in the demo: 义城村's organiser congratulates the demo member (seen in
个人中心 under 我的消息)."""

from django.contrib.auth import get_user_model

from demo.party import MEMBER_LOGIN
from greetings.cards import send_card
from network.models import Node
from notifications.models import InboxItem
from partyaffairs.ledger.models import MemberAccount


def build_demo_greetings(log=print):
    """Idempotent: the card is sent once."""
    account = MemberAccount.objects.filter(user__username=MEMBER_LOGIN).first()
    if account is None or InboxItem.objects.filter(recipient=account.user).exists():
        return
    organiser = get_user_model().objects.get(username="yicheng_zuzhi")
    node = Node.objects.get(code="340123100201")
    send_card(organiser, node, account, "award", "祝贺您被评为全县优秀党务工作者！")
    log("  心灵港湾：义城村组织员给党员发送了获奖祝贺（个人中心可见）")
