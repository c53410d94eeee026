from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    label = "syndication"
    verbose_name = "稿件流转"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # connects the origin-page handlers, once models load
        from . import signals  # noqa: F401
