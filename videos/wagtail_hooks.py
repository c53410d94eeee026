"""视频 in the admin: the screen, the upload, and the chooser the editors use."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem

from .access import may_keep_videos
from .views.admin import UploadView, VideoScreen
from .views.chooser import video_chooser_viewset


@hooks.register("register_admin_urls")
def register_video_urls():
    return [
        path("videos/", VideoScreen.as_view(), name="xf_videos"),
        path("videos/upload/", UploadView.as_view(), name="xf_videos_upload"),
    ]


@hooks.register("register_admin_viewset")
def register_video_chooser():
    return video_chooser_viewset


@hooks.register("register_admin_menu_item")
def register_videos_menu():
    return NodeMenuItem(
        "视频", reverse("xf_videos"), icon_name="media", order=257, shown_to=may_keep_videos
    )
