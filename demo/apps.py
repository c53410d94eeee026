from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network (`manage.py demo`); installed by the dev and test settings only,
    so production needs neither it nor the factories it is built with."""

    name = "demo"
    label = "demo"
    verbose_name = "演示网络"
