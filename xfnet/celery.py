"""The Celery app: tasks run in the schema of the tenant that sent them."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xfnet.settings.dev")

app = CeleryApp("xfnet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
