from django.apps import AppConfig


class LearningConfig(AppConfig):
    """学习积分 as members and officers see it: points for lessons (classroom), passed
    exams (exams) and published articles (here), in the one ledger of syndication."""

    name = "learning"
    label = "xflearning"
    verbose_name = "学习积分"

    def ready(self):
        from . import signals  # noqa: F401  connects the article handlers
