from django.apps import AppConfig


class ReadAloudConfig(AppConfig):
    name = "readaloud"
    label = "xfreadaloud"
    verbose_name = "语音播报"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # asks for an article's audio when it is published, forgets it when withdrawn
        from . import signals  # noqa: F401
