from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    label = "themes"
    verbose_name = "站点外观"

    def ready(self):
        # connects the handler that makes renditions on upload, once models load
        from . import signals  # noqa: F401
