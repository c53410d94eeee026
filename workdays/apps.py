from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "workdays"
    label = "xfworkdays"
    verbose_name = "节假日安排"
    default_auto_field = "django.db.models.BigAutoField"
