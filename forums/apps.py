from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    label = "xfforums"
    verbose_name = "论坛议事"
    default_auto_field = "django.db.models.BigAutoField"
