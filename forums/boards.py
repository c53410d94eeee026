"""Each node's boards: the four every forum starts with, made the first time the forum
is opened (19,000 sites do not need 76,000 rows before anyone posts)."""

from django.db.models import QuerySet

from network.models import Node

from .models import Board, BoardKind

DEFAULT_BOARDS = [
    ("dianjiangtai", "点将台", "领导点名，党员作答", BoardKind.NOMINATE),
    ("yijian", "意见征询", "征求党员群众意见建议", BoardKind.OPEN),
    ("yewu", "业务交流", "党务工作经验交流", BoardKind.OPEN),
    ("kangle", "康乐空间", "文体活动、生活分享", BoardKind.OPEN),
]


def boards_of(node: Node) -> QuerySet:
    if not Board.objects.filter(node=node).exists():
        Board.objects.bulk_create(
            [Board(node=node, slug=slug, name=name, intro=intro, kind=kind, order=order)
             for order, (slug, name, intro, kind) in enumerate(DEFAULT_BOARDS)],
            ignore_conflicts=True,  # two first visits at once
        )  # fmt: skip
    return Board.objects.filter(node=node)
