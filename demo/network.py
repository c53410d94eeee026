"""The demo network: an Anhui-like tree with content, built by the factories."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Site
from wagtail.rich_text import RichText

from network.factories import UserFactory
from network.levels import Level
from network.models import Node, Role
from provisioning.nodes import NodeSpec, add_node
from sites.factories import (
    ArticlePageFactory,
    ImageFactory,
    chinese_headlines,
    node_collection,
    site_home,
)
from sites.models import ColumnPage
from sites.variants import variant_for

DEMO_PASSWORD = "xfnet-demo"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "xfnet-admin"

# (code, parent, level, name, domain): 1 province, 2 cities, 4 counties, 12 grassroots.
DEMO_NODES = [
    ("340000", None, Level.PROVINCE, "安徽先锋网", "anhui.localhost"),
    ("340100", "340000", Level.CITY, "合肥先锋网", "hefei.localhost"),
    ("340200", "340000", Level.CITY, "芜湖先锋网", "wuhu.localhost"),
    ("340123", "340100", Level.COUNTY, "肥西先锋网", "feixi.localhost"),
    ("340121", "340100", Level.COUNTY, "长丰先锋网", "changfeng.localhost"),
    ("340212", "340200", Level.COUNTY, "繁昌先锋网", "fanchang.localhost"),
    ("340223", "340200", Level.COUNTY, "南陵先锋网", "nanling.localhost"),
    ("340123100", "340123", Level.TOWNSHIP, "上派镇", "shangpai.localhost"),
    ("340123100201", "340123100", Level.VILLAGE, "义城村", "yicheng.localhost"),
    ("340123100001", "340123100", Level.VILLAGE, "新城社区", "xincheng.localhost"),
    ("340121100", "340121", Level.TOWNSHIP, "水湖镇", "shuihu.localhost"),
    ("340121100201", "340121100", Level.VILLAGE, "杨公村", "yanggong.localhost"),
    ("340121100001", "340121100", Level.VILLAGE, "新街社区", "xinjie.localhost"),
    ("340212101", "340212", Level.TOWNSHIP, "孙村镇", "suncun.localhost"),
    ("340212101201", "340212101", Level.VILLAGE, "千峰村", "qianfeng.localhost"),
    ("340212101001", "340212101", Level.VILLAGE, "马冲社区", "machong.localhost"),
    ("340223100", "340223", Level.TOWNSHIP, "籍山镇", "jishan.localhost"),
    ("340223100201", "340223100", Level.VILLAGE, "联合村", "lianhe.localhost"),
    ("340223100001", "340223100", Level.VILLAGE, "城东社区", "chengdong.localhost"),
]

# username, node code, role, who they stand for
DEMO_ACCOUNTS = [
    # login, node, role, what the README and the build log call them, real name
    ("feixi_zhanzhang", "340123", Role.WEBMASTER, "肥西县站长（管理县站及所辖乡村站点）", "张建国"),
    ("feixi_shenhe", "340123", Role.REVIEWER, "肥西县审核员", "李红梅"),
    ("yicheng_bianji", "340123100201", Role.EDITOR, "义城村信息员", "刘晓燕"),
    ("yicheng_zhanzhang", "340123100201", Role.WEBMASTER, "义城村站长", "王秀英"),
    ("shangpai_shenhe", "340123100", Role.REVIEWER, "上派镇审核员（审核村里报送的稿件）", "陈志强"),
    ("hefei_shenhe", "340100", Role.REVIEWER, "合肥市审核员", "赵丽华"),
    ("anhui_shenhe", "340000", Role.REVIEWER, "省站审核员（下发全省要闻）", "孙立新"),
    (
        "yicheng_zuzhi",
        "340123100201",
        Role.ORGANISER,
        "义城村组织员（党员名册、会议）",
        "周玉珍",
    ),
    ("feixi_zuzhi", "340123", Role.ORGANISER, "肥西县组织员（全县党员档案）", "吴德明"),
    ("anhui_lingdao", "340000", Role.LEADER, "领导查询（全省党务统计，不看个人信息）", "徐春华"),
]


def build_demo_network(*, articles_per_column=2, seed=2026, log=print, port=8000):
    """Create the demo nodes, content and accounts; a second run adds nothing."""
    rng = random.Random(seed)
    created = []
    for code, parent, level, name, domain in DEMO_NODES:
        if Node.objects.filter(code=code).exists():
            continue
        node = add_node(
            NodeSpec.clean(code=code, name=name, level=level, domain=domain, parent_code=parent)
        )
        fill_site(node, articles_per_column=articles_per_column, rng=rng)
        created.append(node)
        log(f"  已建 {node.name}  http://{domain}:{port}/")
    _ensure_accounts()
    return created


def serve_sites_at_port(port: int) -> None:
    """The admin's links to live pages carry the port the demo is served on (a node's
    Wagtail site says port 80, as in production behind nginx)."""
    for node in Node.objects.select_related("tenant"):
        with schema_context(node.tenant.schema_name):
            Site.objects.filter(pk=node.site_id).exclude(port=port).update(port=port)
    connection.set_schema_to_public()
    Site.clear_site_root_paths_cache()


def fill_site(node, *, articles_per_column, rng):
    org = node.name.removesuffix("先锋网")
    with schema_context(node.tenant.schema_name):
        home = site_home(node)
        collection = node_collection(node)
        now = timezone.now()
        for column in ColumnPage.objects.child_of(home):
            titles = chinese_headlines(column.title, org, articles_per_column, rng)
            for index, title in enumerate(titles):
                cover = ImageFactory(collection=collection) if rng.random() < 0.5 else None
                ArticlePageFactory(
                    parent=column,
                    title=title,
                    org=org,
                    rng=rng,
                    cover_image=cover,
                    date=now - timedelta(days=rng.randint(0, 60), hours=index),
                )
        if variant_for(node).portal:
            add_videos(home, collection, org, rng)
    connection.set_schema_to_public()


# The portal's 视频 section. The demo has no video files and no internet: the players
# link to the 共产党员网's video pages, which a reader with internet can open.
DEMO_VIDEOS = ["党员教育专题片《初心》", "微党课：一封红色家书", "纪实：村里的带头人"]
DEMO_VIDEO_URL = "https://www.12371.cn/dyjy/"


def add_videos(home, collection, org, rng):
    column = ColumnPage.objects.child_of(home).get(title="党员风采")
    for index, title in enumerate(DEMO_VIDEOS):
        ArticlePageFactory(
            parent=column,
            title=f"{org}{title}" if index == 2 else title,
            org=org,
            rng=rng,
            cover_image=ImageFactory(collection=collection),
            date=timezone.now() - timedelta(days=1 + 4 * index),
            body=[
                ("video", {"video": EmbedValue(DEMO_VIDEO_URL), "file": None, "caption": title}),
                ("paragraph", RichText(f"<p>{org}组织党员群众观看{title}。</p>")),
            ],
        )


def _ensure_accounts():
    users = get_user_model()
    if not users.objects.filter(username=ADMIN_USERNAME).exists():
        users.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
    for username, code, role, _label, name in DEMO_ACCOUNTS:
        node = Node.objects.get(code=code)
        UserFactory(
            username=username, password=DEMO_PASSWORD, roles=[(node, role)],
            last_name=name[0], first_name=name[1:],
        )  # fmt: skip
