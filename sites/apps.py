from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "sites"
    # "sites" is django.contrib.sites' label; keep clear of it.
    label = "xfsites"
    verbose_name = "站点内容"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # models and signal connections wait for the app registry
        from . import admin_indexing, models

        admin_indexing.index_in_batches([models.HomePage, models.ColumnPage])
