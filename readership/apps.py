from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    name = "readership"
    label = "readership"
    verbose_name = "阅读统计"
