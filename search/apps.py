from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    # "search" alone is too likely to clash; Wagtail's own is "wagtailsearch"
    label = "xfsearch"
    verbose_name = "全文检索"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # connects the handlers that let publishing reach the index, once models load
        from . import signals  # noqa: F401
