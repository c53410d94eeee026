"""`manage.py syndication …`: see and resume the background work on stories."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from syndication.delivery import resume_pending, run_pending_here
from syndication.models import Delivery, DeliveryState
from syndication.outbox import retry_failed


class Command(BaseCommand):
    help = "稿件流转的后台投递：查看状态、续传未完成的投递、重试失败的投递。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("status", help="按状态统计投递")
        resume = actions.add_parser("resume", help="重新发送滞留的待处理投递给 Celery")
        resume.add_argument(
            "--older-than", type=int, default=5, metavar="MINUTES", help="只续传滞留超过几分钟的"
        )
        actions.add_parser("run", help="不经 Celery，在本进程内完成全部待处理投递")
        actions.add_parser("retry-failed", help="把失败的投递重新交给 Celery")

    def handle(self, *args, action, **options):
        if action == "status":
            counts = dict(Delivery.objects.values_list("state").annotate(n=Count("pk")).order_by())
            for state, label in DeliveryState.choices:
                self.stdout.write(f"{label}：{counts.get(state, 0)}")
        elif action == "resume":
            if options["older_than"] < 0:
                raise CommandError("--older-than 不能是负数。")
            sent = resume_pending(timedelta(minutes=options["older_than"]))
            self.stdout.write(f"已重新发送 {sent} 个待处理投递。")
        elif action == "run":
            ran = run_pending_here()
            self.stdout.write(f"已完成 {ran} 个投递。")
        elif action == "retry-failed":
            failed = list(Delivery.objects.filter(state=DeliveryState.FAILED))
            for delivery in failed:
                retry_failed(delivery)
            self.stdout.write(f"已重新投递 {len(failed)} 个失败的投递。")
