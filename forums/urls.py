"""论坛议事 on every site (/forum/), wired in xfnet.urls."""

from django.urls import path

from .views.public import board_page, forum_home, image, report_post, topic_page

urlpatterns = [
    path("", forum_home, name="forum_home"),
    path("t/<int:topic_id>/", topic_page, name="forum_topic"),
    path("p/<int:post_id>/report/", report_post, name="forum_report"),
    path("images/<uuid:image_uuid>/", image, name="forum_image"),
    path("<slug:slug>/", board_page, name="forum_board"),
]
