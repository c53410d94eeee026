"""`manage.py network …`: how the provincial centre builds and inspects the network."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from network.levels import Level
from network.models import Node, Role
from network.roles import assign_role
from network.tree import render_tree
from provisioning.importer import ImportRefused, import_nodes, read_node_rows
from provisioning.nodes import (
    NodeSpec,
    ProvisioningError,
    add_domain,
    add_node,
    plan_removal,
    remove_nodes,
)
from provisioning.province import (
    TOWNSHIPS_PER_COUNTY,
    VILLAGES_PER_TOWNSHIP,
    write_province_csv,
)


class Command(BaseCommand):
    help = "管理站群网络：添加、导入、查看、删除节点，分配站点角色。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        add = actions.add_parser("add-node", help="添加一个节点站点")
        add.add_argument("--parent", default=None, help="上级节点代码（省级节点不填）")
        add.add_argument("--level", required=True, choices=Level.values)
        add.add_argument("--name", required=True)
        add.add_argument("--code", required=True, help="行政区划代码，如 340000")
        add.add_argument("--domain", required=True)

        domain = actions.add_parser("add-domain", help="给节点添加自己的域名")
        domain.add_argument("--node", required=True, help="节点代码")
        domain.add_argument("--domain", required=True, help="如 www.feixi.gov.cn")
        domain.add_argument("--primary", action="store_true", help="设为主域名（链接都用它）")

        imp = actions.add_parser("import", help="从 CSV 批量导入节点（可重复执行续传）")
        imp.add_argument("file", type=Path)

        generate = actions.add_parser(
            "generate", help="生成全省规模的节点 CSV（约 19,000 个站点，用于建设和测试）"
        )
        generate.add_argument("file", type=Path)
        generate.add_argument("--townships", type=int, default=TOWNSHIPS_PER_COUNTY,
                              help="每县乡镇数")  # fmt: skip
        generate.add_argument("--villages", type=int, default=VILLAGES_PER_TOWNSHIP,
                              help="每乡镇村（社区）数")  # fmt: skip

        tree = actions.add_parser("tree", help="打印节点树")
        tree.add_argument("code", nargs="?", default=None)
        tree.add_argument(
            "--levels", type=int, default=None, help="只列出这么多层（全省约两万个节点）"
        )

        remove = actions.add_parser("remove-node", help="删除节点站点")
        remove.add_argument("code")
        remove.add_argument("--recursive", action="store_true", help="连同全部下级节点一起删除")
        remove.add_argument("--yes", action="store_true", help="不再询问，直接删除")

        grant = actions.add_parser("grant", help="给账号分配某节点的角色")
        grant.add_argument("--user", required=True, help="用户名")
        grant.add_argument("--node", required=True, help="节点代码")
        grant.add_argument("--role", required=True, choices=Role.values)

    def handle(self, *args, action, **options):
        connection.set_schema_to_public()
        if Node._meta.db_table not in connection.introspection.table_names():
            raise CommandError(
                "数据库尚未初始化：请先运行 python manage.py migrate_schemas --shared。"
            )
        try:
            getattr(self, "handle_" + action.replace("-", "_"))(**options)
        except (ProvisioningError, ImportRefused) as error:
            raise CommandError(str(error)) from None

    def handle_add_node(self, *, parent, level, name, code, domain, **_):
        spec = NodeSpec.clean(code=code, name=name, level=level, domain=domain, parent_code=parent)
        node = add_node(spec)
        self.stdout.write(
            self.style.SUCCESS(
                f"已添加 {node}，域名 {spec.domain}，数据在模式 {node.tenant.schema_name}。"
            )
        )

    def handle_add_domain(self, *, node, domain, primary, **_):
        added = add_domain(node, domain, primary=primary)
        kind = "主域名" if primary else "域名"
        self.stdout.write(
            self.style.SUCCESS(
                f"已为 {added.node} 添加{kind} {added.domain}；"
                "请在 nginx 为它配置证书（见 deploy/nginx/xfnet.conf）。"
            )
        )

    def handle_import(self, *, file, **_):
        rows = read_node_rows(file)
        result = import_nodes(rows, progress=self.stderr._out)
        self.stdout.write(
            self.style.SUCCESS(
                f"导入完成：新增 {result.added} 个节点，跳过已存在的 {result.skipped} 个。"
            )
        )

    def handle_generate(self, *, file, townships, villages, **_):
        if not 1 <= townships <= 99 or not 1 <= villages <= 99:
            raise CommandError("每县乡镇数和每乡镇村数须在 1 到 99 之间。")
        count = write_province_csv(file, townships=townships, villages=villages)
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {file}：{count} 个节点。导入：manage.py network import {file}"
            )
        )

    def handle_tree(self, *, code, levels, **_):
        root = None
        if code:
            root = Node.objects.filter(code=code).first()
            if root is None:
                raise CommandError(f"节点 {code} 不存在。")
        if levels is not None and levels < 1:
            raise CommandError("--levels 须为正整数。")
        for line in render_tree(root, levels):
            self.stdout.write(line)

    def handle_remove_node(self, *, code, recursive, yes, **_):
        plan = plan_removal(code, recursive=recursive)
        for line in plan.describe():
            self.stdout.write(line)
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("未确认删除：请加 --yes 确认。")
            if input("确认删除？输入 yes 继续：").strip().lower() != "yes":
                raise CommandError("已取消，未删除任何内容。")
        remove_nodes(plan)
        self.stdout.write(self.style.SUCCESS(f"已删除 {len(plan.nodes)} 个节点。"))

    def handle_grant(self, *, user, node, role, **_):
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"用户 {user} 不存在。")
        target = Node.objects.filter(code=node).first()
        if target is None:
            raise CommandError(f"节点 {node} 不存在。")
        group = assign_role(account, target, role)
        self.stdout.write(self.style.SUCCESS(f"已将 {user} 加入 {group.name}。"))
