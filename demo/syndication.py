"""Syndication in the demo network: news pushed down, stories sent up and decided,
a campaign banner and alliance links, so every flow has something to show."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import override_settings
from django_tenants.utils import schema_context
from wagtail.models import Page

from network.models import Node
from shared_blocks.models import AllianceLink, Campaign
from sites.factories import ArticlePageFactory, node_column
from sites.models import ColumnKind, ColumnPage
from syndication.delivery import run_pending_here
from syndication.mapping import set_default_mapping
from syndication.models import Story
from syndication.pushing import push_down
from syndication.stories import story_for_article
from syndication.submitting import columns_of, decide, submit_to_topic, submit_up

ALLIANCE_LINKS = [
    ("共产党员网", "https://www.12371.cn/"),
    ("人民网党建", "http://dangjian.people.com.cn/"),
    ("新华网", "http://www.xinhuanet.com/"),
    ("安徽省人民政府", "https://www.ah.gov.cn/"),
]

CAMPAIGN = "学习贯彻党的二十届四中全会精神"
# 栏目映射 as a centre might set it: the grassroots columns land in 基层动态
DEFAULT_MAPPING = [
    ("村务公开", "基层动态"),
    ("美好乡村", "基层动态"),
    ("农产品信息", "基层动态"),
    ("党员教育", "基层动态"),
    ("党务公开", "党务公开"),
    ("基层动态", "基层动态"),
    ("党建要闻", "党建要闻"),
]


def build_demo_syndication(log=print):
    """Idempotent: does nothing once the demo has stories in the ledger."""
    if Story.objects.exists():
        return
    # the notices to reviewers and authors would flood the console while building
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _build(log)


def _build(log):
    if not Campaign.objects.exists():
        Campaign.objects.create(title=CAMPAIGN, subtitle="全省党员教育专题")
    if not AllianceLink.objects.exists():
        AllianceLink.objects.bulk_create(
            AllianceLink(name=name, url=url, sort_order=i)
            for i, (name, url) in enumerate(ALLIANCE_LINKS)
        )
    nodes = {node.code: node for node in Node.objects.select_related("tenant")}
    users = {user.username: user for user in get_user_model().objects.all()}
    for from_title, to_title in DEFAULT_MAPPING:
        set_default_mapping(user=users["admin"], from_title=from_title, to_title=to_title)
    province, hefei, feixi = nodes["340000"], nodes["340100"], nodes["340123"]
    shangpai, yicheng = nodes["340123100"], nodes["340123100201"]

    # 下发: the province to everyone (one pinned), Hefei to its own counties, Feixi to villages
    for title, pinned in (
        ("全省基层党建工作推进会在合肥召开", True),
        ("全省开展主题党日活动", False),
    ):
        push_down(
            user=users["anhui_shenhe"],
            node=province,
            pinned=pinned,
            story=_story(province, "党建要闻", title),
        )
    push_down(
        user=users["hefei_shenhe"],
        node=hefei,
        branches=[feixi],
        story=_story(hefei, "通知公告", "合肥市部署年度党员冬训工作"),
    )
    push_down(
        user=users["feixi_shenhe"],
        node=feixi,
        levels=["village"],
        story=_story(feixi, "通知公告", "肥西县关于做好村级党务公开的通知"),
    )

    # 报送: a village story accepted at every level up to the province, one returned
    author = users["yicheng_bianji"]
    good = _story(yicheng, "党员教育", "义城村开展“党员先锋岗”评比活动", author)
    weak = _story(yicheng, "美好乡村", "义城村新修村道通车", author)
    submit_up(user=author, node=yicheng, story=good, note="请镇党委审核")
    submit_up(user=author, node=yicheng, story=weak)
    run_pending_here()
    first = good.submissions.get(to_node=shangpai)
    decide(
        user=users["shangpai_shenhe"],
        submission=first,
        action="forward",
        column=_column(shangpai, "基层动态"),
    )
    decide(
        user=users["shangpai_shenhe"],
        submission=weak.submissions.get(),
        action="return",
        reason="请补充现场照片和时间地点后再报送",
    )
    run_pending_here()
    for node, reviewer, action in (
        (feixi, "feixi_shenhe", "forward"),
        (hefei, "hefei_shenhe", "forward"),
        (province, "anhui_shenhe", "accept"),
    ):
        decide(
            user=users[reviewer],
            submission=good.submissions.get(to_node=node),
            action=action,
            column=_column(node, "基层动态"),
        )
        run_pending_here()
    waiting = _story(yicheng, "党务公开", "义城村召开2026年第四季度党员大会", author)
    submit_up(user=author, node=yicheng, story=waiting, note="季度党员大会情况")
    run_pending_here()
    log("  已建 下发要闻 4 条，报送稿件 3 篇（1 篇逐级采用至省站，1 篇退稿，1 篇待上派镇审核）")
    _build_topic(province, yicheng, users, author)


def _build_topic(province, village, users, author):
    """专题: the province's campaign section, one village story sent to it and accepted."""
    with schema_context(province.tenant.schema_name):
        home = Page.objects.get(pk=province.root_page_id)
        column = home.add_child(
            instance=ColumnPage(title=CAMPAIGN, kind=ColumnKind.TOPIC, show_in_menus=True,
                                intro="全省各级党组织学习贯彻全会精神的动态和体会。")
        )  # fmt: skip
        column.add_child(instance=ColumnPage(title="基层声音"))
    connection.set_schema_to_public()
    story = _story(village, "党员教育", "义城村党员集中学习全会精神", author)
    submission = submit_to_topic(
        user=author, node=village, story=story, topic_key=f"{province.pk}:{column.pk}"
    )
    run_pending_here()
    decide(user=users["anhui_shenhe"], submission=submission, action="accept", column=column)
    run_pending_here()


def link_campaign_to_topic(port: int) -> None:
    """The campaign banner on every site links to the province's 专题 (at the demo's port)."""
    province = Node.objects.select_related("tenant").get(depth=1)
    with schema_context(province.tenant.schema_name):
        topic = ColumnPage.objects.filter(title=CAMPAIGN, kind=ColumnKind.TOPIC).first()
        path = "/" + topic.url_path.split("/", 2)[2] if topic else "/"
    connection.set_schema_to_public()
    Campaign.objects.filter(title=CAMPAIGN).update(link=f"http://anhui.localhost:{port}{path}")


def _story(node, column_title, title, author=None):
    with schema_context(node.tenant.schema_name):
        article = ArticlePageFactory(
            parent=node_column(node, column_title),
            title=title,
            org=node.name.removesuffix("先锋网"),
        )
        story = story_for_article(article, node, author)
    connection.set_schema_to_public()
    return story


def _column(node, title):
    return next(column for column in columns_of(node) if column.title == title)
