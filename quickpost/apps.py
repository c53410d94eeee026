from django.apps import AppConfig


class QuickPostConfig(AppConfig):
    name = "quickpost"
    label = "quickpost"
    verbose_name = "写稿"
