from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    label = "network"
    verbose_name = "站群网络"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the host cache's invalidation)
        from .admin_scope import restrict_page_listing_filters

        restrict_page_listing_filters()
