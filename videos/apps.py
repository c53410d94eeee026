from django.apps import AppConfig


class VideosConfig(AppConfig):
    name = "videos"
    label = "xfvideos"
    verbose_name = "视频"
    default_auto_field = "django.db.models.BigAutoField"
