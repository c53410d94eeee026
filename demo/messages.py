"""网络直通车 in the demo: the province's reply deadline, and on 义城村 answered
messages on its board, one waiting and one overdue (reported to 上派镇)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from messageboard.escalation import escalate_overdue
from messageboard.factories import SAMPLES, MessageFactory
from messageboard.handling import answer
from messageboard.models import Message, ReplyRule
from network.models import Node

VILLAGE = "340123100201"
ANSWERS = [
    "您好！流动党员可持介绍信就近参加流入地党组织的组织生活，党费可通过“安徽先锋网”手机缴纳。",
    "感谢建议。村党总支已研究，将利用村部二楼闲置房间建设党员活动室，预计下月投入使用。",
]


def build_demo_messages(log=print):
    """Idempotent: made once."""
    ReplyRule.objects.get_or_create(level="", defaults={"working_days": 5})
    if Message.objects.exists():
        return
    village = Node.objects.get(code=VILLAGE)
    webmaster = get_user_model().objects.get(username="yicheng_zhanzhang")
    today = timezone.localdate()
    for (_, category, text), reply in zip(SAMPLES, ANSWERS, strict=False):
        message = MessageFactory(node=village, category=category, text=text,
                                 clock_from=today - timedelta(days=3))  # fmt: skip
        answer(message, webmaster, reply, public=True)
    for _, category, text in SAMPLES[2:]:
        MessageFactory(node=village, category=category, text=text)
    MessageFactory(node=village, text="村里的垃圾清运点离住户太近，夏天气味大，能否挪一挪？",
                   clock_from=today - timedelta(days=21))  # fmt: skip
    escalated = escalate_overdue(today)
    count = Message.objects.count()
    log(f"  网络直通车：义城村 {count} 条留言（2 条已公开答复，{escalated} 条逾期上报）")
