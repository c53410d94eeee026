from django.apps import AppConfig


class SharedBlocksConfig(AppConfig):
    name = "shared_blocks"
    label = "shared_blocks"
    verbose_name = "共享板块"
    default_auto_field = "django.db.models.BigAutoField"
