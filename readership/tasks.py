from celery import shared_task

from .counting import fold_hits


@shared_task(name="readership.tasks.fold_hits")
def fold_hits_task() -> int:
    return fold_hits()
