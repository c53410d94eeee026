from celery import shared_task
from django.conf import settings

from .counting import fold_hits
from .read_log import fold_read_log


@shared_task(name="readership.tasks.fold_hits")
def fold_hits_task() -> int:
    return fold_hits()


@shared_task(name="readership.tasks.fold_read_log")
def fold_read_log_task() -> int:
    """Reads nginx answered, added to the hits (then folded with the rest)."""
    if not settings.XFNET_READ_LOG:
        return 0
    return fold_read_log(settings.XFNET_READ_LOG)
