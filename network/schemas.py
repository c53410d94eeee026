"""The template schema that backbone schemas are cloned from."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowState,
)

from .models import Tenant


def template_schema_name() -> str:
    return settings.TENANT_BASE_SCHEMA


def ensure_template_schema() -> Tenant:
    """Create the template schema by migrating it once, then strip Wagtail's demo data.

    Registered as a Tenant so `migrate_schemas` keeps it in step with every clone.
    """
    name = template_schema_name()
    template = Tenant.objects.filter(schema_name=name).first()
    if template is not None and schema_exists(name):
        return template
    connection.set_schema_to_public()
    if template is None:
        template = Tenant(schema_name=name)
        template.save(verbosity=0)
    else:
        template.create_schema(verbosity=0)
    with schema_context(name):
        _strip_wagtail_initial_data()
    return template


def _strip_wagtail_initial_data():
    """Wagtail's migrations add a welcome page, a default site and two network-wide
    groups (Editors, Moderators) with rights on the root page; a clone must start bare.
    """
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    GroupPagePermission.objects.all().delete()
    GroupCollectionPermission.objects.all().delete()
    WorkflowState.objects.all().delete()
    Workflow.objects.all().delete()
    GroupApprovalTask.objects.all().delete()
    Group.objects.filter(name__in=["Editors", "Moderators"], node_role__isnull=True).delete()
