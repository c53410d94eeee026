"""网上考试 for members (/exams/), wired in xfnet.urls."""

from django.urls import path

from .views.public import attempt_page, attempt_save, attempt_submit, exam_list, exam_start

urlpatterns = [
    path("", exam_list, name="exam_list"),
    path("<uuid:uuid>/", exam_start, name="exam_start"),
    path("a/<int:attempt_id>/", attempt_page, name="exam_attempt"),
    path("a/<int:attempt_id>/save/", attempt_save, name="exam_save"),
    path("a/<int:attempt_id>/submit/", attempt_submit, name="exam_submit"),
]
