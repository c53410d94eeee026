"""理论研究 in the demo: 义城村 has the column, and the demo member's article waits there
for the village's reviewer (the webmaster sees it on the dashboard)."""

from django_tenants.utils import schema_context

from demo.party import MEMBER_LOGIN
from network.models import Node
from partyaffairs.ledger.models import MemberAccount
from partyaffairs.research import research_columns, submit_research
from sites.factories import ColumnPageFactory, site_home

VILLAGE = "340123100201"
ESSAY = (
    "学习党章的几点体会",
    "一是坚定理想信念，把对党忠诚落实到具体工作中。\n"
    "二是践行全心全意为人民服务的根本宗旨，多为群众办实事。\n"
    "三是严守党的纪律，带头遵规守纪。",
)


def build_demo_research(log=print):
    """Idempotent: the column and the article are made once."""
    node = Node.objects.select_related("tenant").get(code=VILLAGE)
    if research_columns(node):
        return
    with schema_context(node.tenant.schema_name):
        ColumnPageFactory(parent=site_home(node), title="理论研究", kind="research")
    account = MemberAccount.objects.filter(user__username=MEMBER_LOGIN).select_related(
        "node__tenant"
    )
    account = account.first()
    if account is not None:
        submit_research(account, *ESSAY)
    log("  理论研究：义城村开设栏目，演示党员的投稿等待审核")
