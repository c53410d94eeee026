"""`manage.py sensitivewords load FILE --kind block|warn`: the province's list in bulk."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sensitivewords.loading import ListRefused, load_words, read_words
from sensitivewords.models import WordKind


class Command(BaseCommand):
    help = "错敏词：从文本文件（每行一个词）批量导入。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        load = actions.add_parser("load", help="导入词表（已有的词更新处理方式）")
        load.add_argument("file", type=Path)
        load.add_argument("--kind", required=True, choices=WordKind.values)

    def handle(self, *args, action, file, kind, **options):
        try:
            count = load_words(read_words(file), kind)
        except ListRefused as refused:
            raise CommandError(str(refused)) from None
        label = WordKind(kind).label
        self.stdout.write(self.style.SUCCESS(f"已导入 {count} 个错敏词（{label}）。"))
