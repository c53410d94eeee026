from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    label = "pagecache"
    verbose_name = "页面缓存"

    def ready(self):
        # connects the handlers that drop stale pages, once models load
        from . import signals  # noqa: F401
