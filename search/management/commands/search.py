"""`manage.py search reindex`: bring every index in line (after a dictionary edit)."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from network.models import Node
from search import dictionary, elastic
from search.reindex import nodes_to_reindex, reindex_node, start_full_reindex


class Command(BaseCommand):
    help = "全文检索：重建索引（修改党建词典后执行）。中断后可用 --resume 续传。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        reindex = actions.add_parser("reindex", help="重建全网（或一个节点及其下级）的索引")
        reindex.add_argument("--node", default=None, help="只重建这个节点及其下级")
        reindex.add_argument("--resume", action="store_true", help="跳过本次已完成的节点")
        actions.add_parser(
            "es-init", help="在 Elasticsearch 中新建索引并把别名指向它（之后执行 reindex）"
        )

    def handle(self, *args, action, **options):
        if action == "es-init":
            return self.es_init()
        return self.reindex(options["node"], options["resume"])

    def es_init(self):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("没有设置 ELASTICSEARCH_URL。")
        physical = f"{elastic.index_name()}-{timezone.now():%Y%m%d%H%M%S}"
        elastic.create_index(elastic.client(), physical)
        self.stdout.write(f"已新建索引 {physical}，别名 {elastic.index_name()} 已指向它。")

    def reindex(self, node, resume):
        if node and not Node.objects.filter(code=node).exists():
            raise CommandError(f"没有代码为 {node} 的节点。")
        if not resume:
            start_full_reindex(node)
        nodes = list(nodes_to_reindex(resume=resume, code=node))
        articles = 0
        for each in tqdm(nodes, desc="重建索引", unit="站点", file=sys.stderr):
            articles += reindex_node(each)
        version = dictionary.version()
        self.stdout.write(
            f"已重建 {len(nodes)} 个站点、{articles} 篇文章的索引（词典版本 {version}）。"
        )
