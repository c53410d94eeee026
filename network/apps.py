from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = "站群网络"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # connects the host cache's invalidation; Wagtail's admin views need the registry
        from . import signals, wagtail_internals  # noqa: F401

        wagtail_internals.restrict_page_listing_filters()
        wagtail_internals.ask_only_tasks_under_review()
