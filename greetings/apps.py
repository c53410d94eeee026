from django.apps import AppConfig


class GreetingsConfig(AppConfig):
    name = "greetings"
    label = "xfgreetings"
    verbose_name = "心灵港湾"
    default_auto_field = "django.db.models.BigAutoField"
