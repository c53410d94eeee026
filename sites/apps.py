from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "sites"
    # "sites" is django.contrib.sites' label; keep clear of it.
    label = "xfsites"
    verbose_name = "站点内容"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .indexing import route_page_indexing_through_batches
        from .models import ColumnPage, HomePage

        route_page_indexing_through_batches([HomePage, ColumnPage])
