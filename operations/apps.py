from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    label = "xfoperations"
    verbose_name = "网站运行监测"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # marks a schema changed when a page is published, unpublished or deleted
        from . import signals  # noqa: F401
