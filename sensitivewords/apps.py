from django.apps import AppConfig


class SensitiveWordsConfig(AppConfig):
    name = "sensitivewords"
    label = "xfsensitive"
    verbose_name = "错敏词"
    default_auto_field = "django.db.models.BigAutoField"
