"""网上课堂 on every site (/classroom/), wired in xfnet.urls."""

from django.urls import path

from .views.public import course_list, course_page, lesson_done, lesson_page, lesson_progress

urlpatterns = [
    path("", course_list, name="classroom"),
    path("<uuid:uuid>/", course_page, name="classroom_course"),
    path("lesson/<uuid:uuid>/", lesson_page, name="classroom_lesson"),
    path("lesson/<uuid:uuid>/progress/", lesson_progress, name="classroom_progress"),
    path("lesson/<uuid:uuid>/done/", lesson_done, name="classroom_done"),
]
