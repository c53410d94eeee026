"""论坛议事 in the demo: on 义城村's forum the demo member starts a topic, and the
village's webmaster names them in 点将台."""

from django.contrib.auth import get_user_model

from demo.party import MEMBER_LOGIN
from forums.boards import boards_of
from forums.models import Topic
from forums.posting import reply, start_topic
from network.models import Node
from partyaffairs.ledger.models import MemberAccount


def build_demo_forums(log=print):
    """Idempotent: made once."""
    account = MemberAccount.objects.filter(user__username=MEMBER_LOGIN).select_related("node")
    account = account.first()
    if account is None or Topic.objects.exists():
        return
    node = Node.objects.get(code="340123100201")
    boards = {board.slug: board for board in boards_of(node)}
    webmaster = get_user_model().objects.get(username="yicheng_zhanzhang")
    topic = start_topic(account.user, boards["kangle"], "周末组织篮球友谊赛",
                        "本周六下午三点在村文化广场，欢迎党员群众报名参加。")  # fmt: skip
    reply(webmaster, topic, "村委会提供饮用水和场地，欢迎大家踊跃参加！")
    start_topic(webmaster, boards["dianjiangtai"], "谈谈发展村集体经济的想法",
                "请支部书记结合本村实际，谈谈发展特色种植的思路。", named=account)  # fmt: skip
    log("  论坛议事：义城村论坛 2 个主题（康乐空间、点将台点名作答）")
