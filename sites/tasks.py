"""Background work on the sites; tasks run in the schema of whoever sent them."""

from celery import shared_task
from django.conf import settings
from django.db import OperationalError, connection
from django_tenants.utils import schema_context

from network.models import Tenant

from .activity import refresh_schema_activity


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5, acks_late=True)
def refresh_node_activity():
    """Refresh the activity figures of every node whose site lives in this schema.

    Idempotent: it recomputes from the content, so running it twice changes nothing.
    """
    return refresh_schema_activity(connection.schema_name)


@shared_task
def refresh_all_node_activity():
    """Fan out one refresh per schema (run by beat from the public schema)."""
    schemas = Tenant.objects.exclude(
        schema_name__in=[settings.TENANT_BASE_SCHEMA, "public"]
    ).values_list("schema_name", flat=True)
    sent = 0
    for schema_name in schemas:
        with schema_context(schema_name):
            refresh_node_activity.delay()
        sent += 1
    return sent
