from django.apps import AppConfig


class MessageBoardConfig(AppConfig):
    name = "messageboard"
    label = "xfmessages"
    verbose_name = "网络直通车"
    default_auto_field = "django.db.models.BigAutoField"
