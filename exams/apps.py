from django.apps import AppConfig


class ExamsConfig(AppConfig):
    name = "exams"
    label = "xfexams"
    verbose_name = "网上考试"
    default_auto_field = "django.db.models.BigAutoField"
