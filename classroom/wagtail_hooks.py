"""网上课堂 in the admin: courses, a course's lessons, a lesson's form."""

from django.urls import path, reverse
from wagtail import hooks

from network.screens import NodeMenuItem

from .access import may_keep_courses
from .views.admin import CourseListView, CourseView, LessonView


@hooks.register("register_admin_urls")
def register_classroom_urls():
    return [
        path("classroom/", CourseListView.as_view(), name="xf_courses"),
        path("classroom/<int:pk>/", CourseView.as_view(), name="xf_course"),
        path("classroom/<int:pk>/lessons/new/", LessonView.as_view(), name="xf_lesson_new"),
        path("classroom/<int:pk>/lessons/<int:lesson_pk>/", LessonView.as_view(), name="xf_lesson"),
    ]


@hooks.register("register_admin_menu_item")
def register_classroom_menu():
    return NodeMenuItem(
        "网上课堂", reverse("xf_courses"), icon_name="group", order=258, shown_to=may_keep_courses
    )
