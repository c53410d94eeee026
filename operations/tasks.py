"""Background work of the watch: the incremental scan, the daily evaluation with its
reminders, and the link check. Each is idempotent (it recomputes), so a retry is safe."""

from celery import shared_task
from django.db import OperationalError

from .checking import check_schema
from .reminders import send_reminders
from .scanning import scan_changed, site_schemas
from .statistics import refresh_current
from .timeliness import evaluate

RETRY = {"autoretry_for": (OperationalError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def scan_and_evaluate():
    """Scan the schemas changed since their last scan, then re-evaluate every rule."""
    columns = scan_changed()
    new, cleared = evaluate()
    remind.delay()  # also what an earlier run left over (a batch at a time)
    refresh_statistics.delay()
    return {"columns": columns, "new": new, "cleared": cleared}


@shared_task(**RETRY)
def refresh_statistics():
    """统计分析: this month's rows for every node (after the scan's monthly counts)."""
    return refresh_current()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def remind():
    return send_reminders()


@shared_task(**RETRY)
def check_links(schema_name: str):
    return check_schema(schema_name)


@shared_task
def check_all_links():
    """One link check per schema, each its own task."""
    schemas = site_schemas()
    for schema_name in schemas:
        check_links.delay(schema_name)
    return len(schemas)
