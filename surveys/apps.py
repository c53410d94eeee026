from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    label = "xfsurveys"
    verbose_name = "调查投票"
    default_auto_field = "django.db.models.BigAutoField"
