from django.apps import AppConfig


class ClassroomConfig(AppConfig):
    name = "classroom"
    label = "xfclassroom"
    verbose_name = "网上课堂"
    default_auto_field = "django.db.models.BigAutoField"
