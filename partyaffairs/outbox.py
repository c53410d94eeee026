"""Background work party affairs asks for, sent by task name once the change commits
(so the services never import the tasks that consume it)."""

from celery import current_app
from django.db import transaction

REFRESH_FIGURES_TASK = "partyaffairs.tasks.refresh_figures"
RUN_IMPORT_TASK = "partyaffairs.tasks.run_import"


def refresh_figures_later(node) -> None:
    """Recount the node's figures and its ancestors' after this transaction."""
    code = node.code
    transaction.on_commit(lambda: current_app.send_task(REFRESH_FIGURES_TASK, args=[code]))


def run_import_later(node, job) -> None:
    """Write a checked spreadsheet in the background once its job is committed."""
    code, pk = node.code, job.pk
    transaction.on_commit(lambda: current_app.send_task(RUN_IMPORT_TASK, args=[code, pk]))
