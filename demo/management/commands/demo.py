from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.exams import build_demo_exams
from demo.forums import build_demo_forums
from demo.greetings import build_demo_greetings
from demo.messages import build_demo_messages
from demo.network import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    build_demo_network,
    serve_sites_at_port,
)
from demo.operations import build_demo_operations
from demo.party import MEMBER_LOGIN, build_demo_party
from demo.partyschool import build_demo_party_school
from demo.research import build_demo_research
from demo.surveys import build_demo_surveys
from demo.syndication import build_demo_syndication, link_campaign_to_topic
from demo.themes import dress_demo_sites


class Command(BaseCommand):
    help = "建立演示站群网络（可重复执行）：1 个省站、2 个市站、4 个县站、12 个乡镇和村（社区）站。"

    def add_arguments(self, parser):
        parser.add_argument("--articles-per-column", type=int, default=2)
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--logins-only", action="store_true", help="只打印网址和登录账号（不建网络）"
        )

    def handle(self, *args, articles_per_column, port, logins_only, **options):
        if logins_only:
            self.print_logins(port)
            return
        call_command("migrate_schemas", interactive=False, verbosity=0)
        self.stdout.write("正在建立演示网络……")
        build_demo_network(
            articles_per_column=articles_per_column, log=self.stdout.write, port=port
        )
        build_demo_syndication(log=self.stdout.write)
        dress_demo_sites(log=self.stdout.write)
        build_demo_party(log=self.stdout.write)
        build_demo_messages(log=self.stdout.write)
        build_demo_surveys(log=self.stdout.write)
        build_demo_greetings(log=self.stdout.write)
        build_demo_forums(log=self.stdout.write)
        build_demo_exams(log=self.stdout.write)
        build_demo_research(log=self.stdout.write)
        build_demo_party_school(log=self.stdout.write)
        build_demo_operations(log=self.stdout.write)
        serve_sites_at_port(port)
        link_campaign_to_topic(port)
        # the demo's pages are written directly, not published: index them here
        call_command("search", "reindex", "--resume", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("演示网络已就绪。"))

    def print_logins(self, port):
        self.stdout.write(self.style.SUCCESS("演示站点与账号："))
        self.stdout.write(f"  省站   http://anhui.localhost:{port}/")
        self.stdout.write(f"  市站   http://hefei.localhost:{port}/")
        self.stdout.write(f"  县站   http://feixi.localhost:{port}/")
        self.stdout.write(f"  村站   http://yicheng.localhost:{port}/")
        self.stdout.write(f"  后台   http://anhui.localhost:{port}/admin/")
        self.stdout.write(f"  管理员（全网）：{ADMIN_USERNAME} / {ADMIN_PASSWORD}")
        for username, code, _role, label, name in DEMO_ACCOUNTS:
            self.stdout.write(f"  {label} {name}：{username} / {DEMO_PASSWORD}（节点 {code}）")
        self.stdout.write(f"  网络直通车   http://yicheng.localhost:{port}/messages/")
        self.stdout.write(f"  调查投票     http://yicheng.localhost:{port}/surveys/")
        self.stdout.write(f"  论坛议事     http://yicheng.localhost:{port}/forum/")
        self.stdout.write(f"  网上考试     http://yicheng.localhost:{port}/exams/（党员登录后）")
        self.stdout.write(f"  网上课堂     http://yicheng.localhost:{port}/classroom/")
        self.stdout.write(f"  资料中心     http://feixi.localhost:{port}/zi-liao-zhong-xin/")
        self.stdout.write(
            f"  学习积分     http://yicheng.localhost:{port}/my/points/（党员登录后）"
        )
        self.stdout.write(
            f"  党员个人中心 http://yicheng.localhost:{port}/my/ ：{MEMBER_LOGIN} / {DEMO_PASSWORD}"
        )
