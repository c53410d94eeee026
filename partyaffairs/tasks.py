from celery import shared_task
from django_tenants.utils import schema_context

from network.models import Node

from .figures import refresh_figures as refresh
from .importing import run_import as write_rows
from .models import ImportJob, ImportState


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


@shared_task(name="partyaffairs.tasks.run_import")
def run_import(node_code: str, job_id: int) -> None:
    """Write a checked spreadsheet; a failure is recorded on the job (its message
    shows on the import page, and uploading the same file again resumes it)."""
    node = Node.objects.select_related("tenant").get(code=node_code)
    with schema_context(node.tenant.schema_name):
        job = ImportJob.objects.filter(pk=job_id).first()
        if job is not None and job.state != ImportState.DONE:
            write_rows(job, node)
