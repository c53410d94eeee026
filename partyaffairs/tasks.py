from celery import shared_task

from network.models import Node

from .figures import refresh_figures as refresh


@shared_task(name="partyaffairs.tasks.refresh_figures", bind=True, max_retries=5,
             default_retry_delay=10)  # fmt: skip
def refresh_figures(self, node_code: str) -> None:
    """Recount a node's party figures and roll them up (idempotent: a repeat recounts)."""
    node = Node.objects.select_related("tenant").filter(code=node_code).first()
    if node is None:
        return  # the node was removed since
    try:
        refresh(node)
    except Exception as error:  # a lock timeout or a lost connection: count again later
        raise self.retry(exc=error) from error
